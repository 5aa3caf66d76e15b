import P4Device
import P4Model

extension BatchWriter {
    /// Checks the action of an entry against the table's implementation (T13–T16, A11–A13).
    func validateTableAction(_ action: TableAction, table: TableSchema, replacing old: TableAction?,
                                     path: @autoclosure () -> String) throws(P4RuntimeError) -> TableAction
    {
        guard let kind = action.kind else { throw .invalidArgument("\(path()): no action is set") }
        switch (table.implementation, kind) {
        case (.direct, .action(let direct)):
            return .action(try ActionValidator.validate(
                direct, allowed: table.actionScopes, owner: "table \(table.label)", use: .entry, schema: schema,
                path: path() + ".action"))
        case (.direct, _):
            throw .invalidArgument(
                "\(path()): table \(table.label) takes direct actions, not action profile members, groups or action sets")
        case (.actionProfile(let profileId), .actionProfileMemberId(let member)),
             (.actionSelector(let profileId), .actionProfileMemberId(let member)):
            try requireMemberGroupStyle(profileId, replacing: old, path: path())
            guard store.profiles[profileId]?.members[member] != nil else {
                throw .notFound("\(path()).actionProfileMemberId: member \(member) does not exist in action profile \(profileLabel(profileId))")
            }
            return action
        case (.actionSelector(let profileId), .actionProfileGroupId(let group)):
            try requireMemberGroupStyle(profileId, replacing: old, path: path())
            guard store.profiles[profileId]?.groups[group] != nil else {
                throw .notFound("\(path()).actionProfileGroupId: group \(group) does not exist in action selector \(profileLabel(profileId))")
            }
            return action
        case (.actionSelector(let profileId), .actionProfileActionSet(let set)):
            if store.profiles[profileId]?.usesMemberGroupProgramming == true {
                throw .invalidArgument(
                    "\(path()).actionProfileActionSet: action selector \(profileLabel(profileId)) is programmed with members and groups; one-shot action sets cannot be mixed in")
            }
            return .actionSet(try validateActionSet(set, table: table, profileId: profileId,
                                                    path: path() + ".actionProfileActionSet"))
        case (.actionProfile(let profileId), _):
            throw .invalidArgument(
                "\(path()): table \(table.label) is implemented by action profile \(profileLabel(profileId)); entries name a member (actionProfileMemberId)")
        case (.actionSelector(let profileId), .action):
            throw .invalidArgument(
                "\(path()): table \(table.label) is implemented by action selector \(profileLabel(profileId)); entries name a member, a group or a one-shot action set")
        }
    }

    private func requireMemberGroupStyle(_ profileId: ActionProfileID, replacing old: TableAction?, path: @autoclosure () -> String)
        throws(P4RuntimeError)
    {
        var oneShot = store.profiles[profileId]?.oneShotEntries ?? 0
        if case .actionProfileActionSet? = old?.kind { oneShot -= 1 }
        if oneShot > 0 {
            throw .invalidArgument(
                "\(path()): action selector \(profileLabel(profileId)) is programmed with one-shot action sets; members and groups cannot be mixed in")
        }
    }

    /// One-shot action set checks (A7, A12, A13).
    private func validateActionSet(_ set: ActionProfileActionSet, table: TableSchema, profileId: ActionProfileID,
                                   path: @autoclosure () -> String) throws(P4RuntimeError) -> ActionProfileActionSet
    {
        guard let profile = schema.actionProfiles[profileId] else {
            throw .internal("\(path()): action selector \(profileId) is missing from the schema")
        }
        if set.actionSelectionMode != .defaultModeDeterminedByActionSelector {
            throw .unimplemented("\(path()).actionSelectionMode: per-set selection modes are not supported")
        }
        if set.sizeSemantics != .defaultSizeDeterminedByActionSelector {
            throw .unimplemented("\(path()).sizeSemantics: per-set size semantics are not supported")
        }
        if set.groupAction != nil {
            throw .unimplemented("\(path()).groupAction: group actions (P4Runtime 1.6) are not supported")
        }
        if set.actionProfileActions.isEmpty {
            throw .invalidArgument("\(path()).actionProfileActions: a one-shot action set needs at least one action")
        }
        var result = set
        var totalWeight: Int64 = 0
        var firstAction: ActionID?
        for (index, item) in set.actionProfileActions.enumerated() {
            func itemPath() -> String { "\(path()).actionProfileActions[\(index)]" }
            guard let action = item.action else { throw .invalidArgument("\(itemPath()).action: the action is missing") }
            let checked = try ActionValidator.validate(
                action, allowed: table.actionScopes, owner: "table \(table.label)", use: .member, schema: schema,
                path: itemPath() + ".action")
            if let firstAction, firstAction != checked.actionId, !capabilities.mixedActionGroups {
                throw .unimplemented("\(itemPath()).action: groups mixing different actions are not supported by this device")
            }
            firstAction = firstAction ?? checked.actionId
            try Self.checkWeight(item.weight, profile: profile, path: itemPath() + ".weight")
            if case .sumOfMembers(let maxWeight) = profile.sizeSemantics, maxWeight > 0, item.weight > maxWeight {
                throw .invalidArgument(
                    "\(itemPath()).weight: \(item.weight) exceeds max_member_weight \(maxWeight) of action selector \(profile.label)")
            }
            try Self.checkWatch(item.watchKind, path: itemPath())
            totalWeight += Int64(max(1, item.weight))
            result.actionProfileActions[index].action = checked
        }
        if profile.maxGroupSize > 0 {
            switch profile.sizeSemantics {
            case .sumOfWeights where totalWeight > Int64(profile.maxGroupSize):
                throw .invalidArgument(
                    "\(path()).actionProfileActions: total weight \(totalWeight) exceeds max_group_size \(profile.maxGroupSize) of action selector \(profile.label)")
            case .sumOfMembers where set.actionProfileActions.count > Int(profile.maxGroupSize):
                throw .invalidArgument(
                    "\(path()).actionProfileActions: \(set.actionProfileActions.count) actions exceed max_group_size \(profile.maxGroupSize) of action selector \(profile.label)")
            default:
                break
            }
        }
        return result
    }

    /// Updates member/group reference counts and one-shot counts for an entry's action.
    mutating func adjustReferences(of action: TableAction?, table: TableSchema, by delta: Int) {
        guard let profileId = table.actionProfileId, let kind = action?.kind else { return }
        switch kind {
        case .actionProfileMemberId(let member):
            store.profiles[profileId]?.members[member]?.entryCount += delta
        case .actionProfileGroupId(let group):
            store.profiles[profileId]?.groups[group]?.entryCount += delta
        case .actionProfileActionSet:
            store.profiles[profileId]?.oneShotEntries += delta
        case .action:
            break
        }
    }

    func profileLabel(_ id: ActionProfileID) -> String { schema.actionProfiles[id]?.label ?? id.description }
}
