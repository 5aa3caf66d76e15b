/// `p4.v1.DigestEntry`: enables (INSERT), reconfigures (MODIFY) or disables (DELETE) the generation of a digest.
public struct DigestEntry: Sendable, Hashable {
    /// `p4.v1.DigestEntry.Config`: how digest messages are batched and deduplicated.
    public struct Config: Sendable, Hashable {
        /// Longest time a message is buffered before its list is sent, in nanoseconds.
        public var maxTimeoutNs: Int64
        /// Most distinct messages in one list; 0 means no limit.
        public var maxListSize: Int32
        /// How long a sent list suppresses duplicates while unacknowledged; 0 disables the cache.
        public var ackTimeoutNs: Int64

        /// Creates a configuration.
        public init(maxTimeoutNs: Int64 = 0, maxListSize: Int32 = 0, ackTimeoutNs: Int64 = 0) {
            self.maxTimeoutNs = maxTimeoutNs
            self.maxListSize = maxListSize
            self.ackTimeoutNs = ackTimeoutNs
        }
    }

    /// The digest; 0 in a read means all digests.
    public var digestId: DigestID
    /// The configuration; nil when absent.
    public var config: Config?

    /// Creates a digest entry.
    public init(digestId: DigestID = 0, config: Config? = nil) {
        self.digestId = digestId
        self.config = config
    }
}
