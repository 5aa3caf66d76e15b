import Testing
@testable import SWX

@Suite struct RuntimeLearnerTests {
    static let second: UInt64 = 1_000_000_000

    /// Looks `key` up at `now` with a fresh mailbox.
    static func look(_ l: Learner, _ key: [UInt8], _ now: UInt64, _ mailbox: inout LearnerMailbox) -> UInt32 {
        key.withUnsafeBytes { l.lookup($0.baseAddress!, now: now, mailbox: &mailbox) }
    }

    @Test func learnThenHitWithDPDKsEntryIDs() throws {
        let l = try Learner(keySize: 13, actionDataSize: 4, size: 5, timeouts: [10, 30, 60])
        #expect(l.bucketCount == 8)
        #expect(l.timeouts == [10, 30, 60, 10])
        let key: [UInt8] = Array(0..<13)
        var mb = LearnerMailbox()
        #expect(Self.look(l, key, 0, &mb) == 0)
        let data: [UInt8] = [9, 8, 7, 6]
        let learned = key.withUnsafeBytes { k -> Bool in
            mb.key = k.baseAddress   // the key buffer of this closure replaces the one of the lookup
            return data.withUnsafeBytes { l.learn(mailbox: &mb, actionID: 2, actionData: $0.baseAddress, timeoutID: 1) }
        }
        #expect(learned)
        var mb2 = LearnerMailbox()
        let id = Self.look(l, key, 5, &mb2)
        let bucket = Int(key.withUnsafeBytes { l.hash($0.baseAddress!) }) & 7
        #expect(id == UInt32(bucket * 4 + 1))
        #expect(l.actionID(ofEntry: id) == 2)
        #expect(Array(UnsafeRawBufferPointer(start: l.actionData(ofEntry: id), count: 4)) == data)
        #expect(l.stats.hits == 1 && l.stats.misses == 1 && l.stats.learnOK == 1)
        #expect(l.entry(id, now: 5)?.expiresAt == 30 * Self.second)
        #expect(l.entry(id, now: 5)?.timeoutID == 1)
    }

    @Test func expiryRearmAndForgetOnTheInjectedClock() throws {
        let s = Self.second
        let l = try Learner(keySize: 4, actionDataSize: 0, size: 16, timeouts: [10, 30, 60])
        let key: [UInt8] = [10, 0, 0, 9]
        _ = try l.add(key: key, actionID: 1, timeoutID: 5, now: 0)   // id 5 & 3 = 1: 30 s
        var mb = LearnerMailbox()
        #expect(Self.look(l, key, 30 * s - 1, &mb) != 0)
        #expect(Self.look(l, key, 30 * s, &mb) == 0)
        // Learn again at 40 s with profile 3 (repeats timeout 0: 10 s).
        _ = try l.add(key: key, actionID: 1, timeoutID: 3, now: 40 * s)
        #expect(l.stats.expired == 1)
        #expect(Self.look(l, key, 49 * s, &mb) != 0)
        l.rearm(mailbox: mb)                                   // lookup time 49 s → 59 s
        #expect(Self.look(l, key, 58 * s, &mb) != 0)
        l.rearm(mailbox: mb, timeoutID: 2)                     // 58 s + 60 s
        #expect(Self.look(l, key, 117 * s, &mb) != 0)
        #expect(Self.look(l, key, 118 * s, &mb) == 0)
        l.rearm(mailbox: mb)                                   // miss: no effect
        #expect(Self.look(l, key, 118 * s, &mb) == 0)
        _ = try l.add(key: key, actionID: 1, timeoutID: 0, now: 200 * s)
        #expect(Self.look(l, key, 201 * s, &mb) != 0)
        l.forget(mailbox: &mb)
        #expect(!mb.hit)
        #expect(Self.look(l, key, 201 * s, &mb) == 0)
        #expect(l.stats.rearms == 3 && l.stats.forgets == 1)
        // Changing a timeout affects later arming only.
        try l.setTimeout(id: 0, seconds: 1)
        _ = try l.add(key: key, actionID: 1, timeoutID: 0, now: 300 * s)
        #expect(Self.look(l, key, 301 * s, &mb) == 0)
        #expect(throws: SWXRuntimeError.self) { try l.setTimeout(id: 4, seconds: 1) }
        #expect(throws: SWXRuntimeError.self) { try l.setTimeout(id: 0, seconds: 0) }
    }

