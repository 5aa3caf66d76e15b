import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Write and read: counters, meters, registers, value sets, digests, replication (C1–C6, R1, V1, D1, M1, M2)")
struct CellWriteTests {
    typealias T = TestPipeline

    @Test func countersAreModifyOnlyWithIndexRulesC1() throws {
        let (service, _) = try T.service()
        let data = CounterData(byteCount: 64, packetCount: 1)
        func counter(_ type: UpdateType, _ index: Index?, _ data: CounterData? = data) -> Update {
            T.update(type, .counterEntry(CounterEntry(counterId: T.counter, index: index, data: data)))
        }
        #expect(T.codes(service, T.write([counter(.insert, Index(0)), counter(.delete, Index(0))]))
            == [.invalidArgument, .invalidArgument])
        #expect(T.codes(service, T.write([counter(.modify, Index(-1)), counter(.modify, Index(8))]))
            == [.invalidArgument, .outOfRange])
        try service.write(T.write([counter(.modify, Index(2))]))
        let cell = try T.read(service, [.counterEntry(CounterEntry(counterId: T.counter, index: Index(2)))])
        #expect(cell == [Entity(.counterEntry(CounterEntry(counterId: T.counter, index: Index(2), data: data)))])
        // Index unset sets every cell; data unset changes nothing.
        try service.write(T.write([counter(.modify, nil, CounterData(packetCount: 5)), counter(.modify, Index(1), nil)]))
        let all = try T.read(service, [.counterEntry(CounterEntry(counterId: T.counter))])
        #expect(all.count == 8)
        #expect(all.allSatisfy { entity in
            if case .counterEntry(let entry)? = entity.kind { return entry.data == CounterData(packetCount: 5) }
            return false
        })
        // Every counter of the pipeline with id 0 (RD6).
        #expect(try T.read(service, [.counterEntry(CounterEntry())]).count == 8)
    }

    @Test func directCountersAddressAnEntryC3() throws {
        let (service, _) = try T.service()
        let key = T.lpmEntry(10 << 24, 8)
        func direct(_ entry: TableEntry, _ type: UpdateType = .modify) -> Update {
            T.update(type, .directCounterEntry(DirectCounterEntry(tableEntry: entry, data: CounterData(packetCount: 3))))
        }
        #expect(T.codes(service, T.write([direct(key)])) == [.notFound])
        try service.write(T.write([T.insert(key), T.insert(T.lpmEntry(11 << 24, 8))]))
        #expect(T.codes(service, T.write([direct(key, .insert)])) == [.invalidArgument])
        #expect(T.codes(service, T.write([direct(key)])) == [.ok])
        #expect(T.codes(service, T.write([direct(T.exactEntry(1))])) == [.notFound])
        // Whole-table wildcard (PI's form, §2.3(c)) and every-table wildcard (extension).
        let table = try T.read(service, [.directCounterEntry(DirectCounterEntry(tableEntry: TableEntry(tableId: T.lpm)))])
        #expect(table.count == 2)
        #expect(try T.read(service, [.directCounterEntry(DirectCounterEntry())]).count == 2)
        var request = key
        request.action = nil
        let one = try T.read(service, [.directCounterEntry(DirectCounterEntry(tableEntry: request))])
        var expectedKey = key
        expectedKey.action = nil
        #expect(one == [Entity(.directCounterEntry(DirectCounterEntry(tableEntry: expectedKey,
                                                                      data: CounterData(packetCount: 3))))])
        do {
            _ = try T.read(service, [.directCounterEntry(DirectCounterEntry(tableEntry: TableEntry(tableId: T.exact)))])
            Issue.record("expected INVALID_ARGUMENT")
        } catch {
            #expect(error.details.first?.canonicalCode == .invalidArgument)
        }
    }

    @Test func metersC4C5() throws {
        let (service, _) = try T.service()
        let config = MeterConfig(cir: 1000, cburst: 100, pir: 2000, pburst: 200)
        func meter(_ index: Index?, _ config: MeterConfig?, _ type: UpdateType = .modify) -> Update {
            T.update(type, .meterEntry(MeterEntry(meterId: T.meter, index: index, config: config)))
        }
        #expect(T.codes(service, T.write([meter(Index(0), config, .insert)])) == [.invalidArgument])
        #expect(T.codes(service, T.write([meter(Index(4), config)])) == [.outOfRange])
        #expect(T.codes(service, T.write([meter(Index(0), MeterConfig(cir: 1, cburst: 1, pir: 1, pburst: 1, eburst: 5))]))
            == [.invalidArgument])  // trTCM has no eburst
        try service.write(T.write([meter(Index(1), config)]))
        #expect(try T.read(service, [.meterEntry(MeterEntry(meterId: T.meter, index: Index(1)))])
            == [Entity(.meterEntry(MeterEntry(meterId: T.meter, index: Index(1), config: config)))])
        // Config unset resets to the default (read back without a config).
        try service.write(T.write([meter(Index(1), nil)]))
        #expect(try T.read(service, [.meterEntry(MeterEntry(meterId: T.meter, index: Index(1)))])
            == [Entity(.meterEntry(MeterEntry(meterId: T.meter, index: Index(1))))])
    }

    @Test func registersFollowTheirTypeSpecR1() throws {
        let (service, _) = try T.service()
        func register(_ id: RegisterID, _ index: Index?, _ data: P4Data?, _ type: UpdateType = .modify) -> Update {
            T.update(type, .registerEntry(RegisterEntry(registerId: id, index: index, data: data)))
        }
        let value = P4Data(.bitstring([0x0f, 0xff]))
        #expect(T.codes(service, T.write([register(T.register, Index(0), value, .insert)])) == [.invalidArgument])
        #expect(T.codes(service, T.write([register(T.register, Index(0), P4Data(.bitstring([0x10, 0])))]))
            == [.outOfRange])  // 13 bits in a bit<12> register
        #expect(T.codes(service, T.write([register(T.register, Index(16), value)])) == [.outOfRange])
        #expect(T.codes(service, T.write([register(T.register, Index(0), P4Data(.bool(true)))])) == [.invalidArgument])
        #expect(T.codes(service, T.write([register(T.register, Index(0), nil)])) == [.invalidArgument])
        try service.write(T.write([register(T.register, Index(3), P4Data(.bitstring([0, 0, 7])))]))
        #expect(try T.read(service, [.registerEntry(RegisterEntry(registerId: T.register, index: Index(3)))])
            == [Entity(.registerEntry(RegisterEntry(registerId: T.register, index: Index(3),
                                                    data: P4Data(.bitstring([7])))))])
        // Fresh cells hold the type's zero value; index unset reads (and writes) every cell.
        let pair = P4Data(.struct(P4StructLike(members: [P4Data(.bitstring([9])), P4Data(.bool(true))])))
        try service.write(T.write([register(T.structRegister, nil, pair)]))
        let pairs = try T.read(service, [.registerEntry(RegisterEntry(registerId: T.structRegister))])
        #expect(pairs.count == 2)
        #expect(pairs.allSatisfy { entity in
            if case .registerEntry(let entry)? = entity.kind { return entry.data == pair }
            return false
        })
        #expect(try T.read(service, [.registerEntry(RegisterEntry())]).count == 18)
    }

    @Test func valueSetsV1() throws {
        let (service, _) = try T.service()
        func members(_ values: [[UInt8]]) -> ValueSetEntry {
            ValueSetEntry(valueSetId: T.valueSet, members: values.map {
                ValueSetMember(match: [FieldMatch(fieldId: 1, .exact(value: $0))])
            })
        }
        #expect(T.codes(service, T.write([T.update(.insert, .valueSetEntry(members([[1]])))])) == [.invalidArgument])
        #expect(T.codes(service, T.write([T.update(.modify, .valueSetEntry(members([[1], [2], [3]])))]))
            == [.resourceExhausted])
        #expect(T.codes(service, T.write([T.update(.modify, .valueSetEntry(members([[1], [0, 1]])))]))
            == [.alreadyExists])
        try service.write(T.write([T.update(.modify, .valueSetEntry(members([[0x12, 0xb5], [0, 80]])))]))
        #expect(try T.read(service, [.valueSetEntry(ValueSetEntry())]) == [Entity(.valueSetEntry(members([[0x12, 0xb5], [80]])))])
    }

    @Test func digestsD1() throws {
        let (service, _) = try T.service()
        let config = DigestEntry.Config(maxTimeoutNs: 1_000_000, maxListSize: 10, ackTimeoutNs: 5_000_000)
        func digest(_ type: UpdateType, _ config: DigestEntry.Config?, id: DigestID = T.digest) -> Update {
            T.update(type, .digestEntry(DigestEntry(digestId: id, config: config)))
        }
        #expect(T.codes(service, T.write([digest(.modify, config), digest(.delete, nil)])) == [.notFound, .notFound])
        #expect(T.codes(service, T.write([digest(.insert, config), digest(.insert, config)])) == [.ok, .alreadyExists])
        #expect(T.codes(service, T.write([digest(.insert, config, id: 0x1700_0009)])) == [.notFound])
        #expect(try T.read(service, [.digestEntry(DigestEntry())])
            == [Entity(.digestEntry(DigestEntry(digestId: T.digest, config: config)))])
        #expect(T.codes(service, T.write([digest(.delete, nil)])) == [.ok])
        #expect(try T.read(service, [.digestEntry(DigestEntry())]).isEmpty)
    }

    @Test func replicationEntriesM1M2() throws {
        let (service, _) = try T.service()
        let group = MulticastGroupEntry(multicastGroupId: 1, replicas: [
            Replica(portKind: .port([1]), instance: 0),
            Replica(portKind: .port([2]), instance: 0, backupReplicas: [BackupReplica(port: [3]), BackupReplica(port: [4])]),
        ])
        func pre(_ type: UpdateType, _ kind: PacketReplicationEngineEntry.Kind) -> Update {
            T.update(type, .packetReplicationEngineEntry(PacketReplicationEngineEntry(kind)))
        }
        #expect(T.codes(service, T.write([pre(.insert, .multicastGroupEntry(group)), pre(.insert, .multicastGroupEntry(group))]))
            == [.ok, .alreadyExists])
        var duplicate = group
        duplicate.multicastGroupId = 2
        duplicate.replicas.append(Replica(portKind: .port([0, 1]), instance: 0))
        #expect(T.codes(service, T.write([pre(.insert, .multicastGroupEntry(duplicate))])) == [.invalidArgument])
        #expect(T.codes(service, T.write([pre(.insert, .multicastGroupEntry(MulticastGroupEntry()))])) == [.invalidArgument])
        #expect(T.codes(service, T.write([pre(.insert, .cloneSessionEntry(CloneSessionEntry(sessionId: 0)))]))
            == [.invalidArgument])
        // Backup order is preserved on read (G3).
        #expect(try T.read(service, [.packetReplicationEngineEntry(PacketReplicationEngineEntry(
            .multicastGroupEntry(MulticastGroupEntry())))]) == [Entity(.packetReplicationEngineEntry(
                PacketReplicationEngineEntry(.multicastGroupEntry(group))))])
    }

    @Test func externEntriesAreUnimplemented() throws {
        let (service, _) = try T.service()
        let extern = T.update(.insert, .externEntry(ExternEntry(externTypeId: 0x81, externId: 1)))
        #expect(T.codes(service, T.write([extern])) == [.unimplemented])
    }

    @Test func directMetersC6() throws {
        let (service, _) = try T.service()
        let key = TableEntry(tableId: T.acl, match: [FieldMatch(fieldId: 3, .optional(value: [6]))], priority: 5)
        var entry = key
        entry.action = .action(T.setPortAction(1))
        let config = MeterConfig(cir: 100, cburst: 10, pir: 100, pburst: 10)
        func direct(_ type: UpdateType, _ config: MeterConfig?, counters: MeterCounterData? = nil) -> Update {
            T.update(type, .directMeterEntry(DirectMeterEntry(tableEntry: key, config: config, counterData: counters)))
        }
        #expect(T.codes(service, T.write([direct(.modify, config)])) == [.notFound])
        try service.write(T.write([T.insert(entry)]))
        #expect(T.codes(service, T.write([direct(.insert, config)])) == [.invalidArgument])
        #expect(T.codes(service, T.write([direct(.modify, config, counters: MeterCounterData(red: CounterData(byteCount: 1)))]))
            == [.invalidArgument])
        #expect(T.codes(service, T.write([direct(.modify, config, counters: MeterCounterData(red: CounterData()))])) == [.ok])
        let read = try T.read(service, [.directMeterEntry(DirectMeterEntry(tableEntry: key))])
        #expect(read == [Entity(.directMeterEntry(DirectMeterEntry(tableEntry: key, config: config)))])
        // Through the table entry: meter_config only when asked, omitted when default (RD5).
        var request = TableEntry(tableId: T.acl)
        request.meterConfig = MeterConfig()
        guard case .tableEntry(let withMeter)? = try T.read(service, [.tableEntry(request)]).first?.kind else {
            Issue.record("no entry")
            return
        }
        #expect(withMeter.meterConfig == config)
        #expect(T.codes(service, T.write([direct(.modify, nil)])) == [.ok])  // unset config resets to default
        guard case .tableEntry(let reset)? = try T.read(service, [.tableEntry(request)]).first?.kind else { return }
        #expect(reset.meterConfig == nil)
        // A table without a direct meter.
        let lpmKey = T.lpmEntry(10 << 24, 8)
        try service.write(T.write([T.insert(lpmKey)]))
        #expect(T.codes(service, T.write([T.update(.modify, .directMeterEntry(DirectMeterEntry(tableEntry: lpmKey,
                                                                                              config: config)))]))
            == [.invalidArgument])
    }

    @Test func cloneSessionsM2() throws {
        let (service, _) = try T.service()
        let session = CloneSessionEntry(sessionId: 5, replicas: [Replica(portKind: .egressPort(3), instance: 1)],
                                        classOfService: 2, packetLengthBytes: 128)
        func pre(_ type: UpdateType, _ entry: CloneSessionEntry) -> Update {
            T.update(type, .packetReplicationEngineEntry(PacketReplicationEngineEntry(.cloneSessionEntry(entry))))
        }
        #expect(T.codes(service, T.write([pre(.modify, session)])) == [.notFound])
        #expect(T.codes(service, T.write([pre(.insert, session)])) == [.ok])
        var negative = session
        negative.packetLengthBytes = -1
        #expect(T.codes(service, T.write([pre(.modify, negative)])) == [.invalidArgument])
        #expect(try T.read(service, [.packetReplicationEngineEntry(PacketReplicationEngineEntry(
            .cloneSessionEntry(CloneSessionEntry())))]) == [Entity(.packetReplicationEngineEntry(
                PacketReplicationEngineEntry(.cloneSessionEntry(session))))])
        #expect(T.codes(service, T.write([pre(.delete, CloneSessionEntry(sessionId: 5))])) == [.ok])
        #expect(T.codes(service, T.write([pre(.delete, CloneSessionEntry(sessionId: 5))])) == [.notFound])
    }
}
