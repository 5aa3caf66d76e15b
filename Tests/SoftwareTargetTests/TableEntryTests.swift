import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import SWX
import Testing

/// Table entries on the engine through the service: match kinds, priorities, widths, defaults, capacity,
/// atomicity, and binding errors.
struct TableEntryTests {
    typealias P = SmallProgram

    func insert(_ entry: TableEntry) -> Update { Update(type: .insert, entity: Entity(.tableEntry(entry))) }

    func send(_ port: UInt8) -> TableAction {
        .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [port])]))
    }

    func write(_ service: P4RuntimeService, _ updates: [Update], atomicity: Atomicity = .continueOnError)
        -> [CanonicalCode]
    {
        do {
            try service.write(WriteRequest(deviceId: 1, updates: updates, atomicity: atomicity))
            return updates.map { _ in .ok }
        } catch {
            return error.details.isEmpty ? [error.code] : error.details.map(\.canonicalCode)
        }
    }

    func route(_ prefix: [UInt8], _ length: Int32, _ port: UInt8) -> Update {
        insert(TableEntry(tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: prefix, prefixLen: length))],
                          action: send(port)))
    }

    /// The output port of a packet from `inPort` (nil when dropped), and the frame.
    func forward(_ device: SoftwareTargetDevice, src: String = "1.1.1.1", dst: String, diffserv: UInt8 = 0,
                 inPort: UInt32 = 0) throws -> (port: UInt32, frame: [UInt8])? {
        var frame = TestPackets.tcp(src: src, dst: dst, sport: 1, dport: 2, flags: 2)
        frame[15] = diffserv
        let outputs = try device.inject(frame, port: inPort).outputs
        return outputs.first.map { ($0.port, $0.bytes) }
    }

    @Test func lpmPrefersTheLongestPrefix() throws {
        let (service, device) = try P.load()
        #expect(write(service, [route([10, 0, 0, 0], 8, 1), route([10, 1, 0, 0], 16, 2)]) == [.ok, .ok])
        #expect(try forward(device, dst: "10.1.2.3")?.port == 2)
        #expect(try forward(device, dst: "10.2.0.1")?.port == 1)
        #expect(try forward(device, dst: "11.0.0.1") == nil)
    }

    @Test func rangeOptionalTernaryAndPrioritiesHigherWins() throws {
        let (service, device) = try P.load()
        let range = TableEntry(tableId: P.acl, match: [FieldMatch(fieldId: 1, .range(low: [10], high: [20]))],
                               action: send(3), priority: 10)
        let ternary = TableEntry(tableId: P.acl, match: [FieldMatch(fieldId: 3, .ternary(value: [192, 168, 0, 0],
                                                                                       mask: [255, 255, 0, 0]))],
                                 action: send(4), priority: 20)
        let optional = TableEntry(tableId: P.acl, match: [FieldMatch(fieldId: 2, .optional(value: [17]))],
                                  action: send(5), priority: 30)
        #expect(write(service, [insert(range), insert(ternary), insert(optional)]) == [.ok, .ok, .ok])
        #expect(try forward(device, src: "192.168.1.1", dst: "9.9.9.9", diffserv: 15)?.port == 4)
        #expect(try forward(device, src: "1.1.1.1", dst: "9.9.9.9", diffserv: 15)?.port == 3)
        #expect(try forward(device, src: "1.1.1.1", dst: "9.9.9.9", diffserv: 10)?.port == 3)
        #expect(try forward(device, src: "1.1.1.1", dst: "9.9.9.9", diffserv: 20)?.port == 3)
        #expect(try forward(device, src: "1.1.1.1", dst: "9.9.9.9", diffserv: 21) == nil)
        #expect(try forward(device, src: "1.1.1.1", dst: "9.9.9.9", diffserv: 9) == nil)

        // Reads give the range back as written.
        var read: [Entity] = []
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry(tableId: P.acl)))])) {
            read.append($0)
            return true
        }
        #expect(read.contains(Entity(.tableEntry(range))))

        // Deleting the range removes every expanded entry.
        #expect(write(service, [Update(type: .delete, entity: Entity(.tableEntry(range)))]) == [.ok])
        #expect(try forward(device, src: "1.1.1.1", dst: "9.9.9.9", diffserv: 15) == nil)
    }

    @Test func narrowP4FieldsAndParametersAreWidened() throws {
        let (service, device) = try P.load()
        let entry = TableEntry(tableId: P.vrfTable, match: [FieldMatch(fieldId: 1, .exact(value: [3]))],
                               action: .action(Action(actionId: P.setVrf, params: [.init(paramId: 1, value: [0x0A, 0xBC])])))
        #expect(write(service, [insert(entry), route([10, 0, 0, 0], 8, 1)]) == [.ok, .ok])
        let frame = try #require(try forward(device, dst: "10.0.0.1", inPort: 3)?.frame)
        #expect(frame[18] == 0x0A && frame[19] == 0xBC)
        #expect(try #require(try forward(device, dst: "10.0.0.1", inPort: 2)?.frame)[18...19] == [0, 0])
        _ = service
    }

    @Test func aFullTableAnswersResourceExhaustedAndRollbackUndoesTheBatch() throws {
        let (service, device) = try P.load()
        #expect(write(service, [route([10, 0, 0, 0], 8, 1), route([11, 0, 0, 0], 8, 1), route([12, 0, 0, 0], 8, 1)]) == [.ok, .ok, .ok])
        let codes = write(service, [route([13, 0, 0, 0], 8, 2), route([14, 0, 0, 0], 8, 2)], atomicity: .rollbackOnError)
        #expect(codes.contains(.resourceExhausted))
        #expect(try forward(device, dst: "13.0.0.1") == nil)
        #expect(try forward(device, dst: "12.0.0.1")?.port == 1)
        // CONTINUE_ON_ERROR keeps what fits.
        #expect(write(service, [route([13, 0, 0, 0], 8, 2), route([14, 0, 0, 0], 8, 2)]) == [.ok, .resourceExhausted])
        #expect(try forward(device, dst: "13.0.0.1")?.port == 2)
    }

    @Test func directCountersCountPerEntryOnATernaryTableIncludingExpandedRanges() throws {
        let (service, device) = try P.load()
        let range = TableEntry(tableId: P.acl, match: [FieldMatch(fieldId: 1, .range(low: [10], high: [20]))],
                               action: send(3), priority: 10)
        let ternary = TableEntry(tableId: P.acl, match: [FieldMatch(fieldId: 3, .ternary(value: [192, 168, 0, 0],
                                                                                       mask: [255, 255, 0, 0]))],
                                 action: send(4), priority: 20, counterData: CounterData(packetCount: 100))
        #expect(write(service, [insert(range), insert(ternary)]) == [.ok, .ok])
        for diffserv: UInt8 in [10, 13, 16, 20] { _ = try forward(device, dst: "9.9.9.9", diffserv: diffserv) }
        _ = try forward(device, src: "192.168.7.7", dst: "9.9.9.9", diffserv: 99)
        func counted(_ entry: TableEntry) throws -> Int64? {
            var result: Int64?
            try service.read(ReadRequest(deviceId: 1, entities: [Entity(.directCounterEntry(
                DirectCounterEntry(tableEntry: entry)))])) { entity in
                if case .directCounterEntry(let cell)? = entity.kind { result = cell.data?.packetCount }
                return true
            }
            return result
        }
        #expect(try counted(range) == 4)
        #expect(try counted(ternary) == 101)
        // Writing a direct counter sets it; deleting and re-inserting the entry starts from zero.
        let reset = Update(type: .modify, entity: Entity(.directCounterEntry(DirectCounterEntry(
            tableEntry: range, data: CounterData(packetCount: 7)))))
        #expect(write(service, [reset]) == [.ok])
        #expect(try counted(range) == 7)
        #expect(write(service, [Update(type: .delete, entity: Entity(.tableEntry(range))), insert(range)]) == [.ok, .ok])
        #expect(try counted(range) == 0)
    }

    @Test func metersPoliceOnTheMetarrayAndReadBackTheirConfig() throws {
        let (service, device) = try P.load()
        #expect(write(service, [route([10, 0, 0, 0], 8, 1)]) == [.ok])
        #expect(try forward(device, dst: "10.0.0.1", inPort: 3)?.port == 1)
        let config = MeterConfig(cir: 1, cburst: 1, pir: 1, pburst: 1)
        let police = Update(type: .modify, entity: Entity(.meterEntry(MeterEntry(meterId: P.policer, index: .init(3),
                                                                                 config: config))))
        #expect(write(service, [police]) == [.ok])
        #expect(try forward(device, dst: "10.0.0.1", inPort: 3) == nil)
        #expect(try forward(device, dst: "10.0.0.1", inPort: 2)?.port == 1)
        var read: [Entity] = []
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.meterEntry(MeterEntry(meterId: P.policer,
                                                                                           index: .init(3))))])) {
            read.append($0)
            return true
        }
        guard case .meterEntry(let cell)? = read.first?.kind else { Issue.record("no meter cell"); return }
        #expect(cell.config == config)
        let reset = Update(type: .modify, entity: Entity(.meterEntry(MeterEntry(meterId: P.policer, index: .init(3)))))
        #expect(write(service, [reset]) == [.ok])
        #expect(try forward(device, dst: "10.0.0.1", inPort: 3)?.port == 1)
    }

    @Test func defaultEntriesAreSetAndReset() throws {
        let (service, device) = try P.load()
        let modify = Update(type: .modify, entity: Entity(.tableEntry(TableEntry(tableId: P.route, action: send(6),
                                                                                   isDefaultAction: true))))
        #expect(write(service, [modify]) == [.ok])
        #expect(try forward(device, dst: "99.0.0.1")?.port == 6)
        let reset = Update(type: .modify, entity: Entity(.tableEntry(TableEntry(tableId: P.route, isDefaultAction: true))))
        #expect(write(service, [reset]) == [.ok])
        #expect(try forward(device, dst: "99.0.0.1") == nil)
    }

    @Test func registersReadTheRegarrayTheProgramUpdates() throws {
        let (service, device) = try P.load()
        _ = try forward(device, dst: "1.2.3.4", inPort: 3)
        _ = try forward(device, dst: "1.2.3.4", inPort: 3)
        #expect(try P.hitsCell(service, index: 3) == P4Data(.bitstring([2])))
    }

    @Test func unbindableAndAmbiguousProgramsFailVerifyNamingTheObjects() throws {
        let ambiguous = P.spec(
            routeActions: "send_1\n\t\tsend_2\n\t\tNoAction",
            extraActions: "action send_2 args instanceof send_arg_t {\n\tmov m.out_port t.port\n\treturn\n}\n")
            .replacingOccurrences(of: "action send args instanceof send_arg_t {\n\tmov m.out_port t.port\n\treturn\n}\n",
                                  with: "")
        #expect {
            _ = try P.load(spec: ambiguous)
        } throws: { error in
            let message = (error as? P4RuntimeError)?.message ?? ""
            return message.contains("ambiguous") && message.contains("send_1") && message.contains("send_2")
        }
        let missing = P.p4info.replacingOccurrences(of: "ingress.vrf_table", with: "ingress.no_such_table")
        #expect {
            _ = try P.load(p4infoText: missing)
        } throws: { error in
            (error as? P4RuntimeError)?.code == .invalidArgument
                && ((error as? P4RuntimeError)?.message.contains("no_such_table") ?? false)
        }
        #expect {
            _ = try P.load(spec: "struct broken {\n")
        } throws: { error in
            (error as? P4RuntimeError)?.code == .invalidArgument
                && ((error as? P4RuntimeError)?.message.contains("line") ?? false)
        }
    }
}

