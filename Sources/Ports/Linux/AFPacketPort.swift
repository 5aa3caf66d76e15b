import CNetLinux
import Glibc
import Synchronization

/// A port on an existing network interface through an AF_PACKET raw socket: it receives every frame arriving
/// at the interface (promiscuous, so frames for other MAC addresses too) and transmits frames out of it.
///
/// The socket is bound to the interface's index, non-blocking, and ignores the frames it (or anyone else on
/// the host) sends (`PACKET_IGNORE_OUTGOING`, or by checking `sll_pkttype` on kernels before 4.20). Bursts use
/// `recvmmsg(2)`/`sendmmsg(2)`: one system call per burst. Kernel receive-queue overflows are reported as
/// `rxDropped` (read from `PACKET_STATISTICS`).
///
/// Trap (veth with locally generated traffic): frames can carry partial (offloaded) checksums; disable tx
/// checksum offload on the sending side (`ethtool -K IFACE tx off`) when the pipeline rewrites L4 headers.
public final class AFPacketPort: PacketPort {
    /// The largest burst one system call moves.
    public static let maximumBurst = 64

    /// See `PacketPort.label`.
    public let label: String
    /// The interface name.
    public let interface: String
    /// The interface index the socket is bound to.
    public let interfaceIndex: Int32

    private let descriptor: Atomic<Int32>
    private let skipsOutgoing: Bool
    private let receiveVector = MessageVector(capacity: AFPacketPort.maximumBurst)
    private let sendVector = MessageVector(capacity: AFPacketPort.maximumBurst)
    private let counters = PortCounters()

