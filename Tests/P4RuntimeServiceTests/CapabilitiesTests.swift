import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Capabilities (K1, K2) and the P4Info-only device's documented limits")
struct CapabilitiesTests {
    typealias T = TestPipeline

    @Test func deviceCapabilitiesFollowThePipeline() throws {
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1)
        #expect(try service.deviceCapabilities(deviceId: 1) == nil)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: T.p4info)))
        let caps = try #require(try service.deviceCapabilities(deviceId: 1))
        #expect(caps.targetName == "p4rtd-info-only")
        #expect(caps.supports(.rollbackOnError) && caps.supports(.dataplaneAtomic))
        #expect(!caps.packetIO)
        #expect(!caps.entities.contains(.externEntry))
        #expect(service.deviceIds == [1])
        #expect(throws: P4RuntimeError.self) { try service.addDevice(id: 1) }
        #expect(throws: P4RuntimeError.self) { try service.addDevice(id: 0) }
    }

    @Test func getAfterSaveReturnsTheSavedConfig() throws {
        let (service, _) = try T.service()
        var other = T.p4info
        other.pkgInfo?.name = "next"
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndSave, config: ForwardingPipelineConfig(p4info: other)))
        let config = try service.getForwardingPipelineConfig(GetForwardingPipelineConfigRequest(deviceId: 1)).config
        #expect(config?.p4info?.pkgInfo?.name == "next")
    }

    @Test func infoOnlyDeviceRefusesDeviceConfigsAndPackets() throws {
        let device = InfoOnlyDevice()
        do {
            _ = try device.verify(ForwardingPipelineConfig(p4info: T.p4info, p4DeviceConfig: [0x2e]))
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
        }
        do {
            _ = try device.verify(ForwardingPipelineConfig())
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
        }
        do {
            _ = try device.beginTransaction(atomicity: .continueOnError)
            Issue.record("expected FAILED_PRECONDITION")
        } catch {
            #expect(error.code == .failedPrecondition)
        }
        #expect(throws: P4RuntimeError.self) { try device.packetOut(PacketOut(payload: [1])) }
    }

    @Test func metricsCountWritesReadsAndLostEvents() throws {
        let clock = ManualClock()
        let service = P4RuntimeService(clock: clock, configuration: ServiceConfiguration(sessionQueueCapacity: 1))
        try service.addDevice(id: 1)
        #expect(try service.pipelineSchema(deviceId: 1) == nil)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: T.p4info)))
        #expect(try service.pipelineSchema(deviceId: 1)?.index.table(named: "ingress.exact")?.id == T.exact)
        _ = T.codes(service, T.write([T.insert(T.exactEntry(1)), T.insert(T.exactEntry(1))]))
        _ = try T.read(service, [.tableEntry(TableEntry())])
        let session = try service.openSession()
        for low in UInt64(1)...3 {
            try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
                deviceId: 1, electionId: Uint128(low: low)))), from: session)
        }
        let metrics = service.metrics
        #expect(metrics.writes == 1)
        #expect(metrics.updates == 2)
        #expect(metrics.failedUpdates == 1)
        #expect(metrics.reads == 1)
        #expect(metrics.readEntities == 1)
        #expect(metrics.openSessions == 1)
        #expect(metrics.eventsLost == 2)
        service.closeSession(session)
        #expect(service.metrics.openSessions == 0)
    }
}
