import P4Device
import P4Model

extension P4RuntimeService {
    /// Runs the service's timers once: the idle-timeout sweep of every device and digest buffering deadlines.
    ///
    /// The embedding program calls it periodically (every 100 ms is a good interval: idle-timeout notifications
    /// are then late by at most one interval); tests call it after advancing a `ManualClock`.
    public func tick() {
        for slot in allSlots() {
            sweepIdleTimeouts(on: slot)
            flushDigests(on: slot)
        }
    }

    /// One idle-timeout sweep (P4Runtime §16.4): every entry of a NOTIFY_CONTROL table whose `idle_timeout_ns`
    /// elapsed since its last hit (or since it was inserted or last notified) goes into one notification for this
    /// sweep, sent to the primaries; each reported entry's timer is then reset, so a still-idle entry is reported
    /// again one TTL later. Nothing is sent when nothing expired or nobody is primary (timers then keep running).
    func sweepIdleTimeouts(on slot: DeviceSlot) {
        let primaries = primarySessions(slot)
        if primaries.isEmpty { return }
        let now = clock.monotonicNanoseconds()
        let expired: [TableEntry] = slot.state.withLock { state in
            guard state.saved == nil, let installed = state.committed, var store = state.store else { return [] }
            state.store = nil  // keeps `store` uniquely referenced while its timers are re-armed
            defer { state.store = store }
            var expired: [TableEntry] = []
            for (position, table) in store.schema.tables.enumerated()
            where table.supportsIdleTimeout && store.tables[position].idleTimedCount > 0
                && now >= store.tables[position].earliestIdleDeadline {
                // The store's compact timers and one bulk device call: a sweep over 1,000,000 entries costs a few ms.
                let device = installed.device
                let due = store.tables[position].sweepIdleTimers(now: now) { handles, lastHits in
                    device.lastHits(table.id, handles, into: lastHits)
                }
                for slotIndex in due {
                    guard var reported = store.tables[position].stored(at: slotIndex)?.entry else { continue }
                    reported.action = nil
                    expired.append(reported)
                }
            }
            return expired
        }
        if expired.isEmpty { return }
        let notification = IdleTimeoutNotification(tableEntry: expired, timestamp: clock.epochNanoseconds())
        for session in primaries where session.enqueue(.idleTimeoutNotification(notification)) {
            counters.idleTimeoutNotifications.wrappingAdd(1, ordering: .relaxed)
        }
    }
}
