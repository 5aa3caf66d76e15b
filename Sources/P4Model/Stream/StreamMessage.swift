/// `p4.v1.StreamMessageRequest`: a message from controller to server on the stream channel.
public struct StreamMessageRequest: Sendable, Hashable {
    /// The `update` oneof of `p4.v1.StreamMessageRequest`.
    public enum Kind: Sendable, Hashable {
        /// An arbitration bid.
        case arbitration(MasterArbitrationUpdate)
        /// A packet to inject.
        case packet(PacketOut)
        /// A digest list acknowledgement.
        case digestAck(DigestListAck)
        /// An architecture-specific message.
        case other(ProtoAny)
    }

    /// The message; nil when no member of the oneof is set.
    public var kind: Kind?
    /// Creates a stream request.
    public init(_ kind: Kind?) { self.kind = kind }
}

/// `p4.v1.StreamMessageResponse`: a message from server to controller on the stream channel.
public struct StreamMessageResponse: Sendable, Hashable {
    /// The `update` oneof of `p4.v1.StreamMessageResponse`.
    public enum Kind: Sendable, Hashable {
        /// An arbitration advisory.
        case arbitration(MasterArbitrationUpdate)
        /// A packet for the controller.
        case packet(PacketIn)
        /// A list of digest messages.
        case digest(DigestList)
        /// Expired table entries.
        case idleTimeoutNotification(IdleTimeoutNotification)
        /// An architecture-specific message.
        case other(ProtoAny)
        /// A report of a failed stream request.
        case error(StreamError)
    }

    /// The message; nil when no member of the oneof is set.
    public var kind: Kind?
    /// Creates a stream response.
    public init(_ kind: Kind?) { self.kind = kind }
}