/// RECONCILE_AND_COMMIT on the software target: entries are replayed, regarray cells survive.
struct ReconcileTests {
    typealias P = SmallProgram

    @Test func reconcileKeepsEntriesAndRegisterCells() throws {
        let (service, device) = try P.load()
        try service.write(WriteRequest(deviceId: 1, updates: [Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
            tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))],
            action: .action(Action(actionId: P.send, params: [.init(paramId: 1, value: [2])]))))))]))
        _ = try device.inject(TestPackets.tcp(src: "1.1.1.1", dst: "10.0.0.1", sport: 1, dport: 2, flags: 2), port: 3)
        try P.reconcile(service)
        let out = try device.inject(TestPackets.tcp(src: "1.1.1.1", dst: "10.0.0.1", sport: 1, dport: 2, flags: 2),
                                    port: 3)
        #expect(out.outputs.map(\.port) == [2])
        #expect(try P.hitsCell(service, index: 3) == P4Data(.bitstring([2])))
    }
}

/// RECONCILE_AND_COMMIT keeps indirect meter configurations (the service replays them from the device).
struct ReconcileMeterTests {
    typealias P = SmallProgram

    @Test func reconcileKeepsIndirectMeterConfigs() throws {
        let (service, device) = try P.load()
        try P.police(service, index: 3, MeterConfig(cir: 1, cburst: 1, pir: 1, pburst: 1))
        let frame = TestPackets.tcp(src: "1.1.1.1", dst: "10.0.0.1", sport: 1, dport: 2, flags: 2)
        // 40 bytes against a 1-byte burst: red, dropped.
        #expect(try device.inject(frame, port: 3).outputs.isEmpty)
        try P.reconcile(service)
        #expect(try device.inject(frame, port: 3).outputs.isEmpty)
        let cells = try P.meterCells(service, MeterEntry(meterId: P.policer, index: .init(3)))
        #expect(cells.first?.config == MeterConfig(cir: 1, cburst: 1, pir: 1, pburst: 1))
    }
}
