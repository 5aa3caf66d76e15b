import P4Device
import P4Model
import SWX

/// One write batch on the software target. Holds the device lock from creation to `commit`/`abort`, so no packet
/// burst runs in between; each operation is applied to the engine at once (one engine commit), and its inverse
/// is recorded when the batch may have to be undone.
final class SoftwareTargetTransaction: DeviceTransaction {
    let device: SoftwareTargetDevice
    let active: SoftwareTargetDevice.Active
    /// What each applied operation changed in the state maps, in order (kept only when the batch may be undone).
    private var records: [TargetState.UndoRecord] = []
    /// The batch's engine changes: their inverses (kept only when the batch may have to be undone) and the
    /// learned entries deleted. One log for the whole batch, so an operation allocates no list of its own.
    private var steps: EngineSteps
    private let keepsUndo: Bool
    private var finished = false

    init(device: SoftwareTargetDevice, active: SoftwareTargetDevice.Active, keepsUndo: Bool) {
        self.device = device
        self.active = active
        self.keepsUndo = keepsUndo
        steps = EngineSteps(engine: active.engine)
    }

    deinit {
        if !finished { abort() }
    }

    func apply(_ operation: DeviceOperation) -> P4RuntimeError? {
        guard !finished else { return .internal("apply after the transaction ended") }
        let mark = steps.mark
        // `apply` changes the maps only after its last throwing step; only the dense id pools are taken from
        // earlier, so they are all a failure has to restore. Keeping a copy of a map would make the next change
        // copy it whole (O(n) per operation).
        let pools = active.state.pools
        let record = keepsUndo ? active.state.undoRecord(for: operation, binding: active.pipeline.binding) : nil
        do throws(P4RuntimeError) {
            try active.state.apply(operation, binding: active.pipeline.binding, steps: &steps)
        } catch {
            steps.undo(to: mark)
            active.state.restorePools(pools)
            return error
        }
        if let record { records.append(record) } else { steps.forgetInverses() }
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
        steps.undo(to: EngineSteps.Mark(inverses: 0, removedLearned: steps.mark.removedLearned))
        for record in records.reversed() { active.state.restore(record) }
        device.lock.unlock()
        // Without undo the changes stand.
        if !keepsUndo { reportRemovedLearned() }
    }

    /// Delivers `entriesRemoved` for the learned entries the batch deleted, one event per table, in batch order.
    private func reportRemovedLearned() {
        let removedLearned = steps.removedLearned
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

/// Engine changes made by a batch's operations, each with its inverse, so a failing operation (or an aborted
/// batch) can be undone exactly.
struct EngineSteps {
    /// How to undo one change: a table change is kept as data (no closure allocated per entry).
    enum Inverse {
        /// Apply this change to the regular table, then give the entry back its hit time.
        case table(String, SWXTableOperation, SpecTableEntry, hit: UInt64?)
        /// Any other change.
        case action(() -> Void)
    }

    /// A position in the log (see `undo(to:)`).
    struct Mark {
        var inverses: Int
        var removedLearned: Int
    }

    let engine: SWXPipeline
    private(set) var inverses: [Inverse] = []
    /// Learned entries deleted (to report once the batch stands).
    private(set) var removedLearned: [TableEntry] = []

    init(engine: SWXPipeline) { self.engine = engine }

    /// The current end of the log.
    var mark: Mark { Mark(inverses: inverses.count, removedLearned: removedLearned.count) }

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
            inverses.append(.table(table, undoOperation, undoEntry, hit: hit))
        }
    }

    /// Records an inverse for a change made directly on the engine.
    mutating func record(_ inverse: @escaping () -> Void) { inverses.append(.action(inverse)) }

    /// Notes a learned entry this operation deleted.
    mutating func reportRemoved(_ entry: TableEntry) { removedLearned.append(entry) }

    /// Runs the inverses recorded after `mark`, newest first, and forgets them and the learned entries noted
    /// after it.
    mutating func undo(to mark: Mark) {
        while inverses.count > mark.inverses {
            switch inverses.removeLast() {
            case .table(let table, let operation, let entry, let hit):
                try? engine.apply(table: table, operation, entry: entry)
                if let hit, let match = entry.match { engine.setLastHit(ofTable: table, match: match, hit) }
            case .action(let inverse):
                inverse()
            }
        }
        if removedLearned.count > mark.removedLearned { removedLearned.removeSubrange(mark.removedLearned...) }
    }

    /// Forgets the recorded inverses (the changes stand), keeping the learned entries noted.
    mutating func forgetInverses() { inverses.removeAll(keepingCapacity: true) }
}
