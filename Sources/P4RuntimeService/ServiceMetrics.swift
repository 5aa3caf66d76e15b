import Synchronization

/// Counters a service keeps for `/metrics`; all monotonic except `openSessions`.
public struct ServiceMetrics: Sendable, Hashable {
    /// Write RPCs handled (including rejected ones).
    public var writes: UInt64 = 0
    /// Updates attempted in writes.
    public var updates: UInt64 = 0
    /// Updates that failed (including rolled-back ones).
    public var failedUpdates: UInt64 = 0
    /// Read RPCs handled.
    public var reads: UInt64 = 0
    /// Entities streamed by reads.
    public var readEntities: UInt64 = 0
    /// Stream sessions open now.
    public var openSessions: Int = 0
    /// Events dropped because a session queue was full (summed over sessions, including closed ones).
    public var eventsLost: UInt64 = 0
    /// Idle-timeout notifications sent (one per sweep and primary).
    public var idleTimeoutNotifications: UInt64 = 0

    /// Creates zeroed metrics.
    public init() {}
}

/// The live counters behind `ServiceMetrics`, updated without locks.
final class MetricCounters: Sendable {
    let writes = Atomic<UInt64>(0)
    let updates = Atomic<UInt64>(0)
    let failedUpdates = Atomic<UInt64>(0)
    let reads = Atomic<UInt64>(0)
    let readEntities = Atomic<UInt64>(0)
    let eventsLost = Atomic<UInt64>(0)
    let idleTimeoutNotifications = Atomic<UInt64>(0)
}
