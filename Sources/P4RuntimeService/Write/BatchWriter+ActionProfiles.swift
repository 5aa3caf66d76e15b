import P4Device
import P4Model

extension BatchWriter {
    private func resolveProfile(_ id: ActionProfileID, path: @autoclosure () -> String) throws(P4RuntimeError) -> ActionProfileSchema {
        if id.isUnset { throw .invalidArgument("\(path()).actionProfileId: 0 is not a valid action profile id") }
        guard let profile = schema.actionProfiles[id] else {
            throw .invalidArgument("\(path()).actionProfileId: \(id) is not an action profile of the pipeline")
        }
        return profile
    }

    private func requireNoOneShot(_ profile: ActionProfileSchema, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if (store.profiles[profile.id]?.oneShotEntries ?? 0) > 0 {
            throw .invalidArgument(
                "\(path()): action selector \(profile.label) is programmed with one-shot action sets; members and groups cannot be mixed in (A11)")
        }
    }

    /// INSERT, MODIFY or DELETE of an action profile member (A1–A4).
    mutating func writeMember(_ member: ActionProfileMember, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        let profile = try resolveProfile(member.actionProfileId, path: path())
        if member.memberId.isUnset { throw .invalidArgument("\(path()).memberId: 0 is not a valid member id") }
        let existing = store.profiles[profile.id]?.members[member.memberId]
        if type == .delete {
            guard let existing else {
                throw .notFound("\(path()): member \(member.memberId) does not exist in action profile \(profile.label)")
            }
            if existing.groupCount > 0 {
                throw .failedPrecondition(
                    "\(path()): member \(member.memberId) of action profile \(profile.label) is still in \(existing.groupCount) group(s)")
            }
            if existing.entryCount > 0 {
                throw .failedPrecondition(
                    "\(path()): member \(member.memberId) of action profile \(profile.label) is still used by \(existing.entryCount) table entr\(existing.entryCount == 1 ? "y" : "ies")")
            }
            try device(.deleteMember(profile.id, member.memberId), path: path())
            store.profiles[profile.id]?.members[member.memberId] = nil
            return
        }
        try requireNoOneShot(profile, path: path())
        guard let action = member.action else {
            throw .invalidArgument("\(path()).action: a member needs an action")
        }
        var scopes: [ActionID: P4Info.ActionRef.Scope] = [:]
        for table in profile.tableIds {
            for (id, scope) in schema.table(table)?.actionScopes ?? [:] where scopes[id] == nil || scope == .tableAndDefault {
                scopes[id] = scope
            }
        }
        let checked = try ActionValidator.validate(
            action, allowed: scopes, owner: "action profile \(profile.label)", use: .member, schema: schema,
            path: path() + ".action")
        let canonical = ActionProfileMember(actionProfileId: profile.id, memberId: member.memberId, action: checked)
        if type == .insert {
            if existing != nil {
                throw .alreadyExists("\(path()): member \(member.memberId) already exists in action profile \(profile.label)")
            }
            try device(.insertMember(canonical), path: path())
            store.profiles[profile.id, default: ProfileStore()].members[member.memberId] =
                ProfileStore.MemberRecord(member: canonical)
        } else {
            guard existing != nil else {
                throw .notFound("\(path()): member \(member.memberId) does not exist in action profile \(profile.label)")
            }
            if !capabilities.mixedActionGroups, existing?.member.action?.actionId != checked.actionId,
               (existing?.groupCount ?? 0) > 0 {
                throw .unimplemented("\(path()).action: this device cannot change the action of a member that is in a group")
            }
            try device(.modifyMember(canonical), path: path())
            store.profiles[profile.id]?.members[member.memberId]?.member = canonical
        }
    }

