/// One packet in caller-owned memory: where its first byte is, how long it is, and when it arrived.
///
/// A plain value (two words and a timestamp) so bursts of them live in flat arrays with no reference counting.
/// A `PacketRef` does not own its bytes: whoever filled it (a `PacketBatch`, the engine) keeps them alive for as
/// long as the ref is used. Ports copy the bytes out before `transmit` returns and never keep a ref.
public struct PacketRef {
    /// The packet's first byte (the Ethernet destination address).
    public var data: UnsafeMutableRawPointer
    /// The packet's length in bytes.
    public var length: Int
    /// Arrival (or departure) time in nanoseconds since the Unix epoch; 0 means "not known", and a port that
    /// records time (a pcap writer) substitutes the current time.
    public var timestamp: UInt64

    /// Creates a ref to `length` bytes at `data`.
    @inlinable
    public init(data: UnsafeMutableRawPointer, length: Int, timestamp: UInt64 = 0) {
        self.data = data
        self.length = length
        self.timestamp = timestamp
    }

    /// The packet's bytes.
    @inlinable
    public var bytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: data, count: length) }
}
