/// What the software target takes from a P4Runtime `ForwardingPipelineConfig.p4_device_config` in IPDK's
/// binary form: the `.spec` text and the p4c-dpdk side files that bind P4Info names to spec objects.
public struct SpecPipelineConfig: Equatable, Sendable {
    /// Which message the bytes were decoded as.
    public var format: DeviceConfigFormat
    /// The P4 program's name.
    public var programName: String
    /// The pipeline (profile) name.
    public var pipelineName: String
    /// The DPDK SWX `.spec` text.
    public var specText: String
    /// The `context.json` bytes, nil when the config carries none.
    public var contextJSON: [UInt8]?
    /// The `tdi.json` / `bfrt.json` bytes, nil when the config carries none.
    public var tdiJSON: [UInt8]?
    /// The pipes the pipeline applies to.
    public var pipeScope: [UInt32]

    /// Creates the value from its parts.
    public init(
        format: DeviceConfigFormat, programName: String, pipelineName: String, specText: String,
        contextJSON: [UInt8]?, tdiJSON: [UInt8]?, pipeScope: [UInt32]
    ) {
        self.format = format
        self.programName = programName
        self.pipelineName = pipelineName
        self.specText = specText
        self.contextJSON = contextJSON
        self.tdiJSON = tdiJSON
        self.pipeScope = pipeScope
    }

    /// Decodes a `p4_device_config` holding a `BfPipelineConfig` or a `TdiDeviceConfig` with exactly one
    /// pipeline whose binary is the `.spec` text.
    ///
    /// Both messages put a length-delimited field 1 first, so the wire format alone cannot tell them apart:
    /// the bytes are read as `BfPipelineConfig` (what IPDK ships) and, only if that yields no profile, as
    /// `TdiDeviceConfig`. When neither parses, the `BfPipelineConfig` error is the one reported.
    public init(deviceConfig bytes: [UInt8]) throws(DeviceConfigError) {
        guard !bytes.isEmpty else { throw .empty }
        let bfResult: Result<BfPipelineConfig, ProtobufError>
        do throws(ProtobufError) {
            bfResult = .success(try BfPipelineConfig(serialized: bytes))
        } catch {
            bfResult = .failure(error)
        }
        if case .success(let bf) = bfResult, !bf.profiles.isEmpty {
            try self.init(bf)
            return
        }
        if let tdi = try? TdiDeviceConfig(serialized: bytes), tdi.programs.contains(where: { !$0.pipelines.isEmpty }) {
            try self.init(tdi)
            return
        }
        switch bfResult {
        case .failure(let error): throw .malformed(error)
        case .success: throw .noPipeline(format: .bfPipelineConfig)
        }
    }

    /// Takes the single profile of a decoded `BfPipelineConfig`.
    public init(_ config: BfPipelineConfig) throws(DeviceConfigError) {
        guard let profile = config.profiles.first else { throw .noPipeline(format: .bfPipelineConfig) }
        guard config.profiles.count == 1 else {
            throw .multiplePipelines(format: .bfPipelineConfig, count: config.profiles.count)
        }
        self.init(
            format: .bfPipelineConfig, programName: config.p4Name, pipelineName: profile.profileName,
            specText: try Self.specText(profile.binary, path: "BfPipelineConfig.profiles[0].binary"),
            contextJSON: profile.context.isEmpty ? nil : profile.context,
            tdiJSON: config.bfruntimeInfo.isEmpty ? nil : config.bfruntimeInfo,
            pipeScope: profile.pipeScope)
    }

    /// Takes the single pipeline of a decoded `TdiDeviceConfig`.
    public init(_ config: TdiDeviceConfig) throws(DeviceConfigError) {
        let pipelineCount = config.programs.reduce(0) { $0 + $1.pipelines.count }
        guard pipelineCount > 0,
              let programIndex = config.programs.firstIndex(where: { !$0.pipelines.isEmpty })
        else { throw .noPipeline(format: .tdiDeviceConfig) }
        guard pipelineCount == 1 else { throw .multiplePipelines(format: .tdiDeviceConfig, count: pipelineCount) }
        let program = config.programs[programIndex]
        let pipeline = program.pipelines[0]
        self.init(
            format: .tdiDeviceConfig, programName: program.name, pipelineName: pipeline.name,
            specText: try Self.specText(pipeline.config, path: "TdiDeviceConfig.programs[\(programIndex)].pipelines[0].config"),
            contextJSON: pipeline.context.isEmpty ? nil : pipeline.context,
            tdiJSON: program.bfrt.isEmpty ? nil : program.bfrt,
            pipeScope: pipeline.scope)
    }

    private static func specText(_ bytes: [UInt8], path: String) throws(DeviceConfigError) -> String {
        guard !bytes.isEmpty else { throw .emptySpec(path: path) }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .specNotText(path: path) }
        return text
    }
}
