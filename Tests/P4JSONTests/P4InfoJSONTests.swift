import Foundation
import JSONCore
import P4JSON
import P4Model
import TestSupport
import Testing

@Suite("P4Info JSON")
struct P4InfoJSONTests {
    static let fixtures = Fixtures.files(under: Fixtures.shared("p4info"), endingWith: [".txt"])
        .filter { !$0.lastPathComponent.contains("broken") }

    @Test(
        .enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)),
        arguments: fixtures)
    func fixturesRoundTripThroughJSON(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let p4info = try P4Info.decode(textFormat: text).p4info
        let json = p4info.protoJSON
        let back = try P4InfoJSON.decode(json)
        #expect(back == p4info, "\(file.lastPathComponent)")
        // snake_case keys are accepted as well: re-key the JSON and decode again.
        let snake = String(decoding: json, as: UTF8.self)
            .replacingOccurrences(of: "\"matchFields\"", with: "\"match_fields\"")
            .replacingOccurrences(of: "\"actionRefs\"", with: "\"action_refs\"")
        #expect(try P4InfoJSON.decode(Array(snake.utf8)) == p4info)
    }

    @Test func p4cStyleJSONWithTypeInfoMaps() throws {
        let json = """
            {"pkgInfo": {"arch": "pna"},
             "actions": [{"preamble": {"id": 16777217, "name": "send", "alias": "send"},
                          "params": [{"id": 1, "name": "port", "bitwidth": 32, "typeName": {"name": "PortId_t"}}]}],
             "registers": [{"preamble": {"id": 369098753, "name": "r", "alias": "r"},
                            "typeSpec": {"struct": {"name": "pair_t"}}, "size": 4}],
             "typeInfo": {"structs": {"pair_t": {"members": [{"name": "a", "typeSpec": {"bitstring": {"bit": {"bitwidth": 8}}}},
                                                              {"name": "b", "typeSpec": {"bool": {}}}]}},
                          "newTypes": {"PortId_t": {"translatedType": {"uri": "p4.org/pna/v1/PortId_t", "sdnBitwidth": 32}}},
                          "serializableEnums": {"color_t": {"underlyingType": {"bitwidth": 2},
                             "members": [{"name": "GREEN", "value": "AA=="}, {"name": "RED", "value": "Ag=="}]}}}}
            """
        let p4info = try P4InfoJSON.decode(Array(json.utf8))
        #expect(p4info.typeInfo?.structs["pair_t"]?.members.map(\.name) == ["a", "b"])
        #expect(p4info.typeInfo?.serializableEnums["color_t"]?.members.last?.value == [2])
        if case .translatedType(let translation)? = p4info.typeInfo?.newTypes["PortId_t"]?.representation {
            #expect(translation.sdnType == .sdnBitwidth(32))
        } else {
            Issue.record("expected a translated type")
        }
        let printed = try JSONValue.parse(p4info.protoJSON)
        #expect(firstDifference(printed, try JSONValue.parse(json)) == nil)
    }

    @Test func pipelineConfigCarriesP4Info() throws {
        let json = """
            {"deviceId": "1", "electionId": {}, "action": "VERIFY_AND_COMMIT",
             "config": {"p4info": {"tables": [{"preamble": {"id": 33554433, "name": "t"}, "size": "16"}]},
                        "p4deviceConfig": "c3BlYw==", "cookie": {}}}
            """
        let error = try #require(throws: P4RuntimeError.self) {
            try ProtoJSON.decode(SetForwardingPipelineConfigRequest.self, from: json)
        }
        #expect(error.message.hasPrefix(#"config.p4deviceConfig: unknown field"#))
        let fixed = json.replacingOccurrences(of: "p4deviceConfig", with: "p4_device_config")
        let request = try ProtoJSON.decode(SetForwardingPipelineConfigRequest.self, from: fixed)
        #expect(request.config?.p4DeviceConfig == Array("spec".utf8))
        #expect(request.config?.cookie == ForwardingPipelineConfig.Cookie(cookie: 0))
        #expect(request.config?.p4info?.tables.first?.size == 16)
        let bad = #"{"config": {"p4info": {"tables": [{"preamble": {"id": "x"}}]}}}"#
        let badError = try #require(throws: P4RuntimeError.self) {
            try ProtoJSON.decode(SetForwardingPipelineConfigRequest.self, from: bad)
        }
        #expect(badError.message.hasPrefix("config.p4info: "))
        #expect(badError.message.contains("tables[0].preamble.id"))
    }
}
