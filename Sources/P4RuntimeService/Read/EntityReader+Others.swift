import P4Device
import P4Model

extension EntityReader {
    /// Member reads (A14): profile 0 → every profile (member id must then be 0), member 0 → every member.
    mutating func readMembers(_ request: ActionProfileMember, path: String) throws(P4RuntimeError) {
        for profileId in try profiles(request.actionProfileId, other: request.memberId.rawValue, path: path) {
            guard let profile = view.store.profiles[profileId] else { continue }
            if !request.memberId.isUnset {
                guard let record = profile.members[request.memberId] else {
                    throw .notFound("\(path).memberId: member \(request.memberId) does not exist in action profile \(profileId)")
                }
                try emit(.actionProfileMember(record.member))
                continue
            }
            for id in profile.members.keys.sorted() {
                if let record = profile.members[id] { try emit(.actionProfileMember(record.member)) }
            }
        }
    }

    /// Group reads (A14).
    mutating func readGroups(_ request: ActionProfileGroup, path: String) throws(P4RuntimeError) {
        for profileId in try profiles(request.actionProfileId, other: request.groupId.rawValue, path: path) {
            guard let profile = view.store.profiles[profileId] else { continue }
            if !request.groupId.isUnset {
                guard let record = profile.groups[request.groupId] else {
                    throw .notFound("\(path).groupId: group \(request.groupId) does not exist in action selector \(profileId)")
                }
                try emit(.actionProfileGroup(record.group))
                continue
            }
            for id in profile.groups.keys.sorted() {
                if let record = profile.groups[id] { try emit(.actionProfileGroup(record.group)) }
            }
        }
    }

    private func profiles(_ id: ActionProfileID, other: UInt32, path: String) throws(P4RuntimeError) -> [ActionProfileID] {
        if id.isUnset {
            if other != 0 {
                throw .invalidArgument("\(path).actionProfileId: 0 reads every profile, so the member or group id must be 0 too")
            }
            return schema.actionProfileOrder
        }
        guard schema.actionProfiles[id] != nil else {
            throw .invalidArgument("\(path).actionProfileId: \(id) is not an action profile of the pipeline")
        }
        return [id]
    }

    /// Value set reads: id 0 → every value set.
    mutating func readValueSets(_ request: ValueSetEntry, path: String) throws(P4RuntimeError) {
        var ids = schema.valueSets.map(\.id)
        if !request.valueSetId.isUnset {
            guard schema.valueSet(request.valueSetId) != nil else {
                throw .invalidArgument("\(path).valueSetId: \(request.valueSetId) is not a value set of the pipeline")
            }
            ids = [request.valueSetId]
        }
        for id in ids {
            try emit(.valueSetEntry(ValueSetEntry(valueSetId: id, members: view.store.valueSets[id] ?? [])))
        }
    }

    /// Digest reads: id 0 → every enabled digest; a named digest that is not enabled yields nothing.
    mutating func readDigests(_ request: DigestEntry, path: String) throws(P4RuntimeError) {
        var ids = schema.digests.map(\.id)
        if !request.digestId.isUnset {
            guard schema.digest(request.digestId) != nil else {
                throw .notFound("\(path).digestId: \(request.digestId) is not a digest of the pipeline")
            }
            ids = [request.digestId]
        }
        for id in ids {
            if let config = view.store.digests[id] { try emit(.digestEntry(DigestEntry(digestId: id, config: config))) }
        }
    }

    /// Multicast group and clone session reads: id 0 → all.
    mutating func readReplication(_ request: PacketReplicationEngineEntry, path: String) throws(P4RuntimeError) {
        switch request.kind {
        case nil:
            throw .invalidArgument("\(path): no multicast group or clone session entry is set")
        case .multicastGroupEntry(let group)?:
            if !group.multicastGroupId.isUnset {
                guard let found = view.store.multicastGroups[group.multicastGroupId] else {
                    throw .notFound("\(path).multicastGroupEntry: multicast group \(group.multicastGroupId) does not exist")
                }
                try emit(.packetReplicationEngineEntry(PacketReplicationEngineEntry(.multicastGroupEntry(found))))
                return
            }
            for id in view.store.multicastGroups.keys.sorted() {
                if let found = view.store.multicastGroups[id] {
                    try emit(.packetReplicationEngineEntry(PacketReplicationEngineEntry(.multicastGroupEntry(found))))
                }
            }
        case .cloneSessionEntry(let session)?:
            if !session.sessionId.isUnset {
                guard let found = view.store.cloneSessions[session.sessionId] else {
                    throw .notFound("\(path).cloneSessionEntry: clone session \(session.sessionId) does not exist")
                }
                try emit(.packetReplicationEngineEntry(PacketReplicationEngineEntry(.cloneSessionEntry(found))))
                return
            }
            for id in view.store.cloneSessions.keys.sorted() {
                if let found = view.store.cloneSessions[id] {
                    try emit(.packetReplicationEngineEntry(PacketReplicationEngineEntry(.cloneSessionEntry(found))))
                }
            }
        }
    }
}
