/// The state a learner lookup leaves for `learn`, `rearm` and `forget` in the same action (DPDK's learner
/// mailbox): the bucket, whether and where the key hit, the key's location and the lookup time.
///
/// One mailbox lives in each packet context and is passed `inout`; it is plain data. `key` points at the key bytes
/// the lookup was given (normally inside the packet's metadata), and `learn` copies the key from there, so those
/// bytes must stay in place until the action ends, as in DPDK.
public struct LearnerMailbox: Sendable {
    var bucket: Int = 0
    var position: Int = 0
    var signature: UInt32 = 0
    var time: UInt64 = 0
    nonisolated(unsafe) var key: UnsafeRawPointer?
    /// Whether the last lookup (or a `learn` after it) left a live entry to act on.
    public internal(set) var hit: Bool = false

    /// An empty mailbox (no lookup yet: learn, rearm and forget do nothing).
    public init() {}
}

/// Per-learner packet counters, as DPDK's `rte_swx_learner_stats` plus the expired count p4rtd adds.
public struct LearnerStats: Equatable, Sendable {
    /// Lookups that hit a live entry.
    public var hits: UInt64 = 0
    /// Lookups that missed.
    public var misses: UInt64 = 0
    /// `learn` that installed or updated an entry.
    public var learnOK: UInt64 = 0
    /// `learn` that failed because the key's bucket had no free or expired slot.
    public var learnFailed: UInt64 = 0
    /// `rearm` executed (counted even on a miss, as in DPDK).
    public var rearms: UInt64 = 0
    /// `forget` executed (counted even on a miss, as in DPDK).
    public var forgets: UInt64 = 0
    /// Entries found expired, either when their slot was reused or by ``Learner/sweepExpired(now:)``.
    public var expired: UInt64 = 0

    /// Zero counters.
    public init() {}
}

/// One live learner entry as the control plane reads it.
public struct LearnerEntry: Equatable, Sendable {
    /// The entry id (`bucket * 4 + position + 1`; the `entryid` value).
    public var id: UInt32
    /// The key bytes.
    public var key: [UInt8]
    /// The action id.
    public var actionID: UInt32
    /// The action data (`actionDataSize` bytes).
    public var actionData: [UInt8]
    /// The timeout profile id (already masked).
    public var timeoutID: UInt8
    /// The time (in clock ticks) at which the entry stops matching.
    public var expiresAt: UInt64
}
