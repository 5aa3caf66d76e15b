/// Why a P4Runtime `p4_device_config` could not be turned into a runnable SWX pipeline.
public enum DeviceConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a well-formed `BfPipelineConfig` (the error names the field path and byte offset).
    case malformed(ProtobufError)
    /// The config is empty.
    case empty
    /// The config decodes but carries no pipeline (no profile with a `.spec`).
    case noPipeline(format: DeviceConfigFormat)
    /// The config carries several pipelines; the software target runs exactly one.
    case multiplePipelines(format: DeviceConfigFormat, count: Int)
    /// The pipeline's binary (the `.spec`) is empty.
    case emptySpec(path: String)
    /// The pipeline's binary is not UTF-8 text, so it is not a DPDK `.spec` (perhaps a Tofino binary).
    case specNotText(path: String)

    /// One line naming the offending item and the cause.
    public var description: String {
        switch self {
        case .malformed(let error):
            "malformed device config: \(error)"
        case .empty:
            "device config is empty"
        case .noPipeline(let format):
            "device config (\(format)) carries no pipeline: expected one profile holding the .spec"
        case .multiplePipelines(let format, let count):
            "device config (\(format)) carries \(count) pipelines; the software target runs exactly one"
        case .emptySpec(let path):
            "\(path) is empty: expected the DPDK .spec text"
        case .specNotText(let path):
            "\(path) is not UTF-8 text, so it is not a DPDK .spec (a hardware target's binary?)"
        }
    }
}
