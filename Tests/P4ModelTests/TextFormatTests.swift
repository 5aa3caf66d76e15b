import P4Model
import Testing

@Suite("Text format")
struct TextFormatTests {
    private func value(_ text: String, _ field: String = "x") throws -> ProtoValue {
        let message = try TextFormat.parse(text)
        return try #require(message.fields.first { $0.name == field }?.value)
    }

    @Test func fieldsKeepOrderRepetitionAndPositions() throws {
        let message = try TextFormat.parse("""
            # a comment
            a: 1
            b { c: "x" }  # trailing comment
            a: 2; b < c: 'y' >, d: [3, 4]
            e: {}
            """)
        #expect(message.fields.map(\.name) == ["a", "b", "a", "b", "d", "e"])
        #expect(message.fields[0].position == SourcePosition(line: 2, column: 1))
        #expect(message.fields[1].position == SourcePosition(line: 3, column: 1))
        #expect(message.fields[3].value == .message(ProtoMessage([ProtoField(name: "c", value: .string(Array("y".utf8)))])))
        if case .message(let inner) = message.fields[3].value {
            #expect(inner.fields[0].position == SourcePosition(line: 4, column: 11))
        }
        #expect(ProtoField(name: "a", value: .identifier("X"), position: SourcePosition(line: 1, column: 1))
            == ProtoField(name: "a", value: .identifier("X")), "positions are not content")
        #expect(message.fields[4].value == .list([.integer(ProtoInteger(3)), .integer(ProtoInteger(4))]))
        #expect(message.fields[5].value == .message(ProtoMessage()))
    }

    @Test func colonIsOptionalBeforeMessagesOnly() throws {
        #expect(try value("x: { }") == .message(ProtoMessage()))
        #expect(try value("x < >") == .message(ProtoMessage()))
        let error = #expect(throws: TextFormatError.self) { try TextFormat.parse("x 5") }
        #expect(error?.description == "line 1, column 3: expected ':' or '{' after field name 'x', found '5'")
    }

    @Test func integersInEveryBase() throws {
        #expect(try value("x: 42") == .integer(ProtoInteger(42)))
        #expect(try value("x: 0x1F") == .integer(ProtoInteger(31)))
        #expect(try value("x: 0X1f") == .integer(ProtoInteger(31)))
        #expect(try value("x: 017") == .integer(ProtoInteger(15)))
        #expect(try value("x: 0") == .integer(ProtoInteger(0)))
        #expect(try value("x: -5") == .integer(ProtoInteger(signed: -5)))
        #expect(try value("x: - 5") == .integer(ProtoInteger(signed: -5)))
        #expect(try value("x: 18446744073709551615") == .integer(ProtoInteger(UInt64.max)))
        #expect(try value("x: -9223372036854775808") == .integer(ProtoInteger(signed: Int64.min)))
        #expect(ProtoInteger(signed: Int64.min).int64 == Int64.min)
        #expect(ProtoInteger(UInt64.max).int64 == nil)
        #expect(ProtoInteger(UInt64(1) << 32).uint32 == nil)
        #expect(ProtoInteger(signed: -1).uint64 == nil)
        #expect(ProtoInteger(signed: -1).int32 == -1)
    }

    @Test func floatsAndIdentifiers() throws {
        #expect(try value("x: 1.5") == .float(1.5))
        #expect(try value("x: .5") == .float(0.5))
        #expect(try value("x: 1e3") == .float(1000))
        #expect(try value("x: 2.5E-1") == .float(0.25))
        #expect(try value("x: 2f") == .float(2))
        #expect(try value("x: -inf") == .float(-.infinity))
        #expect(try value("x: inf") == .identifier("inf"))
        #expect(try value("x: EXACT") == .identifier("EXACT"))
        #expect(try value("x: true") == .identifier("true"))
    }

    @Test func stringEscapesBecomeRawBytes() throws {
        #expect(try value(#"x: "\n\t\r\a\b\f\v\\\'\"\?""#) == .string([10, 9, 13, 7, 8, 12, 11, 92, 39, 34, 63]))
        #expect(try value(#"x: "\x41\101\0\377\x7""#) == .string([0x41, 0x41, 0x00, 0xff, 0x07]))
        #expect(try value(#"x: "\u00e9\U0001F600""#) == .string(Array("é😀".utf8)))
        #expect(try value(#"x: 'it''s' "ok""#) == .string(Array("itsok".utf8)))
        #expect(try value("x: \"\n\\003x.1\"".replacingOccurrences(of: "\n", with: "\\n"))
            == .string([0x0a, 0x03, 0x78, 0x2e, 0x31]))
        #expect(try value("x: \"héllo\"").stringValue == "héllo")
        #expect(try value(#"x: "\377""#).stringValue == nil)
    }

    @Test func anyExpansionBecomesAnAnyValue() throws {
        let parsed = try value("""
            x {
              [type.googleapis.com/p4.config.v1.PkgInfo] { name: "n" }
            }
            """)
        guard case .any(let url, let content) = parsed else {
            Issue.record("expected an Any, got \(parsed)")
            return
        }
        #expect(url == "type.googleapis.com/p4.config.v1.PkgInfo")
        #expect(content.fields.map(\.name) == ["name"])
        let extensionField = try value("x { [pkg.ext]: 5 y: 1 }")
        guard case .message(let message) = extensionField else {
            Issue.record("expected a message")
            return
        }
        #expect(message.fields.map(\.name) == ["[pkg.ext]", "y"])
    }

    @Test(arguments: [
        ("x: \"abc", "line 1, column 4: unterminated string literal"),
        ("a: 1\nx: \"a\nb\"", "line 2, column 4: newline in string literal"),
        ("x: 1\n  y: @", "line 2, column 6: unexpected character '@'"),
        ("x {\n  y: 1\n", "line 3, column 1: expected '}' before end of input"),
        ("x: 18446744073709551616", "line 1, column 4: integer literal '18446744073709551616' does not fit in 64 bits"),
        ("x: -9223372036854775809", "line 1, column 4: integer literal -9223372036854775809 does not fit in 64 bits"),
        ("x: 0x", "line 1, column 4: hex literal '0x' has no digits"),
        ("x: 09", "line 1, column 4: invalid octal literal '09'"),
        ("x: 12ab", "line 1, column 4: invalid character 'a' in number"),
        ("x: 1e", "line 1, column 4: exponent of floating-point literal has no digits"),
        (#"x: "\q""#, "line 1, column 5: invalid escape '\\q'"),
        (#"x: "\u12""#, "line 1, column 5: \\u escape needs 4 hex digits"),
        (#"x: "\400""#, "line 1, column 5: octal escape exceeds \\377"),
        ("x: -abc", "line 1, column 4: '-' must be followed by a number, found 'abc'"),
        ("x: }", "line 1, column 4: expected a value for field 'x', found '}'"),
        ("x: [1, 2", "line 1, column 9: expected ']' or ',' in the list of field 'x', found end of input"),
        ("{ }", "line 1, column 1: expected a field name, found '{'"),
        ("x { [a.b/C] { } y: 1 }", "line 1, column 17: Any expansion [a.b/C] must be the only field of its message"),
        ("x { y: 1 [a.b/C] { } }", "line 1, column 10: Any expansion [a.b/C] must be the only field of its message"),
    ])
    func syntaxErrorsHaveLineAndColumn(_ input: String, _ expected: String) {
        let error = #expect(throws: TextFormatError.self) { try TextFormat.parse(input) }
        #expect(error?.description == expected)
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "x {", count: 5000) + String(repeating: "}", count: 5000)
        let error = #expect(throws: TextFormatError.self) { try TextFormat.parse(deep) }
        #expect(error?.reason == "messages nested deeper than 100 levels")
        let fine = String(repeating: "x {", count: 100) + String(repeating: "}", count: 100)
        #expect(throws: Never.self) { try TextFormat.parse(fine) }
    }

    @Test func errorConvertsToInvalidArgument() {
        let error = TextFormatError("boom", at: SourcePosition(line: 3, column: 7))
        #expect(error.p4RuntimeError(source: "p4info.txt") == .invalidArgument("p4info.txt, line 3, column 7: boom"))
        #expect(error.line == 3 && error.column == 7)
    }
}
