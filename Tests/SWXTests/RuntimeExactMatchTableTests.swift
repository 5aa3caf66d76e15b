import Testing
@testable import SWX

@Suite struct RuntimeExactMatchTableTests {
    static func key(_ v: UInt64, size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * ($0 % 8)) &+ UInt64($0 / 8)) }
    }

    @Test(arguments: [HashFunction.crc32, .jhash], [1, 3, 8, 13, 16, 64])
    func addLookupModifyDelete(hash: HashFunction, keySize: Int) throws {
        let t = try ExactMatchTable(keySize: keySize, actionDataSize: 6, capacity: 100, hashFunction: hash,
                                    inlineMinimumCapacity: 0)
        #expect(try !ExactMatchTable(keySize: keySize, actionDataSize: 6, capacity: 100).inlinesRecords)
        let a = Self.key(0x0102_0304_0506_0708, size: keySize)
        let b = Self.key(0x1112_1314_1516_1718, size: keySize)
        let id = try t.add(key: a, actionID: 3, actionData: [1, 2, 3])
        #expect(id == 1)
        let hit = a.withUnsafeBytes { t.lookup($0.baseAddress!) }
        #expect(hit == 1)
        #expect(t.actionID(ofEntry: hit) == 3)
        #expect(Array(UnsafeRawBufferPointer(start: t.actionData(ofEntry: hit), count: 6)) == [1, 2, 3, 0, 0, 0])
        #expect(b.withUnsafeBytes { t.lookup($0.baseAddress!) } == 0)
        // The split API gives the same answer.
        let h = b.withUnsafeBytes { t.hash($0.baseAddress!) }
        #expect(h == b.withUnsafeBytes { hash.hash($0.baseAddress!, count: keySize) })
        t.prefetch(hash: h)
        #expect(b.withUnsafeBytes { t.lookup($0.baseAddress!, hash: h) } == 0)
        #expect(b.withUnsafeBytes { t.find($0.baseAddress!, hash: h).id } == 0)
        #expect(t.inlinesRecords == (keySize <= 48))
        let found = a.withUnsafeBytes { t.find($0.baseAddress!, hash: t.hash($0.baseAddress!)) }
        #expect(found.id == 1 && found.record.load(fromByteOffset: 4, as: UInt32.self) == 3)
        #expect(Array(UnsafeRawBufferPointer(start: found.record + t.actionDataOffset, count: 6)) == [1, 2, 3, 0, 0, 0])
        #expect(throws: SWXRuntimeError.alreadyExists("exact table: key \(hex(a)) is already entry 1", entryID: 1)) {
            try t.add(key: a, actionID: 4)
        }
        try t.modify(key: a, actionID: 9, actionData: [7, 7, 7, 7, 7, 7])
        #expect(t.entry(1) == ExactMatchEntry(id: 1, key: a, actionID: 9, actionData: [7, 7, 7, 7, 7, 7]))
        #expect(throws: SWXRuntimeError.self) { try t.add(key: [0] + a, actionID: 1) }
        #expect(throws: SWXRuntimeError.self) { try t.add(key: b, actionID: 1, actionData: [0, 0, 0, 0, 0, 0, 0]) }
        #expect(try t.delete(key: a) == 1)
        #expect(a.withUnsafeBytes { t.lookup($0.baseAddress!) } == 0)
        #expect(throws: SWXRuntimeError.self) { try t.delete(key: a) }
        #expect(throws: SWXRuntimeError.self) { try t.modify(entryID: 1, actionID: 1) }
        #expect(t.count == 0)
    }

    @Test func idsFollowDPDKsKeyStackAndCapacityIsTheSize() throws {
        let t = try ExactMatchTable(keySize: 4, actionDataSize: 0, capacity: 3)
        #expect(try t.add(key: [0, 0, 0, 1], actionID: 0) == 1)
        #expect(try t.add(key: [0, 0, 0, 2], actionID: 0) == 2)
        #expect(try t.add(key: [0, 0, 0, 3], actionID: 0) == 3)
        #expect(throws: SWXRuntimeError.resourceExhausted("exact table: full (size 3)")) {
            try t.add(key: [0, 0, 0, 4], actionID: 0)
        }
        try t.delete(key: [0, 0, 0, 2])
        try t.delete(key: [0, 0, 0, 1])
        // Last freed, first reused.
        #expect(try t.add(key: [0, 0, 0, 5], actionID: 0) == 1)
        #expect(try t.add(key: [0, 0, 0, 6], actionID: 0) == 2)
        #expect(t.entries().map(\.id) == [1, 2, 3])
        #expect(t.entries().map(\.key) == [[0, 0, 0, 5], [0, 0, 0, 6], [0, 0, 0, 3]])
        t.removeAll()
        #expect(t.count == 0 && t.entries().isEmpty)
        #expect(try t.add(key: [0, 0, 0, 6], actionID: 0) == 1)
        #expect(throws: SWXRuntimeError.self) { try ExactMatchTable(keySize: 0, actionDataSize: 0, capacity: 1) }
        #expect(throws: SWXRuntimeError.self) { try ExactMatchTable(keySize: 4, actionDataSize: 0, capacity: 0) }
    }

    @Test func idsStayStableAcrossChurnAgainstAReferenceModel() throws {
        var rng = SeededGenerator(seed: 42)
        let capacity = 1500
        let t = try ExactMatchTable(keySize: 13, actionDataSize: 4, capacity: capacity, inlineMinimumCapacity: 0)
        var model: [[UInt8]: (id: UInt32, action: UInt32)] = [:]
        let universe = (0..<3000).map { _ in rng.bytes(13) }
        for step in 0..<30_000 {
            let k = universe[Int.random(in: 0..<universe.count, using: &rng)]
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5:
                if let existing = model[k] {
                    #expect(throws: SWXRuntimeError.alreadyExists("exact table: key \(hex(k)) is already entry \(existing.id)", entryID: existing.id)) {
                        try t.add(key: k, actionID: 0)
                    }
                } else if model.count == capacity {
                    #expect(throws: SWXRuntimeError.self) { try t.add(key: k, actionID: 0) }
                } else {
                    let action = UInt32(step)
                    let id = try t.add(key: k, actionID: action, actionData: withUnsafeBytes(of: action, Array.init))
                    #expect(!model.values.contains { $0.id == id })
                    model[k] = (id, action)
                }
            case 5..<8:
                if let existing = model[k] {
                    #expect(try t.delete(key: k) == existing.id)
                    model[k] = nil
                } else {
                    #expect(throws: SWXRuntimeError.self) { try t.delete(key: k) }
                }
            default:
                if let existing = model[k] {
                    try t.modify(key: k, actionID: existing.action &+ 1,
                                 actionData: withUnsafeBytes(of: existing.action &+ 1, Array.init))
                    model[k] = (existing.id, existing.action &+ 1)
                }
            }
        }
        #expect(t.count == model.count)
        #expect(t.inlinesRecords)
        for k in universe {
            let id = k.withUnsafeBytes { t.lookup($0.baseAddress!) }
            // The packet path's find reads the record copies in the index, which moved with their slots.
            let found = k.withUnsafeBytes { t.find($0.baseAddress!, hash: t.hash($0.baseAddress!)) }
            #expect(found.id == id)
            if let m = model[k] {
                #expect(id == m.id)
                #expect(t.actionID(ofEntry: id) == m.action)
                #expect(found.record.load(fromByteOffset: 4, as: UInt32.self) == m.action)
                #expect(found.record.load(fromByteOffset: t.actionDataOffset, as: UInt32.self) == m.action)
                #expect(Array(UnsafeRawBufferPointer(start: found.record + 8, count: 13)) == k)
            } else {
                #expect(id == 0)
            }
        }
        let ids = t.entries().map(\.id)
        #expect(ids == ids.sorted() && ids.count == model.count)
        // A copy is independent and identical.
        let c = t.copy()
        #expect(c.entries() == t.entries())
        if let first = model.first {
            try c.delete(key: first.key)
            #expect(first.key.withUnsafeBytes { t.lookup($0.baseAddress!) } == first.value.id)
            #expect(first.key.withUnsafeBytes { c.lookup($0.baseAddress!) } == 0)
        }
    }

    @Test func fullTableOfAMillionEntries() throws {
        // Memory per entry with a 16-byte key and 8 bytes of action data: 8 header + 16 key + 8 data + 4 link, and
        // two index slots of 8 bytes plus a 32-byte record copy each.
        let n = 1 << 20
        let t = try ExactMatchTable(keySize: 16, actionDataSize: 8, capacity: n)
        #expect(t.recordStride == 32)
        #expect(t.index.slotCount == 2 * n)
        #expect(t.memoryFootprint == n * (32 + 4) + 2 * n * (8 + 32))
        var key = [UInt8](repeating: 0, count: 16)
        for i in 0..<n {
            withUnsafeBytes(of: UInt64(i).bigEndian) { key.replaceSubrange(8..<16, with: $0) }
            _ = try t.add(key: key, actionID: UInt32(i & 7))
        }
        #expect(throws: SWXRuntimeError.self) { try t.add(key: [UInt8](repeating: 9, count: 16), actionID: 0) }
        var misses = 0
        for i in stride(from: 0, to: n, by: 997) {
            withUnsafeBytes(of: UInt64(i).bigEndian) { key.replaceSubrange(8..<16, with: $0) }
            if key.withUnsafeBytes({ t.lookup($0.baseAddress!) }) != UInt32(i + 1) { misses += 1 }
        }
        #expect(misses == 0)
    }
}
