import Glibc
import P4Device
import P4Model
import P4RuntimeService
import Ports
import SoftwareTarget
import Synchronization
import Testing

/// Packet-out injection, packet-in from the controller port, and the run loop over in-memory ports.
struct PacketIOTests {
    typealias P = SmallProgram

    final class Collector: DeviceEventSink {
        let events = Mutex<[DeviceEvent]>([])
        func deliver(_ event: DeviceEvent) -> Bool {
            events.withLock { $0.append(event) }
            return true
        }
    }

    func loaded(_ configuration: SoftwareTargetConfiguration) throws -> SoftwareTargetDevice {
        let device = try SoftwareTargetDevice(configuration: configuration)
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: try P4Info.decode(textFormat: P.p4info).p4info,
                                             p4DeviceConfig: Array(P.spec().utf8))))
        try service.write(WriteRequest(deviceId: 1, updates: [
            Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
                tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))],
                action: .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [7])])))))),
            Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
                tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: [20, 0, 0, 0], prefixLen: 8))],
                action: .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [2])])))))),
        ]))
        return device
    }

    @Test func packetsToTheControllerPortBecomePacketInAndPacketOutIsInjected() throws {
        let device = try loaded(SoftwareTargetConfiguration(
            ports: (0..<4).map { ($0, PortSpec.memory) }, packetOutPort: 1, controllerPort: 7))
        let collector = Collector()
        device.setEventSink(collector)
        let toController = TestPackets.tcp(src: "1.1.1.1", dst: "10.0.0.1", sport: 1, dport: 2, flags: 2)
        let result = try device.inject(toController, port: 0)
        #expect(result.outputs.map(\.port) == [7])
        let events = collector.events.withLock { $0 }
        guard case .packetIn(let packetIn)? = events.first else { Issue.record("no packet-in: \(events)"); return }
        #expect(packetIn.payload.count == toController.count)

        // A packet-out enters on port 1 and leaves on in-memory port 2, where it can be captured.
        try device.packetOut(PacketOut(payload: TestPackets.tcp(src: "1.1.1.1", dst: "20.0.0.1", sport: 1, dport: 2,
                                                                flags: 2)))
        let captured = try #require(device.memoryPort(2)).capture()
        #expect(captured.count == 1)
        #expect(device.telemetry().packetOuts == 1)
    }

    @Test func packetOutWithoutAConfiguredPortFailsCleanly() throws {
        let device = try loaded(SoftwareTargetConfiguration())
        #expect(throws: P4RuntimeError.self) { try device.packetOut(PacketOut(payload: [1, 2, 3])) }
        #expect(throws: P4RuntimeError.self) { _ = try device.inject([1, 2, 3], port: 99) }
    }

    @Test func theRunLoopForwardsBetweenInMemoryPorts() throws {
        let device = try loaded(SoftwareTargetConfiguration(ports: (0..<4).map { ($0, PortSpec.memory) }))
        device.startRunLoop()
        defer { device.stopRunLoop() }
        let input = try #require(device.memoryPort(0))
        let output = try #require(device.memoryPort(2))
        #expect(try input.inject(TestPackets.tcp(src: "1.1.1.1", dst: "20.0.0.9", sport: 1, dport: 2, flags: 2)))
        // The loop polls the port's descriptor; wait for the packet on the output queue (bounded, no fixed sleep).
        var captured: [CapturedPacket] = []
        var waits = 0
        while captured.isEmpty && waits < 2000 {
            captured = output.capture()
            if captured.isEmpty { usleep(1000) }
            waits += 1
        }
        #expect(captured.count == 1)
    }
}
