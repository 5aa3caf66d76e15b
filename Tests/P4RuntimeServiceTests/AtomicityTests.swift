import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Write atomicity (W8, W9)")
struct AtomicityTests {
    typealias T = TestPipeline

    private func snapshot(_ service: P4RuntimeService) throws -> [Entity] {
        var request = TableEntry()
        request.counterData = CounterData()
        return try T.read(service, [
            .tableEntry(request), .actionProfileMember(ActionProfileMember()),
            .counterEntry(CounterEntry()), .registerEntry(RegisterEntry()),
        ])
    }

    private func mixedBatch() -> [Update] {
        [
            T.insert(T.exactEntry(2)),
            T.update(.modify, .tableEntry(T.exactEntry(1, port: 9))),
            T.update(.modify, .counterEntry(CounterEntry(counterId: T.counter, index: Index(0),
                                                         data: CounterData(packetCount: 99)))),
            T.update(.insert, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector, memberId: 1,
                                                                       action: T.setPortAction(2)))),
            T.insert(T.exactEntry(1)),  // already exists → fails
            T.update(.modify, .registerEntry(RegisterEntry(registerId: T.register, data: P4Data(.bitstring([5]))))),
        ]
    }

    @Test(arguments: [Atomicity.rollbackOnError, .dataplaneAtomic])
    func failedBatchChangesNothing(_ atomicity: Atomicity) throws {
        let (service, _) = try T.service()
        var first = T.lpmEntry(10 << 24, 8)
        first.counterData = CounterData(byteCount: 10, packetCount: 1)
        try service.write(T.write([T.insert(T.exactEntry(1)), T.insert(first)]))
        let before = try snapshot(service)
        do {
            try service.write(T.write(mixedBatch(), atomicity: atomicity))
            Issue.record("expected the batch to fail")
        } catch {
            #expect(error.code == .unknown)
            #expect(error.details.map(\.canonicalCode) == [.aborted, .aborted, .aborted, .aborted, .alreadyExists, .aborted])
        }
        #expect(try snapshot(service) == before)
        // The device was rolled back too: the table still has room for exactly its P4Info size.
        let fill = (1...3).map { T.insert(T.lpmEntry(UInt64(20 + $0) << 24, 8)) }
        try service.write(T.write(fill, atomicity: atomicity))
        #expect(T.codes(service, T.write([T.insert(T.lpmEntry(99 << 24, 8))])) == [.resourceExhausted])
    }

    @Test func continueOnErrorAppliesEveryValidUpdate() throws {
        let (service, _) = try T.service()
        try service.write(T.write([T.insert(T.exactEntry(1))]))
        let codes = T.codes(service, T.write(mixedBatch()))
        #expect(codes == [.ok, .ok, .ok, .ok, .alreadyExists, .ok])
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == 2)
    }

    @Test func successfulAtomicBatchAppliesEverything() throws {
        let (service, _) = try T.service()
        try service.write(T.write([T.insert(T.exactEntry(1)), T.insert(T.exactEntry(2))], atomicity: .dataplaneAtomic))
        #expect(try T.read(service, [.tableEntry(TableEntry())]).count == 2)
    }

    @Test func errorStatusCarriesOneDetailPerUpdateInOrder() throws {
        let (service, _) = try T.service()
        do {
            try service.write(T.write([T.insert(T.exactEntry(1)), T.insert(T.exactEntry(1)), T.insert(T.exactEntry(2))]))
            Issue.record("expected a batch error")
        } catch {
            #expect(error.code == .unknown)
            #expect(error.details.count == 3)
            #expect(error.details[0] == .ok)
            #expect(error.details[1].canonicalCode == .alreadyExists)
            #expect(error.details[1].message.hasPrefix("updates[1].entity.tableEntry"))
            #expect(error.details[2] == .ok)
        }
        // An empty batch is OK.
        try service.write(T.write([]))
        // Unknown atomicity values are INVALID_ARGUMENT before any update.
        #expect(T.codes(service, T.write([T.insert(T.exactEntry(3))], atomicity: .unrecognized(7))) == [.invalidArgument])
    }
}
