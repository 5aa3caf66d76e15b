import P4Device
import P4Model

/// The idle timer of one store slot: what the sweep needs without touching the stored entry.
struct IdleTimer: Sendable {
    /// `StoredEntry.armedAt` of the live entry.
    var armedAt: UInt64
    /// `idle_timeout_ns` of the live entry; 0 when the slot is free or the entry has no idle timeout.
    var ttl: UInt64
    /// The slot's generation (to build the entry's handle).
    var generation: UInt32

    init(_ stored: StoredEntry, generation: UInt32) {
        armedAt = stored.armedAt
        ttl = UInt64(max(stored.entry.idleTimeoutNs, 0))
        self.generation = generation
    }

    init() {
        armedAt = 0
        ttl = 0
        generation = 0
    }
}

extension TableStore {
    /// Adds the timer of a new slot (free until `setTimer`).
    mutating func appendTimer() {
        if (timerChunks.last?.count ?? Self.chunkSize) == Self.chunkSize {
            var chunk: [IdleTimer] = []
            chunk.reserveCapacity(Self.chunkSize)
            timerChunks.append(chunk)
        }
        timerChunks[timerChunks.count - 1].append(IdleTimer())
    }

    /// Sets the timer of slot `index`.
    mutating func setTimer(at index: Int, _ timer: IdleTimer) {
        timerChunks[index / Self.chunkSize][index % Self.chunkSize] = timer
    }

    /// One idle-timeout sweep of this table at `now` (P4Runtime §16.4): every live entry whose `idle_timeout_ns`
    /// elapsed since `max(armedAt, last hit)` is due; due entries are re-armed at `now` and their slots returned in
    /// slot order; `earliestIdleDeadline` becomes the earliest next deadline. `lastHits` fills the last hit of each
    /// handle (0 = never), called once for every timed entry (the device answers in bulk).
    mutating func sweepIdleTimers(
        now: UInt64,
        lastHits: (UnsafeBufferPointer<EntryHandle>, UnsafeMutableBufferPointer<UInt64>) -> Void
    ) -> [UInt32] {
        var handles: [EntryHandle] = []
        handles.reserveCapacity(idleTimedCount)
        for (c, chunk) in timerChunks.enumerated() {
            let base = c * Self.chunkSize
            for (j, timer) in chunk.enumerated() where timer.ttl > 0 {
                handles.append(EntryHandle(slot: UInt32(base + j), generation: timer.generation))
            }
        }
        var hits = [UInt64](repeating: 0, count: handles.count)
        handles.withUnsafeBufferPointer { h in hits.withUnsafeMutableBufferPointer { lastHits(h, $0) } }
        var due: [UInt32] = []
        var earliest = UInt64.max
        for i in handles.indices {
            let index = Int(handles[i].slot)
            let timer = timerChunks[index / Self.chunkSize][index % Self.chunkSize]
            let reference = max(timer.armedAt, hits[i])
            if now >= reference && now - reference >= timer.ttl {
                due.append(handles[i].slot)
                earliest = min(earliest, now &+ timer.ttl)
            } else {
                earliest = min(earliest, reference &+ timer.ttl)
            }
        }
        for slot in due { rearm(at: slot, now: now) }
        earliestIdleDeadline = earliest
        return due
    }
}
