import P4Device
import P4Model

/// The entries of one table, sized for millions: a sharded key index (64 dictionaries, so no single rehash copies
/// more than 1/64 of the table while the write lock is held) and entries in fixed-size chunks addressed by slot
/// (so a copy-on-write triggered by a concurrent reader's snapshot copies only the touched chunk).
///
/// Slots are reused last-freed-first; each reuse bumps the slot's generation, which is part of the entry's
/// `EntryHandle`. Iteration is in slot order: stable and independent of hashing.
struct TableStore: Sendable {
    struct Slot: Sendable {
        var generation: UInt32
        var stored: StoredEntry?
    }

    static let shardCount = 64
    static let chunkSize = 1024

    private var shards: [[EntryKey: UInt32]] = Array(repeating: [:], count: TableStore.shardCount)
    private var chunks: [[Slot]] = []
    /// The idle timers of the slots and their deadline bounds, chunked like `chunks`: what the idle-timeout sweep
    /// reads instead of the whole entries, see `TableStore+IdleTimers.swift`. They cover the slots up to the
    /// highest one that ever held an entry with an idle timeout (none for tables without idle timeouts).
    var timerChunks: [[IdleTimer]] = []
    var checkChunks: [[UInt64]] = []
    private var freeSlots: [UInt32] = []
    private var slotCount = 0
    /// Live entries.
    private(set) var count = 0
    /// Live entries with a non-zero idle timeout.
    private(set) var idleTimedCount = 0
    /// A lower bound of the earliest idle-timeout deadline (`armedAt + idle_timeout_ns`) of the live entries: the
    /// sweep skips the table until then. Hits only move deadlines later, so the bound stays valid.
    var earliestIdleDeadline: UInt64 = .max
    /// The default entry as written (action nil = the program's initial default); nil when never written.
    var defaultEntry: TableEntry?

    /// The slot holding `key`, if any.
    func slot(for key: EntryKey) -> UInt32? {
        shards[Int(key.hash & UInt64(Self.shardCount - 1))][key]
    }

    /// The entry in `slot`, if live.
    func stored(at slot: UInt32) -> StoredEntry? {
        let index = Int(slot)
        return chunks[index / Self.chunkSize][index % Self.chunkSize].stored
    }

    /// The handle of the live entry in `slot`.
    func handle(at slot: UInt32) -> EntryHandle {
        let index = Int(slot)
        return EntryHandle(slot: slot, generation: chunks[index / Self.chunkSize][index % Self.chunkSize].generation)
    }

    /// The handle the next `insert` will use (so the device can be asked first).
    func nextHandle() -> EntryHandle {
        if let slot = freeSlots.last {
            let index = Int(slot)
            return EntryHandle(slot: slot, generation: chunks[index / Self.chunkSize][index % Self.chunkSize].generation &+ 1)
        }
        return EntryHandle(slot: UInt32(slotCount), generation: 0)
    }

    /// Looks `key` up and, when absent, reserves it for `nextHandle()` in the same hash lookup (the insert path
    /// hashes once). Returns the slot already holding the key, or nil when it was reserved; a reservation is
    /// completed by `insert(_:reserved:)` or undone by `release(_:)`.
    mutating func reserve(_ key: EntryKey) -> UInt32? {
        let slot = nextHandle().slot
        var existing: UInt32?
        func inspect(_ value: inout UInt32) { if value != slot { existing = value } }
        inspect(&shards[Int(key.hash & UInt64(Self.shardCount - 1))][key, default: slot])
        return existing
    }

    /// Undoes `reserve(_:)` for a key that was not inserted.
    mutating func release(_ key: EntryKey) {
        shards[Int(key.hash & UInt64(Self.shardCount - 1))][key] = nil
    }

