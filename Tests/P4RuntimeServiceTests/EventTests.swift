import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Device events: digests (D2), packet-in, learned entries")
struct EventTests {
    typealias T = TestPipeline

    private func setUp() throws -> (P4RuntimeService, ManualClock, EventSourceDevice, StreamSession) {
        let clock = ManualClock()
        let service = P4RuntimeService(clock: clock)
        let device = EventSourceDevice()
        try service.addDevice(id: 1, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: T.p4info, p4DeviceConfig: [1])))
        let session = try service.openSession()
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: 1, electionId: Uint128(low: 1)))), from: session)
        _ = session.poll()
        return (service, clock, device, session)
    }

    private func digestLists(_ session: StreamSession) -> [DigestList] {
        session.poll().compactMap { event in
            if case .digestList(let list) = event { return list }
            return nil
        }
    }

    private func enable(_ service: P4RuntimeService, _ config: DigestEntry.Config) throws {
        try service.write(T.write([T.update(.insert, .digestEntry(DigestEntry(digestId: T.digest, config: config)))],
                                  electionId: Uint128(low: 1)))
    }

    @Test func digestsAreDroppedUntilEnabledThenBatchedByTimeout() throws {
        let (service, clock, device, session) = try setUp()
        let message = P4Data(.bitstring([1]))
        device.emit(.digest(T.digest, message))
        service.tick()
        #expect(digestLists(session).isEmpty)
        try enable(service, DigestEntry.Config(maxTimeoutNs: 1_000, maxListSize: 0, ackTimeoutNs: 0))
        device.emit(.digest(T.digest, message))
        device.emit(.digest(T.digest, message))  // duplicate while buffered: dropped
        device.emit(.digest(T.digest, P4Data(.bitstring([2]))))
        service.tick()
        #expect(digestLists(session).isEmpty)
        clock.advance(byNanoseconds: 1_000)
        service.tick()
        let lists = digestLists(session)
        #expect(lists.count == 1)
        #expect(lists.first?.data == [message, P4Data(.bitstring([2]))])
        #expect(lists.first?.digestId == T.digest)
    }

    @Test func listSizeAndAckCacheSuppressDuplicates() throws {
        let (service, clock, device, session) = try setUp()
        try enable(service, DigestEntry.Config(maxTimeoutNs: 1_000_000, maxListSize: 2, ackTimeoutNs: 10_000))
        device.emit(.digest(T.digest, P4Data(.bitstring([1]))))
        device.emit(.digest(T.digest, P4Data(.bitstring([2]))))
        let first = digestLists(session)
        #expect(first.count == 1)  // full list sent at once
        // Sent and unacknowledged: suppressed.
        device.emit(.digest(T.digest, P4Data(.bitstring([1]))))
        clock.advance(byNanoseconds: 1_000_000)
        service.tick()
        #expect(digestLists(session).isEmpty)
        // After the ack the message is new again.
        try service.handle(StreamMessageRequest(.digestAck(DigestListAck(digestId: T.digest,
                                                                         listId: first[0].listId))), from: session)
        device.emit(.digest(T.digest, P4Data(.bitstring([1]))))
        clock.advance(byNanoseconds: 1_000_000)
        service.tick()
        #expect(digestLists(session).first?.data == [P4Data(.bitstring([1]))])
        // An ack for a digest that is not enabled is a stream error.
        try service.handle(StreamMessageRequest(.digestAck(DigestListAck(digestId: 0x1700_0009, listId: 1))),
                           from: session)
        let errors = session.poll().compactMap { event -> CanonicalCode? in
            if case .streamError(let error) = event { return error.canonicalCode }
            return nil
        }
        #expect(errors == [.invalidArgument])
    }

    @Test func packetInAndLearnedEntriesGoToThePrimary() throws {
        let (service, _, device, session) = try setUp()
        let backup = try service.openSession()
        try service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(deviceId: 1))), from: backup)
        _ = backup.poll()
        let packet = PacketIn(payload: [0xde, 0xad], metadata: [PacketMetadata(metadataId: 1, value: [3])])
        #expect(device.emit(.packetIn(packet)))
        let learned = [T.exactEntry(42)]
        device.emit(.entriesLearned(T.exact, learned))
        #expect(session.poll() == [.packetIn(packet), .entriesLearned(T.exact, learned)])
        #expect(backup.poll().isEmpty)
    }

    @Test func learnedEntriesAreReadAndDeletedThroughTheDevice() throws {
        let (service, _, device, _) = try setUp()
        let learned = TableEntry(tableId: T.bulk, match: [FieldMatch(fieldId: 1, .exact(value: [9]))],
                                 action: .action(Action(actionId: T.drop)))
        device.learned.withLock { $0 = [learned] }
        try service.write(T.write([T.insert(TableEntry(tableId: T.bulk, match: [FieldMatch(fieldId: 1, .exact(value: [1]))],
                                                       action: .action(Action(actionId: T.drop))))],
                                  electionId: Uint128(low: 1)))
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.bulk))]).count == 2)
        var key = learned
        key.action = nil
        try service.write(T.write([T.update(.delete, .tableEntry(key))], electionId: Uint128(low: 1)))
        #expect(device.learned.withLock { $0.isEmpty })
        #expect(T.codes(service, T.write([T.update(.delete, .tableEntry(key))], electionId: Uint128(low: 1)))
            == [.notFound])
    }
}
