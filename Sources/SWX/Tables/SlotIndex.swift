/// An open-addressing index over raw memory: power-of-two slots of `hash << 32 | entryID` (0 = empty), linear
/// probing from `hash & mask`, and backward-shift deletion so no tombstones build up under churn.
///
/// The index only maps hashes to entry ids; the caller stores the entries (and compares keys) itself, which keeps
/// entry ids stable while slots move. Not thread-safe: the owner serialises writers and readers.
struct SlotIndex {
    private(set) var slots: UnsafeMutablePointer<UInt64>
    private(set) var mask: Int
    private(set) var count: Int
    private(set) var memory: TableMemory
    /// Whether big slot arrays ask for transparent huge pages.
    let hugePages: Bool

    /// An empty index of `slotCount` slots (a power of two); `hugePages` as in ``TableMemory``.
    init(slotCount: Int, hugePages: Bool = false) {
        self.hugePages = hugePages
        memory = SlotIndex.zeroedSlots(slotCount, hugePages: hugePages)
        slots = memory.base.bindMemory(to: UInt64.self, capacity: slotCount)
        mask = slotCount &- 1
        count = 0
    }

    private static func zeroedSlots(_ n: Int, hugePages: Bool) -> TableMemory {
        TableMemory.zeroed(byteCount: n * 8, hugePages: hugePages)
    }

    var slotCount: Int { mask &+ 1 }

    func deallocate() { memory.release() }

    /// A deep copy.
    func copy() -> SlotIndex {
        var c = SlotIndex(slotCount: slotCount, hugePages: hugePages)
        c.slots.update(from: slots, count: slotCount)
        c.count = count
        return c
    }

    @inline(__always)
    static func pack(_ hash: UInt32, _ id: UInt32) -> UInt64 { UInt64(hash) << 32 | UInt64(id) }

    /// Adds `id` under `hash`. The caller guarantees a free slot (load factor below 1).
    mutating func insert(hash: UInt32, id: UInt32) {
        var i = Int(hash) & mask
        while slots[i] != 0 { i = (i &+ 1) & mask }
        slots[i] = SlotIndex.pack(hash, id)
        count &+= 1
    }

    /// Removes `id` stored under `hash`; returns false when it is not there.
    @discardableResult
    mutating func remove(hash: UInt32, id: UInt32) -> Bool {
        let wanted = SlotIndex.pack(hash, id)
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { return false }
            if s == wanted { break }
            i = (i &+ 1) & mask
        }
        var hole = i
        var j = (i &+ 1) & mask
        while true {
            let s = slots[j]
            if s == 0 { break }
            let home = Int(UInt32(truncatingIfNeeded: s >> 32)) & mask
            // The entry at j may fill the hole only if the hole lies on its probe path [home, j).
            if (j &- home) & mask >= (j &- hole) & mask {
                slots[hole] = s
                hole = j
            }
            j = (j &+ 1) & mask
        }
        slots[hole] = 0
        count &-= 1
        return true
    }

    /// Replaces the id stored under `hash` (`old` → `new`); returns false when `old` is not there.
    @discardableResult
    mutating func replace(hash: UInt32, old: UInt32, new: UInt32) -> Bool {
        let wanted = SlotIndex.pack(hash, old)
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { return false }
            if s == wanted { slots[i] = SlotIndex.pack(hash, new); return true }
            i = (i &+ 1) & mask
        }
    }

    /// Empties the index, keeping its slots.
    mutating func removeAll() {
        slots.update(repeating: 0, count: slotCount)
        count = 0
    }

    /// Doubles the slot count and re-inserts every entry.
    mutating func grow() {
        let old = slots
        let oldMemory = memory
        let oldCount = slotCount
        let n = oldCount << 1
        memory = SlotIndex.zeroedSlots(n, hugePages: hugePages)
        slots = memory.base.bindMemory(to: UInt64.self, capacity: n)
        mask = n &- 1
        count = 0
        for i in 0..<oldCount where old[i] != 0 {
            let s = old[i]
            insert(hash: UInt32(truncatingIfNeeded: s >> 32), id: UInt32(truncatingIfNeeded: s))
        }
        oldMemory.release()
    }
}
