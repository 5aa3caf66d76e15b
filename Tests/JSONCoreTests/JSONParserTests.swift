import JSONCore
import Testing

@Suite struct JSONParserTests {
    @Test func parsesAllTypesAndKeepsMemberOrder() throws {
        let value = try JSONValue.parse(#"{"z":1,"a":[true,false,null,1.5,-7,"s"],"m":{}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["z", "a", "m"])
        #expect(value["a"] == [true, false, nil, 1.5, -7, "s"])
        #expect(value["m"] == .object(JSONObject()))
        #expect(value["z"]?.int64Value == 1)
        #expect(value["a"]?[3]?.doubleValue == 1.5)
        #expect(value["a"]?[3]?.int64Value == nil)
        #expect(value["missing"] == nil)
        #expect(value["a"]?[99] == nil)
    }

    @Test func acceptsAnyTopLevelValue() throws {
        #expect(try JSONValue.parse("42") == 42)
        #expect(try JSONValue.parse(" \"x\" ") == "x")
        #expect(try JSONValue.parse("null") == .null)
        #expect(try JSONValue.parse("[]") == [])
    }

    @Test func integersAtTheInt64Limits() throws {
        #expect(try JSONValue.parse("9223372036854775807") == .integer(.max))
        #expect(try JSONValue.parse("-9223372036854775808") == .integer(.min))
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse("[9223372036854775808]") }
        #expect(error.message.contains("too big"))
        #expect(error.line == 1)
    }

    @Test func doublesKeepTheirValue() throws {
        for text in ["0.1", "1e300", "-2.5e-8", "1.0", "123456789.125"] {
            let value = try JSONValue.parse(text)
            let parsed = try #require(value.doubleValue)
            #expect(parsed == Double(text))
            #expect(try JSONValue.parse(value.serialized()) == value)
        }
    }

    @Test func duplicateKeysAreRejected() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#) }
        #expect(error.message.contains("duplicate"))
        #expect(throws: JSONDuplicateKeyError(key: "k")) {
            try JSONObject(members: [JSONMember(key: "k", value: 1), JSONMember(key: "k", value: 2)])
        }
    }

    @Test func errorsCarryLineColumnAndPosition() throws {
        let text = "{\n  \"a\": 1,\n  \"b\": ?\n}"
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(text) }
        #expect(error.line == 3)
        #expect(error.column >= 7)
        #expect(error.position >= 17 && error.position <= 20, "position \(error.position)")
        #expect(error.description.hasPrefix("line 3, column"))
    }

    @Test(arguments: [
        "", "   ", "{", "[1,", "{\"a\":", "\"abc", "[1] x", "{'a':1}", "[01]", "nul", "\u{0}", "[1,]", "{\"a\" 1}",
    ])
    func malformedInputThrows(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func invalidUTF8AndRawNULAreErrors() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xC3, 0x22]) }
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x5B, 0x31, 0x00, 0x5D]) }
    }

    @Test func escapedNULInStringsIsKept() throws {
        let value = try JSONValue.parse(#""a\u0000b""#)
        #expect(value == .string("a\u{0}b"))
        #expect(value.serializedString() == #""a\u0000b""#)
    }

    @Test func depthIsCapped() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue.parse(ok) }
        let deep = "\n" + String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(deep) }
        #expect(error.message.contains("512"))
        #expect(error.position == 513)
        #expect(error.line == 2)
        #expect(error.column == 513)
        // Brackets inside strings do not count.
        let inString = "[\"" + String(repeating: "[", count: 2000) + "\"]"
        #expect(throws: Never.self) { try JSONValue.parse(inString) }
        // Unbalanced deep input fails cleanly, no crash.
        #expect(throws: JSONParseError.self) { try JSONValue.parse(String(repeating: "{\"a\":", count: 100_000)) }
    }

    @Test func everyPrefixOfAValidDocumentFailsCleanly() {
        let text = Array(#"{"updates":[{"type":"INSERT","entity":{"tableEntry":{"tableId":1,"x":[1.5,null,"\u00e9"]}}}]}"#.utf8)
        for length in 0..<text.count {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text[..<length])) }
        }
        #expect(throws: Never.self) { try JSONValue.parse(text) }
    }
}
