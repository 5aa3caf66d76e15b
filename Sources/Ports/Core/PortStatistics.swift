/// A snapshot of a port's counters since it was opened.
///
/// Drops are packets lost for lack of room (a full queue, a full kernel buffer); errors are packets the port
/// could not handle (larger than a slot, cut short by the capture's snap length, refused by the interface).
public struct PortStatistics: Equatable, Sendable, CustomStringConvertible {
    /// Packets delivered to the engine.
    public var rxPackets: UInt64 = 0
    /// Bytes of those packets.
    public var rxBytes: UInt64 = 0
    /// Packets lost before the engine saw them (inject queue full, kernel socket buffer overflow).
    public var rxDropped: UInt64 = 0
    /// Packets that arrived but could not be delivered (oversize, truncated).
    public var rxErrors: UInt64 = 0
    /// Packets sent.
    public var txPackets: UInt64 = 0
    /// Bytes of those packets.
    public var txBytes: UInt64 = 0
    /// Packets not sent for lack of room (capture queue full, socket buffer full).
    public var txDropped: UInt64 = 0
    /// Packets the output refused (oversize, interface down, write error).
    public var txErrors: UInt64 = 0

    /// All counters zero.
    public init() {}

    /// `rx 3 pkts/180 B (0 dropped, 0 errors), tx …`, for logs.
    public var description: String {
        "rx \(rxPackets) pkts/\(rxBytes) B (\(rxDropped) dropped, \(rxErrors) errors), "
            + "tx \(txPackets) pkts/\(txBytes) B (\(txDropped) dropped, \(txErrors) errors)"
    }
}
