import JSONCore
import Synchronization
import Testing

@Suite struct JSONSerializationTests {
    static let sample: JSONValue = [
        "name": "t\"ab\\le\n\u{1}",
        "id": 33_554_433,
        "neg": -9_223_372_036_854_775_808,
        "ratio": 0.25,
        "flags": [true, false, nil],
        "nested": ["empty": [], "emptyObject": .object(JSONObject()), "deep": [[1], ["k": "v"]]],
        "unicode": "é€😀",
    ]

    @Test func compactOutput() {
        let text = Self.sample.serializedString()
        #expect(
            text == #"{"name":"t\"ab\\le\n\u0001","id":33554433,"neg":-9223372036854775808,"ratio":0.25,"#
                + #""flags":[true,false,null],"nested":{"empty":[],"emptyObject":{},"deep":[[1],{"k":"v"}]},"#
                + #""unicode":"é€😀"}"#)
    }

    @Test func prettyOutput() {
        let value: JSONValue = ["a": [1, 2], "b": .object(JSONObject()), "c": []]
        #expect(value.serializedString(.pretty) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }

    @Test func escaping() {
        #expect(JSONValue.string("\u{8}\u{C}\n\r\t\u{1F}/\u{7F}").serializedString() == #""\b\f\n\r\t\u001f/\#u{7F}""#)
    }

    /// Reference escaper, one scalar at a time.
    static func referenceQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u00" + (hex.count == 1 ? "0" + hex : hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func escapingMatchesAReferenceAtEveryPosition() throws {
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "\n", "\u{1}", "\u{1F}", "é", "€", "😀", "/", "\u{7F}", "~"]
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(seed >> 58)
            var text = ""
            for _ in 0..<length {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            let encoded = JSONValue.string(text).serializedString()
            #expect(encoded == Self.referenceQuoted(text))
            #expect(try JSONValue.parse(encoded) == .string(text))
        }
    }

    @Test func doublesAndIntegers() {
        #expect(JSONValue.double(1).serializedString() == "1.0")
        #expect(JSONValue.double(.infinity).serializedString() == "null")
        #expect(JSONValue.double(.nan).serializedString() == "null")
        #expect(JSONValue.integer(0).serializedString() == "0")
        #expect(JSONValue.integer(-5).serializedString() == "-5")
        #expect(JSONValue.integer(1_000_000).serializedString() == "1000000")
    }

    @Test(arguments: [JSONStyle.compact, .pretty])
    func roundTrips(_ style: JSONStyle) throws {
        let bytes = Self.sample.serialized(style)
        #expect(try JSONValue.parse(bytes) == Self.sample)
    }

    @Test(arguments: [JSONStyle.compact, .pretty])
    func writerMatchesSerializer(_ style: JSONStyle) {
        var writer = JSONWriter(style: style)
        writer.value(Self.sample)
        #expect(writer.bytes == Self.sample.serialized(style))
        let complete = writer.isComplete
        #expect(complete)

        var manual = JSONWriter(style: style)
        manual.beginObject()
        manual.member("tableId", 33_554_433)
        manual.key("match")
        manual.beginArray()
        manual.beginObject()
        manual.member("fieldId", 1)
        manual.key("exact")
        manual.beginObject()
        manual.member("value", "CgAAAQ==")
        manual.endObject()
        manual.endObject()
        manual.endArray()
        manual.member("priority", Int64(10))
        manual.member("isDefault", false)
        manual.key("ratio")
        manual.double(0.5)
        manual.key("none")
        manual.null()
        manual.key("empty")
        manual.beginArray()
        manual.endArray()
        manual.endObject()
        let equivalent: JSONValue = [
            "tableId": 33_554_433, "match": [["fieldId": 1, "exact": ["value": "CgAAAQ=="]]], "priority": 10,
            "isDefault": false, "ratio": 0.5, "none": nil, "empty": [],
        ]
        #expect(manual.bytes == equivalent.serialized(style))
    }

    @Test func writerProducesNDJSON() throws {
        var writer = JSONWriter()
        for i in 0..<3 {
            writer.beginObject()
            writer.member("i", Int64(i))
            writer.endObject()
            writer.newline()
        }
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n")
        let lines = NDJSON.parse(writer.take())
        #expect(lines.map(\.lineNumber) == [1, 2, 3])
        let remaining = writer.count
        #expect(remaining == 0)
    }

    @Test func drainMovesBytesOutInPieces() {
        var writer = JSONWriter(reservingCapacity: 8)
        writer.beginArray()
        for i in 0..<100 { writer.string("item \(i)") }
        writer.endArray()
        let expected = writer.bytes
        let sameView = writer.withBytes { Array($0) }
        #expect(sameView == expected)
        var drained: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 7)
        while true {
            let n = piece.withUnsafeMutableBytes { writer.drain(into: $0) }
            if n == 0 { break }
            drained += piece[..<n]
        }
        #expect(drained == expected)
        let left = writer.count
        #expect(left == 0)
    }

    @Test func rawValueIsInsertedAsAnElement() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.integer(1)
        writer.rawValue(Array(#"{"x":2}"#.utf8))
        writer.endArray()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"[1,{"x":2}]"#)
    }

    @Test func objectEditingKeepsOrderAndIndex() throws {
        var object = JSONObject()
        for i in 0..<40 { object["k\(i)"] = .integer(Int64(i)) }
        #expect(object.count == 40)
        #expect(object["k33"] == 33)
        object["k5"] = "five"
        #expect(object.keys[5] == "k5")
        #expect(object["k5"] == "five")
        object["k0"] = nil
        #expect(object.count == 39)
        #expect(object["k39"] == 39)
        #expect(object.position(of: "k1") == 0)
        #expect(!object.contains("k0"))
    }
}

/// The shape a streaming producer uses: a writer inside a mutex in a Sendable class, drained into the server's
/// buffer piece by piece.
private final class StreamingSource: Sendable {
    private let writer = Mutex(JSONWriter())

    func emit(_ index: Int) {
        writer.withLock { writer in
            writer.beginObject()
            writer.member("index", Int64(index))
            writer.endObject()
            writer.newline()
        }
    }

    func drain(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        writer.withLock { $0.drain(into: buffer) }
    }
}

@Suite struct JSONWriterSharingTests {
    @Test func writerWorksBehindAMutex() {
        let source = StreamingSource()
        for i in 0..<50 { source.emit(i) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { source.drain(into: $0) }
            if n == 0 { break }
            out += buffer[..<n]
        }
        let lines = NDJSON.parse(out, parallel: false)
        #expect(lines.compactMap { try? $0.result.get()["index"]?.int64Value } == (0..<50).map { Int64($0) })
    }
}
