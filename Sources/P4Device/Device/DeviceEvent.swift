import P4Model

/// Something the data plane did that the controller may need to hear about.
public enum DeviceEvent: Sendable {
    /// A packet for the controller (its `packet_in` metadata already decoded).
    case packetIn(PacketIn)
    /// One digest message (the service buffers, deduplicates and batches them per P4Runtime §9.8).
    case digest(DigestID, P4Data)
    /// Entries the data plane added by itself (add-on-miss / learner tables).
    case entriesLearned(TableID, [TableEntry])
    /// Entries the data plane removed by itself (expiry of learner entries, AUTO_DELETE tables).
    case entriesRemoved(TableID, [TableEntry])
    /// `count` events the device could not keep (a bounded log overflowed) before this point; the controller
    /// should read the affected state again.
    case eventsLost(count: Int)
}

/// Receives device events. Implementations must not block: a full queue drops the event and counts it.
public protocol DeviceEventSink: AnyObject, Sendable {
    /// Takes `event`; returns false when it was dropped because a queue was full.
    @discardableResult
    func deliver(_ event: DeviceEvent) -> Bool
}
