/// An open-addressing index over raw memory: power-of-two slots of `hash << 32 | entryID` (0 = empty), linear
/// probing from `hash & mask`, and backward-shift deletion so no tombstones build up under churn.
///
/// The index only maps hashes to entry ids; the caller stores the entries (and compares keys) itself, which keeps
/// entry ids stable while slots move. Not thread-safe: the owner serialises writers and readers.
///
/// Optionally every slot has a payload of `payloadStride` bytes in a parallel array that moves with the slot (the
/// owner writes it after ``insert(hash:id:)`` and the index keeps it with its slot through deletions and growth;
/// an empty slot's payload is zero). The exact-match table keeps a copy of each record there, so a lookup on the
/// packet path reads one line instead of the slot and then the record.
struct SlotIndex {
    private(set) var slots: UnsafeMutablePointer<UInt64>
    private(set) var mask: Int
    private(set) var count: Int
    private(set) var memory: TableMemory
    /// Whether big slot arrays ask for transparent huge pages.
    let hugePages: Bool
    /// Payload bytes per slot (0: no payload).
    let payloadStride: Int
    /// Slot `i`'s payload is at `payload + i * payloadStride` (unused when `payloadStride` is 0).
    private(set) var payload: UnsafeMutableRawPointer
    private(set) var payloadMemory: TableMemory?

    /// An empty index of `slotCount` slots (a power of two); `hugePages` as in ``TableMemory``; `payloadStride`
    /// bytes of zeroed payload per slot.
    init(slotCount: Int, hugePages: Bool = false, payloadStride: Int = 0) {
        self.hugePages = hugePages
        self.payloadStride = payloadStride
        memory = SlotIndex.zeroedSlots(slotCount, hugePages: hugePages)
        slots = memory.base.bindMemory(to: UInt64.self, capacity: slotCount)
        mask = slotCount &- 1
        count = 0
        (payloadMemory, payload) = SlotIndex.zeroedPayload(slotCount, payloadStride, hugePages: hugePages,
                                                           orElse: memory.base)
    }

    private static func zeroedSlots(_ n: Int, hugePages: Bool) -> TableMemory {
        TableMemory.zeroed(byteCount: n * 8, hugePages: hugePages)
    }

    /// Zeroed payloads for `slotCount` slots, or no block (and `unused` as the base) without payloads.
    private static func zeroedPayload(_ slotCount: Int, _ stride: Int, hugePages: Bool,
                                      orElse unused: UnsafeMutableRawPointer) -> (TableMemory?, UnsafeMutableRawPointer) {
        guard stride > 0 else { return (nil, unused) }
        let block = TableMemory.zeroed(byteCount: slotCount * stride, hugePages: hugePages)
        return (block, block.base)
    }

    var slotCount: Int { mask &+ 1 }

    func deallocate() {
        memory.release()
        payloadMemory?.release()
    }

    /// A deep copy (payload included).
    func copy() -> SlotIndex {
        var c = SlotIndex(slotCount: slotCount, hugePages: hugePages, payloadStride: payloadStride)
        c.slots.update(from: slots, count: slotCount)
        if payloadStride > 0 { c.payload.copyMemory(from: payload, byteCount: slotCount * payloadStride) }
        c.count = count
        return c
    }

    /// The payload of slot `i`.
    @inline(__always)
    func payload(_ i: Int) -> UnsafeMutableRawPointer { payload + i &* payloadStride }

    /// The slot holding `id` under `hash`, or nil.
    func position(hash: UInt32, id: UInt32) -> Int? {
        let wanted = SlotIndex.pack(hash, id)
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { return nil }
            if s == wanted { return i }
            i = (i &+ 1) & mask
        }
    }

    @inline(__always)
    static func pack(_ hash: UInt32, _ id: UInt32) -> UInt64 { UInt64(hash) << 32 | UInt64(id) }

    /// Adds `id` under `hash` and returns its slot (whose payload is zero). The caller guarantees a free slot
    /// (load factor below 1).
    @discardableResult
    mutating func insert(hash: UInt32, id: UInt32) -> Int {
        var i = Int(hash) & mask
        while slots[i] != 0 { i = (i &+ 1) & mask }
        slots[i] = SlotIndex.pack(hash, id)
        count &+= 1
        return i
    }

    /// Removes `id` stored under `hash`; returns false when it is not there.
    @discardableResult
    mutating func remove(hash: UInt32, id: UInt32) -> Bool {
        guard let i = position(hash: hash, id: id) else { return false }
        var hole = i
        var j = (i &+ 1) & mask
        while true {
            let s = slots[j]
            if s == 0 { break }
            let home = Int(UInt32(truncatingIfNeeded: s >> 32)) & mask
            // The entry at j may fill the hole only if the hole lies on its probe path [home, j).
            if (j &- home) & mask >= (j &- hole) & mask {
                slots[hole] = s
                if payloadStride > 0 { payload(hole).copyMemory(from: payload(j), byteCount: payloadStride) }
                hole = j
            }
            j = (j &+ 1) & mask
        }
        slots[hole] = 0
        if payloadStride > 0 { payload(hole).initializeMemory(as: UInt8.self, repeating: 0, count: payloadStride) }
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
        if payloadStride > 0 { payload.initializeMemory(as: UInt8.self, repeating: 0, count: slotCount * payloadStride) }
        count = 0
    }

    /// Doubles the slot count and re-inserts every entry (with its payload).
    mutating func grow() {
        let old = slots
        let oldMemory = memory
        let oldPayload = payload
        let oldPayloadMemory = payloadMemory
        let oldCount = slotCount
        let n = oldCount << 1
        memory = SlotIndex.zeroedSlots(n, hugePages: hugePages)
        slots = memory.base.bindMemory(to: UInt64.self, capacity: n)
        (payloadMemory, payload) = SlotIndex.zeroedPayload(n, payloadStride, hugePages: hugePages, orElse: memory.base)
        mask = n &- 1
        count = 0
        for i in 0..<oldCount where old[i] != 0 {
            let s = old[i]
            let j = insert(hash: UInt32(truncatingIfNeeded: s >> 32), id: UInt32(truncatingIfNeeded: s))
            if payloadStride > 0 {
                payload(j).copyMemory(from: oldPayload + i &* payloadStride, byteCount: payloadStride)
            }
        }
        oldMemory.release()
        oldPayloadMemory?.release()
    }
}
