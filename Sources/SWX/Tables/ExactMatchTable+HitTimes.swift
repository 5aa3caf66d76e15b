extension ExactMatchTable {
    /// Starts recording per-entry last-hit times (one `UInt64` per entry of `capacity`); live entries start as
    /// never hit. No effect when already on.
    public func enableHitTracking() { hitTimes.enable(capacity: capacity) }

    /// Stops recording and frees the times.
    public func disableHitTracking() { hitTimes.disable() }

    /// Whether hits are recorded.
    public var isTrackingHits: Bool { hitTimes.isEnabled }

    /// Packet path: notes a hit of entry `id` at `now` (nothing when tracking is off).
    @inline(__always)
    public func recordHit(_ id: UInt32, now: UInt64) { hitTimes.record(id, now: now) }

    /// When live entry `entryID` was last hit (clock ns); nil when never hit since it was added, when it is not
    /// live, or when tracking is off.
    public func lastHit(ofEntry entryID: UInt32) -> UInt64? {
        isLive(entryID) ? hitTimes.lastHit(entryID) : nil
    }

    /// Sets the last-hit time of live entry `entryID` (0 = never); restores it when a deleted entry is re-added.
    public func setLastHit(ofEntry entryID: UInt32, _ time: UInt64) {
        guard isLive(entryID) else { return }
        hitTimes.set(entryID, time)
    }
}
