/// `p4.v1.CapabilitiesRequest`: asks for server (and, with a device id, device) capabilities.
public struct CapabilitiesRequest: Sendable, Hashable {
    /// The device; 0 for server-wide capabilities only (v1.5).
    public var deviceId: UInt64
    /// Creates a request.
    public init(deviceId: UInt64 = 0) { self.deviceId = deviceId }
}

/// `p4.v1.CapabilitiesResponse`: the implemented P4Runtime version.
public struct CapabilitiesResponse: Sendable, Hashable {
    /// Full semantic version of the implemented spec, e.g. `"1.5.0"`.
    public var p4runtimeApiVersion: String
    /// Experimental, implementation-specific capabilities; nil when absent.
    public var experimental: ProtoAny?
    /// Creates a response.
    public init(p4runtimeApiVersion: String = "", experimental: ProtoAny? = nil) {
        self.p4runtimeApiVersion = p4runtimeApiVersion
        self.experimental = experimental
    }
}
