extension SWXPipeline {
    // MARK: Per-entry hit times (idle timeouts)

    /// Starts recording, for every entry of regular table `table`, the clock time of the last burst that hit it
    /// (the `now` the burst read from `clock`). Off by default, so programs without idle timeouts pay nothing but a
    /// branch; costs 8 bytes per entry of the table's size (exact) or of its allocated records (wildcard/lpm).
    /// Entries present now start as never hit. No effect when already on.
    ///
    /// - Throws: `notFound` for an unknown table, `invalidArgument` for a table without key (it has no entries).
    public func enableHitTracking(table: String) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        try lock.withLock { _ throws(SWXPipelineError) in
            if let exact = runtime.exactTables[t] {
                exact.enableHitTracking()
            } else if let wildcard = runtime.wildcardTables[t] {
                wildcard.enableHitTracking()
            } else {
                throw SWXPipelineError(.invalidArgument, "table \(table) has no key: it has no entries to track")
            }
        }
    }

    /// Stops recording hit times for `table` and frees them. Throws `notFound` for an unknown table.
    public func disableHitTracking(table: String) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        lock.withLock { _ in
            runtime.exactTables[t]?.disableHitTracking()
            runtime.wildcardTables[t]?.disableHitTracking()
        }
    }

    /// Whether `table` records hit times. Throws `notFound` for an unknown table.
    public func isTrackingHits(table: String) throws(SWXPipelineError) -> Bool {
        let t = try tableIndex(table)
        return lock.withLock { _ in
            runtime.exactTables[t]?.isTrackingHits ?? runtime.wildcardTables[t]?.isTrackingHits ?? false
        }
    }

    /// When live entry `entryID` of `table` was last hit (clock ns); nil when it was never hit since it was added
    /// or is not live.
    ///
    /// - Throws: `notFound` for an unknown table, `failedPrecondition` when the table does not track hits.
    public func lastHit(table: String, entryID: UInt32) throws(SWXPipelineError) -> UInt64? {
        let t = try tableIndex(table)
        return try lock.withLock { _ throws(SWXPipelineError) -> UInt64? in
            if let exact = runtime.exactTables[t], exact.isTrackingHits { return exact.lastHit(ofEntry: entryID) }
            if let wildcard = runtime.wildcardTables[t], wildcard.isTrackingHits {
                return wildcard.lastHit(ofEntry: entryID)
            }
            throw SWXPipelineError(.failedPrecondition, "table \(table) does not track hits")
        }
    }

    /// Bulk form of ``lastHit(table:entryID:)`` under one lock hold: `lastHits[i]` receives the last hit of
    /// `entryIDs[i]`, 0 when never hit, not live, or 0 is given as the id. Only the first
    /// `min(entryIDs.count, lastHits.count)` positions are written.
    ///
    /// - Throws: `notFound` for an unknown table, `failedPrecondition` when the table does not track hits.
    public func lastHits(table: String, entryIDs: UnsafeBufferPointer<UInt32>,
                         into lastHits: UnsafeMutableBufferPointer<UInt64>) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        let n = min(entryIDs.count, lastHits.count)
        try lock.withLock { _ throws(SWXPipelineError) in
            if let exact = runtime.exactTables[t], exact.isTrackingHits {
                for i in 0..<n { lastHits[i] = exact.lastHit(ofEntry: entryIDs[i]) ?? 0 }
            } else if let wildcard = runtime.wildcardTables[t], wildcard.isTrackingHits {
                for i in 0..<n { lastHits[i] = wildcard.lastHit(ofEntry: entryIDs[i]) ?? 0 }
            } else {
                throw SWXPipelineError(.failedPrecondition, "table \(table) does not track hits")
            }
        }
    }

    /// The last hit of the live entry of `table` with this match (as ``entryID(ofTable:match:)`` finds it); nil
    /// when absent, never hit, or the table does not track hits. Used to carry a time across a delete that is
    /// undone.
    public func lastHit(ofTable table: String, match: SpecEntryMatch) -> UInt64? {
        guard let t = program.tableIndex(named: table) else { return nil }
        return lock.withLock { _ -> UInt64? in
            if let exact = runtime.exactTables[t], exact.isTrackingHits,
               let id = try? exact.entryID(key: match.key), id != 0 {
                return exact.lastHit(ofEntry: id)
            }
            if let wildcard = runtime.wildcardTables[t], wildcard.isTrackingHits,
               let id = try? wildcard.entryID(key: match.key, mask: match.mask, priority: match.priority) {
                return wildcard.lastHit(ofEntry: id)
            }
            return nil
        }
    }

    /// Sets the last hit of the live entry of `table` with this match (nothing when absent or not tracked): the
    /// inverse of a delete restores the time the entry had.
    public func setLastHit(ofTable table: String, match: SpecEntryMatch, _ time: UInt64) {
        guard let t = program.tableIndex(named: table) else { return }
        lock.withLock { _ in
            if let exact = runtime.exactTables[t], exact.isTrackingHits,
               let id = try? exact.entryID(key: match.key), id != 0 {
                exact.setLastHit(ofEntry: id, time)
            } else if let wildcard = runtime.wildcardTables[t], wildcard.isTrackingHits,
                      let id = try? wildcard.entryID(key: match.key, mask: match.mask, priority: match.priority) {
                wildcard.setLastHit(ofEntry: id, time)
            }
        }
    }
}
