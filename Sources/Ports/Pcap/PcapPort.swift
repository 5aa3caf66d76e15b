import Synchronization

/// A port backed by capture files: it receives the frames of an input file (pcap or pcapng, Ethernet only,
/// as fast as the engine asks, each with its recorded timestamp) and appends the frames it transmits to an
/// output file (classic pcap, microsecond timestamps, readable by Wireshark and tcpdump).
///
/// Either file may be absent: without input the port never receives; without output it drops what it is
/// given (counted as `txDropped`). When the input is used up, `isInputExhausted` turns true and `receive`
/// returns 0. The output is flushed after every burst and closed by `close()` (or deinit).
public final class PcapPort: PacketPort {
    /// See `PacketPort.label`.
    public let label: String
    /// The input file, if any.
    public let inputPath: String?
    /// The output file, if any.
    public let outputPath: String?

    private let reader: Mutex<PcapReader>
    private let writer: Mutex<PcapWriter>
    private let counters = PortCounters()
    private let isClosed = Atomic<Bool>(false)

    /// Opens `input` for reading and creates (truncates) `output`; throws `PortError.pcapFailed` naming the file
    /// and libpcap's reason, or `PortError.unsupportedLinkType` for a non-Ethernet capture.
    public init(input: String?, output: String?) throws(PortError) {
        label = "pcap:" + (input ?? "") + (output.map { "," + $0 } ?? "")
        inputPath = input
        outputPath = output
        reader = Mutex(try PcapReader(path: input))
        writer = Mutex(try PcapWriter(path: output))
    }

    /// True when there is no input, or every frame of it has been received.
    public var isInputExhausted: Bool {
        reader.withLock { $0.isExhausted }
    }

    /// See `PacketPort.receive(into:)`. Frames cut short by the capture's snap length, or larger than the
    /// batch's `frameRoom`, are skipped and counted in `rxErrors`; a read error after some frames of a burst
    /// is thrown by the next call.
    public func receive(into batch: inout PacketBatch) throws(PortError) -> Int {
        guard !isClosed.load(ordering: .relaxed) else { throw .closed(port: label) }
        let result = try reader.withLock { (state: inout PcapReader) throws(PortError) -> (received: Int, bytes: Int, errors: Int) in
            try state.read(into: &batch)
        }
        counters.recordReceive(packets: result.received, bytes: result.bytes, errors: result.errors)
        return result.received
    }

    /// See `PacketPort.transmit(_:)`. Packets whose timestamp is 0 are stamped with the current time; packets
    /// longer than the file's snap length (262,144 bytes) are refused and counted as errors.
    public func transmit(_ packets: UnsafeBufferPointer<PacketRef>) throws(PortError) -> Int {
        guard !isClosed.load(ordering: .relaxed) else { throw .closed(port: label) }
        guard !packets.isEmpty else { return 0 }
        let result = try writer.withLock { (state: inout PcapWriter) throws(PortError) -> (written: Int, bytes: Int, errors: Int) in
            try state.write(packets, now: WallClock.now())
        }
        counters.recordTransmit(
            packets: result.written, bytes: result.bytes,
            dropped: packets.count - result.written - result.errors, errors: result.errors)
        return result.written
    }

    /// Always nil: a file is always ready.
    public var pollDescriptor: Int32? { nil }

    /// See `PacketPort.statistics`.
    public var statistics: PortStatistics { counters.snapshot }

    /// Closes the input and flushes and closes the output file.
    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        reader.withLock { $0.close() }
        writer.withLock { $0.close() }
    }
}
