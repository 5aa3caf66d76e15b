@testable import SWX
import Testing

/// The learner's record pool: memory follows the flows actually held, records are reused, entry ids stay DPDK's.
@Suite struct RuntimeLearnerMemoryTests {
    static func key(_ i: Int) -> [UInt8] { (0..<13).map { UInt8(truncatingIfNeeded: i >> ($0 % 4 * 8)) ^ UInt8($0) } }

    @Test func footprintGrowsWithLearnedFlowsAndRecordsAreReused() throws {
        let l = try Learner(keySize: 13, actionDataSize: 4, size: 1024, timeouts: [10])
        let empty = l.memoryFootprint
        #expect(empty == 1024 * 64 + 16 * 8)
        var ids: [UInt32] = []
        for i in 0..<500 {
            if let id = try? l.add(key: Self.key(i), actionID: 1, actionData: [1, 2, 3, 4], timeoutID: 0, now: 0) { ids.append(id) }
        }
        #expect(ids.count > 450)
        #expect(l.memoryFootprint == empty + ids.count * l.recordStride)
        #expect(l.recordStride == 32)
        // Deleting returns records; adding again reuses them, so the footprint does not grow.
        let before = l.memoryFootprint
        for i in 0..<100 { _ = try? l.delete(key: Self.key(i), now: 0) }
        for i in 0..<100 { _ = try? l.add(key: Self.key(i), actionID: 2, actionData: [9, 9, 9, 9], timeoutID: 0, now: 0) }
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
        let r = TableMemory.reserved(byteCount: 1 << 30, hugePages: true)
        #expect(r != nil)
        r?.release()
    }
}
