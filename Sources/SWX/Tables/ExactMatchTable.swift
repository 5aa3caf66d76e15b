import CIntrinsics

/// The exact-match table of a `table` whose key fields are all `exact` and contiguous (DPDK's `rte_swx_table_em`).
///
/// Layout: a flat array of entry records (hash, action id, key, action data; all POD) indexed by entry id − 1, and
/// an open-addressing ``SlotIndex`` from the key hash to the entry id. An entry keeps its id (its slot) for as long
/// as it lives, whatever else is added or deleted; ids are 1-based and 0 means miss, so the id is the value of the
/// `entryid` instruction and the index of direct counters. Free ids are reused last-freed-first and fresh ids are
/// handed out in ascending order, the order DPDK's key stack yields.
///
/// The key hash is the table's `hash` option (`crc32` when the `.spec` names none, as in DPDK) with seed 0.
/// Capacity is the `.spec` `size` (DPDK's `n_keys_max`); the index is sized once for it, so a lookup costs the same
/// at 10 entries as at 1,000,000 (cache misses aside). Per entry it uses 8 bytes of record header, key and action data
/// padded to 8 bytes, 4 bytes of free-list link and 16-32 bytes of index. Big record and index arrays live on
/// transparent huge pages where the kernel allows (``TableMemory``).
///
/// Inline records: in a table of at least `inlineMinimumCapacity` entries (65,536 by default) whose record fits 64
/// bytes (key and action data up to 48 bytes together), every index slot also carries a copy of its entry's record
/// (entry id, action id, key, action data; the slot stride is the record size rounded up to a power of two, so a
/// copy never straddles a cache line). The packet path then finds and acts
/// on an entry from the index alone (``find(_:hash:)``), one cache line instead of the slot and then the record; the
/// records stay the control plane's copy, by id. This costs 2 × the record stride per entry of `size`.
///
/// For big tables the packet path splits a lookup so the executor can run other packets while memory answers:
/// ``hash(_:)`` + ``prefetch(hash:)`` (the lines holding the first index slots), then ``find(_:hash:)``; without
/// inline records there is a middle step, ``prefetchCandidates(hash:)`` (the records whose stored hash matches).
///
/// Concurrency: one writer (the control plane, between packet bursts) and readers that do not overlap with it.
/// ``copy()`` gives an independent table for staging a transaction.
public final class ExactMatchTable: @unchecked Sendable {
    /// Key size in bytes.
    public let keySize: Int
    /// Action data size in bytes (the largest action of the table).
    public let actionDataSize: Int
    /// Maximum number of entries.
    public let capacity: Int
    /// The hash function of the key.
    public let hashFunction: HashFunction
    /// Number of live entries.
    public internal(set) var count: Int = 0 {
        didSet { population.pointee = count }
    }
    /// `count`, where the packet path reads it without a class-property access (see ``population(atLeast:)``).
    let population: UnsafeMutablePointer<Int>

    let keyStride: Int
    let recordStride: Int
    let records: UnsafeMutableRawPointer
    /// The block `records` points into.
    let recordMemory: TableMemory
    /// Per record: `liveMark` when live, else the next free id (0 ends the list).
    let links: UnsafeMutablePointer<UInt32>
    /// Mutated by the control plane; never reallocated, so `slots`/`slotMask` below stay valid.
    var index: SlotIndex
    /// The index slots as constants for the packet path.
    let slots: UnsafeMutablePointer<UInt64>
    let slotMask: Int
    /// Bytes of the record copy in each index slot (a power of two ≤ 64), or 0 when records are not inlined.
    let inlineStride: Int
    /// The index slots' record copies (slot `i` at `inline + i * inlineStride`) when `inlineStride` > 0.
    let inline: UnsafeMutableRawPointer
    var freeHead: UInt32 = 0
    var highWater: Int = 0
    /// Last-hit times per entry, when the control plane enabled them (`ExactMatchTable+HitTimes.swift`).
    let hitTimes = EntryHitTimes()

    static let liveMark = UInt32.max
    /// A record: hash (or, in an inline copy, the entry id) at 0, action id at `actionOffset`, key at `keyOffset`,
    /// then the action data.
    public static let actionOffset = 4
    static let keyOffset = 8
    /// Records up to this size are copied into the index slots.
    static let inlineLimit = 64
    /// The default size from which records are inlined. Smaller tables keep records out of the index: their slots
    /// and records stay in the caches, where the copies would only add lines (and could push a small table past the
    /// interleave threshold, making its lookups split and yield for nothing).
    public static let inlineMinimumCapacity = 1 << 16

