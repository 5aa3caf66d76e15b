import Foundation
import P4Model
import TestSupport
import Testing

@Suite("P4Info encoding")
struct P4InfoEncodingTests {
    @Test func sampleRoundTripsThroughTextFormatAndJSON() throws {
        let p4info = try SampleP4Info.p4info()
        #expect(try P4Info(textFormat: p4info.textFormat) == p4info)
        let json = p4info.encoded(as: .json)
        let decoded = try P4Info.decode(message: json, encoding: .json)
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.p4info == p4info)
    }

    @Test func jsonTreeUsesProto3Conventions() throws {
        let tree = try SampleP4Info.p4info().encoded(as: .json)
        #expect(tree.fields.map(\.name).prefix(3) == ["pkgInfo", "tables", "actions"])
        guard case .list(let tables) = tree.fields[1].value, tables.count == 3, case .message(let table) = tables[0] else {
            Issue.record("tables is not a list of three messages")
            return
        }
        #expect(table.fields.map(\.name) == ["preamble", "matchFields", "actionRefs", "initialDefaultAction",
            "directResourceIds", "size", "idleTimeoutBehavior"])
        #expect(table.fields.first { $0.name == "directResourceIds" }?.value
            == .list([.integer(ProtoInteger(0x1300_0001)), .integer(ProtoInteger(0x1500_0001))]))
        #expect(table.fields.first { $0.name == "size" }?.value == .string(Array("1024".utf8)), "int64 as a string")
        #expect(table.fields.first { $0.name == "idleTimeoutBehavior" }?.value == .identifier("NOTIFY_CONTROL"))
        let typeInfo = try #require(tree.fields.first { $0.name == "typeInfo" })
        guard case .message(let types) = typeInfo.value,
            case .message(let enums)? = types.fields.first(where: { $0.name == "serializableEnums" })?.value
        else {
            Issue.record("typeInfo.serializableEnums missing")
            return
        }
        #expect(enums.fields.map(\.name) == ["Color"], "maps are objects keyed by name")
    }

    @Test func textFormatLayoutAndEscapes() throws {
        var message = ProtoMessage()
        message.append("a", .integer(ProtoInteger(signed: -3)))
        message.append("b", .message(ProtoMessage([ProtoField(name: "c", value: .string([0x22, 0x5c, 0x0a, 0x41, 0x00, 0xff]))])))
        message.append("d", .list([.identifier("X"), .float(1.5)]))
        message.append("e", .any(typeURL: "type.googleapis.com/a.B", ProtoMessage()))
        #expect(TextFormat.print(message) == """
            a: -3
            b {
              c: "\\"\\\\\\nA\\000\\377"
            }
            d: X
            d: 1.5
            e {
              [type.googleapis.com/a.B] {
              }
            }

            """)
        let reparsed = try TextFormat.parse(TextFormat.print(message))
        #expect(reparsed.fields.map(\.name) == ["a", "b", "d", "d", "e"])
        guard case .message(let inner) = reparsed.fields[1].value else {
            Issue.record("b is not a message")
            return
        }
        #expect(inner.fields[0].value == .string([0x22, 0x5c, 0x0a, 0x41, 0x00, 0xff]))
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)), arguments: P4InfoCorpusTests.files)
    func corpusRoundTrips(_ url: URL) throws {
        let p4info = try P4Info(textFormat: try String(contentsOf: url, encoding: .utf8))
        #expect(try P4Info(textFormat: p4info.textFormat) == p4info)
        #expect(try P4Info.decode(message: p4info.encoded(as: .json), encoding: .json).p4info == p4info)
    }
}

@Suite("Base64")
struct Base64Tests {
    @Test func encodesWithPadding() {
        #expect(Base64.encode([]) == "")
        #expect(Base64.encode([0x50]) == "UA==")
        #expect(Base64.encode([0x1f, 0x90]) == "H5A=")
        #expect(Base64.encode([0x0a, 0x60, 0x00, 0x01]) == "CmAAAQ==")
        #expect(Base64.encode([0xff, 0xef, 0xbe]) == "/+++")
    }

    @Test func decodesStandardAndURLSafeWithOrWithoutPadding() {
        #expect(Base64.decode("UA==") == [0x50])
        #expect(Base64.decode("UA") == [0x50])
        #expect(Base64.decode("AAA") == [0, 0])
        #expect(Base64.decode("_-8") == [0xff, 0xef])
        #expect(Base64.decode("/+8=") == [0xff, 0xef])
        #expect(Base64.decode("") == [])
        #expect(Base64.decode("CmAAAQ==") == [0x0a, 0x60, 0x00, 0x01])
    }

    @Test func rejectsMalformedInput() {
        #expect(Base64.decode("U") == nil)
        #expect(Base64.decode("UA=A") == nil)
        #expect(Base64.decode("U===") == nil)
        #expect(Base64.decode("UA=") == nil)
        #expect(Base64.decode("U A=") == nil)
        #expect(Base64.decode("é") == nil)
    }

    @Test func roundTripsEveryLength() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
    }
}

