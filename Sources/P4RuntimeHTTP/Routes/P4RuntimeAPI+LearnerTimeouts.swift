import HTTPServer
import JSONCore
import P4JSON
import P4Model
import P4RuntimeService

/// `GET`/`PUT /v1/tables/{name}/timeouts`: the expire-time profiles of an add-on-miss (learner) table, by P4Info
/// name, alias or id (docs/api.md).
extension P4RuntimeAPI {
    func addLearnerTimeoutRoutes(to router: inout HTTPRouter) {
        route(&router, .get, "/v1/tables/{name}/timeouts") { [self] request throws(P4RuntimeError) in
            let (device, table) = try timeoutTable(request)
            let seconds = try service.learnerTimeouts(deviceId: device, table: TableID(table.preamble.id))
            return .json(LearnerTimeouts(table: table.preamble.name, seconds: seconds).json.serialized())
        }
        route(&router, .put, "/v1/tables/{name}/timeouts") { [self] request throws(P4RuntimeError) in
            _ = try request.bodyKind(allowing: [.json])
            let (device, table) = try timeoutTable(request)
            let body = try LearnerTimeouts.decode(request.body)
            if let named = body.table, named != table.preamble.name, named != table.preamble.alias {
                throw .invalidArgument("table: '\(named)' differs from the table in the path (\(table.preamble.name))")
            }
            let seconds = try service.setLearnerTimeouts(
                deviceId: device, table: TableID(table.preamble.id),
                body.timeouts.map { (profile: $0.profile, seconds: $0.seconds) },
                role: request.queryValue("role") ?? "", electionId: try request.queryElectionId())
            return .json(LearnerTimeouts(table: table.preamble.name, seconds: seconds).json.serialized())
        }
    }

    /// The device id of the query and the P4Info table the path names (name, alias, suffix or numeric id).
    private func timeoutTable(_ request: HTTPRequest) throws(P4RuntimeError) -> (UInt64, P4Info.Table) {
        let device = try request.queryUInt64("deviceId", default: configuration.defaultDeviceId)
        guard let index = try service.pipelineIndex(deviceId: device) else {
            throw .failedPrecondition("device \(device) has no pipeline yet (PUT /v1/pipeline first)")
        }
        let name = request.parameter("name") ?? ""
        if let table = index.table(named: name) ?? UInt32(name).flatMap({ index.table(TableID($0)) }) {
            return (device, table)
        }
        throw .notFound("table '\(name)' is not in the P4Info of device \(device)")
    }
}
