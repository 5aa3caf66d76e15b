/// The table of a `table` with any `wildcard` or `lpm` key field (DPDK's ACL-based `rte_swx_table_wm`), with
/// stable entry ids, which DPDK lacks (it renumbers entries on every commit).
///
/// An entry is key bytes + mask bytes + priority + action. The best match of a lookup key is the matching entry
/// with the **lowest** priority number (DPDK: 0 is the highest priority); among equal priorities the lower entry
/// id wins, so results are deterministic. An LPM table is this table with prefix masks and DPDK's priority
/// `maxPrefixLength − prefixLength` (``lpmPriority(prefixLength:maxPrefixLength:)``), so the longest prefix wins.
///
/// Lookup is tuple-space search: entries are grouped by mask, each group is an open-addressing hash table of the
/// masked keys, and groups are probed in order of their best priority, stopping as soon as no later group can
/// beat the best match found. Cost grows with the number of distinct masks, not the number of entries.
///
/// Entry identity is (mask, key & mask, priority): adding the same match at another priority makes a second
/// entry, as P4Runtime requires. Ids are 1-based (0 = miss), reused last-freed-first, and fresh ids ascend.
///
/// Concurrency: one writer (between bursts), readers that do not overlap with it; ``copy()`` stages a transaction.
public final class WildcardTable: @unchecked Sendable {
    struct Group {
        var mask: UnsafeMutableRawPointer
        /// Masked-key hash → id of the best entry with that masked key (the head of its chain).
        var index: SlotIndex
        var entries: Int
        var best: UInt32
        var bestCount: Int
    }

    /// Key size in bytes.
    public let keySize: Int
    /// Action data size in bytes.
    public let actionDataSize: Int
    /// Maximum number of entries.
    public let capacity: Int
    /// Number of live entries.
    public internal(set) var count: Int = 0

    let keyStride: Int
    let recordStride: Int
    var records: UnsafeMutableRawPointer
    var links: UnsafeMutablePointer<UInt32>
    var recordCapacity: Int
    var freeHead: UInt32 = 0
    var highWater: Int = 0

    var groups: UnsafeMutablePointer<Group>
    var groupSlots: Int = 0
    var groupCapacity: Int
    /// Group slots that hold a live group.
    var groupLive: [Bool] = []
    /// Live group slots sorted by (best priority, slot).
    var order: UnsafeMutablePointer<Int32>
    var orderCount: Int = 0
    /// Last-hit times per entry, when the control plane enabled them (`WildcardTable+HitTimes.swift`).
    let hitTimes = EntryHitTimes()

    static let liveMark = UInt32.max
    // Record header: priority, action id, group slot, next id in chain, masked-key hash, pad.
    static let headerSize = 24
    static let priorityOffset = 0
    static let actionOffset = 4
    static let groupOffset = 8
    static let nextOffset = 12
    static let hashOffset = 16

    /// An empty table. Throws when a size is zero or negative, or `capacity` exceeds 2^31.
    public convenience init(keySize: Int, actionDataSize: Int, capacity: Int) throws(SWXRuntimeError) {
        guard keySize > 0 else { throw .invalidArgument("wildcard table: key size \(keySize) must be positive") }
        guard actionDataSize >= 0 else { throw .invalidArgument("wildcard table: action data size \(actionDataSize) is negative") }
        guard capacity > 0, capacity <= 1 << 31 else {
            throw .invalidArgument("wildcard table: size \(capacity) must be between 1 and 2^31")
        }
        self.init(validatedKeySize: keySize, actionDataSize: actionDataSize, capacity: capacity)
    }

    /// An empty table for parameters already checked by the public initializer.
    init(validatedKeySize keySize: Int, actionDataSize: Int, capacity: Int) {
        self.keySize = keySize
        self.actionDataSize = actionDataSize
        self.capacity = capacity
        keyStride = KeyBytes.stride(keySize)
        recordStride = WildcardTable.headerSize + keyStride + KeyBytes.stride(actionDataSize)
        recordCapacity = min(capacity, 64)
        records = .allocate(byteCount: recordCapacity * recordStride + TableMemory.slack, alignment: 64)
        links = .allocate(capacity: recordCapacity)
        groupCapacity = 8
        groups = .allocate(capacity: groupCapacity)
        order = .allocate(capacity: groupCapacity)
    }

    deinit {
        for g in 0..<groupSlots where groupLive[g] {
            groups[g].mask.deallocate()
            groups[g].index.deallocate()
        }
        groups.deallocate()
        order.deallocate()
        records.deallocate()
        links.deallocate()
        hitTimes.deallocate()
    }

    /// DPDK's LPM priority (rte_swx_ctl.c): `maxPrefixLength − prefixLength`, so longer prefixes win.
    public static func lpmPriority(prefixLength: Int, maxPrefixLength: Int) -> UInt32 {
        UInt32(max(0, maxPrefixLength - prefixLength))
    }

    // MARK: Packet path

    /// The id of the best entry matching the `keySize` bytes at `key`, or 0 on a miss.
    @inline(__always)
    public func lookup(_ key: UnsafeRawPointer) -> UInt32 {
        var bestID: UInt32 = 0
        var bestPriority = UInt32.max
        // Hoisted so the loop reads locals, not class properties.
        let n = orderCount, groups = self.groups, order = self.order
        let records = self.records, stride = recordStride, keySize = self.keySize
        var k = 0
        while k < n {
            let g = groups[Int(order[k])]
            if g.best > bestPriority { break }
            let h = KeyBytes.maskedHash(key, mask: g.mask, keySize)
            let slots = g.index.slots
            let mask = g.index.mask
            var i = Int(h) & mask
            while true {
                let s = slots[i]
                if s == 0 { break }
                if UInt32(truncatingIfNeeded: s >> 32) == h {
                    let id = UInt32(truncatingIfNeeded: s)
                    let r = records + (Int(id) &- 1) &* stride
                    if KeyBytes.equalMasked(stored: r + WildcardTable.headerSize, key: key, mask: g.mask, keySize) {
                        let p = r.load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
                        if p < bestPriority || (p == bestPriority && (bestID == 0 || id < bestID)) {
                            bestPriority = p
                            bestID = id
                        }
                        break
                    }
                }
                i = (i &+ 1) & mask
            }
            k &+= 1
        }
        return bestID
    }

    /// The action id of live entry `id`.
    @inline(__always)
    public func actionID(ofEntry id: UInt32) -> UInt32 {
        record(id).load(fromByteOffset: WildcardTable.actionOffset, as: UInt32.self)
    }

    /// The action data of live entry `id` (`actionDataSize` bytes), valid until the next control-plane change.
    @inline(__always)
    public func actionData(ofEntry id: UInt32) -> UnsafeRawPointer {
        UnsafeRawPointer(record(id) + WildcardTable.headerSize + keyStride)
    }

    @inline(__always)
    func record(_ id: UInt32) -> UnsafeMutableRawPointer { records + (Int(id) &- 1) &* recordStride }

    @inline(__always)
    func storedKey(_ id: UInt32) -> UnsafeMutableRawPointer { record(id) + WildcardTable.headerSize }
}
