import Dispatch
import Glibc
import P4Device
import P4Model
import P4RuntimeService
import Ports
import SoftwareTarget
import Synchronization
import Testing

/// DATAPLANE_ATOMIC under traffic: while the run loop forwards a stream of packets, batches that delete a route and
/// insert its replacement never let a packet see the table without the route (it would be dropped).
struct AtomicityTests {
    typealias P = SmallProgram

    func route(_ type: UpdateType, port: UInt8) -> Update {
        Update(type: type, entity: Entity(.tableEntry(TableEntry(
            tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))],
            action: type == .delete ? nil : .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [port])]))))))
    }

    @Test func batchesAreNeverHalfVisibleToTheRunLoop() throws {
        let device = try SoftwareTargetDevice(configuration: SoftwareTargetConfiguration(
            ports: (0..<4).map { ($0, PortSpec.memory) }))
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: try P4Info.decode(textFormat: P.p4info).p4info,
                                             p4DeviceConfig: Array(P.spec().utf8))))
        try service.write(WriteRequest(deviceId: 1, updates: [route(.insert, port: 1)]))
        device.startRunLoop()
        defer { device.stopRunLoop() }

        let input = try #require(device.memoryPort(0))
        let stop = Atomic<Bool>(false)
        let frame = TestPackets.tcp(src: "1.1.1.1", dst: "10.0.0.1", sport: 1, dport: 2, flags: 2)
        let producer = DispatchGroup()
        DispatchQueue.global().async(group: producer) {
            while !stop.load(ordering: .relaxed) {
                _ = try? input.inject(frame)
                _ = device.memoryPort(1)?.capture()
                _ = device.memoryPort(2)?.capture()
            }
        }
        func received() -> UInt64 { device.telemetry().ports.first { $0.number == 0 }?.rxPackets ?? 0 }
        for round in 0..<100 {
            // Let traffic through between batches (bounded wait on the run loop, not a timing assumption).
            let before = received()
            var waits = 0
            while received() == before && waits < 10_000 {
                usleep(100)
                waits += 1
            }
            let to: UInt8 = round % 2 == 0 ? 2 : 1
            try service.write(WriteRequest(deviceId: 1, updates: [route(.delete, port: 0), route(.insert, port: to)],
                                           atomicity: .dataplaneAtomic))

        }
        stop.store(true, ordering: .relaxed)
        producer.wait()
        let telemetry = device.telemetry()
        let total = telemetry.ports.first { $0.number == 0 }?.rxPackets ?? 0
        let dropped = telemetry.drops.first { $0.reason == "invalidOutputPort" }?.count ?? 0
        #expect(total >= 100)
        #expect(dropped == 0, "\(dropped) of \(total) packets saw a half-applied batch")
    }
}
