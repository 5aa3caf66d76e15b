import Foundation
import JSONCore
import P4JSON
import P4Model
import TestSupport
import Testing

/// Our JSON is P4Runtime's JSON, as judged by P4Runtime's own Python bindings: the script prints messages of every
/// kind with `json_format.MessageToJson`, we decode and re-encode them, and the script `json_format.Parse`s our
/// output back and compares.
@Suite("Contract with P4Runtime's Python bindings")
struct ContractTests {
    static let script = Fixtures.project("Tests/P4JSONTests/Contract/p4runtime_contract.py").path

    /// Decode-then-encode for each message type the corpus holds, keyed by proto name.
    static let codecs: [String: @Sendable ([UInt8]) throws -> [UInt8]] = [
        "p4.v1.WriteRequest": { try ProtoJSON.encode(ProtoJSON.decode(WriteRequest.self, from: $0)) },
        "p4.v1.WriteResponse": { try ProtoJSON.encode(ProtoJSON.decode(WriteResponse.self, from: $0)) },
        "p4.v1.ReadRequest": { try ProtoJSON.encode(ProtoJSON.decode(ReadRequest.self, from: $0)) },
        "p4.v1.ReadResponse": { try ProtoJSON.encode(ProtoJSON.decode(ReadResponse.self, from: $0)) },
        "p4.v1.SetForwardingPipelineConfigRequest": {
            try ProtoJSON.encode(ProtoJSON.decode(SetForwardingPipelineConfigRequest.self, from: $0))
        },
        "p4.v1.SetForwardingPipelineConfigResponse": {
            try ProtoJSON.encode(ProtoJSON.decode(SetForwardingPipelineConfigResponse.self, from: $0))
        },
        "p4.v1.GetForwardingPipelineConfigRequest": {
            try ProtoJSON.encode(ProtoJSON.decode(GetForwardingPipelineConfigRequest.self, from: $0))
        },
        "p4.v1.GetForwardingPipelineConfigResponse": {
            try ProtoJSON.encode(ProtoJSON.decode(GetForwardingPipelineConfigResponse.self, from: $0))
        },
        "p4.v1.CapabilitiesRequest": { try ProtoJSON.encode(ProtoJSON.decode(CapabilitiesRequest.self, from: $0)) },
        "p4.v1.CapabilitiesResponse": { try ProtoJSON.encode(ProtoJSON.decode(CapabilitiesResponse.self, from: $0)) },
        "p4.v1.StreamMessageRequest": { try ProtoJSON.encode(ProtoJSON.decode(StreamMessageRequest.self, from: $0)) },
        "p4.v1.StreamMessageResponse": {
            try ProtoJSON.encode(ProtoJSON.decode(StreamMessageResponse.self, from: $0))
        },
        "google.rpc.Status": { try ProtoJSON.encode(ProtoJSON.decode(P4RuntimeError.self, from: $0)) },
    ]

    @Test(.enabled(if: PythonEnvironment.hasP4Runtime, Comment(rawValue: PythonEnvironment.skipMessage)))
    func pythonPrintsWeParseAndPythonParsesWhatWePrint() throws {
        let corpus = PythonEnvironment.temporaryFile("corpus.ndjson")
        let checked = PythonEnvironment.temporaryFile("checked.ndjson")
        defer {
            try? FileManager.default.removeItem(at: corpus)
            try? FileManager.default.removeItem(at: checked)
        }
        let generated = try PythonEnvironment.run([Self.script, "generate", corpus.path])
        try #require(generated.status == 0, Comment(rawValue: generated.output))
        let lines = try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 40)
        var output = ""
        for (number, line) in lines.enumerated() {
            let record = try JSONValue.parse(String(line))
            let type = try #require(record["type"]?.stringValue)
            let json = try #require(record["json"]?.stringValue)
            let codec = try #require(Self.codecs[type], "no codec for \(type)")
            let ours: [UInt8]
            do {
                ours = try codec(Array(json.utf8))
            } catch {
                Issue.record("line \(number + 1) (\(type)): our decoder rejected MessageToJson output: \(error)")
                continue
            }
            // The script writes each message twice: lowerCamelCase, then with original field names. Our output for
            // the first must be Python's (modulo key order). The second differs only inside opaque Any contents,
            // whose keys we echo as written; the Python check below covers it.
            if number % 2 == 0, let difference = firstDifference(try JSONValue.parse(ours), try JSONValue.parse(json)) {
                Issue.record("line \(number + 1) (\(type)): ours vs MessageToJson differ at \(difference)")
            }
            let checkRecord: JSONValue = [
                "type": .string(type), "json": .string(json), "ours": .string(String(decoding: ours, as: UTF8.self)),
            ]
            output += checkRecord.serializedString() + "\n"
        }
        try output.write(to: checked, atomically: true, encoding: .utf8)
        let verdict = try PythonEnvironment.run([Self.script, "check", checked.path])
        #expect(verdict.status == 0, Comment(rawValue: verdict.output))
    }
}
