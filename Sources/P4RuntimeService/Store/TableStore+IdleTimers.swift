import P4Device
import P4Model

/// The idle timer of one store slot: what the sweep needs about a candidate without touching the stored entry.
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

    /// The first `nextCheck` of this timer: its deadline if never hit; `.max` (never) without an idle timeout.
    var initialCheck: UInt64 { ttl > 0 ? armedAt &+ ttl : .max }
}

// The timers are a structure of arrays: `checkChunks` holds, per slot, a lower bound of the entry's deadline
// (`max(armedAt, last hit) + ttl`; hits only move the deadline later, so the bound stays valid), `.max` for slots
// without a timed entry. A sweep scans only those 8 bytes per entry and asks the device about an entry only once
// its bound has come.
extension TableStore {
    /// Whether slot `index` has a timer.
    func hasTimer(_ index: Int) -> Bool {
        index / Self.chunkSize < timerChunks.count && index % Self.chunkSize < timerChunks[index / Self.chunkSize].count
    }

    /// Marks slot `index` as having no timed entry.
    mutating func clearTimer(at index: Int) {
        guard hasTimer(index) else { return }
        timerChunks[index / Self.chunkSize][index % Self.chunkSize].ttl = 0
        checkChunks[index / Self.chunkSize][index % Self.chunkSize] = .max
    }

    /// Re-arms the timer of slot `index` at `now`.
    mutating func rearmTimer(at index: Int, now: UInt64) {
        guard hasTimer(index) else { return }
        let (c, j) = (index / Self.chunkSize, index % Self.chunkSize)
        timerChunks[c][j].armedAt = now
        checkChunks[c][j] = timerChunks[c][j].initialCheck
    }

    /// Sets the timer of slot `index`, adding timers up to it when the entry has an idle timeout.
    mutating func setTimer(at index: Int, _ timer: IdleTimer) {
        if !hasTimer(index) {
            guard timer.ttl > 0 else { return }
            while !hasTimer(index) {
                if (timerChunks.last?.count ?? Self.chunkSize) == Self.chunkSize {
                    var chunk: [IdleTimer] = []
                    chunk.reserveCapacity(Self.chunkSize)
                    timerChunks.append(chunk)
                    var checks: [UInt64] = []
                    checks.reserveCapacity(Self.chunkSize)
                    checkChunks.append(checks)
                }
                timerChunks[timerChunks.count - 1].append(IdleTimer())
                checkChunks[checkChunks.count - 1].append(.max)
            }
        }
        timerChunks[index / Self.chunkSize][index % Self.chunkSize] = timer
        checkChunks[index / Self.chunkSize][index % Self.chunkSize] = timer.initialCheck
    }

    /// One idle-timeout sweep of this table at `now` (P4Runtime §16.4): every live entry whose `idle_timeout_ns`
    /// elapsed since `max(armedAt, last hit)` is due; due entries are re-armed at `now` and their slots returned in
    /// slot order; `earliestIdleDeadline` becomes the earliest next deadline. Only entries whose deadline bound has
    /// come are candidates: `lastHits` fills the last hit of each candidate's handle (0 = never) in one call (the
    /// device answers in bulk), and a candidate that was hit meanwhile gets its later deadline as its bound.
    mutating func sweepIdleTimers(
        now: UInt64,
        lastHits: (UnsafeBufferPointer<EntryHandle>, UnsafeMutableBufferPointer<UInt64>) -> Void
    ) -> [UInt32] {
        var candidates: [EntryHandle] = []
        var earliest = UInt64.max
        for c in checkChunks.indices {
            let base = c * Self.chunkSize
            checkChunks[c].withUnsafeBufferPointer { checks in
                for j in checks.indices {
                    let check = checks[j]
                    if check <= now {
                        let generation = timerChunks[c][j].generation
                        candidates.append(EntryHandle(slot: UInt32(base + j), generation: generation))
                    } else if check < earliest {
                        earliest = check
                    }
                }
            }
        }
        var hits = [UInt64](repeating: 0, count: candidates.count)
        candidates.withUnsafeBufferPointer { h in hits.withUnsafeMutableBufferPointer { lastHits(h, $0) } }
        var due: [UInt32] = []
        for i in candidates.indices {
            let index = Int(candidates[i].slot)
            let (c, j) = (index / Self.chunkSize, index % Self.chunkSize)
            let timer = timerChunks[c][j]
            let reference = max(timer.armedAt, hits[i])
            if now >= reference && now - reference >= timer.ttl {
                due.append(candidates[i].slot)
                earliest = min(earliest, now &+ timer.ttl)
            } else {
                checkChunks[c][j] = reference &+ timer.ttl
                earliest = min(earliest, reference &+ timer.ttl)
            }
        }
        for slot in due { rearm(at: slot, now: now) }
        earliestIdleDeadline = earliest
        return due
    }
}
