import Foundation
import HTTPServer
import Logging
import P4Model
import P4RuntimeHTTP
import P4RuntimeService
import SoftwareTarget
import Testing

/// Large all-or-nothing NDJSON writes are applied part by part while later lines decode
/// (`APIConfiguration.streamedWriteBytes`, lowered here so small bodies take that path): the outcome must be
/// exactly that of decoding the whole body first, on the software target.
struct StreamedWriteTests {
    let router: HTTPRouter

    init() throws {
        let service = P4RuntimeService()
        try service.addDevice(id: 1, target: try SoftwareTargetDevice())
        let spec = IdleTimeoutRouterTests.spec.replacingOccurrences(of: "size 0x10", with: "size 0x400")
        let p4info = IdleTimeoutRouterTests.p4info.replacingOccurrences(of: "size: 16", with: "size: 1024")
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: try P4Info.decode(textFormat: p4info).p4info,
                                             p4DeviceConfig: Array(spec.utf8))))
        var configuration = APIConfiguration()
        configuration.streamedWriteBytes = 1
        configuration.streamedWriteLinesPerPart = 7
        router = P4RuntimeAPI(service: service, configuration: configuration, logger: Logger(label: "test"))
            .makeRouter()
    }

    /// INSERT of `flows` 10.0.x.y → port `index`.
    static func insert(_ index: Int) -> String {
        let address: [UInt8] = [10, 0, UInt8(index >> 8), UInt8(index & 0xFF)]
        return #"{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":[{"fieldId":1,"exact":{"value":"\#(Base64.encode(address))"}}],"action":{"action":{"actionId":16777217,"params":[{"paramId":1,"value":"\#(Base64.encode([UInt8(index & 0xFF)]))"}]}}}}}"#
    }

    func post(_ path: String, _ contentType: String, _ body: String) -> (status: Int, text: String) {
        let segments = path.split(separator: "?")[0].split(separator: "/").map(String.init)
        guard case .matched(let handler, let bound) = router.resolve(.post, segments) else { return (404, "") }
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        var query: [HTTPRequest.QueryItem] = []
        for pair in path.split(separator: "?").dropFirst().first?.split(separator: "&") ?? [] {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            query.append(HTTPRequest.QueryItem(name: parts[0], value: parts.count > 1 ? parts[1] : nil))
        }
        let response = handler(HTTPRequest(method: .post, path: path, pathSegments: segments, pathParameters: bound,
                                           query: query, headers: headers, body: Array(body.utf8)))
        guard case .bytes(let bytes) = response.body else { return (response.status, "<stream>") }
        return (response.status, String(decoding: bytes, as: UTF8.self))
    }

    func write(_ lines: [String], atomicity: String = "ROLLBACK_ON_ERROR") -> (status: Int, text: String) {
        post("/v1/write?atomicity=\(atomicity)", "application/x-ndjson", lines.joined(separator: "\n"))
    }

    func entryCount() -> Int {
        let read = post("/v1/read", "application/json", #"{"deviceId":"1","entities":[{"tableEntry":{"tableId":33554433}}]}"#)
        return read.text.components(separatedBy: #""tableEntry""#).count - 1
    }

    @Test func aBatchOfManyPartsIsAppliedWhole() {
        let result = write((0..<50).map(Self.insert))
        #expect(result.status == 200, "\(result.text)")
        #expect(entryCount() == 50)
    }

    @Test func aBadLineInALaterPartUndoesThePartsAlreadyApplied() {
        var lines = (0..<50).map(Self.insert)
        lines[40] = "{not json"
        for atomicity in ["ROLLBACK_ON_ERROR", "DATAPLANE_ATOMIC", "CONTINUE_ON_ERROR"] {
            let result = write(lines, atomicity: atomicity)
            #expect(result.status == 400, "\(atomicity): \(result.text)")
            #expect(result.text.contains("updates[40]: invalid JSON"), "\(result.text)")
            #expect(entryCount() == 0, "\(atomicity)")
        }
    }

    @Test func aFailedUpdateRollsBackEveryPartAndReportsEachUpdate() throws {
        var lines = (0..<30).map(Self.insert)
        lines[24] = Self.insert(3)  // already inserted by update 3
        let result = write(lines)
        #expect(result.status >= 400, "\(result.text)")
        #expect(result.text.contains("1 of 30 updates failed; the batch was rolled back"), "\(result.text)")
        // One detail per update across all parts: ALREADY_EXISTS (6) for update 24, ABORTED (10) for the rest.
        let codes = result.text.components(separatedBy: #""canonicalCode":"#).dropFirst().map { $0.prefix(while: \.isNumber) }
        #expect(codes == Array(repeating: "10", count: 24) + ["6"] + Array(repeating: "10", count: 5))
        #expect(entryCount() == 0)
        // The table still takes the same entries afterwards: nothing of the failed batch was left reserved.
        #expect(write((0..<30).map(Self.insert)).status == 200)
        #expect(entryCount() == 30)
    }
}
