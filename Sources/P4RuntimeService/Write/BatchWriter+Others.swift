import P4Device
import P4Model

extension BatchWriter {
    /// MODIFY of a parser value set: replaces its members (V1).
    mutating func writeValueSet(_ entry: ValueSetEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if type != .modify {
            throw .invalidArgument("\(path()): value set entries can only be modified (MODIFY replaces the members)")
        }
        if entry.valueSetId.isUnset { throw .invalidArgument("\(path()).valueSetId: 0 is not a valid value set id") }
        guard let valueSet = schema.valueSet(entry.valueSetId) else {
            throw .invalidArgument("\(path()).valueSetId: \(entry.valueSetId) is not a value set of the pipeline")
        }
        var positions: [MatchFieldID: Int] = [:]
        for (position, field) in valueSet.fields.enumerated() { positions[field.id] = position }
        var members: [ValueSetMember] = []
        var keys = Set<[UInt8]>()
        for (index, member) in entry.members.enumerated() {
            func memberPath() -> String { "\(path()).members[\(index)]" }
            let (matches, key) = try MatchValidator.validate(
                member.match, fields: valueSet.fields, positions: positions, path: memberPath(),
                owner: "value set \(valueSet.label)")
            if !keys.insert(key).inserted {
                throw .alreadyExists("\(memberPath()): the same member appears twice in value set \(valueSet.label)")
            }
            members.append(ValueSetMember(match: matches))
        }
        if valueSet.size > 0 && members.count > Int(valueSet.size) {
            throw .resourceExhausted(
                "\(path()).members: \(members.count) members exceed the size \(valueSet.size) of value set \(valueSet.label)")
        }
        try device(.setValueSet(valueSet.id, members), path: path())
        store.valueSets[valueSet.id] = members.isEmpty ? nil : members
    }

    /// INSERT (enable), MODIFY (reconfigure) or DELETE (disable) of a digest (D1).
    mutating func writeDigest(_ entry: DigestEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if entry.digestId.isUnset { throw .invalidArgument("\(path()).digestId: 0 is not a valid digest id") }
        guard let digest = schema.digest(entry.digestId) else {
            throw .notFound("\(path()).digestId: \(entry.digestId) is not a digest of the pipeline")
        }
        let enabled = store.digests[digest.id] != nil
        if type == .delete {
            if !enabled { throw .notFound("\(path()): digest \(digest.label) is not enabled") }
            try device(.configureDigest(digest.id, nil), path: path())
            store.digests[digest.id] = nil
            digestsChanged = true
            return
        }
        guard let config = entry.config else {
            throw .invalidArgument("\(path()).config: a digest configuration is required")
        }
        if config.maxTimeoutNs < 0 { throw .invalidArgument("\(path()).config.maxTimeoutNs: \(config.maxTimeoutNs) is negative") }
        if config.maxListSize < 0 { throw .invalidArgument("\(path()).config.maxListSize: \(config.maxListSize) is negative") }
        if config.ackTimeoutNs < 0 { throw .invalidArgument("\(path()).config.ackTimeoutNs: \(config.ackTimeoutNs) is negative") }
        if type == .insert && enabled {
            throw .alreadyExists("\(path()): digest \(digest.label) is already enabled (use MODIFY to change its config)")
        }
        if type == .modify && !enabled { throw .notFound("\(path()): digest \(digest.label) is not enabled") }
        try device(.configureDigest(digest.id, config), path: path())
        store.digests[digest.id] = config
        digestsChanged = true
    }

