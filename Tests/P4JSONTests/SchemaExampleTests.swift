import Foundation
import JSONCore
import P4JSON
import P4Model
import TestSupport
import Testing

/// Every example beside the schemas in `schemas/`: valid ones must decode with our decoder, invalid ones must be
/// rejected; and Python's `jsonschema` must agree with the schemas on the same examples.
@Suite("Schema examples")
struct SchemaExampleTests {
    static let root = Fixtures.project("schemas")

    static var schemaNames: [String] {
        Fixtures.files(under: root, endingWith: [".schema.json"])
            .filter { $0.deletingLastPathComponent().lastPathComponent == "schemas" }
            .map { String($0.lastPathComponent.dropLast(".schema.json".count)) }
    }

    /// The decoder each schema describes.
    static func decoder(for schema: String) throws -> ([UInt8]) throws -> Void {
        let friendly = FriendlyCodec(try SampleP4Info.index())
        if let codec = ContractTests.codecs[protoName(schema) ?? ""] {
            return { _ = try codec($0) }
        }
        switch schema {
        case "bulk-update-line": return { _ = try ProtoJSON.decode(Update.self, from: $0) }
        case "read-stream-line": return { _ = try ReadStream.decodeLine(ProtoJSON.parse($0)) }
        case "friendly-table-entry": return { _ = try friendly.tableEntry($0) }
        case "friendly-entity": return { _ = try friendly.entity($0) }
        case "friendly-write-request": return { _ = try friendly.writeRequest($0) }
        case "friendly-read-request": return { _ = try friendly.readRequest($0) }
        case "friendly-read-response": return { _ = try friendly.readResponse($0) }
        case "learner-timeouts": return { _ = try LearnerTimeouts.decode($0) }
        default: throw P4RuntimeError.internal("no decoder for schema \(schema)")
        }
    }

    static func protoName(_ schema: String) -> String? {
        [
            "write-request": "p4.v1.WriteRequest", "write-response": "p4.v1.WriteResponse",
            "read-request": "p4.v1.ReadRequest", "read-response": "p4.v1.ReadResponse",
            "set-pipeline-request": "p4.v1.SetForwardingPipelineConfigRequest",
            "set-pipeline-response": "p4.v1.SetForwardingPipelineConfigResponse",
            "get-pipeline-request": "p4.v1.GetForwardingPipelineConfigRequest",
            "get-pipeline-response": "p4.v1.GetForwardingPipelineConfigResponse",
            "capabilities-request": "p4.v1.CapabilitiesRequest", "capabilities-response": "p4.v1.CapabilitiesResponse",
            "stream-message-request": "p4.v1.StreamMessageRequest",
            "stream-message-response": "p4.v1.StreamMessageResponse", "status": "google.rpc.Status",
        ][schema]
    }

    @Test func everySchemaHasValidAndInvalidExamples() {
        #expect(Self.schemaNames.count >= 20)
        for name in Self.schemaNames {
            let examples = Self.root.appendingPathComponent("examples/\(name)")
            #expect(!Fixtures.files(under: examples.appendingPathComponent("valid"), endingWith: [".json"]).isEmpty, "\(name)")
            #expect(!Fixtures.files(under: examples.appendingPathComponent("invalid"), endingWith: [".json"]).isEmpty, "\(name)")
        }
    }

    @Test(arguments: schemaNames)
    func ourDecoderAgreesWithTheExamples(schema: String) throws {
        let decode = try Self.decoder(for: schema)
        let examples = Self.root.appendingPathComponent("examples/\(schema)")
        for file in Fixtures.files(under: examples, endingWith: [".json"]) {
            let bytes = Array(try Data(contentsOf: file))
            let expectValid = file.deletingLastPathComponent().lastPathComponent == "valid"
            do {
                try decode(bytes)
                #expect(expectValid, "\(schema)/\(file.lastPathComponent) decoded but is an invalid example")
            } catch {
                #expect(!expectValid, "\(schema)/\(file.lastPathComponent) rejected: \(error)")
            }
        }
    }

    @Test(.enabled(if: PythonEnvironment.hasJSONSchema, Comment(rawValue: PythonEnvironment.skipMessage)))
    func pythonJSONSchemaAgreesWithTheExamples() throws {
        let script = Fixtures.project("Tests/P4JSONTests/Contract/validate_schemas.py").path
        let result = try PythonEnvironment.run([script, Self.root.path])
        #expect(result.status == 0, Comment(rawValue: result.output))
        #expect(result.output.contains("checked"))
    }
}