    /// Opens a raw packet socket on `interface`. Throws `PortError` naming the cause: invalid name, no such
    /// interface, missing privileges ("needs root or CAP_NET_RAW").
    public init(interface: String) throws(PortError) {
        let label = "afpacket:\(interface)"
        if let problem = InterfaceName.problem(with: interface) { throw .invalidSpec(label, reason: problem) }
        guard MessageVector.receiveCall != nil, MessageVector.sendCall != nil else {
            throw .system(port: label, operation: "find recvmmsg/sendmmsg in libc", errno: ENOSYS)
        }
        guard let index = Interface.index(of: interface) else { throw .noSuchInterface(interface) }
        // Protocol 0 until bound: the socket sees no traffic from other interfaces in between.
        let fd = socket(AF_PACKET, Int32(SOCK_RAW.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw Interface.failure(port: label, interface: interface, operation: "open a packet socket", errno: errno, capability: "CAP_NET_RAW")
        }
        var address = sockaddr_ll()
        address.sll_family = UInt16(AF_PACKET)
        address.sll_protocol = UInt16(ETH_P_ALL).bigEndian
        address.sll_ifindex = index
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_ll>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Interface.failure(port: label, interface: interface, operation: "bind to \(interface)", errno: code, capability: "CAP_NET_RAW")
        }
        var membership = packet_mreq()
        membership.mr_ifindex = index
        membership.mr_type = UInt16(PACKET_MR_PROMISC)
        guard setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &membership, socklen_t(MemoryLayout<packet_mreq>.size)) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Interface.failure(port: label, interface: interface, operation: "enable promiscuous mode on \(interface)", errno: code)
        }
        var one: Int32 = 1
        skipsOutgoing = setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, socklen_t(MemoryLayout<Int32>.size)) != 0
        self.label = label
        self.interface = interface
        self.interfaceIndex = index
        descriptor = Atomic(fd)
    }

    deinit { close() }

    /// See `PacketPort.receive(into:)`. Frames larger than the batch's `frameRoom` are counted as errors.
    public func receive(into batch: inout PacketBatch) throws(PortError) -> Int {
        let fd = descriptor.load(ordering: .relaxed)
        guard fd >= 0 else { throw .closed(port: label) }
        guard let call = MessageVector.receiveCall else { return 0 }
        let vector = receiveVector
        let room = batch.frameRoom
        let refs = batch.allRefs
        var slotsUsed = 0
        var received = 0
        var bytes = 0
        var errors = 0
        var now: UInt64 = 0
        batch.count = 0
        while slotsUsed < refs.count {
            let chunk = min(refs.count - slotsUsed, vector.capacity)
            for entry in 0..<chunk {
                vector.set(entry, buffer: batch.slotStart(slotsUsed + entry) + batch.headroom, length: room, withAddress: skipsOutgoing)
            }
            let count = Int(call(fd, vector.headers, UInt32(chunk), Int32(MSG_DONTWAIT), nil))
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { break }
                batch.count = received
                switch code {
                case EBADF:
                    counters.recordReceive(packets: received, bytes: bytes, errors: errors)
                    throw .closed(port: label)
                case ENODEV, ENXIO:
                    counters.recordReceive(packets: received, bytes: bytes, errors: errors)
                    throw .interfaceGone(interface)
                default:
                    // ENETDOWN and the like (reported once per event): nothing more to read now.
                    counters.recordReceive(packets: received, bytes: bytes, errors: errors + 1)
                    return received
                }
            }
            if count > 0, now == 0 { now = WallClock.now() }
            for entry in 0..<count {
                let slot = slotsUsed + entry
                if vector.flags(entry) & Int32(MSG_TRUNC) != 0 {
                    errors += 1
                    continue
                }
                if skipsOutgoing, vector.addresses[entry].sll_pkttype == UInt8(PACKET_OUTGOING) { continue }
                let length = vector.length(entry)
                refs[received] = PacketRef(data: batch.slotStart(slot) + batch.headroom, length: length, timestamp: now)
                received += 1
                bytes += length
            }
            slotsUsed += count
            if count < chunk { break }
        }
        batch.count = received
        counters.recordReceive(packets: received, bytes: bytes, errors: errors)
        return received
    }

    /// See `PacketPort.transmit(_:)`. A full socket buffer counts the rest of the burst as dropped; a frame the
    /// interface refuses (too short, too long, interface down) as an error.
    public func transmit(_ packets: UnsafeBufferPointer<PacketRef>) throws(PortError) -> Int {
        let fd = descriptor.load(ordering: .relaxed)
        guard fd >= 0 else { throw .closed(port: label) }
        guard let call = MessageVector.sendCall else { return 0 }
        let vector = sendVector
        var next = 0
        var sent = 0
        var bytes = 0
        var dropped = 0
        var errors = 0
        sending: while next < packets.count {
            let chunk = min(packets.count - next, vector.capacity)
            for entry in 0..<chunk {
                let packet = packets[next + entry]
                vector.set(entry, buffer: packet.data, length: packet.length, withAddress: false)
            }
            let count = Int(call(fd, vector.headers, UInt32(chunk), Int32(MSG_DONTWAIT)))
            if count > 0 {
                for entry in 0..<count { bytes += packets[next + entry].length }
                sent += count
                next += count
                continue
            }
            let code = errno
            switch code {
            case EINTR:
                continue sending
            case EAGAIN, EWOULDBLOCK, ENOBUFS:
                dropped += packets.count - next
                break sending
            case EMSGSIZE, EINVAL:
                // This one frame is unacceptable; the rest may be fine.
                errors += 1
                next += 1
            case EBADF:
                counters.recordTransmit(packets: sent, bytes: bytes, dropped: dropped, errors: errors)
                throw .closed(port: label)
            case ENODEV, ENXIO:
                counters.recordTransmit(packets: sent, bytes: bytes, dropped: dropped, errors: errors + packets.count - next)
                throw .interfaceGone(interface)
            default:
                errors += packets.count - next
                break sending
            }
        }
        counters.recordTransmit(packets: sent, bytes: bytes, dropped: dropped, errors: errors)
        return sent
    }

    /// The socket (readable when frames wait), nil once closed.
    public var pollDescriptor: Int32? {
        let fd = descriptor.load(ordering: .relaxed)
        return fd >= 0 ? fd : nil
    }

    /// See `PacketPort.statistics`; folds in the kernel's count of frames dropped for lack of buffer space.
    public var statistics: PortStatistics {
        let fd = descriptor.load(ordering: .relaxed)
        if fd >= 0 {
            var kernel = tpacket_stats()
            var size = socklen_t(MemoryLayout<tpacket_stats>.size)
            // The kernel resets these counters on every read, so each read's drops are added exactly once.
            if getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &kernel, &size) == 0, kernel.tp_drops > 0 {
                counters.recordReceive(packets: 0, bytes: 0, dropped: Int(kernel.tp_drops))
            }
        }
        return counters.snapshot
    }

    /// Closes the socket (promiscuous mode is dropped with it).
    public func close() {
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if fd >= 0 { Glibc.close(fd) }
    }
}
