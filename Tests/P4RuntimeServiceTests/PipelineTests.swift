import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("SetForwardingPipelineConfig / GetForwardingPipelineConfig")
struct PipelineTests {
    private func service() throws -> P4RuntimeService {
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1)
        return service
    }

    private func set(_ service: P4RuntimeService, _ action: SetForwardingPipelineConfigRequest.Action,
                     _ config: ForwardingPipelineConfig? = ForwardingPipelineConfig(p4info: TestPipeline.p4info))
        throws(P4RuntimeError)
    {
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(deviceId: 1, action: action,
                                                                                   config: config))
    }

    @Test func getBeforeAnyConfigIsOKWithConfigUnset() throws {
        let response = try service().getForwardingPipelineConfig(GetForwardingPipelineConfigRequest(deviceId: 1))
        #expect(response.config == nil)
    }

    @Test func unknownDeviceIsNotFound() throws {
        let service = try service()
        #expect(throws: P4RuntimeError.self) { try service.getForwardingPipelineConfig(.init(deviceId: 9)) }
        do {
            try service.setForwardingPipelineConfig(.init(deviceId: 9, action: .verify))
        } catch {
            #expect(error.code == .notFound)
        }
        do {
            _ = try service.capabilities(CapabilitiesRequest(deviceId: 9))
            Issue.record("expected NOT_FOUND")
        } catch {
            #expect(error.code == .notFound)
        }
        #expect(try service.capabilities(CapabilitiesRequest()).p4runtimeApiVersion == "1.5.0")
    }

    @Test func unspecifiedActionAndMissingConfigAreInvalid() throws {
        let service = try service()
        for action in [SetForwardingPipelineConfigRequest.Action.unspecified, .unrecognized(9)] {
            do {
                try set(service, action)
                Issue.record("expected INVALID_ARGUMENT for \(action)")
            } catch {
                #expect(error.code == .invalidArgument)
            }
        }
        for action in [SetForwardingPipelineConfigRequest.Action.verify, .verifyAndSave, .verifyAndCommit,
                       .reconcileAndCommit] {
            do {
                try set(service, action, nil)
                Issue.record("expected INVALID_ARGUMENT for \(action)")
            } catch {
                #expect(error.code == .invalidArgument)
            }
        }
    }

    @Test func verifyChangesNothingAndRejectsBadP4Info() throws {
        let service = try service()
        try set(service, .verify)
        #expect(try service.getForwardingPipelineConfig(.init(deviceId: 1)).config == nil)
        var broken = TestPipeline.p4info
        broken.tables[1].preamble.id = broken.tables[0].preamble.id
        do {
            try set(service, .verify, ForwardingPipelineConfig(p4info: broken))
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("ingress.acl"))
            #expect(error.message.contains("already used"))
        }
    }

    @Test func nonEmptyDeviceConfigWithoutTargetIsInvalid() throws {
        let service = try service()
        do {
            try set(service, .verifyAndCommit, ForwardingPipelineConfig(p4info: TestPipeline.p4info, p4DeviceConfig: [1]))
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("p4DeviceConfig"))
        }
    }

    @Test func getReturnsEachResponseTypeAndTheCookieVerbatim() throws {
        let service = try service()
        let config = ForwardingPipelineConfig(p4info: TestPipeline.p4info,
                                              cookie: ForwardingPipelineConfig.Cookie(cookie: 0))
        try set(service, .verifyAndCommit, config)
        let all = try service.getForwardingPipelineConfig(.init(deviceId: 1, responseType: .all)).config
        #expect(all == config)
        let cookie = try service.getForwardingPipelineConfig(.init(deviceId: 1, responseType: .cookieOnly)).config
        #expect(cookie == ForwardingPipelineConfig(cookie: .init(cookie: 0)))
        let info = try service.getForwardingPipelineConfig(.init(deviceId: 1, responseType: .p4infoAndCookie)).config
        #expect(info?.p4info == TestPipeline.p4info)
        #expect(info?.cookie == .init(cookie: 0))
        let device = try service.getForwardingPipelineConfig(.init(deviceId: 1, responseType: .deviceConfigAndCookie))
        #expect(device.config?.p4info == nil)
        #expect(device.config?.cookie != nil)
    }

    @Test func commitWithoutSaveIsNotFoundAndCommitWithConfigIsInvalid() throws {
        let service = try service()
        do {
            try set(service, .commit, nil)
            Issue.record("expected NOT_FOUND")
        } catch {
            #expect(error.code == .notFound)
        }
        try set(service, .verifyAndSave)
        do {
            try set(service, .commit)
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
        }
    }

    @Test func writesAfterSaveReferToTheNewConfigAndCommitReplaysThem() throws {
        let service = try service()
        try set(service, .verifyAndSave)
        // The saved config is what reads and writes refer to.
        try service.write(TestPipeline.write([TestPipeline.insert(TestPipeline.exactEntry(7))]))
        #expect(try TestPipeline.read(service, [.tableEntry(TableEntry(tableId: TestPipeline.exact))]).count == 1)
        // Volatile values are unavailable until COMMIT realises the pipeline.
        do {
            _ = try TestPipeline.read(service, [.counterEntry(CounterEntry(counterId: TestPipeline.counter))])
            Issue.record("expected a per-entity error")
        } catch {
            #expect(error.code == .unknown)
            #expect(error.details.first?.canonicalCode == .failedPrecondition)
        }
        try set(service, .commit, nil)
        let entries = try TestPipeline.read(service, [.tableEntry(TableEntry(tableId: TestPipeline.exact))])
        #expect(entries.count == 1)
        // The replayed entry reached the device: its table now counts it against the P4Info size.
        let counters = try TestPipeline.read(service, [.counterEntry(CounterEntry(counterId: TestPipeline.counter))])
        #expect(counters.count == 8)
    }

    @Test func verifyAndCommitClearsForwardingState() throws {
        let (service, _) = try TestPipeline.service()
        try service.write(TestPipeline.write([TestPipeline.insert(TestPipeline.exactEntry(1))]))
        try set(service, .verifyAndCommit)
        #expect(try TestPipeline.read(service, [.tableEntry(TableEntry())]).isEmpty)
    }

    @Test func reconcileKeepsWhatTheNewPipelineCanHold() throws {
        let (service, _) = try TestPipeline.service()
        try service.write(TestPipeline.write([
            TestPipeline.insert(TestPipeline.exactEntry(1)),
            TestPipeline.insert(TestPipeline.lpmEntry(0x0a00_0000, 8)),
            TestPipeline.update(.modify, .counterEntry(CounterEntry(counterId: TestPipeline.counter, index: Index(3),
                                                                    data: CounterData(byteCount: 10, packetCount: 1)))),
        ]))
        let lpmKey = TestPipeline.lpmEntry(0x0a00_0000, 8)
        try service.write(TestPipeline.write([TestPipeline.update(.modify, .directCounterEntry(DirectCounterEntry(
            tableEntry: lpmKey, data: CounterData(byteCount: 5, packetCount: 5))))]))
        let meterConfig = MeterConfig(cir: 100, cburst: 10, pir: 200, pburst: 20)
        try service.write(TestPipeline.write([TestPipeline.update(.modify, .meterEntry(MeterEntry(
            meterId: TestPipeline.meter, index: Index(2), config: meterConfig)))]))
        try set(service, .reconcileAndCommit)
        #expect(try TestPipeline.read(service, [.tableEntry(TableEntry())]).count == 2)
        let meterCell = try TestPipeline.read(service, [.meterEntry(MeterEntry(meterId: TestPipeline.meter, index: Index(2)))])
        guard case .meterEntry(let meterRead)? = meterCell.first?.kind else {
            Issue.record("no meter cell")
            return
        }
        #expect(meterRead.config == meterConfig)
        let cell = try TestPipeline.read(service, [.counterEntry(CounterEntry(counterId: TestPipeline.counter,
                                                                               index: Index(3)))])
        #expect(cell.first == Entity(.counterEntry(CounterEntry(counterId: TestPipeline.counter, index: Index(3),
                                                                 data: CounterData(byteCount: 10, packetCount: 1)))))
        var request = lpmKey
        request.action = nil
        request.counterData = CounterData()
        let entries = try TestPipeline.read(service, [.tableEntry(request)])
        guard case .tableEntry(let read)? = entries.first?.kind else {
            Issue.record("no entry")
            return
        }
        #expect(read.counterData == CounterData(byteCount: 5, packetCount: 5))

        // A pipeline without the exact table cannot hold its entry: nothing changes.
        var smaller = TestPipeline.p4info
        smaller.tables.removeAll { $0.id == TestPipeline.exact }
        do {
            try set(service, .reconcileAndCommit, ForwardingPipelineConfig(p4info: smaller))
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("ingress.exact"))
        }
        #expect(try TestPipeline.read(service, [.tableEntry(TableEntry())]).count == 2)
    }
}
