/// `p4.v1.ForwardingPipelineConfig`: a P4Info, the target-specific device config, and an optional cookie.
public struct ForwardingPipelineConfig: Sendable, Hashable {
    /// `p4.v1.ForwardingPipelineConfig.Cookie`: an opaque controller value; its presence is meaningful.
    public struct Cookie: Sendable, Hashable {
        /// The cookie value.
        public var cookie: UInt64
        /// Creates a cookie; `Cookie()` is the set value 0, distinct from no cookie.
        public init(cookie: UInt64 = 0) { self.cookie = cookie }
    }

    /// The P4Info; nil when absent.
    public var p4info: P4Info?
    /// The target-specific configuration (for the software target: the SWX `.spec` text).
    public var p4DeviceConfig: [UInt8]
    /// The controller's cookie; nil when absent.
    public var cookie: Cookie?

    /// Creates a pipeline config.
    public init(p4info: P4Info? = nil, p4DeviceConfig: [UInt8] = [], cookie: Cookie? = nil) {
        self.p4info = p4info
        self.p4DeviceConfig = p4DeviceConfig
        self.cookie = cookie
    }
}
