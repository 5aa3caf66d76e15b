/// `p4.v1.StreamError`: a best-effort report of a failed stream message (PacketOut, DigestListAck, other).
public struct StreamError: Sendable, Hashable {
    /// The `details` oneof: which stream message failed; P4Runtime requires one to be set.
    public enum Details: Sendable, Hashable {
        /// A packet-out failed (`PacketOutError`); nil when the message is not echoed.
        case packetOut(PacketOut?)
        /// A digest list acknowledgement failed (`DigestListAckError`).
        case digestListAck(DigestListAck?)
        /// Another stream message failed (`StreamOtherError`).
        case other(ProtoAny?)
    }

    /// The canonical code.
    public var canonicalCode: CanonicalCode
    /// A human-readable message.
    public var message: String
    /// Vendor error space of `code`.
    public var space: String
    /// Vendor-specific numeric code.
    public var code: Int32
    /// The failed message; nil when not set.
    public var details: Details?

    /// Creates a stream error.
    public init(
        canonicalCode: CanonicalCode = .unknown, message: String = "", space: String = "", code: Int32 = 0,
        details: Details? = nil
    ) {
        self.canonicalCode = canonicalCode
        self.message = message
        self.space = space
        self.code = code
        self.details = details
    }
}
