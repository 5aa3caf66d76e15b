@testable import SWX
import Testing

/// The learner's record pool: memory follows the flows actually held, records are reused, entry ids stay DPDK's.
@Suite struct RuntimeLearnerMemoryTests {
    static func key(_ i: Int) -> [UInt8] { (0..<13).map { UInt8(truncatingIfNeeded: i >> ($0 % 4 * 8)) ^ UInt8($0) } }

    @Test func footprintGrowsWithLearnedFlowsAndRecordsAreReused() throws {
        let l = try Learner(keySize: 13, actionDataSize: 4, size: 1024, timeouts: [10])
        let empty = l.memoryFootprint
        #expect(l.recordStride == 32)
        #expect(l.homeSlots == 2)
        // Buckets, their occupancy bits and the two home records of every bucket.
        #expect(empty == 1024 * 64 + 1024 / 8 + 1024 * 2 * 32 + 16 * 8)
        var ids: [UInt32] = []
        for i in 0..<2500 {
            if let id = try? l.add(key: Self.key(i), actionID: 1, actionData: [1, 2, 3, 4], timeoutID: 0, now: 0) { ids.append(id) }
        }
        #expect(ids.count > 2000)
        // Only flows in a bucket's third and fourth slots take pool records.
        let pooled = ids.filter { ($0 - 1) % 4 >= 2 }.count
        #expect(pooled > 0)
        #expect(l.memoryFootprint == empty + pooled * l.recordStride)
        // Deleting returns records; adding again reuses them, so the footprint does not grow.
        let before = l.memoryFootprint
        for i in 0..<1000 { _ = try? l.delete(key: Self.key(i), now: 0) }
        for i in 0..<1000 { _ = try? l.add(key: Self.key(i), actionID: 2, actionData: [9, 9, 9, 9], timeoutID: 0, now: 0) }
        #expect(l.memoryFootprint == before)
        // Entries read back with their keys, data and DPDK's ids (bucket * 4 + slot + 1).
        for e in l.entries(now: 0) {
            let hash = e.key.withUnsafeBytes { l.hash($0.baseAddress!) }
            #expect(Int(e.id - 1) / 4 == Int(hash) & (l.bucketCount - 1))
            #expect(e.actionData == (e.actionID == 2 ? [9, 9, 9, 9] : [1, 2, 3, 4]))
        }
    }

    @Test func expiredSlotsAreReusedAndSweptRecordsReturn() throws {
        let s: UInt64 = 1_000_000_000
        let l = try Learner(keySize: 13, actionDataSize: 4, size: 16, timeouts: [10])
        for i in 0..<20 { _ = try? l.add(key: Self.key(i), actionID: 1, timeoutID: 0, now: 0) }
        let held = l.memoryFootprint
        let swept = l.sweepExpired(now: 10 * s)
        #expect(!swept.isEmpty)
        #expect(l.population(atLeast: 1) == false)
        for i in 100..<120 { _ = try? l.add(key: Self.key(i), actionID: 1, timeoutID: 0, now: 10 * s) }
        #expect(l.memoryFootprint <= held)
    }

    @Test func bigTablesMapZeroedHugePageAlignedMemory() {
        let m = TableMemory.zeroed(byteCount: 4 << 20, hugePages: true)
        defer { m.release() }
        #expect(m.mapped)
        #expect(UInt(bitPattern: m.base) % UInt(2 << 20) == 0)
        let bytes = UnsafeRawBufferPointer(start: m.base, count: m.byteCount)
        #expect(bytes.allSatisfy { $0 == 0 })
        let small = TableMemory.zeroed(byteCount: 100, hugePages: true)
        defer { small.release() }
        #expect(!small.mapped)
        // Actions read their arguments in the matched record with 8-byte loads: every block has readable, zeroed
        // slack past its end, mapped or not.
        for block in [m, small] {
            let slack = UnsafeRawBufferPointer(start: block.base + block.byteCount, count: TableMemory.slack)
            #expect(TableMemory.slack >= 7 && slack.allSatisfy { $0 == 0 })
        }
        let r = TableMemory.reserved(byteCount: 1 << 30, hugePages: true)
        #expect(r != nil)
        r?.release()
    }
}

/// Home records: a bucket's first slots keep records at a place the bucket number gives, so a lookup that hits them
/// needs no second wait; other slots take pool records, which the middle step of a split lookup prefetches.
@Suite struct RuntimeLearnerHomeRecordTests {
    /// Four keys that share a bucket of `l`.
    static func sameBucketKeys(_ l: Learner) -> (bucket: Int, keys: [[UInt8]]) {
        var byBucket: [Int: [[UInt8]]] = [:]
        for i in 0..<10_000 {
            let k = RuntimeLearnerMemoryTests.key(i)
            let b = Int(k.withUnsafeBytes { l.hash($0.baseAddress!) }) & (l.bucketCount - 1)
            byBucket[b, default: []].append(k)
            if byBucket[b]!.count == 4 { return (b, byBucket[b]!) }
        }
        fatalError("no bucket got four keys")
    }