    /// Multicast groups and clone sessions (M1, M2).
    mutating func writeReplication(_ entry: PacketReplicationEngineEntry, _ type: UpdateType, path: @autoclosure () -> String)
        throws(P4RuntimeError)
    {
        switch entry.kind {
        case nil:
            throw .invalidArgument("\(path()): no multicast group or clone session entry is set")
        case .multicastGroupEntry(let group)?:
            func groupPath() -> String { path() + ".multicastGroupEntry" }
            if group.multicastGroupId.isUnset {
                throw .invalidArgument("\(groupPath()).multicastGroupId: 0 is not a valid multicast group id")
            }
            let exists = store.multicastGroups[group.multicastGroupId] != nil
            try checkExistence(exists, type, "multicast group \(group.multicastGroupId)", path: groupPath())
            if type != .delete { try Self.checkReplicas(group.replicas, path: groupPath()) }
            try device(.multicastGroup(type, group), path: groupPath())
            store.multicastGroups[group.multicastGroupId] = type == .delete ? nil : group
        case .cloneSessionEntry(let session)?:
            func sessionPath() -> String { path() + ".cloneSessionEntry" }
            if session.sessionId.isUnset {
                throw .invalidArgument("\(sessionPath()).sessionId: 0 is not a valid clone session id")
            }
            let exists = store.cloneSessions[session.sessionId] != nil
            try checkExistence(exists, type, "clone session \(session.sessionId)", path: sessionPath())
            if type != .delete {
                if session.packetLengthBytes < 0 {
                    throw .invalidArgument("\(sessionPath()).packetLengthBytes: \(session.packetLengthBytes) is negative")
                }
                try Self.checkReplicas(session.replicas, path: sessionPath())
            }
            try device(.cloneSession(type, session), path: sessionPath())
            store.cloneSessions[session.sessionId] = type == .delete ? nil : session
        }
    }

    private func checkExistence(_ exists: Bool, _ type: UpdateType, _ what: String, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if type == .insert && exists { throw .alreadyExists("\(path()): \(what) already exists") }
        if type != .insert && !exists { throw .notFound("\(path()): \(what) does not exist") }
    }

    /// Replica rules: a port is set and non-empty, (port, instance) pairs are unique across replicas and backups,
    /// and a replica's backups differ from its own port.
    private static func checkReplicas(_ replicas: [Replica], path: @autoclosure () -> String) throws(P4RuntimeError) {
        var seen = Set<[UInt8]>()
        func pair(_ port: [UInt8], _ instance: UInt32) -> [UInt8] {
            var key = Bytestring.canonical(port)
            key.append(contentsOf: [0xff, UInt8(instance >> 24), UInt8(truncatingIfNeeded: instance >> 16),
                                    UInt8(truncatingIfNeeded: instance >> 8), UInt8(truncatingIfNeeded: instance)])
            return key
        }
        for (index, replica) in replicas.enumerated() {
            let replicaPath = "\(path()).replicas[\(index)]"
            let port: [UInt8]
            switch replica.portKind {
            case .port(let bytes)?:
                if bytes.isEmpty { throw .invalidArgument("\(replicaPath).port: empty port") }
                port = Bytestring.canonical(bytes)
            case .egressPort(let number)?:
                port = Bytestring.encode(UInt64(number))
            case nil:
                throw .invalidArgument("\(replicaPath): no port is set")
            }
            if !seen.insert(pair(port, replica.instance)).inserted {
                throw .invalidArgument("\(replicaPath): port 0x\(Bytestring.hex(port)) instance \(replica.instance) appears twice")
            }
            for (backupIndex, backup) in replica.backupReplicas.enumerated() {
                let backupPath = "\(replicaPath).backupReplicas[\(backupIndex)]"
                if backup.port.isEmpty { throw .invalidArgument("\(backupPath).port: empty port") }
                let backupPort = Bytestring.canonical(backup.port)
                if backupPort == port {
                    throw .invalidArgument("\(backupPath).port: a backup must use another port than its replica")
                }
                if !seen.insert(pair(backupPort, backup.instance)).inserted {
                    throw .invalidArgument(
                        "\(backupPath): port 0x\(Bytestring.hex(backupPort)) instance \(backup.instance) appears twice")
                }
            }
        }
    }
}
