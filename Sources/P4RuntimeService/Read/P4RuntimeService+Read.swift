import P4Device
import P4Model

extension P4RuntimeService {
    /// `Read`: streams every entity matching the request's entities (each possibly a wildcard) to `body`, in
    /// request order, without building the whole answer; `body` returns false to stop early (the call then throws
    /// CANCELLED).
    ///
    /// Request-level errors (unknown device or role → NOT_FOUND, no pipeline → FAILED_PRECONDITION) are thrown
    /// before anything is streamed. Per-entity errors do not stop the others: after streaming, the call throws
    /// UNKNOWN with one `P4Error` per requested entity, 1:1 in order (OK ones included). The read sees one
    /// consistent state of the control-plane store (a write batch fully or not at all); data-plane volatile values
    /// (counters, meters, registers) are read from the device as the stream proceeds.
    public func read(_ request: ReadRequest, _ body: (Entity) -> Bool) throws(P4RuntimeError) {
        counters.reads.wrappingAdd(1, ordering: .relaxed)
        let slot = try slot(request.deviceId)
        try requireKnownRole(slot, request.role)
        let view: ReadView = try slot.state.withLock { state throws(P4RuntimeError) in
            guard let installed = state.active, let store = state.store else {
                throw .failedPrecondition("device \(slot.id) has no forwarding pipeline; set one first")
            }
            return ReadView(store: store, installed: installed, isSaved: state.saved != nil)
        }
        let clock = self.clock
        let space = configuration.errorSpace
        var streamed: UInt64 = 0
        defer { counters.readEntities.wrappingAdd(streamed, ordering: .relaxed) }
        let (statuses, failures, cancelled) = withoutActuallyEscaping(body) { escapable in
            var reader = EntityReader(view: view, clock: clock) { entity in
                streamed += 1
                return escapable(entity)
            }
            var statuses: [P4Error] = []
            statuses.reserveCapacity(request.entities.count)
            var failures = 0
            for (index, entity) in request.entities.enumerated() {
                do throws(P4RuntimeError) {
                    try reader.read(entity, path: "entities[\(index)]")
                    statuses.append(.ok)
                } catch {
                    if reader.stopped { return (statuses, failures, true) }
                    failures += 1
                    statuses.append(P4Error(canonicalCode: error.code, message: error.message, space: space))
                }
            }
            return (statuses, failures, false)
        }
        if cancelled { throw .init(.cancelled, "read cancelled by the receiver") }
        if failures > 0 {
            throw .batch(statuses, message: "read failed: \(failures) of \(request.entities.count) entities failed")
        }
    }
}
