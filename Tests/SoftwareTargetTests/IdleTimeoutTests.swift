import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing

/// Idle timeouts on the software target through the service (issue 4 item 3): the engine's hit times drive the
/// sweep and `time_since_last_hit`, on one manual clock shared by the service and the device.
struct IdleTimeoutTests {
    typealias P = SmallProgram

    /// SmallProgram with `route` (LPM) and `acl` (range/ternary) marked NOTIFY_CONTROL; `vrf_table` is not.
    static let p4info = SmallProgram.p4info
        .replacingOccurrences(of: "  size: 4\n", with: "  size: 4\n  idle_timeout_behavior: NOTIFY_CONTROL\n")
        .replacingOccurrences(of: "  size: 64\n", with: "  size: 64\n  idle_timeout_behavior: NOTIFY_CONTROL\n")

    struct Setup {
        let service: P4RuntimeService
        let device: SoftwareTargetDevice
        let clock: ManualClock
        let session: StreamSession
    }

    func load() throws -> Setup {
        let clock = ManualClock()
        let device = try SoftwareTargetDevice(clock: clock)
        let service = P4RuntimeService(clock: clock)
        try service.addDevice(id: 1, target: device)
        let info = try P4Info.decode(textFormat: Self.p4info).p4info
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: info, p4DeviceConfig: Array(P.spec().utf8))))
        let session = try service.openSession()
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: 1, electionId: Uint128(low: 1)))), from: session)
        _ = session.poll()
        return Setup(service: service, device: device, clock: clock, session: session)
    }

    func route(_ prefix: [UInt8], _ length: Int32, ttl: Int64) -> TableEntry {
        TableEntry(tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: prefix, prefixLen: length))],
                   action: .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [1])])),
                   idleTimeoutNs: ttl)
    }

    func write(_ s: Setup, _ type: UpdateType, _ entries: [TableEntry],
               atomicity: Atomicity = .continueOnError) throws {
        try s.service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 1), updates: entries.map {
            Update(type: type, entity: Entity(.tableEntry($0)))
        }, atomicity: atomicity))
    }

    /// The entries of every idle-timeout notification queued since the last call, one array per notification.
    func notified(_ s: Setup) -> [[TableEntry]] {
        s.session.poll().compactMap { event in
            if case .idleTimeoutNotification(let n) = event { return n.tableEntry }
            return nil
        }
    }

    func hit(_ s: Setup, _ dst: String) throws {
        _ = try s.device.inject(TestPackets.tcp(src: "1.1.1.1", dst: dst, sport: 1, dport: 2, flags: 2), port: 0)
    }

    func timeSinceLastHit(_ s: Setup, _ table: TableID) throws -> [Int64] {
        var request = TableEntry(tableId: table)
        request.timeSinceLastHit = TableEntry.IdleTimeout()
        var out: [Int64] = []
        try s.service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(request))])) { entity in
            if case .tableEntry(let e) = entity.kind { out.append(e.timeSinceLastHit?.elapsedNs ?? -1) }
            return true
        }
        return out
    }

    @Test func anEntryKeptBusyIsNeverReportedAndAnIdleOneOncePerExpiry() throws {
        let s = try load()
        let busy = route([10, 0, 0, 0], 8, ttl: 1_000_000_000)
        let idle = route([11, 0, 0, 0], 8, ttl: 1_000_000_000)
        try write(s, .insert, [busy, idle])
        var reports: [[TableEntry]] = []
        for _ in 0..<5 {  // 2 s of traffic to 10/8 only, ticking every 100 ms
            for _ in 0..<4 {
                s.clock.advance(byMilliseconds: 100)
                s.service.tick()
                reports += notified(s)
            }
            try hit(s, "10.1.2.3")
        }
        var expectedIdle = idle
        expectedIdle.action = nil
        // 11/8 expired at 1 s and again at 2 s (re-armed by the first report); 10/8 never.
        #expect(reports == [[expectedIdle], [expectedIdle]])

        // Traffic stops at t = 2 s: 10/8 is reported when its TTL has passed since that last hit, not before.
        s.clock.advance(byMilliseconds: 900)
        s.service.tick()
        #expect(notified(s).isEmpty)
        s.clock.advance(byMilliseconds: 100)
        s.service.tick()
        var expectedBusy = busy
        expectedBusy.action = nil
        #expect(notified(s) == [[expectedBusy, expectedIdle]])
    }

    @Test func timeSinceLastHitFollowsTheEngineAndTheHitMapsToTheHandle() throws {
        let s = try load()
        try write(s, .insert, [route([10, 0, 0, 0], 8, ttl: 5_000_000_000)])
        s.clock.advance(byMilliseconds: 300)
        #expect(try timeSinceLastHit(s, P.route) == [300_000_000])  // never hit: since insertion
        try hit(s, "10.0.0.1")
        let hitAt = s.clock.monotonicNanoseconds()
        s.clock.advance(byMilliseconds: 250)
        #expect(try timeSinceLastHit(s, P.route) == [250_000_000])
        // The device answers on the service's timebase, singly and in bulk; a stale handle gets nothing.
        let handle = EntryHandle(slot: 0, generation: 0)
        #expect(s.device.lastHit(P.route, handle) == hitAt)
        let handles = [handle, EntryHandle(slot: 0, generation: 1), EntryHandle(slot: 7, generation: 0)]
        var hits = [UInt64](repeating: 9, count: 3)
        handles.withUnsafeBufferPointer { h in
            hits.withUnsafeMutableBufferPointer { s.device.lastHits(P.route, h, into: $0) }
        }
        #expect(hits == [hitAt, 0, 0])
        #expect(s.device.capabilities.reportsEntryHits)
    }

    @Test func anExpandedRangeReportsItsLatestEngineEntry() throws {
        let s = try load()
        // diffserv 10..20 expands into several prefixes, i.e. several engine entries for one P4Runtime entry.
        let acl = TableEntry(tableId: P.acl, match: [FieldMatch(fieldId: 1, .range(low: [10], high: [20]))],
                             action: .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [3])])),
                             priority: 10, idleTimeoutNs: 1_000_000_000)
        try write(s, .insert, [acl])
        s.clock.advance(byMilliseconds: 800)
        var frame = TestPackets.tcp(src: "1.1.1.1", dst: "9.9.9.9", sport: 1, dport: 2, flags: 2)
        frame[15] = 19  // in 16..19, not the first prefix (10..11)
        _ = try s.device.inject(frame, port: 0)
        s.clock.advance(byMilliseconds: 500)
        s.service.tick()
        #expect(notified(s).isEmpty)  // 1.3 s after insertion, 0.5 s after the hit
        #expect(try timeSinceLastHit(s, P.acl) == [500_000_000])
        s.clock.advance(byMilliseconds: 500)
        s.service.tick()
        #expect(notified(s).map(\.count) == [1])
    }

    @Test func aRolledBackDeleteKeepsTheHitTime() throws {
        let s = try load()
        try write(s, .insert, [route([10, 0, 0, 0], 8, ttl: 5_000_000_000)])
        s.clock.advance(byMilliseconds: 700)
        try hit(s, "10.0.0.1")
        s.clock.advance(byMilliseconds: 100)
        // Delete the entry, then fail on a missing one: the batch is undone, the entry and its hit time return.
        #expect(throws: P4RuntimeError.self) {
            try write(s, .delete, [route([10, 0, 0, 0], 8, ttl: 0), route([12, 0, 0, 0], 8, ttl: 0)],
                      atomicity: .rollbackOnError)
        }
        #expect(try timeSinceLastHit(s, P.route) == [100_000_000])
        // A new entry in the same engine slot starts fresh.
        try write(s, .delete, [route([10, 0, 0, 0], 8, ttl: 0)])
        try write(s, .insert, [route([10, 0, 0, 0], 8, ttl: 5_000_000_000)])
        s.clock.advance(byMilliseconds: 50)
        #expect(try timeSinceLastHit(s, P.route) == [50_000_000])
    }

    @Test func tablesWithoutNotifyControlAreNotTracked() throws {
        let s = try load()
        try s.service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 1), updates: [Update(
            type: .insert, entity: Entity(.tableEntry(TableEntry(
                tableId: P.vrfTable, match: [FieldMatch(fieldId: 1, .exact(value: [0]))],
                action: .action(Action(actionId: P.setVrf, params: [.init(paramId: 1, value: [1])]))))))]))
        try hit(s, "10.0.0.1")
        #expect(s.device.lastHit(P.vrfTable, EntryHandle(slot: 0, generation: 0)) == nil)
    }
}
