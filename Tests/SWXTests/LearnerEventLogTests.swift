import Testing
@testable import SWX

/// The learner's event log (new and removed entries for the control plane) and its incremental expiry sweep.
@Suite struct LearnerEventLogTests {
    static let second: UInt64 = 1_000_000_000

    /// A packet's lookup + learn of `key` at `now`; returns the mailbox (hit after a successful learn).
    @discardableResult
    static func learn(_ l: Learner, _ key: [UInt8], _ now: UInt64, timeoutID: UInt32 = 0) -> LearnerMailbox {
        var mb = LearnerMailbox()
        key.withUnsafeBytes { k in
            _ = l.lookup(k.baseAddress!, now: now, mailbox: &mb)
            _ = l.learn(mailbox: &mb, actionID: 1, actionData: nil, timeoutID: timeoutID)
        }
        return mb
    }

    static func drain(_ l: Learner) -> (events: [(LearnerEventLog.Kind, UInt32, [UInt8])], lost: Int) {
        var out: [(LearnerEventLog.Kind, UInt32, [UInt8])] = []
        let lost = l.events.drain { out.append(($0, $1, Array($2))) }
        return (out, lost)
    }

    @Test func packetLearnsAreLoggedOnceAndControlPlaneAddsNot() throws {
        let l = try Learner(keySize: 4, actionDataSize: 0, size: 16, timeouts: [10])
        let mb = Self.learn(l, [1, 2, 3, 4], 0)
        #expect(mb.hit)
        Self.learn(l, [1, 2, 3, 4], 1)               // a hit: learn updates, no new entry
        let id = try l.add(key: [9, 9, 9, 9], actionID: 1, timeoutID: 0, now: 2)
        #expect(id != 0)
        let (events, lost) = Self.drain(l)
        #expect(lost == 0)
        #expect(events.count == 1)
        #expect(events.first?.0 == .learned)
        #expect(events.first?.1 == (try l.entryID(key: [1, 2, 3, 4], now: 2)))
        #expect(Self.drain(l).events.isEmpty)
    }

    @Test func forgetAndReuseOfAnExpiredSlotLogTheKeyThatLeft() throws {
        // One bucket of 4 slots, so the fifth key must take an expired slot.
        let l = try Learner(keySize: 4, actionDataSize: 0, size: 1, timeouts: [10])
        for k in UInt8(0)..<4 { Self.learn(l, [k, 0, 0, 0], 0) }
        _ = Self.drain(l)
        var mb = LearnerMailbox()
        let key: [UInt8] = [2, 0, 0, 0]
        let id = key.withUnsafeBytes { l.lookup($0.baseAddress!, now: 1, mailbox: &mb) }
        l.forget(mailbox: &mb)
        var (events, _) = Self.drain(l)
        #expect(events.count == 1)
        #expect(events.first?.0 == .removed && events.first?.1 == id && events.first?.2 == key)

        Self.learn(l, [7, 0, 0, 0], 20 * Self.second)   // slot 0 holds [0,0,0,0], expired at 10 s
        (events, _) = Self.drain(l)
        #expect(events.map(\.0) == [.removed, .learned])
        #expect(events.first?.2 == [0, 0, 0, 0])
        #expect(l.stats.expired == 1)
    }

    @Test func aFullLogCountsWhatItDrops() throws {
        let l = try Learner(keySize: 4, actionDataSize: 0, size: 64, timeouts: [10], eventLogCapacity: 4)
        for k in UInt8(0)..<7 { Self.learn(l, [k, 1, 2, 3], 0) }
        #expect(l.events.pending == 4)
        #expect(l.events.lost == 3)
        let (events, lost) = Self.drain(l)
        #expect(events.count == 4 && lost == 3)
        #expect(l.events.lost == 0 && l.events.pending == 0)
    }

    @Test func theSlicedSweepReportsEachExpiryOnceAndFreesIt() throws {
        let l = try Learner(keySize: 4, actionDataSize: 0, size: 64, timeouts: [10, 100])
        for k in UInt8(0)..<40 { Self.learn(l, [k, 0, 0, 0], 0, timeoutID: k % 2 == 0 ? 0 : 1) }
        #expect(l.sweepExpired(now: 5 * Self.second, bucketLimit: 64).isEmpty)
        var reported: [UInt32] = []
        // 64 buckets in slices of 16: four calls make one pass.
        for _ in 0..<4 { reported += l.sweepExpired(now: 11 * Self.second, bucketLimit: 16).map(\.id) }
        #expect(reported.count == 20)
        #expect(Set(reported).count == 20)
        #expect(l.stats.expired == 20)
        #expect(l.entries(now: 0).count == 20)       // freed: gone even at an earlier time
        for _ in 0..<4 { #expect(l.sweepExpired(now: 11 * Self.second, bucketLimit: 16).isEmpty) }
        // A partial slice leaves the rest for the next calls.
        let first = l.sweepExpired(now: 101 * Self.second, bucketLimit: 16)
        var rest: [UInt32] = []
        for _ in 0..<3 { rest += l.sweepExpired(now: 101 * Self.second, bucketLimit: 16).map(\.id) }
        #expect(first.count + rest.count == 20)
        #expect(first.count < 20)
    }
}
