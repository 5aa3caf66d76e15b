import HTTPServer
import P4JSON
import P4Model

extension P4RuntimeAPI {
    /// `POST /v1/write` = Write. A JSON body is a `WriteRequest`; an NDJSON body (`Content-Type:
    /// application/x-ndjson`) holds one `Update` per line, with the request-level fields in query parameters
    /// (`deviceId`, `electionId` or `electionId.high`/`electionId.low`, `role`, `atomicity`), parsed on all cores.
    func addWriteRoutes(to router: inout HTTPRouter) {
        let service = self.service
        let defaultDevice = configuration.defaultDeviceId
        route(&router, .post, "/v1/write") { request throws(P4RuntimeError) in
            let write: WriteRequest
            switch try request.bodyKind(allowing: [.json, .ndjson]) {
            case .json:
                write = try ProtoJSON.decodeWriteRequest(from: request.body.isEmpty ? Array("{}".utf8) : request.body)
            case .ndjson:
                var atomicity = Atomicity.continueOnError
                if let text = request.queryValue("atomicity") {
                    guard let parsed = Atomicity(name: text) else {
                        throw .invalidArgument("query parameter atomicity: '\(text)' is not one of CONTINUE_ON_ERROR, "
                                               + "ROLLBACK_ON_ERROR, DATAPLANE_ATOMIC")
                    }
                    atomicity = parsed
                }
                write = try BulkWrite.decode(
                    request.body, deviceId: try request.queryUInt64("deviceId", default: defaultDevice),
                    electionId: try request.queryElectionId(), role: request.queryValue("role") ?? "",
                    atomicity: atomicity)
            }
            try service.write(write)
            return .json(ProtoJSON.encode(WriteResponse()))
        }
    }
}
