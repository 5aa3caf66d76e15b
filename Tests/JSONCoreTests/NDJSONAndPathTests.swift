import JSONCore
import Testing

@Suite struct NDJSONTests {
    @Test func splitsLinesSkippingBlanksAndCR() {
        let text = Array("{\"a\":1}\r\n\n  \n[2]\n\"x\"".utf8)
        let lines = NDJSON.parse(text, parallel: false)
        #expect(lines.map(\.lineNumber) == [1, 4, 5])
        #expect(lines.map { try? $0.result.get() } == [["a": 1], [2], "x"])
    }

    @Test func errorsAreLocatedInTheWholeDocument() throws {
        let text = Array("{\"a\":1}\n{\"b\":}\n[3]\n".utf8)
        let lines = NDJSON.parse(text)
        #expect(lines.count == 3)
        guard case .failure(let error) = lines[1].result else {
            Issue.record("line 2 should fail")
            return
        }
        #expect(error.line == 2)
        #expect(error.position >= 8 && error.position <= 14)
        #expect(try lines[2].result.get() == [3])
    }

    @Test func parallelParsingKeepsOrder() throws {
        var writer = JSONWriter(reservingCapacity: 1 << 20)
        let count = 5_000
        for i in 0..<count {
            writer.beginObject()
            writer.member("seq", Int64(i))
            writer.member("name", "entry-\(i)")
            writer.endObject()
            writer.newline()
            if i % 997 == 0 { writer.rawValue(Array("{bad".utf8)); writer.newline() }
        }
        let bytes = writer.take()
        let parallel = NDJSON.parse(bytes, parallel: true)
        let serial = NDJSON.parse(bytes, parallel: false)
        #expect(parallel == serial)
        #expect(parallel.map(\.lineNumber) == Array(1...parallel.count))
        let values = parallel.compactMap { try? $0.result.get() }
        #expect(values.count == count)
        #expect(values.map { $0["seq"]?.int64Value } == (0..<count).map { Int64($0) })
        #expect(parallel.count - values.count == 6)
    }

    @Test func deepLinesParseOnWorkerThreads() throws {
        let deep = String(repeating: "[{\"a\":", count: 256) + "1" + String(repeating: "}]", count: 256)
        let text = Array(Array(repeating: deep, count: 300).joined(separator: "\n").utf8)
        let lines = NDJSON.parse(text, parallel: true)
        #expect(lines.count == 300)
        #expect(lines.allSatisfy { (try? $0.result.get()) != nil })
        let value = try #require(try lines.last?.result.get())
        #expect(value.serialized() == Array(deep.utf8))
    }

    @Test func emptyInput() {
        #expect(NDJSON.parse([]).isEmpty)
        #expect(NDJSON.parse(Array("\n\n".utf8)).isEmpty)
    }
}

@Suite struct JSONPathTests {
    @Test func rendersLikeP4RuntimeErrorMessages() {
        let path = JSONPath.root / "updates" / 2 / "entity" / "tableEntry" / "match" / 0
        #expect(path.description == "updates[2].entity.tableEntry.match[0]")
        #expect(JSONPath.root.description == "$")
        #expect((JSONPath.root / "a b" / "c").description == #"["a b"].c"#)
        #expect((JSONPath.root / 1).description == "[1]")
        #expect((JSONPath.root / "@type").description == "@type")
    }
}