    @Test func homeSlotsNeedNoCandidatePrefetchAndListingsFollowOccupancy() throws {
        let l = try Learner(keySize: 13, actionDataSize: 4, size: 16, timeouts: [10])
        let (bucket, keys) = Self.sameBucketKeys(l)
        let hash = keys[0].withUnsafeBytes { l.hash($0.baseAddress!) }
        for (i, k) in keys.enumerated() {
            let id = try l.add(key: k, actionID: 1, actionData: [UInt8(i), 0, 0, 0], timeoutID: 0, now: 0)
            #expect(Int(id) == bucket * 4 + i + 1)
        }
        // Slots 0 and 1 hold home records (numbered from the bucket), slots 2 and 3 pool records after them.
        let b = l.bucket(bucket)
        for i in 0..<4 {
            let r = l.recordNumber(b, i)
            if i < 2 { #expect(r == UInt32(bucket * 2 + i + 1)) } else { #expect(r > l.homeCount) }
        }
        // Keys share the bucket, not always the signature: a candidate prefetch is needed only while a live slot
        // with the key's signature holds a pool record.
        let pooledMatch = (2..<4).contains { i in
            keys[i].withUnsafeBytes { l.hash($0.baseAddress!) } == hash
        }
        #expect(l.prefetchCandidates(hash: hash, now: 0) == pooledMatch)
        try l.delete(key: keys[2], now: 0)
        try l.delete(key: keys[3], now: 0)
        #expect(l.prefetchCandidates(hash: hash, now: 0) == false)
        // Lookups still find every key, from home records or the pool.
        for (i, k) in keys.enumerated() where i < 2 {
            #expect(try l.entryID(key: k, now: 0) == UInt32(bucket * 4 + i + 1))
            #expect(l.entries(now: 0).first { $0.key == k }?.actionData == [UInt8(i), 0, 0, 0])
        }
        #expect(l.entries(now: 0).count == 2)
        #expect(l.liveCount(now: 0) == 2)
        // Empty buckets drop out of listings; a refilled bucket reuses its home records.
        try l.delete(key: keys[0], now: 0)
        try l.delete(key: keys[1], now: 0)
        var visited: [Int] = []
        l.forEachOccupiedBucket { visited.append($0) }
        #expect(visited.isEmpty)
        #expect(l.entries(now: 0).isEmpty)
        #expect(l.population(atLeast: 1) == false)
        try l.add(key: keys[3], actionID: 1, actionData: [7, 0, 0, 0], timeoutID: 0, now: 0)
        #expect(l.recordNumber(b, 0) == UInt32(bucket * 2 + 1))
        #expect(l.entries(now: 0).map(\.actionData) == [[7, 0, 0, 0]])
        // An expired slot keeps its record until the sweep frees it, and the sweep empties the bucket.
        #expect(l.sweepExpired(now: 10_000_000_000).count == 1)
        visited = []
        l.forEachOccupiedBucket { visited.append($0) }
        #expect(visited.isEmpty)
    }

    /// Records of 32 bytes (two home slots), 48 (one) and 88 (none): every learned key reads back its own data,
    /// home records sit in the line after their bucket's, pool records outside the blocks, and `removeAll` leaves
    /// a learner that learns again from the start.
    @Test(arguments: [(13, 4), (13, 24), (40, 40)])
    func recordsOfEverySizeLiveBesideTheirBucketOrInThePool(sizes: (key: Int, data: Int)) throws {
        let l = try Learner(keySize: sizes.key, actionDataSize: sizes.data, size: 64, timeouts: [10])
        #expect(l.homeSlots == (l.recordStride <= 32 ? 2 : l.recordStride <= 64 ? 1 : 0))
        func key(_ i: Int) -> [UInt8] {
            (0..<sizes.key).map { UInt8(truncatingIfNeeded: i &* 7 &+ $0 &* 13 &+ i >> 8) }
        }
        func data(_ i: Int) -> [UInt8] { (0..<sizes.data).map { UInt8(truncatingIfNeeded: i &+ $0) } }
        func learnAll() -> [Int: UInt32] {
            var ids: [Int: UInt32] = [:]
            for i in 0..<400 {
                let id = try? l.add(key: key(i), actionID: 3, actionData: data(i), timeoutID: 0, now: 0)
                if let id { ids[i] = id }
            }
            return ids
        }
        let ids = learnAll()
        #expect(ids.count > 200)
        let blockBytes = l.bucketBytes
        for (i, id) in ids {
            #expect(try l.entryID(key: key(i), now: 0) == id)
            let record = l.entryRecord(id)
            #expect(Array(UnsafeRawBufferPointer(start: l.actionData(ofEntry: id), count: sizes.data)) == data(i))
            let (b, slot) = l.location(id)
            let offset = record - l.blocks
            if slot < l.homeSlots {
                #expect(record == b + Learner.bucketStride + slot * l.recordStride)
            } else {
                #expect(offset < 0 || offset >= blockBytes)
            }
        }
        l.removeAll()
        #expect(l.entries(now: 0).isEmpty)
        #expect(l.population(atLeast: 1) == false)
        for i in 0..<400 { #expect((try? l.entryID(key: key(i), now: 0)) ?? 0 == 0) }
        let again = learnAll()
        #expect(again == ids)
        #expect(l.entries(now: 0).count == ids.count)
    }
}
