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
        try write(request, continuedBy: { () throws(P4RuntimeError) -> [Update]? in nil })
    }

    /// `Write` of a batch whose updates arrive in parts: `request.updates` first, then each part `nextUpdates`
    /// returns until it returns nil (e.g. a large NDJSON body decoded on other threads while the parts before
    /// are applied). The device is held from the first non-empty part on, never while the first part decodes.
    ///
    /// Under ROLLBACK_ON_ERROR and DATAPLANE_ATOMIC, an error thrown by `nextUpdates` (a line that does not
    /// decode) undoes everything applied so far and is thrown as is: the result is that of rejecting the whole
    /// request before applying any of it. CONTINUE_ON_ERROR cannot undo, so its parts are all fetched first.
    public func write(
        _ request: WriteRequest, continuedBy nextUpdates: () throws(P4RuntimeError) -> [Update]?
    ) throws(P4RuntimeError) {
        counters.writes.wrappingAdd(1, ordering: .relaxed)
        let slot = try slot(request.deviceId)
        try authorize(slot, role: request.role, electionId: request.electionId)
        var first = request.updates
        let allOrNothing = request.atomicity != .continueOnError
        if !allOrNothing {
            while let part = try nextUpdates() { first.append(contentsOf: part) }
        }
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
                // The first part is awaited before the device is taken, so packets keep flowing meanwhile.
                if first.isEmpty, allOrNothing, let part = try nextUpdates() { first = part }
                if first.isEmpty { return ([], nil, false) }
                let recording: RecordingTransaction? = state.saved != nil ? RecordingTransaction() : nil
                let transaction: any DeviceTransaction
                if let recording {
                    transaction = recording
                } else {
                    transaction = try installed.device.beginTransaction(atomicity: request.atomicity)
                }
                state.store = nil  // keeps `store` uniquely referenced while the batch mutates it
                let original: ControlPlaneStore? = allOrNothing ? store : nil
                var writer = BatchWriter(store: consume store, capabilities: installed.capabilities,
                                         transaction: transaction, now: now,
                                         dataPlaneManagedTables: installed.pipeline.dataPlaneManagedTables)
                var errors: [P4RuntimeError?] = []
                errors.reserveCapacity(first.count)
                var failed = false
                var part: [Update] = []
                swap(&part, &first)
                while true {
                    // Through a buffer pointer, each update is borrowed in place instead of copied (378 bytes each).
                    part.withUnsafeBufferPointer { updates in
                        for index in updates.indices {
                            let error = writer.apply(updates[index], index: errors.count)
                            if error != nil { failed = true }
                            errors.append(error)
                        }
                    }
                    part = []
                    do throws(P4RuntimeError) {
                        guard allOrNothing, let next = try nextUpdates() else { break }
                        part = next
                    } catch {
                        transaction.abort()
                        state.store = original ?? writer.store
                        throw error
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
        counters.updates.wrappingAdd(UInt64(outcome.errors.count), ordering: .relaxed)
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
