/// Which stratum-tdi message a device config was decoded as.
public enum DeviceConfigFormat: String, Equatable, Sendable, CustomStringConvertible {
    /// `stratum.hal.tdi.BfPipelineConfig` (what `tdi_pipeline_builder` writes, e.g. IPDK's `k8s_dp.pb.bin`).
    case bfPipelineConfig = "BfPipelineConfig"
    /// `stratum.hal.tdi.TdiDeviceConfig`.
    case tdiDeviceConfig = "TdiDeviceConfig"

    /// The protobuf message name.
    public var description: String { rawValue }
}
