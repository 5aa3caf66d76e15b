import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Read (RD1–RD8)")
struct ReadTests {
    typealias T = TestPipeline

    @Test func requestLevelErrors() throws {
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1)
        do {
            try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry()))])) { _ in true }
            Issue.record("expected FAILED_PRECONDITION")
        } catch {
            #expect(error.code == .failedPrecondition)
        }
        do {
            try service.read(ReadRequest(deviceId: 3, entities: [])) { _ in true }
            Issue.record("expected NOT_FOUND")
        } catch {
            #expect(error.code == .notFound)
        }
    }

    @Test func perEntityErrorsAreOneToOneAndSuccessfulResultsStillStream() throws {
        let (service, _) = try T.service()
        try service.write(T.write([T.insert(T.exactEntry(1)), T.insert(T.exactEntry(2))]))
        var received: [Entity] = []
        do {
            try service.read(ReadRequest(deviceId: 1, entities: [
                Entity(.tableEntry(TableEntry(tableId: T.exact))),
                Entity(nil),
                Entity(.tableEntry(TableEntry(tableId: 0x0200_0077))),
                Entity(.counterEntry(CounterEntry(counterId: T.counter, index: Index(99)))),
            ])) { entity in
                received.append(entity)
                return true
            }
            Issue.record("expected a batch error")
        } catch {
            #expect(error.code == .unknown)
            #expect(error.details.map(\.canonicalCode) == [.ok, .invalidArgument, .invalidArgument, .outOfRange])
            #expect(error.details[1].message.hasPrefix("entities[1]"))
        }
        #expect(received.count == 2)
    }

    @Test func tableWildcardsAndFiltersRD4() throws {
        let (service, _) = try T.service()
        var withMetadata = T.exactEntry(3, port: 2)
        withMetadata.metadata = [1]
        withMetadata.controllerMetadata = 9
        var dropped = T.exactEntry(4)
        dropped.action = .action(Action(actionId: T.drop))
        try service.write(T.write([T.insert(T.exactEntry(1)), T.insert(withMetadata), T.insert(dropped),
                                   T.insert(T.lpmEntry(10 << 24, 8))]))
        #expect(try T.read(service, [.tableEntry(TableEntry())]).count == 4)
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == 3)
        // One entry by key (the action is not part of the key).
        var key = T.exactEntry(3)
        key.action = nil
        #expect(try T.read(service, [.tableEntry(key)]) == [Entity(.tableEntry(withMetadata))])
        #expect(try T.read(service, [.tableEntry(T.exactEntry(8))]).isEmpty)
        // Filters.
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact, action: .action(Action(actionId: T.drop))))])
            == [Entity(.tableEntry(dropped))])
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact, metadata: [1]))]).count == 1)
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact, controllerMetadata: 9))]).count == 1)
        // table_id 0 allows no other filter.
        do {
            _ = try T.read(service, [.tableEntry(TableEntry(priority: 3))])
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.details.first?.canonicalCode == .invalidArgument)
        }
        // Const tables read back as const; a wildcard includes them (empty here).
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.constTable))]).isEmpty)
    }

    @Test func actionParameterValuesFilterWildcardReads() throws {
        let (service, _) = try T.service()
        try service.write(T.write([T.insert(T.exactEntry(1, port: 2)), T.insert(T.exactEntry(2, port: 3)),
                                   T.insert(T.exactEntry(3, port: 2))]))
        func byPort(_ value: [UInt8]) throws -> [Entity] {
            try T.read(service, [.tableEntry(TableEntry(
                tableId: T.exact, action: .action(Action(actionId: T.setPort, params: [Action.Param(paramId: 1, value: value)]))))])
        }
        #expect(try byPort([2]) == [Entity(.tableEntry(T.exactEntry(1, port: 2))), Entity(.tableEntry(T.exactEntry(3, port: 2)))])
        // Padded values select the same entries; a value no entry has selects none.
        #expect(try byPort([0, 3]) == [Entity(.tableEntry(T.exactEntry(2, port: 3)))])
        #expect(try byPort([7]).isEmpty)
        // The parameter must belong to the action and the value fit its 9 bits.
        for (params, code) in [([Action.Param(paramId: 5, value: [1])], CanonicalCode.invalidArgument),
                               ([Action.Param(paramId: 1, value: [4, 0])], .outOfRange)] {
            do {
                _ = try T.read(service, [.tableEntry(TableEntry(
                    tableId: T.exact, action: .action(Action(actionId: T.setPort, params: params))))])
                Issue.record("expected \(code)")
            } catch {
                #expect(error.details.first?.canonicalCode == code)
                #expect(error.details.first?.message.hasPrefix("entities[0].tableEntry.action.action.params[0]") == true)
            }
        }
    }

    @Test func priorityTableKeyWithoutPriorityMatchesEveryPriorityRD7() throws {
        let (service, _) = try T.service()
        let match = [FieldMatch(fieldId: 3, .optional(value: [6]))]
        for priority: Int32 in [1, 2] {
            try service.write(T.write([T.insert(TableEntry(tableId: T.acl, match: match,
                                                           action: .action(T.setPortAction(1)), priority: priority))]))
        }
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.acl, match: match))]).count == 2)
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.acl, match: match, priority: 2))]).count == 1)
    }

    @Test func receiverCanStopAStream() throws {
        let (service, _) = try T.service()
        try service.write(T.write((1...10).map { T.insert(T.exactEntry(UInt64($0))) }))
        var count = 0
        do {
            try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry()))])) { _ in
                count += 1
                return count < 3
            }
            Issue.record("expected CANCELLED")
        } catch {
            #expect(error.code == .cancelled)
        }
        #expect(count == 3)
    }

    @Test func readsStreamFromAConsistentSnapshotWhileWritesContinue() throws {
        let (service, _) = try T.service()
        try service.write(T.write((1...100).map { T.insert(T.exactEntry(UInt64($0))) }))
        var seen = 0
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry(tableId: T.exact)))])) { _ in
            seen += 1
            if seen == 1 {
                // A write completing mid-stream is not visible to this read (it saw the state before it).
                try? service.write(T.write((101...150).map { T.insert(T.exactEntry(UInt64($0))) }))
            }
            return true
        }
        #expect(seen == 100)
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).count == 150)
    }
}