    @Test func aFullBucketRefusesTheFifthKeyUntilOneExpires() throws {
        let s = Self.second
        let l = try Learner(keySize: 8, actionDataSize: 0, size: 4, timeouts: [10, 20])
        var rng = SeededGenerator(seed: 8)
        var sameBucket: [[UInt8]] = []
        var firstBucket = -1
        while sameBucket.count < 6 {
            let k = rng.bytes(8)
            let b = Int(k.withUnsafeBytes { l.hash($0.baseAddress!) }) & 3
            if firstBucket < 0 { firstBucket = b }
            if b == firstBucket { sameBucket.append(k) }
        }
        for (i, k) in sameBucket.prefix(4).enumerated() {
            var mb = LearnerMailbox()
            #expect(Self.look(l, k, 0, &mb) == 0)
            let ok = k.withUnsafeBytes { kb -> Bool in
                mb.key = kb.baseAddress
                return l.learn(mailbox: &mb, actionID: 0, actionData: nil, timeoutID: i == 0 ? 0 : 1)
            }
            #expect(ok)
        }
        var mb = LearnerMailbox()
        #expect(Self.look(l, sameBucket[4], 0, &mb) == 0)
        let refused = sameBucket[4].withUnsafeBytes { kb -> Bool in
            mb.key = kb.baseAddress
            return l.learn(mailbox: &mb, actionID: 0, actionData: nil, timeoutID: 0)
        }
        #expect(!refused)
        #expect(l.stats.learnFailed == 1)
        #expect(throws: SWXRuntimeError.self) { try l.add(key: sameBucket[5], actionID: 0, timeoutID: 0, now: 0) }
        // Once the first key (10 s) expires its slot is reused: same entry id.
        let firstID = try l.entryID(key: sameBucket[0], now: 0)
        let id = try l.add(key: sameBucket[4], actionID: 3, timeoutID: 1, now: 10 * s)
        #expect(id == firstID)
        #expect(l.stats.expired == 1)
        #expect(l.entries(now: 10 * s).count == 4)
    }

