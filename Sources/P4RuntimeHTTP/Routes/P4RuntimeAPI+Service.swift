import HTTPServer
import P4JSON
import P4Model

extension P4RuntimeAPI {
    /// `GET /v1/capabilities` = Capabilities (`?deviceId=N` adds the device check of v1.5), `GET /metrics`
    /// (Prometheus text), `GET /healthz`.
    func addServiceRoutes(to router: inout HTTPRouter) {
        let service = self.service
        route(&router, .get, "/v1/capabilities") { request throws(P4RuntimeError) in
            let capabilities = try service.capabilities(CapabilitiesRequest(deviceId: try request.queryUInt64("deviceId", default: 0)))
            return .json(ProtoJSON.encode(capabilities))
        }
        route(&router, .get, "/metrics") { [self] _ throws(P4RuntimeError) in
            var writer = PrometheusWriter()
            metrics.write(to: &writer)
            for contributor in configuration.metricsContributors { contributor.writeMetrics(to: &writer) }
            return .bytes(writer.bytes, contentType: PrometheusWriter.contentType)
        }
        route(&router, .get, "/healthz") { _ throws(P4RuntimeError) in
            .json(Array("{\"status\":\"ok\"}".utf8))
        }
    }
}
