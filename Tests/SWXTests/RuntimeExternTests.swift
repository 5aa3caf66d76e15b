import Testing
@testable import SWX

@Suite struct RuntimeRegisterArrayTests {
    @Test func sizeRoundsUpAndIndexIsMaskedOnThePacketPath() throws {
        let r = try RegisterArray(size: 5, initialValue: 7)
        #expect(r.size == 8)
        #expect(r.read(3) == 7)
        r.write(9, 100)               // 9 & 7 = 1
        #expect(try r.value(at: 1) == 100)
        r.add(1, UInt64.max)          // wraps
        #expect(r.read(1) == 99)
        #expect(throws: SWXRuntimeError.self) { try r.value(at: 8) }
        #expect(throws: SWXRuntimeError.self) { try r.setValue(1, at: 100) }
        try r.setValue(5, at: 7)
        #expect(r.read(15) == 5)
        r.reset()
        #expect(r.read(1) == 7 && r.read(7) == 7)
        #expect(throws: SWXRuntimeError.self) { try RegisterArray(size: 0) }
        #expect(try RegisterArray(size: 0x100).size == 0x100)
    }
}

@Suite struct RuntimeMeterTests {
    @Test func profileDerivationFollowsRteMeterIntegerArithmetic() throws {
        // Slow rate: one byte per hz/rate ticks.
        let slow = try MeterProfile(MeterProfileParameters(cir: 1000, pir: 3000, cbs: 1, pbs: 1))
        #expect(slow.cirPeriod == 1_000_000 && slow.cirBytesPerPeriod == 1)
        #expect(slow.pirPeriod == 333_333 && slow.pirBytesPerPeriod == 1)
        // Fast rates: period below 100 ticks → ceil(100 / period) bytes per (hz * bytes / rate) ticks.
        let fast = try MeterProfile(MeterProfileParameters(cir: 100_000_000, pir: 30_000_000_0, cbs: 1, pbs: 1))
        #expect(fast.cirPeriod == 100 && fast.cirBytesPerPeriod == 10)
        #expect(fast.pirBytesPerPeriod == 30 && fast.pirPeriod == 100)
        // 10^9 / 45e6 = 22.2 ticks → 5 bytes per 5e9 / 45e6 = 111 ticks; 123456789 B/s → 13 bytes per 105 ticks.
        let odd = try MeterProfile(MeterProfileParameters(cir: 45_000_000, pir: 123_456_789, cbs: 1, pbs: 1))
        #expect(odd.cirBytesPerPeriod == 5 && odd.cirPeriod == 111)
        #expect(odd.pirBytesPerPeriod == 13 && odd.pirPeriod == 105)
        for bad in [MeterProfileParameters(cir: 0, pir: 1, cbs: 1, pbs: 1),
                    MeterProfileParameters(cir: 2, pir: 1, cbs: 1, pbs: 1),
                    MeterProfileParameters(cir: 1, pir: 1, cbs: 0, pbs: 1),
                    MeterProfileParameters(cir: 1, pir: 1, cbs: 1, pbs: 0)] {
            #expect(throws: SWXRuntimeError.self) { try MeterProfile(bad) }
        }
    }

    @Test func coloursOverASyntheticTimeline() throws {
        let registry = MeterProfileRegistry()
        try registry.add(name: "p", parameters: MeterProfileParameters(cir: 1000, pir: 2000, cbs: 1500, pbs: 3000))
        let meters = try MeterArray(size: 3, profiles: registry)
        #expect(meters.size == 4)
        let s: UInt64 = 1_000_000_000
        try meters.setProfile(named: "p", at: 1, now: 0)
        // Buckets start full: tc 1500, tp 3000.
        #expect(meters.execute(index: 1, length: 1000, colorIn: 0, now: 0) == .green)   // tc 500, tp 2000
        #expect(meters.execute(index: 1, length: 1000, colorIn: 0, now: 0) == .yellow)  // tp 1000
        #expect(meters.execute(index: 1, length: 1000, colorIn: 0, now: 0) == .yellow)  // tp 0
        #expect(meters.execute(index: 5, length: 1, colorIn: 0, now: 0) == .red)        // index 5 & 3 = 1
        // One second later: +1000 committed tokens (capped at cbs), +2000 peak tokens.
        #expect(meters.execute(index: 1, length: 1000, colorIn: 0, now: s) == .green)   // tc 500, tp 1000
        // Colour-aware: a yellow packet never becomes green, a red one stays red; other values act as green.
        #expect(meters.execute(index: 1, length: 10, colorIn: 1, now: s) == .yellow)    // tp 990
        #expect(meters.execute(index: 1, length: 10, colorIn: 2, now: s) == .red)
        #expect(meters.execute(index: 1, length: 10, colorIn: 3, now: s) == .green)     // tc 490, tp 980
        // Half a peak period adds nothing; a full one adds exactly one byte.
        #expect(meters.execute(index: 1, length: 981, colorIn: 1, now: s + 250_000) == .red)
        #expect(meters.execute(index: 1, length: 981, colorIn: 1, now: s + 500_000) == .yellow)  // tp 981 → 0
        let stats = try meters.stats(at: 1)
        #expect(stats.packets == [3, 4, 3])
        #expect(stats.bytes == [2010, 2991, 992])
        // Unconfigured meters are always green and count as green.
        #expect(meters.execute(index: 0, length: 99_999, colorIn: 2, now: 0) == .green)
        #expect(try meters.stats(at: 0) == MeterStats(packets: [1, 0, 0], bytes: [99_999, 0, 0]))
        // Profiles in use cannot be deleted; reset releases them and restores "always green".
        #expect(registry.users(of: "p") == 1)
        #expect(throws: SWXRuntimeError.self) { try registry.delete(name: "p") }
        try meters.reset(at: 1)
        #expect(try meters.profileName(at: 1) == nil)
        #expect(meters.execute(index: 1, length: 1_000_000, colorIn: 2, now: s) == .green)
        try registry.delete(name: "p")
        #expect(throws: SWXRuntimeError.self) { try meters.setProfile(named: "p", at: 1, now: 0) }
        #expect(throws: SWXRuntimeError.self) { try meters.stats(at: 4) }
    }

    @Test func settingAProfileRestartsTheMeter() throws {
        let registry = MeterProfileRegistry()
        try registry.add(name: "a", parameters: MeterProfileParameters(cir: 1000, pir: 1000, cbs: 100, pbs: 100))
        #expect(throws: SWXRuntimeError.self) {
            try registry.add(name: "a", parameters: MeterProfileParameters(cir: 1, pir: 1, cbs: 1, pbs: 1))
        }
        let meters = try MeterArray(size: 1, profiles: registry)
        try meters.setProfile(named: "a", at: 0, now: 5)
        #expect(meters.execute(index: 0, length: 100, colorIn: 0, now: 5) == .green)
        #expect(meters.execute(index: 0, length: 100, colorIn: 0, now: 5) == .red)
        try meters.setProfile(named: "a", at: 0, now: 6)
        #expect(try meters.stats(at: 0) == MeterStats())
        #expect(meters.execute(index: 0, length: 100, colorIn: 0, now: 6) == .green)
        #expect(registry.users(of: "a") == 1)
    }
}
