import P4Device
import P4Model
import SWX

// Idle timeouts: per-entry hit times for the tables whose P4Info says NOTIFY_CONTROL.
//
// The engine records, per entry id, the clock reading of the burst that last hit the entry (only for tables
// where tracking is enabled, which `commit` does for exactly those tables). The engine's clock is the device's
// clock (`EngineClock`), and the service and the device share one clock, so hit times are on the service's
// monotonic timebase. `TargetState.idle` maps service handles to engine ids in arrays, so a sweep over a million
// entries costs array reads, not dictionary lookups.
extension SoftwareTargetDevice {
    /// When the entry was last hit by a packet (monotonic ns of the device clock, which is the service's clock);
    /// nil when it was never hit, the handle is stale, or its table does not track hits (not NOTIFY_CONTROL).
    /// An entry realised by several engine entries (an expanded range) reports the latest of their hits.
    public func lastHit(_ table: TableID, _ handle: EntryHandle) -> UInt64? {
        exclusive { () -> UInt64? in
            guard let active, let index = active.state.idle[table],
                  let name = active.pipeline.binding.tables[table]?.specName else { return nil }
            var latest: UInt64 = 0
            for id in index.ids(handle) {
                if let hit = try? active.engine.lastHit(table: name, entryID: id) { latest = max(latest, hit) }
            }
            return latest == 0 ? nil : latest
        }
    }

    /// Bulk `lastHit` under one lock hold: `lastHits[i]` receives the last hit of `handles[i]`, 0 when never hit,
    /// stale or untracked. Writes the first `min(handles.count, lastHits.count)` positions.
    public func lastHits(_ table: TableID, _ handles: UnsafeBufferPointer<EntryHandle>,
                         into lastHits: UnsafeMutableBufferPointer<UInt64>) {
        let n = min(handles.count, lastHits.count)
        guard n > 0 else { return }
        exclusive {
            guard let active, let index = active.state.idle[table],
                  let name = active.pipeline.binding.tables[table]?.specName else {
                for i in 0..<n { lastHits[i] = 0 }
                return
            }
            var ids = [UInt32](repeating: 0, count: n)
            var multi: [Int] = []
            for i in 0..<n {
                let (id, hasMore) = index.firstID(handles[i])
                ids[i] = id
                if hasMore { multi.append(i) }
            }
            do {
                try ids.withUnsafeBufferPointer { ids throws(SWXPipelineError) in
                    try active.engine.lastHits(table: name, entryIDs: ids,
                                               into: UnsafeMutableBufferPointer(rebasing: lastHits[0..<n]))
                }
            } catch {
                for i in 0..<n { lastHits[i] = 0 }
                return
            }
            for i in multi {
                for id in index.ids(handles[i]).dropFirst() {
                    if let hit = try? active.engine.lastHit(table: name, entryID: id) {
                        lastHits[i] = max(lastHits[i], hit)
                    }
                }
            }
        }
    }

    /// Turns hit tracking on in `engine` for every regular table of `pipeline` whose P4Info says NOTIFY_CONTROL.
    static func enableHitTracking(_ engine: SWXPipeline, for pipeline: SoftwareTargetPipeline) {
        for (_, table) in pipeline.binding.tables.sorted(by: { $0.key < $1.key }) {
            guard table.schema.supportsIdleTimeout, case .table = table.target else { continue }
            // A keyless table has no entries to time; nothing to track.
            try? engine.enableHitTracking(table: table.specName)
        }
    }
}

extension TargetState {
    /// Whether `table`'s entries have their engine ids recorded for hit lookups.
    func tracksHits(_ table: TableID) -> Bool { idle[table] != nil }

    /// The empty hit indexes of the NOTIFY_CONTROL regular tables of `binding`.
    static func idleIndexes(_ binding: PipelineBinding) -> [TableID: IdleHitIndex] {
        var indexes: [TableID: IdleHitIndex] = [:]
        for (id, table) in binding.tables where table.schema.supportsIdleTimeout {
            if case .table = table.target { indexes[id] = IdleHitIndex() }
        }
        return indexes
    }
}