    /// INSERT, MODIFY or DELETE of an action selector group (A5–A9).
    mutating func writeGroup(_ group: ActionProfileGroup, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        let profile = try resolveProfile(group.actionProfileId, path: path())
        if !profile.withSelector {
            throw .invalidArgument("\(path()).actionProfileId: action profile \(profile.label) has no selector; it has no groups")
        }
        if group.groupId.isUnset { throw .invalidArgument("\(path()).groupId: 0 is not a valid group id") }
        let existing = store.profiles[profile.id]?.groups[group.groupId]
        if type == .delete {
            guard let existing else {
                throw .notFound("\(path()): group \(group.groupId) does not exist in action selector \(profile.label)")
            }
            if existing.entryCount > 0 {
                throw .failedPrecondition(
                    "\(path()): group \(group.groupId) of action selector \(profile.label) is still used by \(existing.entryCount) table entr\(existing.entryCount == 1 ? "y" : "ies")")
            }
            try device(.deleteGroup(profile.id, group.groupId), path: path())
            for member in existing.group.members {
                store.profiles[profile.id]?.members[member.memberId]?.groupCount -= 1
            }
            store.profiles[profile.id]?.groups[group.groupId] = nil
            return
        }
        try requireNoOneShot(profile, path: path())
        // max_size (A9): 0 means "use max_group_size" (the proto comment's reading, accepted for leniency).
        if group.maxSize < 0 { throw .invalidArgument("\(path()).maxSize: \(group.maxSize) is negative") }
        if profile.maxGroupSize > 0 && group.maxSize > profile.maxGroupSize {
            throw .invalidArgument(
                "\(path()).maxSize: \(group.maxSize) exceeds max_group_size \(profile.maxGroupSize) of action selector \(profile.label)")
        }
        // With no max_group_size, a max_size the selector cannot hold at all is refused at creation (A9).
        if profile.maxGroupSize == 0 && profile.size > 0 && Int64(group.maxSize) > profile.size {
            throw .resourceExhausted(
                "\(path()).maxSize: \(group.maxSize) exceeds the size \(profile.size) of action selector \(profile.label)")
        }
        let effectiveMax = group.maxSize > 0 ? group.maxSize : profile.maxGroupSize
        var seen = Set<ActionProfileMemberID>()
        var total: Int64 = 0
        var actionIds = Set<ActionID>()
        for (index, member) in group.members.enumerated() {
            func memberPath() -> String { "\(path()).members[\(index)]" }
            if !seen.insert(member.memberId).inserted {
                throw .invalidArgument("\(memberPath()).memberId: member \(member.memberId) appears twice (use weight to repeat it)")
            }
            try Self.checkWeight(member.weight, profile: profile, path: memberPath() + ".weight")
            if case .sumOfMembers(let maxWeight) = profile.sizeSemantics, maxWeight > 0, member.weight > maxWeight {
                throw .invalidArgument(
                    "\(memberPath()).weight: \(member.weight) exceeds max_member_weight \(maxWeight) of action selector \(profile.label)")
            }
            try Self.checkWatch(member.watchKind, path: memberPath())
            guard let record = store.profiles[profile.id]?.members[member.memberId] else {
                throw .notFound("\(memberPath()).memberId: member \(member.memberId) does not exist in action selector \(profile.label)")
            }
            if let action = record.member.action?.actionId { actionIds.insert(action) }
            switch profile.sizeSemantics {
            case .sumOfWeights: total += Int64(max(1, member.weight))
            case .sumOfMembers: total += 1
            }
        }
        if actionIds.count > 1 && !capabilities.mixedActionGroups {
            throw .unimplemented("\(path()).members: groups mixing different actions are not supported by this device")
        }
        if effectiveMax > 0 && total > Int64(effectiveMax) {
            let unit = profile.sizeSemantics == .sumOfWeights ? "total weight" : "member count"
            throw .resourceExhausted(
                "\(path()).members: \(unit) \(total) exceeds the group's maximum size \(effectiveMax)")
        }
        var forDevice = group
        forDevice.maxSize = effectiveMax
        if type == .insert {
            if existing != nil {
                throw .alreadyExists("\(path()): group \(group.groupId) already exists in action selector \(profile.label)")
            }
            try device(.insertGroup(forDevice), path: path())
            store.profiles[profile.id, default: ProfileStore()].groups[group.groupId] =
                ProfileStore.GroupRecord(group: group)
            for member in group.members { store.profiles[profile.id]?.members[member.memberId]?.groupCount += 1 }
        } else {
            guard let existing else {
                throw .notFound("\(path()): group \(group.groupId) does not exist in action selector \(profile.label)")
            }
            let oldMax = existing.group.maxSize > 0 ? existing.group.maxSize : profile.maxGroupSize
            if oldMax != effectiveMax {
                throw .invalidArgument("\(path()).maxSize: \(group.maxSize) differs from the group's max size \(oldMax), which cannot change")
            }
            try device(.modifyGroup(forDevice), path: path())
            for member in existing.group.members { store.profiles[profile.id]?.members[member.memberId]?.groupCount -= 1 }
            for member in group.members { store.profiles[profile.id]?.members[member.memberId]?.groupCount += 1 }
            store.profiles[profile.id]?.groups[group.groupId]?.group = group
        }
    }
}
