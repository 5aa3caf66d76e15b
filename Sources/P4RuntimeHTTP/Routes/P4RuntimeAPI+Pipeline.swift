import HTTPServer
import P4JSON
import P4Model

extension P4RuntimeAPI {
    /// `PUT|POST /v1/pipeline` = SetForwardingPipelineConfig; `GET /v1/pipeline` = GetForwardingPipelineConfig.
    func addPipelineRoutes(to router: inout HTTPRouter) {
        let service = self.service
        let defaultDevice = configuration.defaultDeviceId
        for method in [HTTPMethod.put, .post] {
            route(&router, method, "/v1/pipeline") { request throws(P4RuntimeError) in
                let set = try request.decodeBody(SetForwardingPipelineConfigRequest.self)
                try service.setForwardingPipelineConfig(set)
                return .json(ProtoJSON.encode(SetForwardingPipelineConfigResponse()))
            }
        }
        route(&router, .get, "/v1/pipeline") { request throws(P4RuntimeError) in
            var get = GetForwardingPipelineConfigRequest(deviceId: try request.queryUInt64("deviceId", default: defaultDevice))
            if let text = request.queryValue("responseType") {
                guard let type = GetForwardingPipelineConfigRequest.ResponseType(name: text) ?? Int32(text).map({
                    GetForwardingPipelineConfigRequest.ResponseType(rawValue: $0)
                }) else {
                    throw .invalidArgument("query parameter responseType: '\(text)' is not one of ALL, COOKIE_ONLY, "
                                           + "P4INFO_AND_COOKIE, DEVICE_CONFIG_AND_COOKIE")
                }
                get.responseType = type
            }
            return .json(ProtoJSON.encode(try service.getForwardingPipelineConfig(get)))
        }
    }
}
