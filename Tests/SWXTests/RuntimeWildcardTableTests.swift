import Testing
@testable import SWX

@Suite struct RuntimeWildcardTableTests {
    struct ModelEntry { var key: [UInt8]; var mask: [UInt8]; var priority: UInt32; var action: UInt32 }

    /// The naive answer: the matching entry with the lowest (priority, id).
    static func naive(_ model: [UInt32: ModelEntry], _ key: [UInt8]) -> UInt32 {
        var best: (UInt32, UInt32)? = nil
        for (id, e) in model where zip(zip(key, e.mask), e.key).allSatisfy({ ($0.0 & $0.1) == $1 }) {
            if best == nil || (e.priority, id) < best! { best = (e.priority, id) }
        }
        return best?.1 ?? 0
    }

    @Test func ternaryAgreesWithANaiveScanUnderChurn() throws {
        var rng = SeededGenerator(seed: 2026)
        let keySize = 6
        let masks: [[UInt8]] = (0..<12).map { _ in rng.bytes(keySize).map { $0 & (UInt8.random(in: 0...1, using: &rng) == 0 ? 0xF0 : 0xFF) } }
            + [[UInt8](repeating: 0, count: keySize), [UInt8](repeating: 0xFF, count: keySize)]
        let t = try WildcardTable(keySize: keySize, actionDataSize: 2, capacity: 3000)
        var model: [UInt32: ModelEntry] = [:]
        var probes: [[UInt8]] = []
        var liveIDs: [UInt32] = []
        for step in 0..<6000 {
            if Int.random(in: 0..<4, using: &rng) == 0, !liveIDs.isEmpty {
                let victim = liveIDs.remove(at: Int.random(in: 0..<liveIDs.count, using: &rng))
                try t.delete(entryID: victim)
                model[victim] = nil
                continue
            }
            let mask = masks.randomElement(using: &rng)!
            let raw = rng.bytes(keySize).map { $0 & 0x3F }    // a small value space so entries overlap
            let key = zip(raw, mask).map { $0 & $1 }
            let priority = UInt32.random(in: 0..<40, using: &rng)
            if let existing = try t.entryID(key: key, mask: mask, priority: priority) {
                #expect(model[existing] != nil)
                continue
            }
            if model.count == t.capacity { continue }
            let id = try t.add(key: raw, mask: mask, priority: priority, actionID: UInt32(step))
            #expect(model[id] == nil)
            model[id] = ModelEntry(key: key, mask: mask, priority: priority, action: UInt32(step))
            liveIDs.append(id)
            probes.append(raw)
        }
        #expect(t.count == model.count)
        #expect(t.maskCount <= masks.count)
        for probe in probes.suffix(800) + (0..<400).map({ _ in rng.bytes(keySize).map { $0 & 0x3F } }) {
            let got = probe.withUnsafeBytes { t.lookup($0.baseAddress!) }
            #expect(got == Self.naive(model, probe))
            if got != 0 { #expect(t.actionID(ofEntry: got) == model[got]!.action) }
        }
        // Ids are stable: every model entry still reads back under its id.
        for (id, e) in model {
            let read = try #require(t.entry(id))
            #expect(read.key == e.key && read.mask == e.mask && read.priority == e.priority && read.actionID == e.action)
        }
        let copy = t.copy()
        #expect(copy.entries() == t.entries())
        for probe in probes.prefix(200) {
            #expect(probe.withUnsafeBytes { copy.lookup($0.baseAddress!) } == probe.withUnsafeBytes { t.lookup($0.baseAddress!) })
        }
    }

    @Test func lpmLongestPrefixWinsAgainstANaiveScan() throws {
        var rng = SeededGenerator(seed: 31)
        // Key: 2-byte exact VRF + 4-byte lpm address (like fib_routing_table.txt).
        let t = try WildcardTable(keySize: 6, actionDataSize: 4, capacity: 5000)
        var prefixes: [UInt32: (vrf: UInt16, addr: UInt32, len: Int)] = [:]
        func mask(_ len: Int) -> [UInt8] {
            let m: UInt32 = len == 0 ? 0 : ~UInt32(0) << UInt32(32 - len)
            return [0xFF, 0xFF] + withUnsafeBytes(of: m.bigEndian, Array.init)
        }
        for _ in 0..<4000 {
            let len = Int.random(in: 0...32, using: &rng)
            let vrf = UInt16.random(in: 0..<2, using: &rng)
            let addr = UInt32.random(in: 0...UInt32.max, using: &rng) & 0xC0FF_FFFF
            let key = withUnsafeBytes(of: vrf.bigEndian, Array.init) + withUnsafeBytes(of: addr.bigEndian, Array.init)
            let priority = WildcardTable.lpmPriority(prefixLength: len, maxPrefixLength: 32)
            if try t.entryID(key: key, mask: mask(len), priority: priority) != nil { continue }
            let id = try t.add(key: key, mask: mask(len), priority: priority, actionID: UInt32(len))
            prefixes[id] = (vrf, len == 0 ? 0 : addr & (~UInt32(0) << UInt32(32 - len)), len)
        }
        #expect(t.maskCount <= 33)
        for _ in 0..<5000 {
            let vrf = UInt16.random(in: 0..<2, using: &rng)
            let addr = UInt32.random(in: 0...UInt32.max, using: &rng) & 0xC0FF_FFFF
            let key = withUnsafeBytes(of: vrf.bigEndian, Array.init) + withUnsafeBytes(of: addr.bigEndian, Array.init)
            var longest = -1
            for p in prefixes.values where p.vrf == vrf {
                let m: UInt32 = p.len == 0 ? 0 : ~UInt32(0) << UInt32(32 - p.len)
                if addr & m == p.addr { longest = max(longest, p.len) }
            }
            let got = key.withUnsafeBytes { t.lookup($0.baseAddress!) }
            if longest < 0 { #expect(got == 0) } else { #expect(got != 0 && prefixes[got]?.len == longest) }
        }
    }

    @Test func identityIncludesPriorityAndIdsAreStable() throws {
        let t = try WildcardTable(keySize: 2, actionDataSize: 0, capacity: 4)
        let ff: [UInt8] = [0xFF, 0x00]
        let a = try t.add(key: [0x12, 0x34], mask: ff, priority: 5, actionID: 1)
        let b = try t.add(key: [0x12, 0x99], mask: ff, priority: 3, actionID: 2)   // same masked key, better priority
        let c = try t.add(key: [0x00, 0x00], mask: [0, 0], priority: 4, actionID: 3)
        #expect((a, b, c) == (1, 2, 3))
        #expect(throws: SWXRuntimeError.self) { try t.add(key: [0x12, 0x00], mask: ff, priority: 5, actionID: 9) }
        #expect(t.entry(a)?.key == [0x12, 0x00])
        #expect([UInt8]([0x12, 0x00]).withUnsafeBytes { t.lookup($0.baseAddress!) } == b)
        #expect([UInt8]([0x13, 0x00]).withUnsafeBytes { t.lookup($0.baseAddress!) } == c)
        try t.delete(entryID: b)
        #expect([UInt8]([0x12, 0x00]).withUnsafeBytes { t.lookup($0.baseAddress!) } == c)
        try t.modify(entryID: c, actionID: 7)
        try t.delete(key: [0, 0], mask: [0, 0], priority: 4)
        #expect([UInt8]([0x12, 0x00]).withUnsafeBytes { t.lookup($0.baseAddress!) } == a)
        // Equal priorities: the lower id wins.
        let d = try t.add(key: [0x12, 0x00], mask: [0xF0, 0], priority: 5, actionID: 4)
        #expect(d == 3)   // last freed id first
        #expect([UInt8]([0x12, 0x00]).withUnsafeBytes { t.lookup($0.baseAddress!) } == a)
        try t.delete(entryID: a)
        #expect([UInt8]([0x12, 0x00]).withUnsafeBytes { t.lookup($0.baseAddress!) } == d)
        #expect(try t.entryID(key: [0x12, 0x55], mask: [0xF0, 0], priority: nil) == d)
        #expect(throws: SWXRuntimeError.self) { try t.delete(entryID: a) }
        #expect(throws: SWXRuntimeError.self) { try t.add(key: [1], mask: [1], priority: 0, actionID: 0) }
        _ = try t.add(key: [1, 1], mask: [1, 1], priority: 0, actionID: 0)
        _ = try t.add(key: [2, 2], mask: [2, 2], priority: 0, actionID: 0)
        _ = try t.add(key: [3, 3], mask: [3, 3], priority: 0, actionID: 0)
        #expect(throws: SWXRuntimeError.self) { try t.add(key: [4, 4], mask: [4, 4], priority: 0, actionID: 0) }
    }
}
