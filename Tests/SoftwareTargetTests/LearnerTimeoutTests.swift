import Foundation
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing
import TestSupport

/// Expire-time profiles of the node program's conntrack learners through the service on the software target:
/// read, set (all or nothing, arbitrated like writes), and the effect on entries armed afterwards.
struct LearnerTimeoutTests {
    struct Node {
        let service: P4RuntimeService
        let clock: ManualClock
        let device: SoftwareTargetDevice
        let p4info: P4Info

        init() throws {
            let text = try String(contentsOf: Fixtures.project("p4info/node.p4info.txt"), encoding: .utf8)
            p4info = try P4Info.decode(textFormat: text, source: "node.p4info.txt").p4info
            let spec = try String(contentsOf: Fixtures.project("programs/node/node.spec"), encoding: .utf8)
            let context = try String(contentsOf: Fixtures.project("programs/node/context.json"), encoding: .utf8)
            let config = #"{"spec":\#(Self.quoted(spec)),"context":\#(Self.quoted(context))}"#
            let clock = ManualClock()
            self.clock = clock
            service = P4RuntimeService(clock: clock)
            device = try SoftwareTargetDevice(clock: clock)
            try service.addDevice(id: 1, target: device)
            try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
                deviceId: 1, action: .verifyAndCommit,
                config: ForwardingPipelineConfig(p4info: p4info, p4DeviceConfig: Array(config.utf8))))
        }

        static func quoted(_ text: String) -> String {
            let data = try? JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed])
            return String(decoding: (data ?? Data()).dropFirst().dropLast(), as: UTF8.self)
        }

        func table(_ name: String) -> TableID {
            TableID(rawValue: p4info.tables.first { $0.preamble.name == "MainControlImpl.\(name)" }?.preamble.id ?? 0)
        }

        func id<T>(_ items: [T], _ name: String, _ preamble: (T) -> P4Info.Preamble) -> UInt32 {
            items.first { preamble($0).name == "MainControlImpl.\(name)" }.map { preamble($0).id } ?? 0
        }

        /// Service 10.96.0.1:80/TCP with one backend 10.244.1.5:8080, written through P4Runtime.
        func programService() throws {
            let dnat = ActionID(rawValue: id(p4info.actions, "dnat", \.preamble))
            let setService = ActionID(rawValue: id(p4info.actions, "set_service", \.preamble))
            // All 64 buckets of service 1 hold the backend.
            var updates = (0..<64).map { bucket in
                Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
                    tableId: table("backends"),
                    match: [FieldMatch(fieldId: 1, .exact(value: [1])), FieldMatch(fieldId: 2, .exact(value: [UInt8(bucket)]))],
                    action: TableAction(.action(Action(actionId: dnat, params: [
                        Action.Param(paramId: 1, value: [10, 244, 1, 5]), Action.Param(paramId: 2, value: [0x1f, 0x90]),
                        Action.Param(paramId: 3, value: [2, 0x42, 10, 244, 1, 5]),
                    ])))))))
            }
            let service = TableEntry(
                tableId: table("services"),
                match: [FieldMatch(fieldId: 1, .exact(value: [10, 96, 0, 1])), FieldMatch(fieldId: 2, .exact(value: [6])),
                        FieldMatch(fieldId: 3, .exact(value: [0, 80]))],
                action: TableAction(.action(Action(actionId: setService, params: [Action.Param(paramId: 1, value: [1])]))))
            updates.append(Update(type: .insert, entity: Entity(.tableEntry(service))))
            try self.service.write(WriteRequest(deviceId: 1, updates: updates, atomicity: .rollbackOnError))
        }

        /// A TCP SYN from 10.1.0.5:`sourcePort` to the service: the data plane pins it (ct_forward, profile `tcp`).
        func connect(_ sourcePort: UInt16) throws {
            _ = try device.inject(TestPackets.tcp(src: "10.1.0.5", dst: "10.96.0.1", sport: sourcePort, dport: 80, flags: 0x02),
                                  port: 0)
        }

        /// The client ports of the live forward pins (those a read with action filter `action` returns, when given).
        func pins(action: Action? = nil) throws -> [UInt16] {
            var ports: [UInt16] = []
            let request = TableEntry(tableId: table("ct_forward"), action: action.map { TableAction(.action($0)) })
            try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(request))])) { entity in
                if case .tableEntry(let entry)? = entity.kind, case .exact(let port)? = entry.match.first(where: { $0.fieldId == 4 })?.kind,
                   port.count == 2 {
                    ports.append(UInt16(port[0]) << 8 | UInt16(port[1]))
                }
                return true
            }
            return ports.sorted()
        }
    }

    @Test func profilesAreTheSpecsUntilSetAndNewArmsUseTheNewValue() throws {
        let node = try Node()
        let forward = node.table("ct_forward")
        #expect(try node.service.learnerTimeouts(deviceId: 1, table: forward) == [120, 8000, 120, 120, 120, 120, 120, 120])
        try node.programService()
        try node.connect(40001)
        #expect(try node.pins() == [40001])
        let after = try node.service.setLearnerTimeouts(deviceId: 1, table: forward, [(profile: 1, seconds: 30)])
        #expect(after == [120, 30, 120, 120, 120, 120, 120, 120])
        #expect(try node.service.learnerTimeouts(deviceId: 1, table: node.table("ct_reverse"))[1] == 8000)
        try node.connect(40002)
        node.clock.advance(byNanoseconds: 29_000_000_000)
        #expect(try node.pins() == [40001, 40002])
        // The pin armed after the change expires at 30 s; the one armed before keeps its 8000 s.
        node.clock.advance(byNanoseconds: 2_000_000_000)
        let remaining = try node.pins()
        #expect(remaining == [40001], "\(remaining)")
    }

    @Test func badChangesAreRefusedWholeAndNamed() throws {
        let node = try Node()
        let forward = node.table("ct_forward")
        func code(_ body: () throws -> Void) -> (CanonicalCode, String)? {
            do { try body() } catch let error as P4RuntimeError { return (error.code, error.message) } catch { return nil }
            return nil
        }
        let outOfRange = code { _ = try node.service.setLearnerTimeouts(deviceId: 1, table: forward, [(0, 5), (8, 5)]) }
        #expect(outOfRange?.0 == .invalidArgument)
        #expect(outOfRange?.1.contains("timeouts[1].profile: 8") == true)
        #expect(try node.service.learnerTimeouts(deviceId: 1, table: forward)[0] == 120)
        let zero = code { _ = try node.service.setLearnerTimeouts(deviceId: 1, table: forward, [(1, 0)]) }
        #expect(zero?.0 == .invalidArgument && zero?.1.contains("0 seconds") == true)
        let twice = code { _ = try node.service.setLearnerTimeouts(deviceId: 1, table: forward, [(1, 5), (1, 6)]) }
        #expect(twice?.0 == .invalidArgument && twice?.1.contains("given twice") == true)
        let notLearner = code { _ = try node.service.learnerTimeouts(deviceId: 1, table: node.table("forward")) }
        #expect(notLearner?.0 == .invalidArgument && notLearner?.1.contains("not an add-on-miss table") == true)
        #expect(code { _ = try node.service.learnerTimeouts(deviceId: 1, table: TableID(rawValue: 7)) }?.0 == .notFound)
        #expect(code { _ = try node.service.learnerTimeouts(deviceId: 9, table: forward) }?.0 == .notFound)
    }

    @Test func settingIsArbitratedLikeWrites() throws {
        let node = try Node()
        let forward = node.table("ct_forward")
        let session = try node.service.openSession()
        try node.service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: 1, electionId: Uint128(low: 4)))), from: session)
        do {
            _ = try node.service.setLearnerTimeouts(deviceId: 1, table: forward, [(1, 60)])
            Issue.record("a request without election id was accepted while a primary exists")
        } catch {
            #expect(error.code == .permissionDenied)
        }
        #expect(try node.service.learnerTimeouts(deviceId: 1, table: forward)[1] == 8000)
        #expect(try node.service.setLearnerTimeouts(deviceId: 1, table: forward, [(1, 60)], electionId: Uint128(low: 4))[1] == 60)
        node.service.closeSession(session)
    }

    @Test func theP4InfoOnlyDeviceHasNoProfiles() throws {
        let node = try Node()
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 2)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 2, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: node.p4info)))
        do {
            _ = try service.learnerTimeouts(deviceId: 2, table: node.table("ct_forward"))
            Issue.record("the P4Info-only device answered")
        } catch {
            #expect(error.code == .unimplemented)
        }
    }
}