    @Test func learnOnHitOverwritesActionDataAndTimeout() throws {
        let l = try Learner(keySize: 4, actionDataSize: 2, size: 8, timeouts: [5, 50], hashFunction: .jhash)
        let key: [UInt8] = [1, 2, 3, 4]
        let id = try l.add(key: key, actionID: 1, actionData: [1, 1], timeoutID: 0, now: 0)
        #expect(id == UInt32((Int(HashFunction.jhash.hash(key, count: 4)) & 7) * 4 + 1))
        var mb = LearnerMailbox()
        #expect(Self.look(l, key, 1, &mb) == id)
        let data: [UInt8] = [7, 7]
        _ = data.withUnsafeBytes { l.learn(mailbox: &mb, actionID: 4, actionData: $0.baseAddress, timeoutID: 1) }
        let e = try #require(l.entry(id, now: 1))
        #expect(e.actionID == 4 && e.actionData == [7, 7] && e.timeoutID == 1 && e.expiresAt == 1 + 50 * Self.second)
        #expect(throws: SWXRuntimeError.alreadyExists("learner: key \(hex(key)) is already entry \(id)", entryID: id)) {
            try l.add(key: key, actionID: 1, timeoutID: 0, now: 2)
        }
    }

    @Test func controlPlaneListDeleteAndSweep() throws {
        let s = Self.second
        let l = try Learner(keySize: 13, actionDataSize: 8, size: 1024, timeouts: [10, 30, 60, 120, 300, 43200, 120, 120])
        var rng = SeededGenerator(seed: 77)
        var keys: [[UInt8]] = []
        for i in 0..<500 {
            let k = rng.bytes(13)
            _ = try l.add(key: k, actionID: UInt32(i), actionData: withUnsafeBytes(of: UInt64(i), Array.init),
                          timeoutID: UInt32(i % 2), now: 0)
            keys.append(k)
        }
        #expect(l.stats == LearnerStats())   // control-plane calls do not count as packets
        let all = l.entries(now: 0)
        #expect(all.count == 500)
        #expect(all.map(\.id) == all.map(\.id).sorted())
        #expect(Set(all.map(\.key)) == Set(keys))
        for e in all { #expect(e.actionData == withUnsafeBytes(of: UInt64(e.actionID), Array.init)) }
        #expect(try l.delete(key: keys[0], now: 0) != 0)
        #expect(throws: SWXRuntimeError.self) { try l.delete(key: keys[0], now: 0) }
        #expect(try l.entryID(key: keys[0], now: 0) == 0)
        // At 10 s the timeout-0 entries (even i, minus the deleted one) expire; a sweep reports and frees them.
        #expect(l.entries(now: 10 * s).count == 250)
        let swept = l.sweepExpired(now: 10 * s)
        #expect(swept.count == 249)
        #expect(swept.allSatisfy { $0.actionID % 2 == 0 && $0.expiresAt == 10 * s })
        #expect(l.stats.expired == 249)
        #expect(l.sweepExpired(now: 10 * s).isEmpty)
        #expect(throws: SWXRuntimeError.self) { try l.add(key: [1], actionID: 0, timeoutID: 0, now: 0) }
        l.removeAll()
        #expect(l.entries(now: 0).isEmpty)
    }

    @Test func aSparseLearnerIsListedFromItsRecords() throws {
        // 2,000 keys in 65,536 buckets: the listing visits records, not buckets; it must say what the buckets say.
        let s = Self.second
        let l = try Learner(keySize: 13, actionDataSize: 8, size: 65536, timeouts: [10, 30])
        var rng = SeededGenerator(seed: 91)
        var keys: [[UInt8]] = []
        for i in 0..<2000 {
            let k = rng.bytes(13)
            _ = try l.add(key: k, actionID: UInt32(i % 7), actionData: withUnsafeBytes(of: UInt64(i), Array.init),
                          timeoutID: UInt32(i % 2), now: 0)
            keys.append(k)
        }
        for k in keys[0..<100] { try l.delete(key: k, now: 0) }   // their records go back to the pool
        let live = try keys[100...].filter { try l.entryID(key: $0, now: 20 * s) != 0 }
        #expect(live.count == 950)   // the odd ones (30 s), the even ones expired at 10 s
        let listed = l.entries(now: 20 * s)
        #expect(listed.map(\.id) == listed.map(\.id).sorted())
        #expect(Set(listed.map(\.key)) == Set(live))
        for entry in listed {
            #expect(try l.entryID(key: entry.key, now: 20 * s) == entry.id)
            #expect(entry.expiresAt == 30 * s && entry.timeoutID == 1)
        }
        let selected = l.entries(now: 20 * s) { action, data in
            action == 3 && data.load(as: UInt64.self) % 2 == 1
        }
        #expect(selected.map(\.id) == listed.filter { $0.actionID == 3 }.map(\.id))
        #expect(!selected.isEmpty)
    }

    @Test func parametersAreCheckedAsDPDKDoes() {
        #expect(throws: SWXRuntimeError.self) { try Learner(keySize: 4, actionDataSize: 0, size: 4, timeouts: []) }
        #expect(throws: SWXRuntimeError.self) { try Learner(keySize: 4, actionDataSize: 0, size: 4, timeouts: Array(repeating: 1, count: 17)) }
        #expect(throws: SWXRuntimeError.self) { try Learner(keySize: 4, actionDataSize: 0, size: 4, timeouts: [1, 0]) }
        #expect(throws: SWXRuntimeError.self) { try Learner(keySize: 0, actionDataSize: 0, size: 4, timeouts: [1]) }
        #expect(throws: SWXRuntimeError.self) { try Learner(keySize: 4, actionDataSize: 0, size: 0, timeouts: [1]) }
        #expect((try? Learner(keySize: 4, actionDataSize: 0, size: 4, timeouts: Array(1...9)))?.timeouts == Array(1...9) + Array(repeating: 1, count: 7))
        // A 13-byte key and 8 bytes of data: 64-byte buckets, records of 8 + 16 key + 8 data = 32 bytes, two home
        // records per bucket (one 64-bit word of occupancy bits).
        let learner = try? Learner(keySize: 13, actionDataSize: 8, size: 4, timeouts: [1])
        #expect(learner?.recordStride == 32)
        #expect(learner?.homeSlots == 2)
        #expect(learner?.memoryFootprint == 4 * 64 + 8 + 4 * 2 * 32 + 16 * 8)
        // Records of 40 bytes get one home record per bucket; records over 64 bytes none.
        #expect((try? Learner(keySize: 13, actionDataSize: 12, size: 4, timeouts: [1]))?.homeSlots == 1)
        #expect((try? Learner(keySize: 40, actionDataSize: 24, size: 4, timeouts: [1]))?.homeSlots == 0)
    }
}
