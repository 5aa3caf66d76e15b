import Foundation
import P4Device
import P4Model
import P4RuntimeService
import TestSupport
import Testing

/// End-to-end scenarios on real compiler-produced P4Infos from the shared corpus.
@Suite("Scenarios on shared P4Info fixtures")
struct FixtureScenarioTests {
    private func service(_ relativePath: String) throws -> (P4RuntimeService, ManualClock, PipelineSchema) {
        let text = try String(contentsOf: Fixtures.shared(relativePath), encoding: .utf8)
        let p4info = try P4Info.decode(textFormat: text, source: relativePath).p4info
        let clock = ManualClock()
        let service = P4RuntimeService(clock: clock)
        try service.addDevice(id: 1)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: p4info)))
        let schema = try #require(try service.pipelineSchema(deviceId: 1))
        return (service, clock, schema)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func l2SwitchLearnedMacsAgeOut() throws {
        let (service, clock, schema) = try service("p4c/l2-switch-idle-timeout/l2_switch.p4info.txtpb")
        let smac = try #require(schema.index.table(named: "IngressImpl.smac"))
        let noAction = try #require(schema.index.action(named: "NoAction"))
        let session = try service.openSession()
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: 1, electionId: Uint128(low: 10)))), from: session)
        _ = session.poll()
        let mac: [UInt8] = [0x00, 0x00, 0x5e, 0x00, 0x53, 0x01]
        let entry = TableEntry(tableId: smac.id, match: [FieldMatch(fieldId: 1, .exact(value: mac))],
                               action: .action(Action(actionId: noAction.id)), idleTimeoutNs: 2_000_000_000)
        try service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 10),
                                       updates: [Update(type: .insert, entity: Entity(.tableEntry(entry)))]))
        // The default action is const (learn_mac): changing it is PERMISSION_DENIED.
        do {
            try service.write(WriteRequest(deviceId: 1, electionId: Uint128(low: 10), updates: [Update(
                type: .modify, entity: Entity(.tableEntry(TableEntry(tableId: smac.id,
                                                                     action: .action(Action(actionId: noAction.id)),
                                                                     isDefaultAction: true))))]))
            Issue.record("expected PERMISSION_DENIED")
        } catch {
            #expect(error.details.first?.canonicalCode == .permissionDenied)
        }
        clock.advance(byMilliseconds: 2_000)
        service.tick()
        let notifications = session.poll().compactMap { event -> IdleTimeoutNotification? in
            if case .idleTimeoutNotification(let notification) = event { return notification }
            return nil
        }
        // Reported without its action, with the key in canonical form (leading zero bytes dropped).
        var expected = entry
        expected.action = nil
        expected.match = [FieldMatch(fieldId: 1, .exact(value: Bytestring.canonical(mac)))]
        #expect(notifications.map(\.tableEntry) == [[expected]])
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func psaRegistersAreRealCells() throws {
        let (service, _, schema) = try service("swx/psa-register-read-write-bmv2/psa-register-read-write-bmv2.p4.p4info.txtpb")
        let register = try #require(schema.registers.first)
        guard case .bit(let width) = register.type else {
            Issue.record("expected a bit<W> register, got \(register.type.description)")
            return
        }
        let value = Bytestring.encode(UInt64(1) << UInt64(width - 1))
        try service.write(WriteRequest(deviceId: 1, updates: [Update(type: .modify, entity: Entity(.registerEntry(
            RegisterEntry(registerId: register.id, index: Index(1), data: P4Data(.bitstring(value))))))]))
        var read: [Entity] = []
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.registerEntry(RegisterEntry(
            registerId: register.id, index: Index(1))))])) { entity in
            read.append(entity)
            return true
        }
        #expect(read == [Entity(.registerEntry(RegisterEntry(registerId: register.id, index: Index(1),
                                                             data: P4Data(.bitstring(value)))))])
        let tooWide = Bytestring.encode(UInt64(1) << UInt64(width))
        do {
            try service.write(WriteRequest(deviceId: 1, updates: [Update(type: .modify, entity: Entity(.registerEntry(
                RegisterEntry(registerId: register.id, index: Index(1), data: P4Data(.bitstring(tooWide))))))]))
            Issue.record("expected OUT_OF_RANGE")
        } catch {
            #expect(error.details.first?.canonicalCode == .outOfRange)
        }
    }
}
