import P4Device
import P4Model
import SWX

/// What the last learner sweep saw: live data-plane keys per learner table.
struct LearnerSnapshot: Sendable {
    var keys: [TableID: Set<[UInt8]>] = [:]
}

extension SoftwareTargetDevice {
    /// Compares the live entries of every learner table with the previous sweep and delivers
    /// `entriesLearned` for new keys and `entriesRemoved` for keys that expired or were forgotten, in entry id
    /// order. Entries the controller wrote are not reported. Runs off the packet path (p4rtd calls it from its
    /// timer); each call visits every live learner entry once.
    public func sweepLearners() {
        guard let active = exclusive({ self.active }) else { return }
        let written = exclusive { active.state.controllerLearnerKeys }
        let receiver = sink.withLock { $0 }
        var learned: [(TableID, [TableEntry])] = []
        var removed: [(TableID, [TableEntry])] = []
        learnerSnapshot.withLock { snapshot in
            if snapshot.pipeline !== active.pipeline {
                snapshot = (active.pipeline, LearnerSnapshot())
            }
            for table in active.pipeline.schema.tables {
                guard let binding = active.pipeline.binding.tables[table.id], case .learner = binding.target,
                      let records = try? active.engine.learnerEntries(binding.specName) else { continue }
                let mine = written[table.id] ?? []
                let live = records.filter { !mine.contains($0.key) }
                let liveKeys = Set(live.map(\.key))
                let previous = snapshot.state.keys[table.id] ?? []
                let fresh = live.filter { !previous.contains($0.key) }.compactMap { Self.tableEntry($0, binding: binding) }
                let gone = previous.subtracting(liveKeys).sorted { $0.lexicographicallyPrecedes($1) }.map {
                    TableEntry(tableId: table.id, match: binding.exactMatch(fromKey: $0))
                }
                if !fresh.isEmpty { learned.append((table.id, fresh)) }
                if !gone.isEmpty { removed.append((table.id, gone)) }
                snapshot.state.keys[table.id] = liveKeys
            }
        }
        guard let receiver else { return }
        for (table, entries) in learned { receiver.deliver(.entriesLearned(table, entries)) }
        for (table, entries) in removed { receiver.deliver(.entriesRemoved(table, entries)) }
    }
}
