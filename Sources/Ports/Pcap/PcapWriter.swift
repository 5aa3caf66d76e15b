import CPcap
import Glibc

/// An output capture file in the classic pcap format (microsecond timestamps, Ethernet link type) that
/// Wireshark and tcpdump read. Flushed after every burst and on close. Not synchronised: `PcapPort` keeps it
/// inside a `Mutex`. Without a path it writes nothing (every packet is reported as not written).
struct PcapWriter: ~Copyable, @unchecked Sendable {
    /// The snap length recorded in the file header: libpcap's maximum, so no frame is ever cut.
    static let snapLength: Int32 = 262_144

    let path: String
    private var handle: OpaquePointer?
    private var dumper: OpaquePointer?

    init(path: String?) throws(PortError) {
        guard let path else {
            self.path = ""
            return
        }
        self.path = path
        guard let handle = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, Self.snapLength, UInt32(PCAP_TSTAMP_PRECISION_MICRO)) else {
            throw .pcapFailed(path: path, message: "libpcap could not create a capture handle")
        }
        guard let dumper = pcap_dump_open(handle, path) else {
            let message = String(cString: pcap_geterr(handle))
            pcap_close(handle)
            throw .pcapFailed(path: path, message: message)
        }
        self.handle = handle
        self.dumper = dumper
    }

    deinit {
        if let dumper { pcap_dump_close(dumper) }
        if let handle { pcap_close(handle) }
    }

    /// Appends `packets` and flushes; returns how many were written and how many were refused for exceeding
    /// the snap length. `now` stamps packets without a time.
    mutating func write(_ packets: UnsafeBufferPointer<PacketRef>, now: UInt64) throws(PortError) -> (written: Int, bytes: Int, errors: Int) {
        guard let dumper else { return (0, 0, 0) }
        let user = UnsafeMutableRawPointer(dumper).assumingMemoryBound(to: UInt8.self)
        var header = pcap_pkthdr()
        var bytes = 0
        var errors = 0
        for packet in packets {
            guard packet.length <= Int(Self.snapLength) else {
                errors += 1
                continue
            }
            let time = packet.timestamp == 0 ? now : packet.timestamp
            header.ts.tv_sec = Int(time / 1_000_000_000)
            header.ts.tv_usec = Int(time % 1_000_000_000 / 1_000)
            header.caplen = UInt32(truncatingIfNeeded: packet.length)
            header.len = header.caplen
            pcap_dump(user, &header, packet.data.assumingMemoryBound(to: UInt8.self))
            bytes += packet.length
        }
        guard pcap_dump_flush(dumper) == 0 else {
            throw .pcapFailed(path: path, message: "write failed: \(String(cString: strerror(errno)))")
        }
        return (packets.count - errors, bytes, errors)
    }

    mutating func close() {
        if let dumper { pcap_dump_close(dumper) }
        if let handle { pcap_close(handle) }
        dumper = nil
        handle = nil
    }
}
