import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Write: table entries (checklist T1–T22, W1–W9)")
struct TableEntryWriteTests {
    typealias T = TestPipeline

    private func code(_ service: P4RuntimeService, _ update: Update) -> CanonicalCode {
        T.codes(service, T.write([update])).first ?? .ok
    }

    @Test func requestLevelChecksComeInOrderWithoutDetails() throws {
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1)
        let update = T.insert(T.exactEntry(1))
        // Unknown device → NOT_FOUND; unknown role → NOT_FOUND; no pipeline → FAILED_PRECONDITION.
        var request = T.write([update])
        request.deviceId = 2
        #expect(T.codes(service, request) == [.notFound])
        #expect(T.codes(service, T.write([update], role: "backup-role")) == [.notFound])
        do {
            try service.write(T.write([update]))
            Issue.record("expected FAILED_PRECONDITION")
        } catch {
            #expect(error.code == .failedPrecondition)
            #expect(error.details.isEmpty)
        }
    }

    @Test func insertReadBackAndDuplicate() throws {
        let (service, _) = try T.service()
        // Padded bytestrings are accepted and stored canonically (G5).
        var padded = T.exactEntry(5, 1)
        padded.match[0] = FieldMatch(fieldId: 1, .exact(value: [0, 0, 0, 5]))
        try service.write(T.write([T.insert(padded)]))
        let read = try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))])
        #expect(read == [Entity(.tableEntry(T.exactEntry(5, 1)))])
        #expect(code(service, T.insert(T.exactEntry(5, 1, port: 9))) == .alreadyExists)
        // The existing entry is unchanged.
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]) == read)
    }

    @Test func modifyAndDeleteNeedAnExistingEntry() throws {
        let (service, _) = try T.service()
        #expect(code(service, T.update(.modify, .tableEntry(T.exactEntry(1)))) == .notFound)
        #expect(code(service, T.update(.delete, .tableEntry(T.exactEntry(1)))) == .notFound)
        try service.write(T.write([T.insert(T.exactEntry(1))]))
        try service.write(T.write([T.update(.modify, .tableEntry(T.exactEntry(1, port: 7)))]))
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))])
            == [Entity(.tableEntry(T.exactEntry(1, port: 7)))])
        // DELETE ignores non-key fields, even nonsensical ones (W4).
        var delete = T.exactEntry(1)
        delete.action = .action(Action(actionId: 0x0100_0999))
        try service.write(T.write([T.update(.delete, .tableEntry(delete))]))
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]).isEmpty)
    }

    @Test func unspecifiedUpdateTypeAndMissingEntityAreInvalid() throws {
        let (service, _) = try T.service()
        #expect(code(service, T.update(.unspecified, .tableEntry(T.exactEntry(1)))) == .invalidArgument)
        #expect(code(service, Update(type: .insert, entity: Entity(nil))) == .invalidArgument)
        #expect(code(service, Update(type: .insert, entity: nil)) == .invalidArgument)
    }

    @Test func unknownTableIsInvalidArgument() throws {
        let (service, _) = try T.service()
        var entry = T.exactEntry(1)
        entry.tableId = 0x0200_0099
        let error = T.firstError(service, T.write([T.insert(entry)]))
        #expect(error?.canonicalCode == .invalidArgument)
        #expect(error?.message.hasPrefix("updates[0].entity.tableEntry.tableId") == true)
        entry.tableId = 0
        #expect(code(service, T.insert(entry)) == .invalidArgument)
    }

    @Test func matchRulesT2toT7() throws {
        let (service, _) = try T.service()
        func lpm(_ value: [UInt8], _ prefix: Int32) -> Update {
            T.insert(TableEntry(tableId: T.lpm, match: [FieldMatch(fieldId: 1, .lpm(value: value, prefixLen: prefix))],
                                action: .action(T.setPortAction(1))))
        }
        // LPM prefix beyond the width: the message names the path, the field and the width.
        let tooLong = T.firstError(service, T.write([T.insert(T.exactEntry(1)), lpm([10, 0, 0, 0], 33)]))
        #expect(tooLong?.canonicalCode == .invalidArgument)
        #expect(tooLong?.message
            == "updates[1].entity.tableEntry.match[0].lpm.prefixLen: 33 exceeds bitwidth 32 of field 'hdr.ipv4.dst' (1)")
        #expect(code(service, lpm([10, 0, 0, 0], 0)) == .invalidArgument)  // don't-care written explicitly (T3)
        #expect(code(service, lpm([10, 0, 0, 1], 8)) == .invalidArgument)  // bits beyond the prefix (T5)
        #expect(code(service, lpm([1, 10, 0, 0, 0], 8)) == .outOfRange)  // wider than 32 bits (G5)
        #expect(code(service, lpm([], 8)) == .outOfRange)  // empty bytestring (G5)
        #expect(code(service, lpm([10, 0, 0, 0], 8)) == .ok)

        // EXACT fields cannot be omitted; unknown and repeated fields and wrong kinds are invalid (T2, T3).
        var missing = T.exactEntry(1)
        missing.match.removeLast()
        #expect(code(service, T.insert(missing)) == .invalidArgument)
        var unknown = T.exactEntry(2)
        unknown.match.append(FieldMatch(fieldId: 9, .exact(value: [1])))
        #expect(code(service, T.insert(unknown)) == .invalidArgument)
        var repeated = T.exactEntry(3)
        repeated.match.append(FieldMatch(fieldId: 1, .exact(value: [3])))
        #expect(code(service, T.insert(repeated)) == .invalidArgument)
        var wrongKind = T.exactEntry(4)
        wrongKind.match[0] = FieldMatch(fieldId: 1, .ternary(value: [4], mask: [0xff]))
        #expect(code(service, T.insert(wrongKind)) == .invalidArgument)
        var noKind = T.exactEntry(5)
        noKind.match[0] = FieldMatch(fieldId: 1, nil)
        #expect(code(service, T.insert(noKind)) == .invalidArgument)

        func acl(_ match: [FieldMatch], priority: Int32 = 10) -> Update {
            T.insert(TableEntry(tableId: T.acl, match: match, action: .action(T.setPortAction(2)), priority: priority))
        }
        #expect(code(service, acl([FieldMatch(fieldId: 1, .ternary(value: [0x08, 0], mask: [0]))])) == .invalidArgument)
        #expect(code(service, acl([FieldMatch(fieldId: 1, .ternary(value: [0x08, 1], mask: [0xff, 0]))]))
            == .invalidArgument)  // value & mask != value (T6)
        #expect(code(service, acl([FieldMatch(fieldId: 2, .range(low: [9], high: [8]))])) == .invalidArgument)
        #expect(code(service, acl([FieldMatch(fieldId: 2, .range(low: [0], high: [0xff, 0xff]))])) == .invalidArgument)
        #expect(code(service, acl([FieldMatch(fieldId: 3, .optional(value: [6]))])) == .ok)
        #expect(code(service, acl([FieldMatch(fieldId: 1, .ternary(value: [0x08, 0], mask: [0xff, 0]))])) == .ok)
        #expect(code(service, acl([FieldMatch(fieldId: 2, .range(low: [1], high: [0x10, 0]))])) == .ok)
    }

    @Test func priorityRulesT8() throws {
        let (service, _) = try T.service()
        let match = [FieldMatch(fieldId: 3, .optional(value: [17]))]
        #expect(code(service, T.insert(TableEntry(tableId: T.acl, match: match, action: .action(T.setPortAction(1)))))
            == .invalidArgument)
        var exact = T.exactEntry(1)
        exact.priority = 5
        #expect(code(service, T.insert(exact)) == .invalidArgument)
        // Same match, different priorities: two entries (the key includes the priority, T9).
        for priority: Int32 in [1, 2] {
            #expect(code(service, T.insert(TableEntry(tableId: T.acl, match: match, action: .action(T.setPortAction(1)),
                                                      priority: priority))) == .ok)
        }
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.acl))]).count == 2)
    }

    @Test func keylessConstAndIsConstRulesT10T12T18() throws {
        let (service, _) = try T.service()
        #expect(code(service, T.insert(TableEntry(tableId: T.keyless, action: .action(T.setPortAction(1)))))
            == .invalidArgument)
        let constEntry = TableEntry(tableId: T.constTable, match: [FieldMatch(fieldId: 1, .exact(value: [1]))],
                                    action: .action(T.setPortAction(1)))
        #expect(code(service, T.insert(constEntry)) == .permissionDenied)
        #expect(code(service, T.update(.modify, .tableEntry(constEntry))) == .permissionDenied)
        #expect(code(service, T.update(.delete, .tableEntry(constEntry))) == .permissionDenied)
        var isConst = T.exactEntry(1)
        isConst.isConst = true
        #expect(code(service, T.insert(isConst)) == .invalidArgument)
    }

    @Test func actionRulesT13toT15() throws {
        let (service, _) = try T.service()
        var noAction = T.exactEntry(1)
        noAction.action = nil
        #expect(code(service, T.insert(noAction)) == .invalidArgument)
        var emptyAction = T.exactEntry(1)
        emptyAction.action = TableAction(nil)
        #expect(code(service, T.insert(emptyAction)) == .invalidArgument)
        var notInTable = T.exactEntry(1)
        notInTable.action = .action(Action(actionId: 0x0100_0042))
        #expect(code(service, T.insert(notInTable)) == .invalidArgument)
        var defaultOnly = T.exactEntry(1)
        defaultOnly.action = .action(Action(actionId: T.defaultOnly))
        #expect(code(service, T.insert(defaultOnly)) == .permissionDenied)
        var missingParam = T.exactEntry(1)
        missingParam.action = .action(Action(actionId: T.setPort))
        #expect(code(service, T.insert(missingParam)) == .invalidArgument)
        var extraParam = T.exactEntry(1)
        extraParam.action = .action(Action(actionId: T.drop, params: [Action.Param(paramId: 1, value: [1])]))
        #expect(code(service, T.insert(extraParam)) == .invalidArgument)
        var wideParam = T.exactEntry(1)
        wideParam.action = .action(Action(actionId: T.setPort, params: [Action.Param(paramId: 1, value: [2, 0])]))
        let wide = T.firstError(service, T.write([T.insert(wideParam)]))
        #expect(wide?.canonicalCode == .outOfRange)
        #expect(wide?.message.contains("parameter 'port'") == true)
        var member = T.exactEntry(1)
        member.action = .member(1)
        #expect(code(service, T.insert(member)) == .invalidArgument)
        // MODIFY without an action keeps the stored one.
        try service.write(T.write([T.insert(T.exactEntry(1, port: 3))]))
        var keep = T.exactEntry(1)
        keep.action = nil
        keep.metadata = [1, 2]
        try service.write(T.write([T.update(.modify, .tableEntry(keep))]))
        var expected = T.exactEntry(1, port: 3)
        expected.metadata = [1, 2]
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.exact))]) == [Entity(.tableEntry(expected))])
    }

    @Test func defaultEntryRulesT17() throws {
        let (service, _) = try T.service()
        let initial = try T.read(service, [.tableEntry(TableEntry(tableId: T.lpm, isDefaultAction: true))])
        #expect(initial == [Entity(.tableEntry(TableEntry(tableId: T.lpm, action: .action(Action(actionId: T.drop)),
                                                         isDefaultAction: true)))])
        let setDefault = TableEntry(tableId: T.lpm, action: .action(T.setPortAction(4)), isDefaultAction: true)
        #expect(code(service, T.insert(setDefault)) == .invalidArgument)
        #expect(code(service, T.update(.delete, .tableEntry(setDefault))) == .invalidArgument)
        #expect(code(service, T.update(.modify, .tableEntry(setDefault))) == .ok)
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.lpm, isDefaultAction: true))])
            == [Entity(.tableEntry(setDefault))])
        // Plain wildcard reads do not include default entries.
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.lpm))]).isEmpty)
        // MODIFY with no action resets to the program's initial default.
        try service.write(T.write([T.update(.modify, .tableEntry(TableEntry(tableId: T.lpm, isDefaultAction: true)))]))
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.lpm, isDefaultAction: true))]) == initial)
        // DEFAULT_ONLY actions are fine here; TABLE_ONLY would not be; const defaults are PERMISSION_DENIED.
        #expect(code(service, T.update(.modify, .tableEntry(TableEntry(
            tableId: T.lpm, action: .action(Action(actionId: T.defaultOnly)), isDefaultAction: true)))) == .ok)
        #expect(code(service, T.update(.modify, .tableEntry(TableEntry(
            tableId: T.constTable, action: .action(T.setPortAction(1)), isDefaultAction: true)))) == .permissionDenied)
        var withMatch = setDefault
        withMatch.match = [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))]
        #expect(code(service, T.update(.modify, .tableEntry(withMatch))) == .invalidArgument)
        var withTimeout = setDefault
        withTimeout.idleTimeoutNs = 5
        #expect(code(service, T.update(.modify, .tableEntry(withTimeout))) == .invalidArgument)
    }

    @Test func tableCapacityIsTheP4InfoSizeT11() throws {
        let (service, _) = try T.service()
        let updates = (0..<5).map { T.insert(T.lpmEntry(UInt64($0) << 24, 8)) }
        #expect(T.codes(service, T.write(updates)) == [.ok, .ok, .ok, .ok, .resourceExhausted])
        let full = T.firstError(service, T.write([T.insert(T.lpmEntry(9 << 24, 8))]))
        #expect(full?.message.contains("ingress.ipv4_lpm") == true)
    }

    @Test func idleTimeoutAndDirectResourceRulesT21T22() throws {
        let (service, _) = try T.service()
        var idle = T.exactEntry(1)
        idle.idleTimeoutNs = 1_000
        #expect(code(service, T.insert(idle)) == .invalidArgument)  // table is NO_TIMEOUT
        var hit = T.lpmEntry(10 << 24, 8)
        hit.timeSinceLastHit = TableEntry.IdleTimeout()
        #expect(code(service, T.insert(hit)) == .invalidArgument)
        var counter = T.exactEntry(2)
        counter.counterData = CounterData(byteCount: 1)
        #expect(code(service, T.insert(counter)) == .invalidArgument)  // no direct counter on that table
        var meter = T.lpmEntry(10 << 24, 8)
        meter.meterConfig = MeterConfig(cir: 1, cburst: 1, pir: 1, pburst: 1)
        #expect(code(service, T.insert(meter)) == .invalidArgument)  // no direct meter on lpm
        // srTCM: pir must equal cir (C4); per-colour counters may only be reset.
        func acl(_ config: MeterConfig?, counters: MeterCounterData? = nil) -> Update {
            T.insert(TableEntry(tableId: T.acl, match: [FieldMatch(fieldId: 3, .optional(value: [6]))],
                                action: .action(T.setPortAction(1)), priority: 1, meterConfig: config,
                                meterCounterData: counters))
        }
        #expect(code(service, acl(MeterConfig(cir: 10, cburst: 1, pir: 20, pburst: 1))) == .invalidArgument)
        #expect(code(service, acl(nil, counters: MeterCounterData(green: CounterData(packetCount: 1))))
            == .invalidArgument)
        #expect(code(service, acl(MeterConfig(cir: 10, cburst: 2, pir: 10, pburst: 2))) == .ok)
        var withCounter = T.lpmEntry(10 << 24, 8, idleTimeoutNs: 5_000)
        withCounter.counterData = CounterData(byteCount: 100, packetCount: 2)
        withCounter.controllerMetadata = 77
        withCounter.metadata = [0xca, 0xfe]
        #expect(code(service, T.insert(withCounter)) == .ok)
        var request = TableEntry(tableId: T.lpm)
        request.counterData = CounterData()
        let read = try T.read(service, [.tableEntry(request)])
        #expect(read == [Entity(.tableEntry(withCounter))])
        // Without asking, no counter data comes back (RD5).
        var plain = withCounter
        plain.counterData = nil
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.lpm))]) == [Entity(.tableEntry(plain))])
    }
}
