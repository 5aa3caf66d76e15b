import HTTPServer
import P4JSON
import P4Model

extension P4RuntimeAPI {
    /// `POST /v1/write` = Write. A JSON body is a `WriteRequest`; an NDJSON body (`Content-Type:
    /// application/x-ndjson`) holds one `Update` per line, with the request-level fields in query parameters
    /// (`deviceId`, `electionId` or `electionId.high`/`electionId.low`, `role`, `atomicity`), parsed on all cores;
    /// a large all-or-nothing one is applied while its later lines decode (``APIConfiguration/streamedWriteBytes``).
    func addWriteRoutes(to router: inout HTTPRouter) {
        let service = self.service
        let defaultDevice = configuration.defaultDeviceId
        let streamedWriteBytes = configuration.streamedWriteBytes
        let linesPerPart = configuration.streamedWriteLinesPerPart
        route(&router, .post, "/v1/write") { request throws(P4RuntimeError) in
            switch try request.bodyKind(allowing: [.json, .ndjson]) {
            case .json:
                try service.write(
                    ProtoJSON.decodeWriteRequest(from: request.body.isEmpty ? Array("{}".utf8) : request.body))
            case .ndjson:
                var atomicity = Atomicity.continueOnError
                if let text = request.queryValue("atomicity") {
                    guard let parsed = Atomicity(name: text) else {
                        throw .invalidArgument("query parameter atomicity: '\(text)' is not one of CONTINUE_ON_ERROR, "
                                               + "ROLLBACK_ON_ERROR, DATAPLANE_ATOMIC")
                    }
                    atomicity = parsed
                }
                let header = WriteRequest(
                    deviceId: try request.queryUInt64("deviceId", default: defaultDevice),
                    role: request.queryValue("role") ?? "", electionId: try request.queryElectionId(),
                    updates: [], atomicity: atomicity)
                if atomicity == .continueOnError || request.body.count < streamedWriteBytes {
                    try service.write(BulkWrite.decode(
                        request.body, deviceId: header.deviceId, electionId: header.electionId, role: header.role,
                        atomicity: atomicity))
                } else {
                    // All-or-nothing batches apply while the rest of the body decodes; a bad line undoes them.
                    let updates = BulkWriteStream(body: request.body, linesPerPart: linesPerPart)
                    defer { updates.cancel() }
                    try service.write(header) { () throws(P4RuntimeError) -> [Update]? in try updates.next() }
                }
            }
            return .json(ProtoJSON.encode(WriteResponse()))
        }
    }
}
