import P4Device
import P4Model

extension P4RuntimeService {
    /// `SetForwardingPipelineConfig` with every action of P4Runtime §14.
    ///
    /// Checks, in order: device (NOT_FOUND), role (NOT_FOUND), primary (PERMISSION_DENIED), action (UNSPECIFIED →
    /// INVALID_ARGUMENT), config presence. VERIFY changes nothing; VERIFY_AND_SAVE saves the pipeline, after which
    /// reads and writes refer to it while the device keeps forwarding with the old one; VERIFY_AND_COMMIT realises
    /// it with cleared state; COMMIT realises the saved one and replays the writes accepted since the save (no
    /// saved config → NOT_FOUND, a config in the request → INVALID_ARGUMENT); RECONCILE_AND_COMMIT keeps every
    /// entity the new P4Info can hold, or fails with INVALID_ARGUMENT naming the first that it cannot, changing
    /// nothing. An empty device config selects the P4Info-only device.
    public func setForwardingPipelineConfig(_ request: SetForwardingPipelineConfigRequest) throws(P4RuntimeError) {
        let slot = try slot(request.deviceId)
        try authorize(slot, role: request.role, electionId: request.electionId)
        switch request.action {
        case .verify, .verifyAndSave, .verifyAndCommit, .reconcileAndCommit:
            guard let config = request.config else {
                throw .invalidArgument("config: required for \(Self.actionName(request.action))")
            }
            let device = try device(for: config, on: slot)
            let pipeline = try device.verify(config)
            let installed = InstalledPipeline(device: device, pipeline: pipeline)
            switch request.action {
            case .verify:
                return
            case .verifyAndSave:
                slot.state.withLock { state in
                    state.saved = installed
                    state.store = ControlPlaneStore(schema: installed.schema)
                    state.replayLog = []
                }
            case .verifyAndCommit:
                try slot.state.withLock { state throws(P4RuntimeError) in
                    try installed.device.commit(installed.pipeline, mode: .replace)
                    attachEvents(slot, to: installed.device, replacing: state.committed?.device)
                    state.committed = installed
                    state.saved = nil
                    state.store = ControlPlaneStore(schema: installed.schema)
                    state.replayLog = []
                }
                resetDigests(slot)
            default:
                try reconcileAndCommit(installed, on: slot)
            }
        case .commit:
            if request.config != nil {
                throw .invalidArgument("config: COMMIT takes no config; it realises the config saved by VERIFY_AND_SAVE")
            }
            try slot.state.withLock { state throws(P4RuntimeError) in
                guard let saved = state.saved else {
                    throw .notFound("COMMIT: no config was saved with VERIFY_AND_SAVE on device \(slot.id)")
                }
                try saved.device.commit(saved.pipeline, mode: .replace)
                attachEvents(slot, to: saved.device, replacing: state.committed?.device)
                state.committed = saved
                state.saved = nil
                let log = state.replayLog
                state.replayLog = []
                if !log.isEmpty {
                    let transaction = try saved.device.beginTransaction(atomicity: .continueOnError)
                    var firstFailure: (Int, P4RuntimeError)?
                    for (index, operation) in log.enumerated() {
                        if let error = transaction.apply(operation), firstFailure == nil { firstFailure = (index, error) }
                    }
                    try transaction.commit()
                    if let (index, error) = firstFailure {
                        throw error.prefixed("COMMIT: replaying write \(index + 1) of \(log.count) since the save failed")
                    }
                }
            }
            resetDigests(slot)
        case .unspecified, .unrecognized:
            throw .invalidArgument("action: \(request.action.rawValue) is not a SetForwardingPipelineConfig action")
        }
    }

    /// `GetForwardingPipelineConfig`: the pipeline reads and writes refer to (the saved one after
    /// VERIFY_AND_SAVE), restricted to the parts `response_type` asks for; OK with `config` unset before any
    /// pipeline. Any client may call it (no arbitration).
    ///
    /// - Throws: NOT_FOUND for an unknown device, INVALID_ARGUMENT for an unknown response type.
    public func getForwardingPipelineConfig(_ request: GetForwardingPipelineConfigRequest) throws(P4RuntimeError)
        -> GetForwardingPipelineConfigResponse
    {
        let slot = try slot(request.deviceId)
        guard let config = slot.state.withLock({ $0.active?.pipeline.config }) else {
            return GetForwardingPipelineConfigResponse(config: nil)
        }
        switch request.responseType {
        case .all:
            return GetForwardingPipelineConfigResponse(config: config)
        case .cookieOnly:
            return GetForwardingPipelineConfigResponse(config: ForwardingPipelineConfig(cookie: config.cookie))
        case .p4infoAndCookie:
            return GetForwardingPipelineConfigResponse(
                config: ForwardingPipelineConfig(p4info: config.p4info, cookie: config.cookie))
        case .deviceConfigAndCookie:
            return GetForwardingPipelineConfigResponse(
                config: ForwardingPipelineConfig(p4DeviceConfig: config.p4DeviceConfig, cookie: config.cookie))
        case .unrecognized(let value):
            throw .invalidArgument("responseType: \(value) is not a known response type")
        }
    }

    /// The device that realises `config`: the P4Info-only device for an empty device config, else the target.
    private func device(for config: ForwardingPipelineConfig, on slot: DeviceSlot) throws(P4RuntimeError)
        -> any P4Device
    {
        if config.p4DeviceConfig.isEmpty { return slot.infoOnly }
        guard let target = slot.target else {
            throw .invalidArgument(
                "config.p4DeviceConfig: device \(slot.id) has no target for a device config; send an empty device config to use the P4Info-only device")
        }
        return target
    }

    static func actionName(_ action: SetForwardingPipelineConfigRequest.Action) -> String {
        SetForwardingPipelineConfigRequest.Action.namedValues.first { $0.value == action.rawValue }?.name
            ?? String(action.rawValue)
    }
}
