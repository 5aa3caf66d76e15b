import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing

/// Direct meters on the software target, through the service: the metarray p4c-dpdk indexes by entry id, on a
/// ternary + range table (which stock P4-DPDK cannot meter), with colours taking effect on traffic and per-colour
/// counters read back. Time is the device's manual clock: packets sent without advancing it arrive at once.
struct DirectMeterTests {
    typealias P = PolicerProgram

    /// 40-byte packets: cburst 2 packets, pburst 4 packets, refilled at 10 and 20 packets per second.
    static let config = MeterConfig(cir: 400, cburst: 80, pir: 800, pburst: 160)
    /// PNA colours as the program stamps them.
    static let green: UInt8 = 1, yellow: UInt8 = 2

    func insert(_ entry: TableEntry) -> Update { Update(type: .insert, entity: Entity(.tableEntry(entry))) }

    func modifyMeter(_ config: MeterConfig?, key: TableEntry = P.policeKey) -> Update {
        Update(type: .modify, entity: Entity(.directMeterEntry(DirectMeterEntry(tableEntry: key, config: config))))
    }

    /// The colours of `count` back-to-back packets (nil: dropped, i.e. red).
    func colours(_ policer: PolicerProgram, _ count: Int, dport: UInt16 = 80) throws -> [UInt8?] {
        try (0..<count).map { _ in try policer.send(dport: dport)?.colour }
    }

