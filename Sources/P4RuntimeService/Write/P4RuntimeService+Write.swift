import P4Device
import P4Model

extension P4RuntimeService {
    /// `Write`: applies a batch of updates (P4Runtime §12).
    ///
    /// Request-level checks, in the spec's order, fail the whole request with no details: unknown device or role
    /// → NOT_FOUND; not primary → PERMISSION_DENIED; no pipeline → FAILED_PRECONDITION; then an atomicity mode the
    /// device lacks → UNIMPLEMENTED. Each update is then validated and applied in order (strictly serialised with
    /// other writes to the device). If every update succeeds the call returns; otherwise it throws UNKNOWN with one
    /// `P4Error` per update, in order, OK ones included.
    ///
    /// CONTINUE_ON_ERROR applies every valid update. ROLLBACK_ON_ERROR and DATAPLANE_ATOMIC apply all or none:
    /// when any update fails, store and device are left exactly as before, the failing updates report their error
    /// and the others ABORTED ("rolled back").
    public func write(_ request: WriteRequest) throws(P4RuntimeError) {
        counters.writes.wrappingAdd(1, ordering: .relaxed)
        let slot = try slot(request.deviceId)
        try authorize(slot, role: request.role, electionId: request.electionId)
        counters.updates.wrappingAdd(UInt64(request.updates.count), ordering: .relaxed)
        let space = configuration.errorSpace
        let now = clock.monotonicNanoseconds()
        let outcome: (errors: [P4RuntimeError?], digests: [DigestID: DigestEntry.Config]?, rolledBack: Bool) =
            try slot.state.withLock { state throws(P4RuntimeError) in
                guard let installed = state.active, let store = state.store else {
                    throw .failedPrecondition("device \(slot.id) has no forwarding pipeline; set one first")
                }
                switch request.atomicity {
                case .unrecognized(let value):
                    throw .invalidArgument("atomicity: \(value) is not an atomicity mode")
                default:
                    if !installed.capabilities.supports(request.atomicity) {
                        throw .unimplemented(
                            "atomicity: \(Self.atomicityName(request.atomicity)) is not supported by the \(installed.capabilities.targetName) device")
                    }
                }
                if request.updates.isEmpty { return ([], nil, false) }
                let recording: RecordingTransaction? = state.saved != nil ? RecordingTransaction() : nil
                let transaction: any DeviceTransaction
                if let recording {
                    transaction = recording
                } else {
                    transaction = try installed.device.beginTransaction(atomicity: request.atomicity)
                }
                let allOrNothing = request.atomicity != .continueOnError
                state.store = nil  // keeps `store` uniquely referenced while the batch mutates it
                let original: ControlPlaneStore? = allOrNothing ? store : nil
                var writer = BatchWriter(store: consume store, capabilities: installed.capabilities,
                                         transaction: transaction, now: now,
                                         dataPlaneManagedTables: installed.pipeline.dataPlaneManagedTables)
                var errors: [P4RuntimeError?] = []
                errors.reserveCapacity(request.updates.count)
                var failed = false
                // Through a buffer pointer, each update is borrowed in place instead of copied (378 bytes each).
                request.updates.withUnsafeBufferPointer { updates in
                    for index in updates.indices {
                        let error = writer.apply(updates[index], index: index)
                        if error != nil { failed = true }
                        errors.append(error)
                    }
                }
                if failed, allOrNothing, let original {
                    transaction.abort()
                    state.store = original
                    return (errors, nil, true)
                }
                do throws(P4RuntimeError) {
                    try transaction.commit()
                } catch {
                    state.store = original ?? writer.store
                    throw error
                }
                state.store = writer.store
                if let recording { state.replayLog.append(contentsOf: recording.operations) }
                return (errors, writer.digestsChanged ? writer.store.digests : nil, false)
            }
        if let digests = outcome.digests { syncDigestBuffers(digests, on: slot) }
        let failures = outcome.errors.filter { $0 != nil }.count
        if failures == 0 { return }
        counters.failedUpdates.wrappingAdd(UInt64(outcome.rolledBack ? outcome.errors.count : failures),
                                           ordering: .relaxed)
        let firstFailure = outcome.errors.firstIndex { $0 != nil } ?? 0
        let details = outcome.errors.map { error -> P4Error in
            if let error { return P4Error(canonicalCode: error.code, message: error.message, space: space) }
            if outcome.rolledBack {
                return P4Error(canonicalCode: .aborted,
                               message: "not applied: the batch was rolled back because updates[\(firstFailure)] failed",
                               space: space)
            }
            return .ok
        }
        throw .batch(details, message: "write failed: \(failures) of \(outcome.errors.count) updates failed"
            + (outcome.rolledBack ? "; the batch was rolled back" : ""))
    }

    static func atomicityName(_ atomicity: Atomicity) -> String {
        Atomicity.namedValues.first { $0.value == atomicity.rawValue }?.name ?? String(atomicity.rawValue)
    }
}
