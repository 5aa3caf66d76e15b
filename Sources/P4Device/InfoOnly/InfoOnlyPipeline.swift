import P4Model

/// A pipeline verified by the P4Info-only device: just the config and its schema.
public final class InfoOnlyPipeline: DevicePipeline {
    /// The config as given (empty device config).
    public let config: ForwardingPipelineConfig
    /// The checked P4Info.
    public let schema: PipelineSchema
    /// The device's capabilities (the same for every P4Info).
    public var capabilities: DeviceCapabilities { InfoOnlyDevice.deviceCapabilities }

    init(config: ForwardingPipelineConfig, schema: PipelineSchema) {
        self.config = config
        self.schema = schema
    }
}
