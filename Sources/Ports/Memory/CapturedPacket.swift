/// A frame taken out of a `MemoryPort`'s capture queue: its bytes and the time the engine transmitted it.
public struct CapturedPacket: Equatable, Sendable {
    /// The frame, starting with the Ethernet destination address.
    public var bytes: [UInt8]
    /// Nanoseconds since the Unix epoch.
    public var timestamp: UInt64

    /// Creates a captured packet.
    public init(bytes: [UInt8], timestamp: UInt64) {
        self.bytes = bytes
        self.timestamp = timestamp
    }
}
