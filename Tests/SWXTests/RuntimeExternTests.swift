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

    /// A random timeline run through DPDK @38f72e500b3b `rte_meter_trtcm_profile_config`, `rte_meter_trtcm_config`
    /// and `rte_meter_trtcm_color_aware_check` (rte_meter.c/h unchanged, gcc -O2, a 10^9 Hz clock, meter configured at
    /// time 1000): profile cir 125000 pir 50000000 cbs 3000 pbs 9000; entries are time:length:colorIn:colorOut.
    static let dpdkTimeline: [String] = [
        "159512:379:0:0 170365:1170:1:1 267566:767:2:2 462111:773:0:0 640546:259:2:2 809199:323:3:0",
        "877178:723:1:1 950036:881:2:2 976877:372:2:2 1132632:1143:0:0 1197651:449:3:0 1267301:439:1:1",
        "1298400:1276:3:1 1344865:1281:2:2 1525188:641:1:1 1548147:484:2:2 1560042:1263:1:1 1643335:1150:2:2",
        "1679410:823:0:1 1822923:880:0:1 1886797:998:1:1 1989905:1253:3:1 2034921:1340:1:1 2163923:1020:3:1",
        "2293980:316:2:2 2324985:121:2:2 2377003:1088:2:2 2516715:157:2:2 2532502:1061:2:2 2612973:1405:2:2",
        "2623267:758:0:1 2698859:476:2:2 2832555:217:0:0 2915995:989:1:1 3066962:1048:3:1 3240936:454:0:1",
        "3390041:338:1:1 3478863:213:0:1 3675407:1360:0:1 3697065:356:0:1 3697703:544:1:1 3835941:371:2:2",
        "4034174:301:2:2 4057399:1066:1:1 4202833:1089:1:1 4349971:1283:2:2 4433551:120:3:0 4568894:858:0:1",
        "4685684:134:2:2 4740537:119:1:1 4752278:203:2:2 4780494:727:3:1 4911640:1232:2:2 4991455:584:0:1",
        "5129989:664:2:2 5144496:174:0:0 5190840:638:0:1 5219439:707:1:1 5336622:358:2:2 5520211:983:1:1",
        "5691880:476:3:1 5794879:805:1:1 5991582:951:0:1 6154097:1051:2:2",
    ]

    @Test func matchesRteMeterOnARandomTimeline() throws {
        let registry = MeterProfileRegistry()
        try registry.add(name: "r", parameters: MeterProfileParameters(cir: 125_000, pir: 50_000_000, cbs: 3000, pbs: 9000))
        let profile = try #require(registry.profile(named: "r"))
        #expect([profile.cirPeriod, profile.cirBytesPerPeriod, profile.pirPeriod, profile.pirBytesPerPeriod] == [8000, 1, 100, 5])
        let meters = try MeterArray(size: 1, profiles: registry)
        try meters.setProfile(named: "r", at: 0, now: 1000)
        var count = 0
        for item in Self.dpdkTimeline.joined(separator: " ").split(separator: " ") {
            let f = item.split(separator: ":").map { UInt64($0)! }
            let color = meters.execute(index: 0, length: UInt32(f[1]), colorIn: f[2], now: f[0])
            #expect(UInt64(color.rawValue) == f[3], "packet \(count) at \(f[0])")
            count += 1
        }
        #expect(count == 64)
    }
}
