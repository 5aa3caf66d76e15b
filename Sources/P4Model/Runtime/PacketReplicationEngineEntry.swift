/// `p4.v1.PacketReplicationEngineEntry`: a multicast group or a clone session.
public struct PacketReplicationEngineEntry: Sendable, Hashable {
    /// The `type` oneof of `p4.v1.PacketReplicationEngineEntry`.
    public enum Kind: Sendable, Hashable {
        /// A multicast group.
        case multicastGroupEntry(MulticastGroupEntry)
        /// A clone session.
        case cloneSessionEntry(CloneSessionEntry)
    }

    /// The entry; nil when no member of the oneof is set.
    public var kind: Kind?

    /// Creates an entry.
    public init(_ kind: Kind?) { self.kind = kind }
}

/// `p4.v1.BackupReplica` (v1.5): a fallback port of a replica.
public struct BackupReplica: Sendable, Hashable {
    /// The SDN port as a bytestring.
    public var port: [UInt8]
    /// The replica instance.
    public var instance: UInt32
    /// Creates a backup replica.
    public init(port: [UInt8] = [], instance: UInt32 = 0) {
        self.port = port
        self.instance = instance
    }
}

/// `p4.v1.Replica`: one copy of a packet: a port and an instance number.
public struct Replica: Sendable, Hashable {
    /// The `port_kind` oneof of `p4.v1.Replica`.
    public enum PortKind: Sendable, Hashable {
        /// Deprecated numeric port (`egress_port`).
        case egressPort(UInt32)
        /// The SDN port as a bytestring (`port`, v1.4).
        case port([UInt8])
    }

    /// The port; nil when neither member is set.
    public var portKind: PortKind?
    /// The instance number (`EgressInstance_t`).
    public var instance: UInt32
    /// Fallback ports, in priority order (order must be preserved).
    public var backupReplicas: [BackupReplica]

    /// Creates a replica.
    public init(portKind: PortKind? = nil, instance: UInt32 = 0, backupReplicas: [BackupReplica] = []) {
        self.portKind = portKind
        self.instance = instance
        self.backupReplicas = backupReplicas
    }
}

/// `p4.v1.MulticastGroupEntry`: the replicas of one multicast group.
public struct MulticastGroupEntry: Sendable, Hashable {
    /// The group; must be > 0 in writes, 0 in a read means all groups.
    public var multicastGroupId: MulticastGroupID
    /// The replicas.
    public var replicas: [Replica]
    /// Opaque controller bytes (v1.4).
    public var metadata: [UInt8]
    /// Creates a multicast group entry.
    public init(multicastGroupId: MulticastGroupID = 0, replicas: [Replica] = [], metadata: [UInt8] = []) {
        self.multicastGroupId = multicastGroupId
        self.replicas = replicas
        self.metadata = metadata
    }
}

/// `p4.v1.CloneSessionEntry`: the replicas of one clone session.
public struct CloneSessionEntry: Sendable, Hashable {
    /// The session; must be > 0 in writes, 0 in a read means all sessions.
    public var sessionId: CloneSessionID
    /// The replicas.
    public var replicas: [Replica]
    /// Class of service of the clones.
    public var classOfService: UInt32
    /// Truncation length in bytes; 0 means no truncation.
    public var packetLengthBytes: Int32
    /// Creates a clone session entry.
    public init(
        sessionId: CloneSessionID = 0, replicas: [Replica] = [], classOfService: UInt32 = 0,
        packetLengthBytes: Int32 = 0
    ) {
        self.sessionId = sessionId
        self.replicas = replicas
        self.classOfService = classOfService
        self.packetLengthBytes = packetLengthBytes
    }
}
