import P4Device
import P4Model
import SWX

/// One write batch on the software target. Holds the device lock from creation to `commit`/`abort`, so no packet
/// burst runs in between; each operation is applied to the engine at once (one engine commit), and its inverse
/// is recorded when the batch may have to be undone.
final class SoftwareTargetTransaction: DeviceTransaction {
    let device: SoftwareTargetDevice
    let active: SoftwareTargetDevice.Active
    private let saved: TargetState?
    private var undo: [() -> Void] = []
    private let keepsUndo: Bool
    private var finished = false
    /// Learned entries the batch deleted, reported as `entriesRemoved` once the batch stands.
    private var removedLearned: [TableEntry] = []

    init(device: SoftwareTargetDevice, active: SoftwareTargetDevice.Active, keepsUndo: Bool) {
        self.device = device
        self.active = active
        self.keepsUndo = keepsUndo
        saved = keepsUndo ? active.state : nil
    }

    deinit {
        if !finished { abort() }
    }

    func apply(_ operation: DeviceOperation) -> P4RuntimeError? {
        guard !finished else { return .internal("apply after the transaction ended") }
        var steps = EngineSteps(engine: active.engine)
        // `apply` changes the maps only after its last throwing step; only the dense id pools are taken from
        // earlier, so they are all a failure has to restore. Keeping a copy of a map would make the next change
        // copy it whole (O(n) per operation).
        let pools = active.state.pools
        do throws(P4RuntimeError) {
            try active.state.apply(operation, binding: active.pipeline.binding, steps: &steps)
        } catch {
            steps.undoAll()
            active.state.restorePools(pools)
            return error
        }
        if keepsUndo { undo.append(contentsOf: steps.inverses) }
        removedLearned.append(contentsOf: steps.removedLearned)
        return nil
    }

    func commit() throws(P4RuntimeError) {
        guard !finished else { return }
        finished = true
        device.lock.unlock()
        reportRemovedLearned()
    }

    func abort() {
        guard !finished else { return }
        finished = true
        for step in undo.reversed() { step() }
        if let saved { active.state = saved }
        device.lock.unlock()
        // Without undo the changes stand.
        if !keepsUndo { reportRemovedLearned() }
    }

    /// Delivers `entriesRemoved` for the learned entries the batch deleted, one event per table, in batch order.
    private func reportRemovedLearned() {
        guard !removedLearned.isEmpty, let receiver = device.sink.withLock({ $0 }) else { return }
        var tables: [TableID] = []
        var byTable: [TableID: [TableEntry]] = [:]
        for entry in removedLearned {
            if byTable[entry.tableId] == nil { tables.append(entry.tableId) }
            byTable[entry.tableId, default: []].append(entry)
        }
        for table in tables { receiver.deliver(.entriesRemoved(table, byTable[table] ?? [])) }
    }
}

/// Engine changes made for one operation, each with its inverse, so a failing operation can be undone exactly.
struct EngineSteps {
    let engine: SWXPipeline
    private(set) var inverses: [() -> Void] = []
    /// Learned entries this operation deleted (to report once the batch stands).
    private(set) var removedLearned: [TableEntry] = []

    init(engine: SWXPipeline) { self.engine = engine }

    /// Applies one table change now (one engine change, between two bursts) and records its inverse. `context`
    /// (the object's label) is built only for an error message.
    mutating func table(_ table: String, _ operation: SWXTableOperation, _ entry: SpecTableEntry,
                        inverse: (SWXTableOperation, SpecTableEntry)?, context: @autoclosure () -> String)
        throws(P4RuntimeError)
    {
        // A deleted entry that is put back gets its hit time back (idle timeouts survive an aborted batch).
        let hit = operation == .delete ? entry.match.flatMap { engine.lastHit(ofTable: table, match: $0) } : nil
        do {
            try engine.apply(table: table, operation, entry: entry)
        } catch {
            throw SoftwareTargetDevice.mapped(error, context: context())
        }
        if let (undoOperation, undoEntry) = inverse {
            let engine = self.engine
            inverses.append {
                try? engine.apply(table: table, undoOperation, entry: undoEntry)
                if let hit, let match = undoEntry.match { engine.setLastHit(ofTable: table, match: match, hit) }
            }
        }
    }

    /// Records an inverse for a change made directly on the engine.
    mutating func record(_ inverse: @escaping () -> Void) { inverses.append(inverse) }

    /// Notes a learned entry this operation deleted.
    mutating func reportRemoved(_ entry: TableEntry) { removedLearned.append(entry) }

    /// Runs every recorded inverse, newest first.
    mutating func undoAll() {
        for inverse in inverses.reversed() { inverse() }
        inverses.removeAll()
    }
}
