import P4Device
import P4Model
import P4RuntimeService
@testable import SoftwareTarget
import Testing
import TestSupport

/// A failing operation in a write batch leaves the target's control-plane maps (TargetState) and the engine's
/// tables exactly as they were: ROLLBACK_ON_ERROR undoes the whole batch, CONTINUE_ON_ERROR keeps the operations
/// around the failing one. The failures are chosen to fail late (after a dense id was taken or an engine step
/// was made) wherever the entity kind allows it.
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct FailedOperationStateTests {
    typealias K = K8sDataplane

    /// Everything the target holds for the running pipeline, in a stable order: TargetState's maps and pools
    /// (dense id pools print their next id and free list) and every engine table and selector group.
    static func fingerprint(_ device: SoftwareTargetDevice) -> [String] {
        guard let active = device.exclusive({ device.active }) else { return [] }
        let s = active.state
        var lines: [String] = []
        for (table, installed) in s.entries { for (handle, entry) in installed { lines.append("entry \(table) \(handle) \(entry)") } }
        for (id, profile) in s.profiles {
            lines.append("pools \(id) \(profile.memberPool) \(profile.groupPool)")
            for (member, value) in profile.members { lines.append("member \(id) \(member) \(value)") }
            for (group, dense) in profile.groups { lines.append("group \(id) \(group) \(dense)") }
        }
        for (id, meter) in s.meters {
            lines.append("meter \(id) fill \(String(describing: meter.fill))")
            for (index, config) in meter.cells { lines.append("meter \(id) \(index) \(String(describing: config))") }
        }
        for (table, keys) in s.controllerLearnerKeys { for key in keys { lines.append("learner \(table) \(key)") } }
        for (table, index) in s.idle { lines.append("idle \(table) \(index.words) \(index.moreIDs.sorted { $0.key < $1.key })") }
        for table in active.engine.program.tables {
            lines.append("engine \(table.name) " + ((try? active.engine.exportEntries(ofTable: table.name)) ?? "?"))
        }
        for selector in active.engine.program.selectors {
            for group in 0..<UInt32(min(selector.groupCountMax, 256)) {
                let members = (try? active.engine.selectorGroupMembers(selector.name, group: group)) ?? []
                if !members.isEmpty { lines.append("selector \(selector.name) \(group) \(members)") }
            }
        }
        return lines.sorted()
    }

    /// Writes `updates` expecting a failure; returns the state after it.
    static func failing(_ k8s: K, _ updates: [Update], _ atomicity: Atomicity) -> [String] {
        #expect(throws: (any Error).self) {
            try k8s.service.write(WriteRequest(deviceId: K.deviceId, updates: updates, atomicity: atomicity))
        }
        return fingerprint(k8s.device)
    }

    static func insert(_ entity: Entity) -> Update { Update(type: .insert, entity: entity) }

    /// Per entity kind: a valid operation, then one that fails late.
    static func cases(_ k8s: K) -> [(String, [Update])] {
        let ip = TestPackets.ipv4
        let profile = k8s.profile("as_sl3_tcp")
        let validEntry = insert(k8s.entry("write_dest_ip_table", [K.bytes(9, width: 3)],
                                          .action(k8s.act("update_dst_ip", [ip("10.244.9.9"), K.bytes(8080, width: 2)]))))
        let badSet = ActionProfileActionSet(actionProfileActions: [
            ActionProfileAction(action: k8s.act("set_default_lb_dest", [K.bytes(1, width: 3)]), weight: 1),
            ActionProfileAction(action: k8s.act("set_default_lb_dest", [K.bytes(2, width: 3)]), weight: 1),
            ActionProfileAction(action: Action(actionId: ActionID(rawValue: 1)), weight: 1)])
        return [
            ("entry", [validEntry, insert(k8s.entry("write_dest_ip_table", [K.bytes(1, width: 3)],
                .action(k8s.act("update_dst_ip", [ip("10.244.9.9"), K.bytes(8080, width: 2)]))))]),
            ("one-shot selector", [validEntry, insert(k8s.entry("tx_balance_tcp", [ip("10.96.0.11"), K.bytes(80, width: 2)],
                                                                 .actionSet(badSet)))]),
            ("member", [insert(Entity(.actionProfileMember(ActionProfileMember(
                actionProfileId: profile, memberId: 200, action: k8s.act("set_default_lb_dest", [K.bytes(3, width: 3)]))))),
                        insert(Entity(.actionProfileMember(ActionProfileMember(
                            actionProfileId: profile, memberId: 100, action: k8s.act("set_default_lb_dest", [K.bytes(3, width: 3)])))))]),
            ("group", [validEntry, insert(Entity(.actionProfileGroup(ActionProfileGroup(
                actionProfileId: profile, groupId: 8, members: [.init(memberId: 100, weight: 1), .init(memberId: 999, weight: 1)]))))]),
        ]
    }

    @Test func rollbackOnErrorLeavesEverythingAsBefore() throws {
        let k8s = try K()
        try k8s.programClusterIP()
        let before = Self.fingerprint(k8s.device)
        #expect(!before.isEmpty)
        for (kind, updates) in Self.cases(k8s) {
            let after = Self.failing(k8s, updates, .rollbackOnError)
            #expect(after == before, "\(kind): \(Set(after).symmetricDifference(before).sorted())")
        }
    }

    /// Every kind of operation that succeeded before the failing one is undone: modified and deleted entries (a
    /// one-shot entry's hidden group and members included), inserted, modified and deleted members, inserted,
    /// modified and deleted groups.
    @Test func rollbackOnErrorUndoesEverySucceededOperationKind() throws {
        let ip = TestPackets.ipv4
        for oneShot in [false, true] {
            let k8s = try K()
            try k8s.programClusterIP(oneShot: oneShot)
            let before = Self.fingerprint(k8s.device)
            let profile = k8s.profile("as_sl3_tcp")
            func update(_ type: UpdateType, _ entity: Entity) -> Update { Update(type: type, entity: entity) }
            func member(_ id: UInt32, _ dest: UInt64) -> Entity {
                Entity(.actionProfileMember(ActionProfileMember(actionProfileId: profile, memberId: ActionProfileMemberID(rawValue: id),
                                                                action: k8s.act("set_default_lb_dest", [K.bytes(dest, width: 3)]))))
            }
            var updates = [
                update(.modify, k8s.entry("write_dest_ip_table", [K.bytes(1, width: 3)],
                                          .action(k8s.act("update_dst_ip", [ip("10.244.7.7"), K.bytes(9090, width: 2)])))),
                update(.delete, k8s.entry("ipv4_to_port_table", [ip(K.client)],
                                          .action(k8s.act("set_dest_mac_vport", [K.bytes(0, width: 4), [0x02, 0, 0, 0, 0, 1]])))),
                update(.insert, member(300, 5)),
                update(.insert, Entity(.actionProfileGroup(ActionProfileGroup(actionProfileId: profile, groupId: 9,
                                                                             members: [.init(memberId: 300, weight: 1)])))),
                update(.modify, Entity(.actionProfileGroup(ActionProfileGroup(actionProfileId: profile, groupId: 9,
                                                                             members: [.init(memberId: 300, weight: 2)])))),
                update(.delete, Entity(.actionProfileGroup(ActionProfileGroup(actionProfileId: profile, groupId: 9)))),
                update(.delete, member(300, 5)),
            ]
            if oneShot {
                let set = ActionProfileActionSet(actionProfileActions: [
                    ActionProfileAction(action: k8s.act("set_default_lb_dest", [K.bytes(4, width: 3)]), weight: 1)])
                updates.append(update(.modify, k8s.entry("tx_balance_tcp", [ip(K.vip), K.bytes(80, width: 2)], .actionSet(set))))
            } else {
                updates.append(update(.modify, member(100, 6)))
                updates.append(update(.modify, Entity(.actionProfileGroup(ActionProfileGroup(
                    actionProfileId: profile, groupId: 7, members: [.init(memberId: 101, weight: 1)])))))
            }
            // Fails: the key exists.
            updates.append(update(.insert, k8s.entry("write_dest_ip_table", [K.bytes(2, width: 3)],
                                                     .action(k8s.act("update_dst_ip", [ip("10.244.9.9"), K.bytes(8080, width: 2)])))))
            let after = Self.failing(k8s, updates, .rollbackOnError)
            #expect(after == before, "one-shot \(oneShot): \(Set(after).symmetricDifference(before).sorted())")
        }
    }

    @Test func continueOnErrorLeavesNothingOfTheFailingOperation() throws {
        for (index, (kind, updates)) in Self.cases(try K()).enumerated() {
            // The valid first operation alone, then the batch on a fresh target: the failing one adds nothing.
            let reference = try K()
            try reference.programClusterIP()
            try reference.service.write(WriteRequest(deviceId: K.deviceId, updates: [updates[0]]))
            let k8s = try K()
            try k8s.programClusterIP()
            let after = Self.failing(k8s, Array(Self.cases(k8s)[index].1), .continueOnError)
            let expected = Self.fingerprint(reference.device)
            #expect(after == expected, "\(kind): \(Set(after).symmetricDifference(expected).sorted())")
        }
    }

    @Test func aFailingMeterWriteLeavesTheMeterAndTheMapsAsBefore() throws {
        let policer = try PolicerProgram()
        try policer.write([Update(type: .insert, entity: Entity(.tableEntry(PolicerProgram.policeEntry(
            config: DirectMeterTests.config))))])
        let before = Self.fingerprint(policer.device)
        let missing = TableEntry(tableId: PolicerProgram.policeTable, match: [FieldMatch(fieldId: 1, .ternary(
            value: [11, 0, 0, 0], mask: [255, 0, 0, 0]))], priority: 10)
        for atomicity in [Atomicity.rollbackOnError, .continueOnError] {
            #expect(throws: (any Error).self) {
                try policer.write([
                    Update(type: .modify, entity: Entity(.directMeterEntry(DirectMeterEntry(
                        tableEntry: missing, config: DirectMeterTests.config))))], atomicity: atomicity)
            }
            #expect(Self.fingerprint(policer.device) == before)
        }
        #expect(throws: (any Error).self) {
            try policer.write([
                Update(type: .modify, entity: Entity(.directMeterEntry(DirectMeterEntry(
                    tableEntry: PolicerProgram.policeKey, config: nil)))),
                Update(type: .modify, entity: Entity(.directMeterEntry(DirectMeterEntry(
                    tableEntry: missing, config: DirectMeterTests.config))))], atomicity: .rollbackOnError)
        }
        #expect(Self.fingerprint(policer.device) == before)
    }

    /// Operations the service would refuse before the device, sent to the device directly so they fail after the
    /// device took a dense id: a one-shot set whose third action does not exist, a group naming an unknown member.
    @Test func lateDeviceFailuresPutTheIdPoolsBack() throws {
        let k8s = try K()
        try k8s.programClusterIP()
        let before = Self.fingerprint(k8s.device)
        let profile = k8s.profile("as_sl3_tcp")
        let set = ActionProfileActionSet(actionProfileActions: [
            ActionProfileAction(action: k8s.act("set_default_lb_dest", [K.bytes(1, width: 3)]), weight: 1),
            ActionProfileAction(action: k8s.act("set_default_lb_dest", [K.bytes(2, width: 3)]), weight: 1),
            ActionProfileAction(action: Action(actionId: ActionID(rawValue: 1)), weight: 1)])
        guard case .tableEntry(let oneShot) = k8s.entry("tx_balance_tcp", [TestPackets.ipv4("10.96.0.11"),
                                                                          K.bytes(80, width: 2)], .actionSet(set)).kind
        else { return }
        let operations: [(String, DeviceOperation)] = [
            ("one-shot selector", .insertEntry(k8s.table("tx_balance_tcp"), EntryHandle(slot: 900, generation: 0), oneShot)),
            ("group", .insertGroup(ActionProfileGroup(actionProfileId: profile, groupId: 8,
                                                      members: [.init(memberId: 100, weight: 1), .init(memberId: 999, weight: 1)]))),
        ]
        for atomicity in [Atomicity.continueOnError, .rollbackOnError] {
            for (kind, operation) in operations {
                let transaction = try k8s.device.beginTransaction(atomicity: atomicity)
                #expect(transaction.apply(operation) != nil, "\(kind) should fail")
                try transaction.commit()
                let after = Self.fingerprint(k8s.device)
                #expect(after == before, "\(kind): \(Set(after).symmetricDifference(before).sorted())")
            }
        }
    }
}
