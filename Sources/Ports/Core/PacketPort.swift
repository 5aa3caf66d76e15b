/// A packet I/O backend the engine drives in bursts: receive into a reusable `PacketBatch`, transmit a burst
/// of `PacketRef`s, poll a file descriptor where the backend has one, read counters.
///
/// Call it through a concrete type or a generic parameter (or `PortBackend`, an enum over the built-in ports)
/// so the compiler specialises the calls; the protocol has no associated types and never allocates per packet.
///
/// Threading contract: `receive` is called by one thread at a time and `transmit` by one thread at a time
/// (they may be two different threads); `statistics` from any thread; `close` once no burst is in flight
/// (closing also happens on deinit).
public protocol PacketPort: Sendable {
    /// A short label for logs and errors, e.g. `tap:p4p0` or `pcap:in.pcap,out.pcap`.
    var label: String { get }

    /// Receives up to `batch.capacity` packets into `batch` (replacing its contents), without blocking.
    /// Returns the number received, also stored in `batch.count`; 0 means nothing is pending now.
    /// Throws only when the port can never deliver again (closed, interface gone, unreadable file).
    func receive(into batch: inout PacketBatch) throws(PortError) -> Int

    /// Transmits `packets` in order, without blocking, copying their bytes before returning. Returns how many
    /// were sent; the others were dropped and counted in `statistics` (`txDropped` or `txErrors`).
    /// Throws only when the port can never send again.
    func transmit(_ packets: UnsafeBufferPointer<PacketRef>) throws(PortError) -> Int

    /// A file descriptor that polls readable when `receive` would return packets, or nil when the port is
    /// always ready (a pcap file) or never receives.
    var pollDescriptor: Int32? { get }

    /// The counters since the port was opened.
    var statistics: PortStatistics { get }

    /// Releases the port's resources (a created TAP device disappears, pcap output is flushed and closed).
    /// Idempotent; afterwards `receive` and `transmit` throw `PortError.closed`.
    func close()
}

extension PacketPort {
    /// Transmits every valid packet of `batch`; see `transmit(_:)`.
    @inlinable
    public func transmit(_ batch: borrowing PacketBatch) throws(PortError) -> Int {
        try transmit(UnsafeBufferPointer(batch.packets))
    }
}
