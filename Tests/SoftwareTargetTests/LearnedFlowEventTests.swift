import Foundation
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing
import TestSupport

/// Learned-flow stream events (issue 4 item 3) on programs/ct's 1M-flow conntrack learner with a manual clock:
/// each new flow is reported once, each expiry once within one pass of the incremental sweep, control-plane
/// deletes at commit, and an overflowing event log as an explicit loss.
struct LearnedFlowEventTests {
    let service: P4RuntimeService
    let device: SoftwareTargetDevice
    let clock: ManualClock
    let conntrack: TableID
    let session: StreamSession
    let program: CTProgram

    init(eventLogCapacity: Int = 1 << 16) throws {
        program = try CTProgram()
        conntrack = program.conntrack
        clock = ManualClock()
        service = P4RuntimeService(clock: clock)
        var configuration = SoftwareTargetConfiguration()
        configuration.learnerEventLogCapacity = eventLogCapacity
        device = try SoftwareTargetDevice(configuration: configuration, clock: clock)
        try service.addDevice(id: 1, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: program.config))
        session = try service.openSession()
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: 1, electionId: Uint128(low: 1)))), from: session)
        _ = session.poll()
    }

    static func syn(sport: UInt16) -> [UInt8] {
        TestPackets.tcp(src: "10.0.0.1", dst: "10.0.0.2", sport: sport, dport: 80, flags: 0x02)
    }

    /// One full pass of the expiry sweep; returns the session's events.
    func sweepPass() -> [SessionEvent] {
        for _ in 0..<device.configuration.learnerExpirySlices { device.sweepLearners() }
        return session.poll()
    }

    static func learned(_ events: [SessionEvent]) -> [TableEntry] {
        events.flatMap { event -> [TableEntry] in
            if case .entriesLearned(_, let entries) = event { return entries }
            return []
        }
    }

    static func removed(_ events: [SessionEvent]) -> [TableEntry] {
        events.flatMap { event -> [TableEntry] in
            if case .entriesRemoved(_, let entries) = event { return entries }
            return []
        }
    }

    @Test func newFlowsAreReportedOnceAndExpiriesOnce() throws {
        for sport in UInt16(5000)..<5003 { _ = try device.inject(Self.syn(sport: sport), port: 0) }
        device.sweepLearners()
        let first = session.poll()
        #expect(Self.learned(first).count == 3)
        #expect(Self.learned(first).allSatisfy { $0.tableId == conntrack && $0.action != nil })
        #expect(Self.removed(first).isEmpty)
        // Nothing changed: nothing more, however often it sweeps.
        #expect(sweepPass().isEmpty)
        // A packet of a known flow is not a new flow.
        _ = try device.inject(Self.syn(sport: 5000), port: 0)
        #expect(sweepPass().isEmpty)

        clock.advance(byNanoseconds: 100_000 * 1_000_000_000)
        let expired = sweepPass()
        #expect(Self.learned(expired).isEmpty)
        let gone = Self.removed(expired)
        #expect(gone.count == 3)
        #expect(Set(gone.map(\.match)) == Set(Self.learned(first).map(\.match)))
        #expect(sweepPass().isEmpty)
        // The sweep freed them: the read shows none and the learner counted them as expired.
        #expect(try program.flowCount(service) == 0)
    }

    @Test func aControlPlaneDeleteIsReportedAtCommitAndNotAgain() throws {
        _ = try device.inject(Self.syn(sport: 6000), port: 0)
        device.sweepLearners()
        let entry = try #require(Self.learned(session.poll()).first)
        let key = TableEntry(tableId: conntrack, match: entry.match)
        try service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 1),
                                       updates: [Update(type: .delete, entity: Entity(.tableEntry(key)))]))
        let events = session.poll()
        #expect(Self.removed(events).map(\.match) == [entry.match])
        #expect(Self.learned(events).isEmpty)
        #expect(sweepPass().isEmpty)
    }

    @Test func aRolledBackDeleteReportsNothing() throws {
        _ = try device.inject(Self.syn(sport: 6100), port: 0)
        device.sweepLearners()
        let entry = try #require(Self.learned(session.poll()).first)
        let key = TableEntry(tableId: conntrack, match: entry.match)
        // The second delete finds nothing (the first took it), so the batch rolls back and the flow stays.
        #expect(throws: (any Error).self) {
            try service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 1), updates: [
                Update(type: .delete, entity: Entity(.tableEntry(key))),
                Update(type: .delete, entity: Entity(.tableEntry(key)))], atomicity: .rollbackOnError))
        }
        #expect(sweepPass().isEmpty)
        #expect(try program.flowCount(service) == 1)
    }

    @Test func aRolledBackDeleteRestoresTheFlowWithItsProfile() throws {
        // SYN, SYN-ACK, ACK: the flow is established (profile 1), not in the SYN profile (0).
        _ = try device.inject(Self.syn(sport: 6200), port: 0)
        _ = try device.inject(TestPackets.tcp(srcMAC: [2, 0, 0, 0, 0, 2], dstMAC: [2, 0, 0, 0, 0, 1], src: "10.0.0.2",
                                              dst: "10.0.0.1", sport: 80, dport: 6200, flags: 0x12), port: 1)
        _ = try device.inject(TestPackets.tcp(src: "10.0.0.1", dst: "10.0.0.2", sport: 6200, dport: 80, flags: 0x10), port: 0)
        func flow() throws -> TableEntry? {
            var found: TableEntry?
            try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry(tableId: conntrack)))])) {
                if case .tableEntry(let entry)? = $0.kind { found = entry }
                return true
            }
            return found
        }
        let before = try #require(try flow())
        let established = Int64(try service.learnerTimeouts(deviceId: 1, table: conntrack)[1]) * 1_000_000_000
        #expect(before.idleTimeoutNs == established)
        let key = TableEntry(tableId: conntrack, match: before.match)
        #expect(throws: (any Error).self) {
            try service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 1), updates: [
                Update(type: .delete, entity: Entity(.tableEntry(key))),
                Update(type: .delete, entity: Entity(.tableEntry(key)))], atomicity: .rollbackOnError))
        }
        #expect(try flow()?.idleTimeoutNs == established)
    }

    @Test func anOverflowingLogIsReportedAsLostEvents() throws {
        let small = try LearnedFlowEventTests(eventLogCapacity: 4)
        for sport in UInt16(7000)..<7006 { _ = try small.device.inject(Self.syn(sport: sport), port: 0) }
        small.device.sweepLearners()
        let events = small.session.poll()
        guard case .eventsLost(let count)? = events.first else {
            Issue.record("expected eventsLost first, got \(events)")
            return
        }
        #expect(count == 2)
        #expect(Self.learned(events).count == 4)
        // The loss is reported once.
        small.device.sweepLearners()
        #expect(small.session.poll().isEmpty)
    }
}