    /// An empty table. Throws when a size is zero or negative, or `capacity` exceeds 2^31.
    /// `hugePages` asks for transparent huge pages for big arrays; records are inlined in the index from
    /// `inlineMinimumCapacity` entries on (see the type's notes).
    public init(keySize: Int, actionDataSize: Int, capacity: Int, hashFunction: HashFunction = .crc32,
                hugePages: Bool = true,
                inlineMinimumCapacity: Int = ExactMatchTable.inlineMinimumCapacity) throws(SWXRuntimeError) {
        guard keySize > 0 else { throw .invalidArgument("exact table: key size \(keySize) must be positive") }
        guard actionDataSize >= 0 else { throw .invalidArgument("exact table: action data size \(actionDataSize) is negative") }
        guard capacity > 0, capacity <= 1 << 31 else {
            throw .invalidArgument("exact table: size \(capacity) must be between 1 and 2^31")
        }
        self.keySize = keySize
        self.actionDataSize = actionDataSize
        self.capacity = capacity
        self.hashFunction = hashFunction
        keyStride = KeyBytes.stride(keySize)
        recordStride = ExactMatchTable.keyOffset + keyStride + KeyBytes.stride(actionDataSize)
        recordMemory = TableMemory.zeroed(byteCount: capacity * recordStride, hugePages: hugePages)
        records = recordMemory.base
        population = .allocate(capacity: 1)
        population.initialize(to: 0)
        links = .allocate(capacity: capacity)
        let inlineStride = recordStride <= ExactMatchTable.inlineLimit && capacity >= inlineMinimumCapacity
            ? KeyBytes.powerOfTwo(atLeast: recordStride) : 0
        self.inlineStride = inlineStride
        index = SlotIndex(slotCount: max(16, KeyBytes.powerOfTwo(atLeast: 2 * capacity)), hugePages: hugePages,
                          payloadStride: inlineStride)
        slots = index.slots
        slotMask = index.mask
        inline = index.payload
    }

    private init(copying other: ExactMatchTable) {
        keySize = other.keySize
        actionDataSize = other.actionDataSize
        capacity = other.capacity
        hashFunction = other.hashFunction
        population = .allocate(capacity: 1)
        population.initialize(to: other.count)
        count = other.count
        keyStride = other.keyStride
        recordStride = other.recordStride
        recordMemory = TableMemory.zeroed(byteCount: capacity * recordStride, hugePages: other.index.hugePages)
        records = recordMemory.base
        records.copyMemory(from: other.records, byteCount: other.highWater * recordStride)
        links = .allocate(capacity: capacity)
        links.update(from: other.links, count: other.highWater)
        index = other.index.copy()
        slots = index.slots
        slotMask = index.mask
        inlineStride = other.inlineStride
        inline = index.payload
        freeHead = other.freeHead
        highWater = other.highWater
        hitTimes.copyState(from: other.hitTimes, count: other.highWater)
    }

    deinit {
        recordMemory.release()
        population.deallocate()
        links.deallocate()
        index.deallocate()
        hitTimes.deallocate()
    }

    /// An independent deep copy (same entries, same ids, same free-id order).
    public func copy() -> ExactMatchTable { ExactMatchTable(copying: self) }

    // MARK: Packet path

    /// The hash of the `keySize` bytes at `key` (first half of a split lookup).
    @inline(__always)
    public func hash(_ key: UnsafeRawPointer) -> UInt32 {
        hashFunction.hash(key, count: keySize, seed: 0)
    }

    /// Step 1 of a split lookup: the hash of the key at `key`, with the lines a lookup reads first prefetched.
    @inline(__always)
    public func hashAndPrefetch(_ key: UnsafeRawPointer) -> UInt32 {
        let h = hash(key)
        prefetch(hash: h)
        return h
    }

    /// Whether the table holds at least `entries` entries: the packet path splits lookups only once the entries
    /// outgrow the caches, so a big table holding a few entries costs what a small one does.
    @inline(__always)
    public func population(atLeast entries: Int) -> Bool { population.pointee >= entries }

