/// Settings of the HTTP adapter.
public struct APIConfiguration: Sendable {
    /// The device a request addresses when it names none (query `deviceId` absent, body `deviceId` 0 where the
    /// friendly endpoints allow it).
    public var defaultDeviceId: UInt64
    /// Interval of SSE keep-alive comments on `/v1/stream`: a vanished controller is noticed within one interval.
    public var streamKeepAlive: Duration
    /// Events a stream subscriber may have waiting before further ones are dropped (and reported as lost).
    public var streamCapacity: Int
    /// The data plane behind `POST /v1/packets/{port}`; nil leaves the endpoint out.
    public var packetInjector: (any PacketInjector)?
    /// Extra metric families for `GET /metrics` (the data plane's), written after the API's own.
    public var metricsContributors: [any MetricsContributor]
    /// NDJSON write bodies of at least this many bytes, under ROLLBACK_ON_ERROR or DATAPLANE_ATOMIC, are applied
    /// while the rest of the body decodes (in parts of `streamedWriteLinesPerPart` lines); smaller ones decode
    /// whole first, since handing parts over costs more than it saves there.
    public var streamedWriteBytes: Int = 4 << 20
    /// Lines per part of a streamed NDJSON write.
    public var streamedWriteLinesPerPart: Int = 16_384

    /// Creates the configuration.
    public init(defaultDeviceId: UInt64 = 1, streamKeepAlive: Duration = .seconds(10), streamCapacity: Int = 4096,
                packetInjector: (any PacketInjector)? = nil, metricsContributors: [any MetricsContributor] = []) {
        self.packetInjector = packetInjector
        self.metricsContributors = metricsContributors
        self.defaultDeviceId = defaultDeviceId
        self.streamKeepAlive = streamKeepAlive
        self.streamCapacity = streamCapacity
    }
}
