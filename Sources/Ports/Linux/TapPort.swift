import CNetLinux
import Glibc
import Synchronization

/// A TAP network interface created (or attached to) by p4rtd: frames the kernel sends out of the interface
/// are received by the port, frames the port transmits arrive at the interface as if from a wire.
///
/// The device is opened through `/dev/net/tun` with `IFF_TAP | IFF_NO_PI` (plain Ethernet frames, no packet
/// information header), non-blocking, and brought up. It is not persistent: when the port closes, an interface
/// that p4rtd created disappears.
///
/// Containers: the interface can be moved into another network namespace while the port runs, e.g.
/// `ip link set p4p0 netns blue && ip -n blue link set p4p0 up` (moving it brings it down). The port's file
/// descriptor keeps working across the move, so the interface becomes a container's NIC wired to the P4 pipeline.
/// Frames are read one `readv(2)` per frame (TAP has no batch call). The kernel silently cuts a frame longer
/// than the buffer, so each read offers one spare byte past the slot: a frame that reaches it is counted as
/// a receive error instead of being delivered cut short. Keep the interface MTU + 14 within the batch's
/// `frameRoom` (1500 fits the default slots).
public final class TapPort: PacketPort {
    /// The path of the TUN/TAP clone device.
    public static let clonePath = "/dev/net/tun"

    /// See `PacketPort.label`.
    public let label: String
    /// The interface name.
    public let name: String
    /// True when the interface did not exist before (it disappears on close).
    public let createdInterface: Bool

    private let descriptor: Atomic<Int32>
    private let counters = PortCounters()
    private let scratch = OverflowReadVector()

    /// Creates the TAP interface `name` (or attaches to an existing persistent TAP of that name) and brings it
    /// up. Throws `PortError` naming the cause: invalid name, missing `/dev/net/tun`, missing privileges
    /// ("needs root or CAP_NET_ADMIN"), a name taken by a non-TAP interface or by another process's TAP.
    /// `cloneDevice` is the TUN/TAP clone device, for systems that mount it elsewhere.
    public init(name: String, bringUp: Bool = true, cloneDevice: String = TapPort.clonePath) throws(PortError) {
        let label = "tap:\(name)"
        if let problem = InterfaceName.problem(with: name) { throw .invalidSpec(label, reason: problem) }
        let existed = Interface.index(of: name) != nil
        let fd = open(cloneDevice, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENODEV, ENXIO: throw .tunDeviceMissing(path: cloneDevice)
            case EPERM, EACCES:
                throw .permissionDenied(port: label, operation: "open \(cloneDevice)", capability: "CAP_NET_ADMIN")
            default: throw .system(port: label, operation: "open \(cloneDevice)", errno: code)
            }
        }
        var request = Interface.request(named: name)
        request.ifr_ifru.ifru_flags = Int16(IFF_TAP | IFF_NO_PI)
        guard ioctl(fd, cn_TUNSETIFF, &request) == 0 else {
            let code = errno
            Glibc.close(fd)
            switch code {
            case EPERM, EACCES:
                throw .permissionDenied(port: label, operation: "create TAP \(name)", capability: "CAP_NET_ADMIN")
            case EBUSY: throw .interfaceBusy(name)
            case EINVAL where existed: throw .notATapDevice(name)
            default: throw .system(port: label, operation: "create TAP \(name) (TUNSETIFF)", errno: code)
            }
        }
        if bringUp {
            do throws(PortError) {
                try Interface.bringUp(name, port: label)
            } catch {
                Glibc.close(fd)
                throw error
            }
        }
        self.label = label
        self.name = name
        self.createdInterface = !existed
        descriptor = Atomic(fd)
    }

    deinit { close() }

    /// See `PacketPort.receive(into:)`.
    public func receive(into batch: inout PacketBatch) throws(PortError) -> Int {
        let fd = descriptor.load(ordering: .relaxed)
        guard fd >= 0 else { throw .closed(port: label) }
        let room = batch.frameRoom
        let refs = batch.allRefs
        var received = 0
        var bytes = 0
        var errors = 0
        var now: UInt64 = 0
        let vector = scratch.iovecs
        reading: while received < refs.count {
            let destination = batch.slotStart(received) + batch.headroom
            vector[0] = iovec(iov_base: destination, iov_len: room)
            let count = readv(fd, vector, 2)
            if count > room {
                errors += 1
                continue
            }
            if count > 0 {
                if now == 0 { now = WallClock.now() }
                refs[received] = PacketRef(data: destination, length: count, timestamp: now)
                received += 1
                bytes += count
                continue
            }
            let code = count < 0 ? errno : EAGAIN
            switch code {
            case EINTR: continue reading
            case EAGAIN, EWOULDBLOCK: break reading
            case EBADF:
                batch.count = 0
                throw .closed(port: label)
            default:
                errors += 1
                break reading
            }
        }
        batch.count = received
        counters.recordReceive(packets: received, bytes: bytes, errors: errors)
        return received
    }

    /// See `PacketPort.transmit(_:)`: one `write(2)` per frame. A full queue counts as a drop; a refused frame
    /// (interface down, bad length) as an error.
    public func transmit(_ packets: UnsafeBufferPointer<PacketRef>) throws(PortError) -> Int {
        let fd = descriptor.load(ordering: .relaxed)
        guard fd >= 0 else { throw .closed(port: label) }
        var sent = 0
        var bytes = 0
        var dropped = 0
        var errors = 0
        for packet in packets {
            while true {
                if write(fd, packet.data, packet.length) == packet.length {
                    sent += 1
                    bytes += packet.length
                    break
                }
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK, ENOBUFS: dropped += 1
                case EBADF:
                    counters.recordTransmit(packets: sent, bytes: bytes, dropped: dropped, errors: errors)
                    throw .closed(port: label)
                default: errors += 1
                }
                break
            }
        }
        counters.recordTransmit(packets: sent, bytes: bytes, dropped: dropped, errors: errors)
        return sent
    }

    /// The TAP file descriptor (readable when a frame waits), nil once closed.
    public var pollDescriptor: Int32? {
        let fd = descriptor.load(ordering: .relaxed)
        return fd >= 0 ? fd : nil
    }

    /// See `PacketPort.statistics`.
    public var statistics: PortStatistics { counters.snapshot }

    /// Closes the file descriptor; an interface p4rtd created is removed by the kernel.
    public func close() {
        let fd = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if fd >= 0 { Glibc.close(fd) }
    }
}
