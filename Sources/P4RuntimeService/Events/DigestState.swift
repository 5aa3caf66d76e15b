import P4Model

/// Digest buffering of one device (P4Runtime §9.8): per enabled digest, the distinct messages waiting to be
/// sent, and the messages sent but not yet acknowledged (suppressed as duplicates until acked or
/// `ack_timeout_ns` passes).
///
/// Kept apart from the device state so the device's event delivery never waits for a write batch.
struct DigestState: Sendable {
    struct Buffer: Sendable {
        var config: DigestEntry.Config
        var pending: [P4Data] = []
        var pendingSet: Set<P4Data> = []
        var firstBufferedAt: UInt64 = 0
        /// Sent, unacknowledged messages and when their suppression ends.
        var suppressedUntil: [P4Data: UInt64] = [:]
        /// The messages of each unacknowledged list.
        var unackedLists: [UInt64: [P4Data]] = [:]
    }

    var buffers: [DigestID: Buffer] = [:]
    var nextListId: UInt64 = 1
    /// Messages dropped because their digest was not enabled.
    var droppedDisabled = 0
}
