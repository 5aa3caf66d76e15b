import P4Device
import P4Model
import SWX

/// A pipeline the software target verified: the P4Info schema, the loaded `.spec` program, the binding between
/// them, and the loader's warnings (DPDK defects the program would trigger on stock DPDK).
public final class SoftwareTargetPipeline: DevicePipeline {
    /// The config as given.
    public let config: ForwardingPipelineConfig
    /// The checked P4Info.
    public let schema: PipelineSchema
    /// What the target can do with this pipeline.
    public let capabilities: DeviceCapabilities
    /// The loaded program.
    public let program: SpecProgram
    /// Which device-config form was given.
    public let form: PipelineSource.Form
    /// Loader warnings, each naming its `.spec` line.
    public let warnings: [SpecWarning]
    let binding: PipelineBinding
    /// The P4Info tables bound to SWX learners: the data plane adds and removes their entries by itself.
    public let dataPlaneManagedTables: Set<TableID>

    init(config: ForwardingPipelineConfig, schema: PipelineSchema, program: SpecProgram, form: PipelineSource.Form,
         binding: PipelineBinding) {
        self.config = config
        self.schema = schema
        self.program = program
        self.form = form
        self.warnings = program.warnings
        self.binding = binding
        self.dataPlaneManagedTables = Set(binding.tables.compactMap { id, table in
            if case .learner = table.target { return id }
            return nil
        })
        self.capabilities = SoftwareTargetDevice.deviceCapabilities
    }
}
