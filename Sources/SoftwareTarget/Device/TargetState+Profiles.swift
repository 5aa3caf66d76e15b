import P4Device
import P4Model
import SWX

// Action profile members, groups and one-shot sets on p4c-dpdk's member table and selector.
extension TargetState {
    // MARK: Profiles

    func boundProfile(_ id: ActionProfileID, _ binding: PipelineBinding) throws(P4RuntimeError) -> ProfileBinding {
        guard let profile = binding.profiles[id] else { throw .notFound("action profile \(id) is not in the pipeline") }
        return profile
    }

    func memberKey(_ profile: ProfileBinding, _ dense: UInt32) -> SpecEntryMatch {
        var key = [UInt8](repeating: 0, count: profile.memberKeySize)
        let big = (0..<4).map { UInt8(truncatingIfNeeded: dense >> (8 * (3 - $0))) }
        profile.memberKey.write(WideValue.widen(big, to: profile.memberKey.byteWidth), into: &key)
        return SpecEntryMatch(key: key, mask: [UInt8](repeating: 0xFF, count: profile.memberKeySize), priority: 0)
    }

    func memberAction(_ profile: ProfileBinding, _ action: Action?) throws(P4RuntimeError) -> SpecEntryAction {
        guard let action else { throw .invalidArgument("action profile \(profile.schema.label): the member has no action") }
        guard let actionBinding = profile.actions[action.actionId] else {
            throw .invalidArgument("action profile \(profile.schema.label): action \(action.actionId) is not one of "
                + "its tables' actions")
        }
        return actionBinding.entryAction(action)
    }

    mutating func insertMember(_ member: ActionProfileMember, binding: PipelineBinding, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        let profile = try boundProfile(member.actionProfileId, binding)
        guard profiles[member.actionProfileId]?.members[member.memberId] == nil else {
            throw .alreadyExists("action profile \(profile.schema.label): member \(member.memberId) already exists")
        }
        let action = try memberAction(profile, member.action)
        guard let dense = profiles[member.actionProfileId]?.memberPool.take() else {
            throw .resourceExhausted("action profile \(profile.schema.label): all \(profile.memberIdLimit - 1) member "
                + "ids the spec allows are in use")
        }
        try steps.table(profile.memberTableName, .insert, SpecTableEntry(match: memberKey(profile, dense), action: action),
                        inverse: (.delete, SpecTableEntry(match: memberKey(profile, dense), action: nil)),
                        context: "action profile \(profile.schema.label)")
        profiles[member.actionProfileId]?.members[member.memberId] = (dense, member.action ?? Action())
    }

    func selectorMembers(_ profile: ProfileBinding, _ group: ActionProfileGroup) throws(P4RuntimeError)
        -> [SelectorMember]
    {
        try group.members.map { member throws(P4RuntimeError) in
            guard let dense = profiles[group.actionProfileId]?.members[member.memberId]?.dense else {
                throw .notFound("action profile \(profile.schema.label): group \(group.groupId) names member "
                    + "\(member.memberId), which does not exist")
            }
            return SelectorMember(memberID: dense, weight: UInt32(max(1, member.weight)))
        }
    }

    func setGroup(_ profile: ProfileBinding, dense: UInt32, members: [SelectorMember], steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        guard let selector = profile.selector else {
            throw .invalidArgument("action profile \(profile.schema.label) has no selector, so no groups")
        }
        let engine = steps.engine
        let old: [SelectorMember]
        do {
            old = try engine.selectorGroupMembers(selector.name, group: dense)
            try engine.setSelectorGroup(selector.name, group: dense, members: members)
        } catch {
            throw SoftwareTargetDevice.mapped(error, context: "action profile \(profile.schema.label)")
        }
        steps.record { try? engine.setSelectorGroup(selector.name, group: dense, members: old) }
    }
}
