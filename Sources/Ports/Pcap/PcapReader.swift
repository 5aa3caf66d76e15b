import CPcap
import Glibc

/// An open capture file (pcap or pcapng, through libpcap) delivering Ethernet frames with nanosecond
/// timestamps, or no file at all (then it is exhausted from the start). Not synchronised: `PcapPort` keeps it
/// inside a `Mutex`.
struct PcapReader: ~Copyable, @unchecked Sendable {
    let path: String
    private var handle: OpaquePointer?
    private(set) var isExhausted: Bool
    /// A read error met after some packets of a burst were delivered; thrown by the next call.
    private var pendingError: PortError?

    init(path: String?) throws(PortError) {
        guard let path else {
            self.path = ""
            isExhausted = true
            return
        }
        self.path = path
        isExhausted = false
        var message = ""
        let opened: OpaquePointer? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(PCAP_ERRBUF_SIZE)) { buffer in
            buffer.initialize(repeating: 0)
            let pointer = pcap_open_offline_with_tstamp_precision(path, UInt32(PCAP_TSTAMP_PRECISION_NANO), buffer.baseAddress)
            if pointer == nil, let base = buffer.baseAddress { message = String(cString: base) }
            return pointer
        }
        guard let opened else { throw .pcapFailed(path: path, message: message.isEmpty ? "cannot open" : message) }
        let linkType = pcap_datalink(opened)
        guard linkType == DLT_EN10MB else {
            let name = pcap_datalink_val_to_name(linkType).map { String(cString: $0) } ?? "unknown"
            pcap_close(opened)
            throw .unsupportedLinkType(path: path, linkType: linkType, name: name)
        }
        handle = opened
    }

    deinit {
        if let handle { pcap_close(handle) }
    }

    /// Reads up to `batch.capacity` complete frames into `batch`; returns (received, bytes, errors). Frames cut
    /// short by the capture's snap length, or larger than a slot, are skipped and counted as errors.
    mutating func read(into batch: inout PacketBatch) throws(PortError) -> (received: Int, bytes: Int, errors: Int) {
        if let error = pendingError {
            pendingError = nil
            throw error
        }
        batch.count = 0
        guard let handle, !isExhausted else { return (0, 0, 0) }
        let room = batch.frameRoom
        let refs = batch.allRefs
        var received = 0
        var bytes = 0
        var errors = 0
        while received < refs.count {
            var header: UnsafeMutablePointer<pcap_pkthdr>?
            var data: UnsafePointer<UInt8>?
            let status = pcap_next_ex(handle, &header, &data)
            if status == PCAP_ERROR_BREAK {
                isExhausted = true
                break
            }
            guard status == 1, let header, let data else {
                isExhausted = true
                let error = PortError.pcapFailed(path: path, message: "read failed: " + String(cString: pcap_geterr(handle)))
                if received == 0 { throw error }
                pendingError = error
                break
            }
            let length = Int(header.pointee.caplen)
            guard header.pointee.caplen == header.pointee.len, length <= room else {
                errors += 1
                continue
            }
            let destination = batch.slotStart(received) + batch.headroom
            destination.copyMemory(from: data, byteCount: length)
            // Opened with nanosecond precision, so tv_usec carries nanoseconds.
            let timestamp = UInt64(header.pointee.ts.tv_sec) &* 1_000_000_000 &+ UInt64(header.pointee.ts.tv_usec)
            refs[received] = PacketRef(data: destination, length: length, timestamp: timestamp)
            received += 1
            bytes += length
        }
        batch.count = received
        return (received, bytes, errors)
    }

    mutating func close() {
        if let handle { pcap_close(handle) }
        handle = nil
        isExhausted = true
    }
}
