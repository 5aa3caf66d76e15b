/// `p4.v1.DigestList`: a batch of distinct digest messages sent to the primary.
public struct DigestList: Sendable, Hashable {
    /// The digest.
    public var digestId: DigestID
    /// Identifies the list for acknowledgement.
    public var listId: UInt64
    /// The distinct messages, each matching the digest's P4Info `type_spec`.
    public var data: [P4Data]
    /// When the list was sent, in nanoseconds since the Unix epoch.
    public var timestamp: Int64
    /// Creates a digest list.
    public init(digestId: DigestID = 0, listId: UInt64 = 0, data: [P4Data] = [], timestamp: Int64 = 0) {
        self.digestId = digestId
        self.listId = listId
        self.data = data
        self.timestamp = timestamp
    }
}

/// `p4.v1.DigestListAck`: the controller's acknowledgement of a digest list.
public struct DigestListAck: Sendable, Hashable {
    /// The digest.
    public var digestId: DigestID
    /// The acknowledged list.
    public var listId: UInt64
    /// Creates an acknowledgement.
    public init(digestId: DigestID = 0, listId: UInt64 = 0) {
        self.digestId = digestId
        self.listId = listId
    }
}

/// `p4.v1.IdleTimeoutNotification`: entries whose idle timeout expired, sent to the primary.
public struct IdleTimeoutNotification: Sendable, Hashable {
    /// The expired entries (key, `controllerMetadata`, `metadata`, `idleTimeoutNs`); never empty when sent.
    public var tableEntry: [TableEntry]
    /// When the notification was generated, in nanoseconds since the Unix epoch.
    public var timestamp: Int64
    /// Creates a notification.
    public init(tableEntry: [TableEntry] = [], timestamp: Int64 = 0) {
        self.tableEntry = tableEntry
        self.timestamp = timestamp
    }
}
