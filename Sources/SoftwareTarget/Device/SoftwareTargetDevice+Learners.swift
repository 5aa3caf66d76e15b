import P4Device
import P4Model
import SWX

extension SoftwareTargetDevice {
    /// Reports what the data plane did to its learner tables since the last call: `entriesRemoved` for entries
    /// packets forgot, for expired slots packets reused, and for entries the incremental expiry sweep freed
    /// (`1 / configuration.learnerExpirySlices` of each big learner per call), then `entriesLearned` for entries
    /// packets learned that are still live (id order), per table in schema order; `eventsLost` first when a
    /// learner's event log overflowed. Entries the controller wrote are not reported. The cost is proportional
    /// to the events and the expiry slice, not to the live entries. Runs off the packet path (p4rtd calls it from
    /// its timer) with the device lock held, so no burst writes the logs meanwhile.
    public func sweepLearners() {
        let receiver = sink.withLock { $0 }
        let slices = max(configuration.learnerExpirySlices, 1)
        let (lost, learned, removed) = exclusive { () -> (Int, [(TableID, [TableEntry])], [(TableID, [TableEntry])]) in
            guard let active = self.active else { return (0, [], []) }
            var lost = 0
            var learned: [(TableID, [TableEntry])] = []
            var removed: [(TableID, [TableEntry])] = []
            for table in active.pipeline.schema.tables {
                guard let binding = active.pipeline.binding.tables[table.id], case .learner = binding.target,
                      let events = try? active.engine.takeLearnerEvents(binding.specName, expirySlices: slices)
                else { continue }
                lost += events.lost
                let mine = active.state.controllerLearnerKeys[table.id] ?? []
                let fresh = events.learned.filter { !mine.contains($0.key) }.compactMap {
                    Self.tableEntry($0, binding: binding)
                }
                let gone = events.removed.filter { !mine.contains($0) }.map {
                    TableEntry(tableId: table.id, match: binding.exactMatch(fromKey: $0))
                }
                if !fresh.isEmpty { learned.append((table.id, fresh)) }
                if !gone.isEmpty { removed.append((table.id, gone)) }
            }
            return (lost, learned, removed)
        }
        guard let receiver else { return }
        if lost > 0 { receiver.deliver(.eventsLost(count: lost)) }
        for (table, entries) in removed { receiver.deliver(.entriesRemoved(table, entries)) }
        for (table, entries) in learned { receiver.deliver(.entriesLearned(table, entries)) }
    }
}
