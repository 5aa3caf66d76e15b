/// `p4.v1.GetForwardingPipelineConfigRequest`: asks for the installed pipeline.
public struct GetForwardingPipelineConfigRequest: Sendable, Hashable {
    /// `GetForwardingPipelineConfigRequest.ResponseType`: which parts to return.
    public enum ResponseType: ProtoEnum {
        /// `ALL` (0): the P4Info, the device config and the cookie.
        case all
        /// `COOKIE_ONLY` (1): only the cookie.
        case cookieOnly
        /// `P4INFO_AND_COOKIE` (2): the P4Info and the cookie.
        case p4infoAndCookie
        /// `DEVICE_CONFIG_AND_COOKIE` (3): the device config and the cookie.
        case deviceConfigAndCookie
        /// A value with no name in the proto definition.
        case unrecognized(Int32)

        /// The case for `rawValue`.
        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .all
            case 1: self = .cookieOnly
            case 2: self = .p4infoAndCookie
            case 3: self = .deviceConfigAndCookie
            default: self = .unrecognized(rawValue)
            }
        }

        /// The numeric value.
        public var rawValue: Int32 {
            switch self {
            case .all: 0
            case .cookieOnly: 1
            case .p4infoAndCookie: 2
            case .deviceConfigAndCookie: 3
            case .unrecognized(let value): value
            }
        }

        /// The named values in declaration order.
        public static let namedValues: [(value: Int32, name: String)] = [
            (0, "ALL"),
            (1, "COOKIE_ONLY"),
            (2, "P4INFO_AND_COOKIE"),
            (3, "DEVICE_CONFIG_AND_COOKIE"),
        ]
    }

    /// The device.
    public var deviceId: UInt64
    /// Which parts to return.
    public var responseType: ResponseType

    /// Creates a request.
    public init(deviceId: UInt64 = 0, responseType: ResponseType = .all) {
        self.deviceId = deviceId
        self.responseType = responseType
    }
}

/// `p4.v1.GetForwardingPipelineConfigResponse`: the installed pipeline.
public struct GetForwardingPipelineConfigResponse: Sendable, Hashable {
    /// The config; nil when no pipeline is installed yet (an OK answer, not an error).
    public var config: ForwardingPipelineConfig?
    /// Creates a response.
    public init(config: ForwardingPipelineConfig? = nil) { self.config = config }
}