    /// Whether the index slots carry the records (see the type's notes): a lookup then needs no middle step.
    @inline(__always)
    public var inlinesRecords: Bool { inlineStride != 0 }

    /// Prefetches the index slot a lookup with `hash` reads first; with inline records, the line of that slot's
    /// record copy and the next line (linear probing usually ends within them).
    @inline(__always)
    public func prefetch(hash: UInt32) {
        let i = Int(hash) & slotMask
        if inlineStride != 0 {
            let p = inline + i &* inlineStride
            p4rt_prefetch(p)
            p4rt_prefetch(p + 64)
        } else {
            p4rt_prefetch(slots + i)
        }
    }

    /// The entry whose key equals the `keySize` bytes at `key`: its id (0 on a miss) and a record image holding its
    /// action id at ``actionOffset`` and its action data at ``actionDataOffset`` (the inline copy in the index when records
    /// are inlined, else the record; meaningless on a miss). `hash` must be ``hash(_:)`` of the same key.
    @inline(__always)
    public func find(_ key: UnsafeRawPointer, hash: UInt32) -> (id: UInt32, record: UnsafeRawPointer) {
        let mask = slotMask
        var i = Int(hash) & mask
        if inlineStride != 0 {
            // Slot i's copy is at `inline + i * inlineStride`; an empty slot's copy is zero, so its id is 0.
            while true {
                let r = inline + i &* inlineStride
                let id = r.load(as: UInt32.self)
                if id == 0 { return (0, key) }
                if KeyBytes.equal(r + ExactMatchTable.keyOffset, key, keySize) { return (id, UnsafeRawPointer(r)) }
                i = (i &+ 1) & mask
            }
        }
        let id = lookup(key, hash: hash)
        return (id, UnsafeRawPointer(record(id)))
    }

    /// Where a record image holds the action data.
    @inline(__always)
    public var actionDataOffset: Int { ExactMatchTable.keyOffset &+ keyStride }

    /// Prefetches the record of every entry on the probe path of `hash` whose stored hash equals it (normally
    /// one, none on most misses); returns whether there was any. The index slot should be in cache already.
    @inline(__always)
    public func prefetchCandidates(hash: UInt32) -> Bool {
        let mask = slotMask
        var i = Int(hash) & mask
        var found = false
        while true {
            let s = slots[i]
            if s == 0 { return found }
            if UInt32(truncatingIfNeeded: s >> 32) == hash {
                p4rt_prefetch(record(UInt32(truncatingIfNeeded: s)))
                found = true
            }
            i = (i &+ 1) & mask
        }
    }

    /// The id of the entry whose key equals the `keySize` bytes at `key`, or 0 on a miss. `hash` must be
    /// ``hash(_:)`` of the same key.
    @inline(__always)
    public func lookup(_ key: UnsafeRawPointer, hash: UInt32) -> UInt32 {
        let mask = slotMask
        var i = Int(hash) & mask
        while true {
            let s = slots[i]
            if s == 0 { return 0 }
            if UInt32(truncatingIfNeeded: s >> 32) == hash {
                let id = UInt32(truncatingIfNeeded: s)
                if KeyBytes.equal(keyPointer(id), key, keySize) { return id }
            }
            i = (i &+ 1) & mask
        }
    }

    /// ``lookup(_:hash:)`` with the hash computed here.
    @inline(__always)
    public func lookup(_ key: UnsafeRawPointer) -> UInt32 { lookup(key, hash: hash(key)) }

    /// The action id of live entry `id` (1-based).
    @inline(__always)
    public func actionID(ofEntry id: UInt32) -> UInt32 {
        record(id).load(fromByteOffset: ExactMatchTable.actionOffset, as: UInt32.self)
    }

    /// The action data of live entry `id`: `actionDataSize` bytes, valid until the entry is modified or deleted.
    @inline(__always)
    public func actionData(ofEntry id: UInt32) -> UnsafeRawPointer {
        UnsafeRawPointer(record(id) + ExactMatchTable.keyOffset + keyStride)
    }

    @inline(__always)
    func record(_ id: UInt32) -> UnsafeMutableRawPointer { records + (Int(id) &- 1) &* recordStride }

    @inline(__always)
    func keyPointer(_ id: UInt32) -> UnsafeMutableRawPointer { record(id) + ExactMatchTable.keyOffset }
}