    /// Stores a new entry under `nextHandle()`; the key must not be present (or be reserved when `reserved`).
    @discardableResult
    mutating func insert(_ stored: StoredEntry, reserved: Bool = false) -> EntryHandle {
        let handle = nextHandle()
        // The entry is written into its slot once (it is a few hundred bytes: a placeholder slot appended and
        // then overwritten cost two more copies per insert).
        if freeSlots.last == handle.slot {
            freeSlots.removeLast()
            let index = Int(handle.slot)
            chunks[index / Self.chunkSize][index % Self.chunkSize] = Slot(generation: handle.generation, stored: stored)
        } else {
            if slotCount % Self.chunkSize == 0 {
                var chunk: [Slot] = []
                chunk.reserveCapacity(Self.chunkSize)
                chunks.append(chunk)
            }
            chunks[chunks.count - 1].append(Slot(generation: handle.generation, stored: stored))
            slotCount += 1
        }
        setTimer(at: Int(handle.slot), IdleTimer(stored, generation: handle.generation))
        if !reserved { shards[Int(stored.key.hash & UInt64(Self.shardCount - 1))][stored.key] = handle.slot }
        count += 1
        if stored.entry.idleTimeoutNs > 0 {
            idleTimedCount += 1
            noteDeadline(of: stored)
        }
        return handle
    }

    /// Replaces the live entry in `slot` (same key).
    mutating func replace(at slot: UInt32, with stored: StoredEntry) {
        let index = Int(slot)
        let old = chunks[index / Self.chunkSize][index % Self.chunkSize].stored
        if (old?.entry.idleTimeoutNs ?? 0) > 0 { idleTimedCount -= 1 }
        if stored.entry.idleTimeoutNs > 0 {
            idleTimedCount += 1
            noteDeadline(of: stored)
        }
        chunks[index / Self.chunkSize][index % Self.chunkSize].stored = stored
        let generation = chunks[index / Self.chunkSize][index % Self.chunkSize].generation
        setTimer(at: index, IdleTimer(stored, generation: generation))
    }

    private mutating func noteDeadline(of stored: StoredEntry) {
        let deadline = stored.armedAt &+ UInt64(stored.entry.idleTimeoutNs)
        if deadline < earliestIdleDeadline { earliestIdleDeadline = deadline }
    }

    /// Re-arms the idle timer of the live entry in `slot`.
    mutating func rearm(at slot: UInt32, now: UInt64) {
        let index = Int(slot)
        chunks[index / Self.chunkSize][index % Self.chunkSize].stored?.armedAt = now
        rearmTimer(at: index, now: now)
    }

    /// Removes the live entry in `slot` and returns it.
    @discardableResult
    mutating func remove(at slot: UInt32) -> StoredEntry? {
        let index = Int(slot)
        guard let old = chunks[index / Self.chunkSize][index % Self.chunkSize].stored else { return nil }
        chunks[index / Self.chunkSize][index % Self.chunkSize].stored = nil
        clearTimer(at: index)
        shards[Int(old.key.hash & UInt64(Self.shardCount - 1))][old.key] = nil
        freeSlots.append(slot)
        count -= 1
        if old.entry.idleTimeoutNs > 0 { idleTimedCount -= 1 }
        return old
    }

    /// Calls `body` with every live entry and its handle in slot order until it returns false; returns false when
    /// stopped early.
    @discardableResult
    func forEach(_ body: (EntryHandle, StoredEntry) -> Bool) -> Bool {
        var slotIndex = 0
        for chunk in chunks {
            for slot in chunk {
                defer { slotIndex += 1 }
                guard let stored = slot.stored else { continue }
                if !body(EntryHandle(slot: UInt32(slotIndex), generation: slot.generation), stored) { return false }
            }
        }
        return true
    }

    /// Removes every entry (the default entry is kept).
    mutating func removeAll() {
        self = TableStore(defaultEntry: defaultEntry)
    }

    init(defaultEntry: TableEntry? = nil) {
        self.defaultEntry = defaultEntry
    }
}
