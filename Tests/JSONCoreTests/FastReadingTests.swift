import JSONCore
import Testing

@Suite struct JSONNodeTests {
    @Test func readsScalarsMembersAndElementsOfTheParsedDocument() throws {
        let text = Array(#"{"a":1,"b":"x\u0000y","c":[true,null,2.5],"d":{}}"#.utf8)
        let summary = try text.withUnsafeBytes { buffer in
            try JSONParser().withDocument(buffer) { root -> [String] in
                var seen: [String] = []
                for (key, value) in root.members {
                    switch key {
                    case "a": seen.append("a=\(value.integer ?? -1)")
                    case "b": seen.append("b=\(Array(value.stringBytes ?? UnsafeRawBufferPointer(start: nil, count: 0)))")
                    case "c":
                        seen.append("c=\(value.count) \(value[0]?.bool ?? false) \(value[1]?.isNull ?? false) \(value[2]?.integer == nil) \(value[3] == nil)")
                    default: seen.append("\(key.string) object=\(value.isObject) count=\(value.count)")
                    }
                }
                return seen
            }
        }
        #expect(summary == ["a=1", "b=[120, 0, 121]", "c=3 true true true true", "d object=true count=0"])
    }

    @Test func convertsToTheSameValueAsParse() throws {
        let text = Array(#"{"k":[1,{"x":"y"},false,-2.5e3],"z":null}"#.utf8)
        let viaNode = try text.withUnsafeBytes { buffer in try JSONParser().withDocument(buffer) { $0.value } }
        #expect(viaNode == (try JSONParser().parse(text)))
    }

    @Test func parseErrorsAreTheSame() {
        let text = Array("{\"a\": }".utf8)
        var viaNode: JSONParseError?
        text.withUnsafeBytes { buffer in
            do throws(JSONParseError) {
                _ = try JSONParser().withDocument(buffer) { _ in 0 }
            } catch {
                viaNode = error
            }
        }
        var viaParse: JSONParseError?
        do throws(JSONParseError) {
            _ = try JSONParser().parse(text)
        } catch {
            viaParse = error
        }
        #expect(viaNode != nil && viaNode == viaParse)
    }

    @Test func mapsArrayElementsInOrderOnAllCores() throws {
        let count = 5_000
        let text = Array(("[" + (0..<count).map(String.init).joined(separator: ",") + "]").utf8)
        let values = try text.withUnsafeBytes { buffer in
            try JSONParser().withDocument(buffer) { root in root.mapElements { index, element in (index, element.integer) } }
        }
        #expect(values.count == count)
        #expect(values.allSatisfy { $0.0 == Int($0.1 ?? -1) })
    }
}

@Suite struct JSONScannerTests {
    @Test func readsTheSubset() {
        let text = Array(" { \"a\" : [ 1 , -0 , 123456789012345678 ] ,\"b\":\"x y\",\"c\":true,\"d\":false,\"e\":{}}\n".utf8)
        text.withUnsafeBytes { buffer in
            var s = JSONScanner(buffer)
            let opened = s.beginObject()
            #expect(opened)
            var first = true
            var keys: [String] = []
            var integers: [Int64] = []
            loop: while true {
                switch s.nextMember(&first) {
                case .end: break loop
                case .invalid:
                    Issue.record("invalid at \(s.offset)")
                    return
                case .next(let key):
                    keys.append(key.string)
                    switch key {
                    case "a":
                        let isArray = s.beginArray()
                        #expect(isArray)
                        var elementFirst = true
                        while s.nextElement(&elementFirst) == true { integers.append(s.integer() ?? -1) }
                    case "b":
                        let text = s.string().map { String(decoding: $0, as: UTF8.self) }
                        #expect(text == "x y")
                    case "c":
                        let flag = s.bool()
                        #expect(flag == true)
                    case "d":
                        let flag = s.bool()
                        #expect(flag == false)
                    default:
                        let isObject = s.beginObject()
                        #expect(isObject)
                        var inner = true
                        guard case .end = s.nextMember(&inner) else {
                            Issue.record("expected an empty object")
                            return
                        }
                    }
                }
            }
            #expect(keys == ["a", "b", "c", "d", "e"])
            #expect(integers == [1, 0, 123456789012345678])
            let finished = s.finish()
            #expect(finished)
        }
    }

    @Test(arguments: [#""a\"b""#, #""é""#, "\"a\tb\"", "01", "1.5", "1e3", "-", "1234567890123456789", "null", "tru"])
    func refusesWhatIsOutsideTheSubset(_ text: String) {
        Array(text.utf8).withUnsafeBytes { buffer in
            var s = JSONScanner(buffer)
            let accepted = s.nextIsString() ? s.string() != nil : (s.integer() != nil || s.bool() != nil)
            let finished = s.finish()
            #expect(!(accepted && finished), "\(text)")
        }
    }

    @Test func refusesTrailingCommasAndGarbage() {
        for text in [#"{"a":1,}"#, #"[1,]"#, #"{"a":1} x"#, #"{"a" 1}"#] {
            Array(text.utf8).withUnsafeBytes { buffer in
                var s = JSONScanner(buffer)
                var ok = true
                if s.beginObject() {
                    var first = true
                    loop: while true {
                        switch s.nextMember(&first) {
                        case .end: break loop
                        case .invalid: ok = false; break loop
                        case .next: if s.integer() == nil { ok = false; break loop }
                        }
                    }
                } else if s.beginArray() {
                    var first = true
                    while true {
                        guard let more = s.nextElement(&first) else { ok = false; break }
                        if !more { break }
                        if s.integer() == nil { ok = false; break }
                    }
                }
                let finished = s.finish()
                #expect(!(ok && finished), "\(text)")
            }
        }
    }
}

@Suite struct NDJSONPrefilterTests {
    @Test func prefilteredLinesSkipParsingOthersAreParsedAndLocated() {
        let text = Array("7\n{\"a\":1}\n\n{bad\n".utf8)
        let results: [String] = text.withUnsafeBytes { buffer in
            NDJSON.decodeLines(buffer, prefilter: { line in line.count == 1 ? "fast \(line[0] - 48)" : nil }) {
                index, lineNumber, parsed in
                switch parsed {
                case .success(let root): return "parsed \(index) \(lineNumber) \(root.count)"
                case .failure(let error): return "error \(index) \(error.line)"
                }
            }
        }
        #expect(results == ["fast 7", "parsed 1 2 1", "error 2 4"])
    }
}

@Suite struct JSONWriterLiteralKeyTests {
    @Test(arguments: [JSONStyle.compact, .pretty])
    func literalKeysWriteWhatKeysWrite(_ style: JSONStyle) {
        var viaLiteral = JSONWriter(style: style)
        var viaString = JSONWriter(style: style)
        viaLiteral.beginObject()
        viaString.beginObject()
        viaLiteral.key(literal: "tableId")
        viaString.key("tableId")
        viaLiteral.integer(1)
        viaString.integer(1)
        viaLiteral.key(literal: "match_2")
        viaString.key("match_2")
        viaLiteral.beginArray()
        viaString.beginArray()
        viaLiteral.endArray()
        viaString.endArray()
        viaLiteral.endObject()
        viaString.endObject()
        let literal = viaLiteral.bytes
        let string = viaString.bytes
        #expect(literal == string)
    }
}
