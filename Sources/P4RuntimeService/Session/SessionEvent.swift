import P4Model

/// One message the service sends to a controller on its stream session, in the order produced.
public enum SessionEvent: Sendable, Hashable {
    /// An arbitration advisory (`StreamMessageResponse.arbitration`).
    case arbitration(MasterArbitrationUpdate)
    /// A packet for the controller (`StreamMessageResponse.packet`).
    case packetIn(PacketIn)
    /// A batch of digest messages (`StreamMessageResponse.digest`).
    case digestList(DigestList)
    /// Entries whose idle timeout expired (`StreamMessageResponse.idle_timeout_notification`); never empty.
    case idleTimeoutNotification(IdleTimeoutNotification)
    /// A best-effort report of a failed stream request (`StreamMessageResponse.error`).
    case streamError(StreamError)
    /// Entries the data plane added by itself (p4rtd extension: learner / add-on-miss tables).
    case entriesLearned(TableID, [TableEntry])
    /// Entries the data plane removed by itself (p4rtd extension: expiry, AUTO_DELETE).
    case entriesRemoved(TableID, [TableEntry])
    /// `count` events were dropped because the session's queue was full (always delivered before newer events).
    case eventsLost(count: Int)
}
