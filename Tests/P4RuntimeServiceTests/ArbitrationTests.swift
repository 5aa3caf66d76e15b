import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Arbitration (S1–S8) and write authorisation")
struct ArbitrationTests {
    typealias T = TestPipeline

    private func arbitrate(_ service: P4RuntimeService, _ session: StreamSession, _ id: Uint128?, role: String? = nil,
                           device: UInt64 = 1) throws(P4RuntimeError) {
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: device, role: role.map { Role(name: $0) }, electionId: id))), from: session)
    }

    private func statuses(_ session: StreamSession) -> [CanonicalCode] {
        session.poll().compactMap { event in
            if case .arbitration(let update) = event { return update.status?.code }
            return nil
        }
    }

    @Test func highestElectionIdIsPrimaryAndOthersAreToldWhoIs() throws {
        let (service, _) = try T.service()
        let a = try service.openSession()
        let b = try service.openSession()
        try arbitrate(service, a, Uint128(low: 1))
        #expect(statuses(a) == [.ok])
        try arbitrate(service, b, Uint128(low: 2))
        #expect(statuses(a) == [.alreadyExists])
        #expect(statuses(b) == [.ok])
        // Only the primary may write; the id must match; no id is refused once a primary exists.
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))], electionId: Uint128(low: 1))) == [.permissionDenied])
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))])) == [.permissionDenied])
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))], electionId: Uint128(low: 2))) == [.ok])
        // The election id in advisories is the highest seen.
        try arbitrate(service, a, Uint128(low: 1))
        let advisory = a.poll().first
        guard case .arbitration(let update)? = advisory else {
            Issue.record("expected an advisory")
            return
        }
        #expect(update.electionId == Uint128(low: 2))
        #expect(update.status?.code == .alreadyExists)
    }

    @Test func noPromotionWhenThePrimaryLeaves() throws {
        let (service, _) = try T.service()
        let a = try service.openSession()
        let b = try service.openSession()
        try arbitrate(service, a, Uint128(low: 5))
        try arbitrate(service, b, Uint128(low: 3))
        _ = a.poll()
        _ = b.poll()
        service.closeSession(a)
        #expect(statuses(b) == [.notFound])  // no primary now, and b is not promoted
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))], electionId: Uint128(low: 3))) == [.permissionDenied])
        // With no primary, a write without an election id is accepted (p4rtd rule for non-arbitrating clients).
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))])) == [.ok])
        // b becomes primary only by sending an id at least the highest ever seen.
        try arbitrate(service, b, Uint128(low: 4))
        #expect(statuses(b) == [.notFound])
        try arbitrate(service, b, Uint128(low: 5))
        #expect(statuses(b) == [.ok])
    }

    @Test func zeroElectionIdIsSetAndDuplicatesAreInvalid() throws {
        let (service, _) = try T.service()
        let a = try service.openSession()
        let b = try service.openSession()
        try arbitrate(service, a, Uint128())  // {} is election id 0, a set value: a becomes primary
        #expect(statuses(a) == [.ok])
        do {
            try arbitrate(service, b, Uint128())
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.code == .invalidArgument)
        }
        // An unset id is a permanent backup.
        try arbitrate(service, b, nil)
        #expect(statuses(b) == [.alreadyExists])
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))], electionId: Uint128())) == [.ok])
    }

    @Test func boundSessionsCannotSwitchDeviceOrRoleAndUnknownDevicesAreNotFound() throws {
        let (service, _) = try T.service()
        try service.addDevice(id: 2)
        let a = try service.openSession()
        do {
            try arbitrate(service, a, Uint128(low: 1), device: 7)
            Issue.record("expected NOT_FOUND")
        } catch {
            #expect(error.code == .notFound)
        }
        try arbitrate(service, a, Uint128(low: 1))
        do {
            try arbitrate(service, a, Uint128(low: 1), device: 2)
            Issue.record("expected FAILED_PRECONDITION")
        } catch {
            #expect(error.code == .failedPrecondition)
        }
        do {
            try arbitrate(service, a, Uint128(low: 1), role: "other")
            Issue.record("expected FAILED_PRECONDITION")
        } catch {
            #expect(error.code == .failedPrecondition)
        }
    }

    @Test func rolesAreSeparateAndBecomeKnownByArbitration() throws {
        let (service, _) = try T.service()
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))], role: "sdn")) == [.notFound])
        let a = try service.openSession()
        try arbitrate(service, a, Uint128(low: 1), role: "sdn")
        #expect(statuses(a) == [.ok])
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(1))], electionId: Uint128(low: 1), role: "sdn")) == [.ok])
        // The default role has no primary, so a write without election id still works there.
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(2))])) == [.ok])
    }

    @Test func pipelineChangesNeedThePrimaryToo() throws {
        let (service, _) = try T.service()
        let a = try service.openSession()
        try arbitrate(service, a, Uint128(low: 1))
        let request = SetForwardingPipelineConfigRequest(deviceId: 1, electionId: Uint128(low: 2), action: .verify,
                                                         config: ForwardingPipelineConfig(p4info: T.p4info))
        do {
            try service.setForwardingPipelineConfig(request)
            Issue.record("expected PERMISSION_DENIED")
        } catch {
            #expect(error.code == .permissionDenied)
        }
        var primary = request
        primary.electionId = Uint128(low: 1)
        try service.setForwardingPipelineConfig(primary)
    }

    @Test func packetOutNeedsThePrimaryAndValidMetadata() throws {
        let (service, _) = try T.service()
        let a = try service.openSession()
        let b = try service.openSession()
        try arbitrate(service, a, Uint128(low: 2))
        try arbitrate(service, b, Uint128(low: 1))
        _ = a.poll()
        _ = b.poll()
        func errors(_ session: StreamSession) -> [CanonicalCode] {
            session.poll().compactMap { event in
                if case .streamError(let error) = event { return error.canonicalCode }
                return nil
            }
        }
        let packet = PacketOut(payload: [1, 2, 3], metadata: [PacketMetadata(metadataId: 1, value: [0, 1])])
        try service.handle(StreamMessageRequest(.packet(packet)), from: b)
        #expect(errors(b) == [.permissionDenied])
        try service.handle(StreamMessageRequest(.packet(PacketOut(payload: [1]))), from: a)
        #expect(errors(a) == [.invalidArgument])  // missing egress_port
        try service.handle(StreamMessageRequest(.packet(PacketOut(payload: [1], metadata: [
            PacketMetadata(metadataId: 1, value: [2, 0])]))), from: a)
        #expect(errors(a) == [.outOfRange])  // 10 bits in a 9-bit field
        try service.handle(StreamMessageRequest(.packet(packet)), from: a)
        #expect(errors(a) == [.unimplemented])  // the P4Info-only device has no data plane
    }

    @Test func sessionQueuesAreBoundedAndReportLosses() throws {
        let clock = ManualClock()
        let service = P4RuntimeService(clock: clock, configuration: ServiceConfiguration(sessionQueueCapacity: 2))
        try service.addDevice(id: 1)
        let a = try service.openSession()
        for low in UInt64(1)...5 { try arbitrate(service, a, Uint128(low: low)) }
        let events = a.poll()
        #expect(events.first == .eventsLost(count: 3))
        #expect(events.count == 3)
        #expect(a.poll().isEmpty)
    }
}