    @Test func configGivenAtInsertColoursTrafficAndCountsPerColour() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry(config: Self.config))])
        #expect(try colours(policer, 6) == [Self.green, Self.green, Self.yellow, Self.yellow, nil, nil])
        #expect(try policer.send()?.port == nil)
        let cell = try #require(try policer.policeMeterCell())
        #expect(cell.config == Self.config)
        #expect(cell.counterData == MeterCounterData(green: CounterData(byteCount: 80, packetCount: 2),
                                                     yellow: CounterData(byteCount: 80, packetCount: 2),
                                                     red: CounterData(byteCount: 120, packetCount: 3)))

        // One second later both buckets are full again.
        policer.clock.advance(byNanoseconds: 1_000_000_000)
        let conforming = try #require(try policer.send())
        #expect(conforming.port == 2 && conforming.colour == Self.green)

        // Table entry reads carry the config and the counters too.
        let read = try policer.read(Entity(.tableEntry(TableEntry(tableId: P.policeTable, meterConfig: MeterConfig(),
                                                                  meterCounterData: MeterCounterData()))))
        guard case .tableEntry(let entry)? = read.first?.kind else { Issue.record("no entry read"); return }
        #expect(entry.meterConfig == Self.config)
        #expect(entry.meterCounterData?.green?.packetCount == 3)
    }

    @Test func directMeterEntryModifySetsAndResetsToAllGreen() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry())])
        #expect(try colours(policer, 6).allSatisfy { $0 == Self.green })
        #expect(try policer.policeMeterCell()?.config == nil)

        try policer.write([modifyMeter(Self.config)])
        #expect(try colours(policer, 5) == [Self.green, Self.green, Self.yellow, Self.yellow, nil])
        #expect(try policer.policeMeterCell()?.config == Self.config)
        // The counters restart with the new config.
        #expect(try policer.policeMeterCell()?.counterData?.green?.packetCount == 2)

        try policer.write([modifyMeter(nil)])
        #expect(try colours(policer, 6).allSatisfy { $0 == Self.green })
        let cell = try #require(try policer.policeMeterCell())
        #expect(cell.config == nil)
        #expect(cell.counterData?.green?.packetCount == 6)
        #expect(cell.counterData?.red?.packetCount == 0)
    }

    @Test func everyPartOfAnExpandedRangeIsMeteredAndCountersSumThem() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry(config: Self.config))])
        // 80-87, 88-89 and 90 are three engine entries, each with its own meter cell configured alike.
        for dport: UInt16 in [80, 88, 90] {
            #expect(try colours(policer, 5, dport: dport) == [Self.green, Self.green, Self.yellow, Self.yellow, nil])
        }
        let counters = try #require(try policer.policeMeterCell()?.counterData)
        #expect(counters.green?.packetCount == 6 && counters.yellow?.packetCount == 6)
        #expect(counters.red?.packetCount == 3 && counters.red?.byteCount == 120)
    }

    @Test func exactTablesMeterThroughTheirHashSlots() throws {
        let policer = try P.exactVariant()
        let key = TableEntry(tableId: P.policeTable, match: [FieldMatch(fieldId: 1, .exact(value: [10, 1, 2, 3]))])
        var entry = key
        entry.action = .action(Action(actionId: P.police, params: [.init(paramId: 1, value: [2])]))
        entry.meterConfig = Self.config
        try policer.write([insert(entry)])
        #expect(try colours(policer, 5) == [Self.green, Self.green, Self.yellow, Self.yellow, nil])
        // Another source misses the table: the default action leaves it unmetered.
        #expect(try policer.send(src: "10.9.9.9")?.colour == 0)
        let cells = try policer.read(Entity(.directMeterEntry(DirectMeterEntry(tableEntry: key,
                                                                                counterData: MeterCounterData()))))
        guard case .directMeterEntry(let cell)? = cells.first?.kind else { Issue.record("no meter cell"); return }
        #expect(cell.config == Self.config)
        #expect(cell.counterData?.red == CounterData(byteCount: 40, packetCount: 1))
    }

    @Test func modifyingTheEntryWithoutConfigResetsItsMeter() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry(config: Self.config))])
        #expect(try colours(policer, 5).last == .some(nil))
        // Same config: the meter keeps running (still red).
        try policer.write([Update(type: .modify, entity: Entity(.tableEntry(P.policeEntry(port: 3, config: Self.config))))])
        #expect(try policer.send() == nil)
        // No config in a MODIFY: back to the default, all green, on the new port.
        try policer.write([Update(type: .modify, entity: Entity(.tableEntry(P.policeEntry(port: 3))))])
        let out = try #require(try policer.send())
        #expect(out.port == 3 && out.colour == Self.green)
        #expect(try policer.policeMeterCell()?.config == nil)
    }

    @Test func deletingAndReinsertingResetsTheMeter() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry(config: Self.config))])
        _ = try colours(policer, 6)
        try policer.write([Update(type: .delete, entity: Entity(.tableEntry(P.policeKey))), insert(P.policeEntry())])
        #expect(try colours(policer, 6).allSatisfy { $0 == Self.green })
        let cell = try #require(try policer.policeMeterCell())
        #expect(cell.config == nil)
        #expect(cell.counterData?.green?.packetCount == 6)
        #expect(cell.counterData?.red?.packetCount == 0)
    }

    @Test func rollbackRestoresThePreviousConfig() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry(config: Self.config))])
        let missing = TableEntry(tableId: P.policeTable, match: [FieldMatch(fieldId: 1, .ternary(value: [11, 0, 0, 0],
                                                                                               mask: [255, 0, 0, 0]))],
                                 priority: 10)
        #expect(throws: P4RuntimeError.self) {
            try policer.write([modifyMeter(nil), modifyMeter(Self.config, key: missing)], atomicity: .rollbackOnError)
        }
        #expect(try policer.policeMeterCell()?.config == Self.config)
        #expect(try colours(policer, 5) == [Self.green, Self.green, Self.yellow, Self.yellow, nil])
    }

    @Test func badDirectMeterWritesNameTheProblem() throws {
        let policer = try P()
        try policer.write([insert(P.policeEntry())])
        func failure(_ update: Update) -> P4RuntimeError? {
            do throws(P4RuntimeError) {
                try policer.service.write(WriteRequest(deviceId: 1, updates: [update]))
            } catch {
                return error.details.first.map { P4RuntimeError(code: $0.canonicalCode, message: $0.message) } ?? error
            }
            return nil
        }
        let unknown = failure(modifyMeter(Self.config, key: TableEntry(tableId: 0x0200_0999, match: P.policeKey.match,
                                                                       priority: 10)))
        #expect(unknown?.code == .invalidArgument)
        #expect(unknown?.message.contains("0x02000999 is not a table") == true)

        let route = TableEntry(tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))])
        try policer.write([insert(TableEntry(tableId: P.route, match: route.match,
                                             action: .action(Action(actionId: P.forward, params: [.init(paramId: 1, value: [2])]))))])
        let noMeter = failure(modifyMeter(Self.config, key: route))
        #expect(noMeter?.code == .invalidArgument)
        #expect(noMeter?.message.contains("has no direct meter") == true)

        let stale = failure(modifyMeter(Self.config, key: TableEntry(tableId: P.policeTable, match: P.policeKey.match,
                                                                     priority: 11)))
        #expect(stale?.code == .notFound)

        let zeroRate = failure(modifyMeter(MeterConfig(cir: 0, cburst: 80, pir: 800, pburst: 160)))
        #expect(zeroRate?.code == .invalidArgument)
        #expect(zeroRate?.message.contains("police_table") == true)
        #expect(zeroRate?.message.contains("cir 0") == true)

        let onInsert = failure(insert(TableEntry(tableId: P.route, match: [FieldMatch(fieldId: 1, .lpm(value: [11, 0, 0, 0], prefixLen: 8))],
                                                 action: .action(Action(actionId: P.forward, params: [.init(paramId: 1, value: [2])])),
                                                 meterConfig: Self.config)))
        #expect(onInsert?.code == .invalidArgument)
        #expect(onInsert?.message.contains("no direct meter") == true)
    }

    @Test func aDirectMeterWithoutItsMetarrayFailsVerifyNamingIt() throws {
        let p4info = try P.text("policer.p4info.txt")
            .replacingOccurrences(of: "MainControlImpl.police_meter", with: "MainControlImpl.other_meter")
        #expect {
            _ = try P(p4infoText: p4info)
        } throws: { error in
            let message = (error as? P4RuntimeError)?.message ?? ""
            return (error as? P4RuntimeError)?.code == .invalidArgument && message.contains("other_meter_0")
                && message.contains("police_table")
        }
    }
}

/// Indirect meters report the engine's per-colour counters.
struct IndirectMeterCounterTests {
    typealias P = SmallProgram

    @Test func meterReadsCarryPerColourCounters() throws {
        let (service, device) = try P.load()
        try P.police(service, index: 3, MeterConfig(cir: 1, cburst: 1, pir: 1, pburst: 1))
        let frame = TestPackets.tcp(src: "1.1.1.1", dst: "10.0.0.1", sport: 1, dport: 2, flags: 2)
        #expect(try device.inject(frame, port: 3).outputs.isEmpty)
        _ = try device.inject(frame, port: 2)
        let cells = try P.meterCells(service, MeterEntry(meterId: P.policer, counterData: MeterCounterData()))
        try #require(cells.count == 4)
        #expect(cells[3].counterData?.red == CounterData(byteCount: 40, packetCount: 1))
        #expect(cells[3].counterData?.green == CounterData())
        #expect(cells[2].counterData?.green == CounterData(byteCount: 40, packetCount: 1))
    }
}
