import P4Device
import P4Model
import P4RuntimeService
import Testing

@Suite("Write: action profiles, selectors and one-shot (A1–A14)")
struct ActionProfileWriteTests {
    typealias T = TestPipeline

    private func member(_ id: UInt32, port: UInt64 = 1, profile: ActionProfileID = T.selector) -> Update {
        T.update(.insert, .actionProfileMember(ActionProfileMember(actionProfileId: profile,
                                                                   memberId: ActionProfileMemberID(id),
                                                                   action: T.setPortAction(port))))
    }

    private func group(_ id: UInt32, _ members: [(UInt32, Int32)], maxSize: Int32 = 0,
                       type: UpdateType = .insert) -> Update {
        T.update(type, .actionProfileGroup(ActionProfileGroup(
            actionProfileId: T.selector, groupId: ActionProfileGroupID(id),
            members: members.map { ActionProfileGroup.Member(memberId: ActionProfileMemberID($0.0), weight: $0.1) },
            maxSize: maxSize)))
    }

    private func entry(_ flow: UInt8, _ action: TableAction, table: TableID = T.selectorTable) -> TableEntry {
        TableEntry(tableId: table, match: [FieldMatch(fieldId: 1, .exact(value: [flow]))], action: action)
    }

    @Test func memberRulesA1toA3() throws {
        let (service, _) = try T.service()
        #expect(T.codes(service, T.write([member(1), member(1)])) == [.ok, .alreadyExists])
        let noAction = T.update(.insert, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector, memberId: 2)))
        #expect(T.codes(service, T.write([noAction])) == [.invalidArgument])
        let modifyMissing = T.update(.modify, .actionProfileMember(ActionProfileMember(
            actionProfileId: T.selector, memberId: 9, action: T.setPortAction(1))))
        #expect(T.codes(service, T.write([modifyMissing])) == [.notFound])
        // The plain profile holds 3 members (P4Info size): the fourth is RESOURCE_EXHAUSTED.
        let four = (1...4).map { member(UInt32($0), profile: T.profile) }
        #expect(T.codes(service, T.write(four)) == [.ok, .ok, .ok, .resourceExhausted])
        // Still referenced by a group or by an entry → FAILED_PRECONDITION.
        try service.write(T.write([member(2), group(1, [(2, 1)])]))
        let deleteInGroup = T.update(.delete, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector,
                                                                                       memberId: 2)))
        #expect(T.codes(service, T.write([deleteInGroup])) == [.failedPrecondition])
        try service.write(T.write([T.insert(entry(1, .member(1)))]))
        let deleteUsed = T.update(.delete, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector,
                                                                                    memberId: 1)))
        #expect(T.codes(service, T.write([deleteUsed])) == [.failedPrecondition])
        let deleteMissing = T.update(.delete, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector,
                                                                                       memberId: 42)))
        #expect(T.codes(service, T.write([deleteMissing])) == [.notFound])
    }

    @Test func groupRulesA5toA9() throws {
        let (service, _) = try T.service()
        try service.write(T.write([member(1), member(2), member(3, port: 3)]))
        #expect(T.codes(service, T.write([group(1, [(9, 1)])])) == [.notFound])
        #expect(T.codes(service, T.write([group(1, [(1, 1), (1, 2)])])) == [.invalidArgument])  // duplicate (A6)
        #expect(T.codes(service, T.write([group(1, [(1, 0)])])) == [.invalidArgument])  // weight 0 (A7)
        #expect(T.codes(service, T.write([group(1, [(1, 1)], maxSize: 5)])) == [.invalidArgument])  // > max_group_size
        #expect(T.codes(service, T.write([group(1, [(1, 3), (2, 2)])])) == [.resourceExhausted])  // weights 5 > 4
        #expect(T.codes(service, T.write([group(1, [(1, 1), (2, 2)]), group(1, [(1, 1)])])) == [.ok, .alreadyExists])
        #expect(T.codes(service, T.write([group(7, [(1, 1)], type: .modify)])) == [.notFound])
        #expect(T.codes(service, T.write([group(1, [(3, 1)], maxSize: 2, type: .modify)])) == [.invalidArgument])
        #expect(T.codes(service, T.write([group(1, [(3, 1)], type: .modify)])) == [.ok])
        let read = try T.read(service, [.actionProfileGroup(ActionProfileGroup(actionProfileId: T.selector))])
        #expect(read == [Entity(.actionProfileGroup(ActionProfileGroup(
            actionProfileId: T.selector, groupId: 1, members: [.init(memberId: 3, weight: 1)])))])
        // Member 1 left the group, so it can be deleted now; member 3 cannot.
        let delete1 = T.update(.delete, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector, memberId: 1)))
        let delete3 = T.update(.delete, .actionProfileMember(ActionProfileMember(actionProfileId: T.selector, memberId: 3)))
        #expect(T.codes(service, T.write([delete1, delete3])) == [.ok, .failedPrecondition])
        // A group used by an entry cannot be deleted (A5); an entry naming a missing group is NOT_FOUND (T16).
        try service.write(T.write([T.insert(entry(1, .group(1)))]))
        #expect(T.codes(service, T.write([group(1, [], type: .delete)])) == [.failedPrecondition])
        #expect(T.codes(service, T.write([T.insert(entry(2, .group(5)))])) == [.notFound])
        // Member and group ids are separate scopes (A4); a plain profile has no groups.
        #expect(T.codes(service, T.write([member(1)])) == [.ok])
        let profileGroup = T.update(.insert, .actionProfileGroup(ActionProfileGroup(actionProfileId: T.profile, groupId: 1)))
        #expect(T.codes(service, T.write([profileGroup])) == [.invalidArgument])
    }

    @Test func oneShotIsSupportedAndReadBackAsWrittenA11A12() throws {
        let (service, _) = try T.service()
        let set = ActionProfileActionSet(actionProfileActions: [
            ActionProfileAction(action: T.setPortAction(1), weight: 1),
            ActionProfileAction(action: T.setPortAction(1), weight: 2),  // identical actions are not coalesced
        ])
        try service.write(T.write([T.insert(entry(1, .actionSet(set)))]))
        #expect(try T.read(service, [.tableEntry(TableEntry(tableId: T.selectorTable))])
            == [Entity(.tableEntry(entry(1, .actionSet(set))))])
        // Mixing styles on one selector is INVALID_ARGUMENT either way.
        #expect(T.codes(service, T.write([member(1)])) == [.invalidArgument])
        let tooHeavy = ActionProfileActionSet(actionProfileActions: [
            ActionProfileAction(action: T.setPortAction(1), weight: 3),
            ActionProfileAction(action: T.setPortAction(2), weight: 2),
        ])
        #expect(T.codes(service, T.write([T.insert(entry(2, .actionSet(tooHeavy)))])) == [.invalidArgument])
        let zeroWeight = ActionProfileActionSet(actionProfileActions: [ActionProfileAction(action: T.setPortAction(1))])
        #expect(T.codes(service, T.write([T.insert(entry(3, .actionSet(zeroWeight)))])) == [.invalidArgument])
        let empty = ActionProfileActionSet()
        #expect(T.codes(service, T.write([T.insert(entry(4, .actionSet(empty)))])) == [.invalidArgument])
        var random = set
        random.actionSelectionMode = .random
        #expect(T.codes(service, T.write([T.insert(entry(5, .actionSet(random)))])) == [.unimplemented])
        // Removing the last one-shot entry frees the selector for member/group programming.
        try service.write(T.write([T.update(.delete, .tableEntry(entry(1, .actionSet(set))))]))
        #expect(T.codes(service, T.write([member(1)])) == [.ok])
        #expect(T.codes(service, T.write([T.insert(entry(6, .actionSet(set)))])) == [.invalidArgument])
    }

    @Test func actionKindMustMatchTheImplementationT13() throws {
        let (service, _) = try T.service()
        #expect(T.codes(service, T.write([T.insert(entry(1, .action(T.setPortAction(1))))])) == [.invalidArgument])
        #expect(T.codes(service, T.write([T.insert(entry(1, .group(1), table: T.profileTable))])) == [.invalidArgument])
        #expect(T.codes(service, T.write([T.insert(entry(1, .member(1), table: T.profileTable))])) == [.notFound])
    }

    @Test func wildcardReadsOfMembersA14() throws {
        let (service, _) = try T.service()
        try service.write(T.write([member(2), member(1), member(1, profile: T.profile)]))
        let all = try T.read(service, [.actionProfileMember(ActionProfileMember())])
        #expect(all.count == 3)
        let selectorOnly = try T.read(service, [.actionProfileMember(ActionProfileMember(actionProfileId: T.selector))])
        #expect(selectorOnly.map { entity -> UInt32 in
            guard case .actionProfileMember(let member)? = entity.kind else { return 0 }
            return member.memberId.rawValue
        } == [1, 2])
        do {
            _ = try T.read(service, [.actionProfileMember(ActionProfileMember(memberId: 1))])
            Issue.record("expected an error")
        } catch {
            #expect(error.details.first?.canonicalCode == .invalidArgument)
        }
    }

    @Test func maxSizeWithoutMaxGroupSizeA9() throws {
        var info = T.p4info
        info.actionProfiles[0].maxGroupSize = 0
        let (service, _) = try T.service(info)
        try service.write(T.write([member(1)]))
        #expect(T.codes(service, T.write([group(1, [(1, 1)], maxSize: 17)])) == [.resourceExhausted])
        #expect(T.codes(service, T.write([group(1, [(1, 1)], maxSize: 2)])) == [.ok])
        // The group's own max_size then bounds its members' total weight.
        #expect(T.codes(service, T.write([group(1, [(1, 3)], maxSize: 2, type: .modify)])) == [.resourceExhausted])
    }

    @Test func weightsDisallowedMeansWeightZeroA7() throws {
        var info = T.p4info
        info.actionProfiles[0].weightsDisallowed = true
        let (service, _) = try T.service(info)
        try service.write(T.write([member(1)]))
        #expect(T.codes(service, T.write([group(1, [(1, 1)])])) == [.invalidArgument])
        #expect(T.codes(service, T.write([group(1, [(1, 0)])])) == [.ok])
    }
}
