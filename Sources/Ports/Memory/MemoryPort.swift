import Glibc
import Synchronization

/// A port whose wire is two bounded in-memory queues: frames the API injects wait in the inject queue until
/// the engine receives them; frames the engine transmits wait in the capture queue until the API takes them.
///
/// Both queues have fixed capacities allocated up front (no allocation per packet on the engine side) and
/// drop new frames when full, counting them (`rxDropped` for inject, `txDropped` for capture). A pipe makes
/// the port pollable: `pollDescriptor` is readable exactly while the inject queue is non-empty, so an engine
/// worker can sleep in `poll(2)` over all its ports alike.
public final class MemoryPort: PacketPort {
    /// Default number of frames each queue holds.
    public static let defaultQueueCapacity = 1024
    /// Default largest frame, in bytes: what fits a default `PacketBatch` slot after its headroom, so every
    /// frame the API accepts can be received into default batches.
    public static let defaultMaximumFrameLength = PacketBatch.defaultSlotSize - PacketBatch.defaultHeadroom

    /// See `PacketPort.label`.
    public let label: String
    /// Frames each queue holds.
    public let queueCapacity: Int
    /// The largest frame `inject` accepts (and the capture queue stores).
    public let maximumFrameLength: Int

    private let injectQueue: Mutex<PacketRing>
    private let captureQueue: Mutex<PacketRing>
    private let counters = PortCounters()
    private let isClosed = Atomic<Bool>(false)
    /// The pipe that signals a non-empty inject queue: it holds one byte iff the queue holds a frame.
    private let signalRead: Int32
    private let signalWrite: Int32

    /// Creates a memory port; throws only if the process is out of file descriptors for the signal pipe.
    public init(
        label: String = "memory",
        queueCapacity: Int = MemoryPort.defaultQueueCapacity,
        maximumFrameLength: Int = MemoryPort.defaultMaximumFrameLength
    ) throws(PortError) {
        self.label = label
        self.queueCapacity = max(1, queueCapacity)
        self.maximumFrameLength = max(64, maximumFrameLength)
        injectQueue = Mutex(PacketRing(capacity: self.queueCapacity, slotSize: self.maximumFrameLength))
        captureQueue = Mutex(PacketRing(capacity: self.queueCapacity, slotSize: self.maximumFrameLength))
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw .system(port: label, operation: "pipe", errno: errno) }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        signalRead = fds[0]
        signalWrite = fds[1]
    }

    deinit {
        Glibc.close(signalRead)
        Glibc.close(signalWrite)
    }

    /// Queues a copy of `frame` for the engine to receive. Returns false when the inject queue is full (the
    /// frame is dropped and counted); throws for an empty or oversize frame, or a closed port.
    /// `timestamp` defaults to the current time.
    @discardableResult
    public func inject(_ frame: [UInt8], timestamp: UInt64? = nil) throws(PortError) -> Bool {
        guard !isClosed.load(ordering: .acquiring) else { throw .closed(port: label) }
        guard !frame.isEmpty else { throw .emptyFrame(port: label) }
        guard frame.count <= maximumFrameLength else {
            throw .frameTooLarge(port: label, length: frame.count, limit: maximumFrameLength)
        }
        let time = timestamp ?? WallClock.now()
        let queued = injectQueue.withLock { ring in
            let wasEmpty = ring.isEmpty
            let pushed = frame.withUnsafeBytes { ring.push($0, timestamp: time) }
            if pushed, wasEmpty { signal(true) }
            return pushed
        }
        if !queued { counters.recordReceive(packets: 0, bytes: 0, dropped: 1) }
        return queued
    }

    /// Removes and returns up to `limit` frames the engine transmitted, oldest first.
    public func capture(limit: Int = .max) -> [CapturedPacket] {
        captureQueue.withLock { ring in
            var packets: [CapturedPacket] = []
            packets.reserveCapacity(min(limit, ring.count))
            while packets.count < limit, let packet = ring.popCopy() { packets.append(packet) }
            return packets
        }
    }

    /// Frames waiting for the engine.
    public var injectQueueDepth: Int { injectQueue.withLock { $0.count } }

    /// Frames waiting for the API.
    public var captureQueueDepth: Int { captureQueue.withLock { $0.count } }

    /// See `PacketPort.receive(into:)`. Frames larger than the batch's `frameRoom` are counted as errors.
    public func receive(into batch: inout PacketBatch) throws(PortError) -> Int {
        guard !isClosed.load(ordering: .relaxed) else { throw .closed(port: label) }
        let room = batch.frameRoom
        let slots = batch.allRefs
        var received = 0
        var bytes = 0
        var errors = 0
        var slot = 0
        injectQueue.withLock { ring in
            guard !ring.isEmpty else { return }
            while slot < slots.count {
                let destination = batch.slotStart(slot) + batch.headroom
                guard let frame = ring.pop(into: destination, room: room) else { break }
                guard frame.fits else {
                    errors += 1
                    continue
                }
                slots[received] = PacketRef(data: destination, length: frame.length, timestamp: frame.timestamp)
                received += 1
                bytes += frame.length
                slot += 1
            }
            if ring.isEmpty { signal(false) }
        }
        batch.count = received
        counters.recordReceive(packets: received, bytes: bytes, errors: errors)
        return received
    }

    /// See `PacketPort.transmit(_:)`: copies each packet into the capture queue.
    public func transmit(_ packets: UnsafeBufferPointer<PacketRef>) throws(PortError) -> Int {
        guard !isClosed.load(ordering: .relaxed) else { throw .closed(port: label) }
        guard !packets.isEmpty else { return 0 }
        var now: UInt64 = 0
        var sent = 0
        var bytes = 0
        var dropped = 0
        var errors = 0
        captureQueue.withLock { ring in
            for packet in packets {
                guard packet.length <= ring.slotSize else {
                    errors += 1
                    continue
                }
                var time = packet.timestamp
                if time == 0 {
                    if now == 0 { now = WallClock.now() }
                    time = now
                }
                if ring.push(UnsafeRawBufferPointer(packet.bytes), timestamp: time) {
                    sent += 1
                    bytes += packet.length
                } else {
                    dropped += 1
                }
            }
        }
        counters.recordTransmit(packets: sent, bytes: bytes, dropped: dropped, errors: errors)
        return sent
    }

    /// The read end of the signal pipe (readable while frames wait in the inject queue).
    public var pollDescriptor: Int32? { signalRead }

    /// See `PacketPort.statistics`.
    public var statistics: PortStatistics { counters.snapshot }

    /// Discards both queues; later calls throw `PortError.closed`.
    public func close() {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        injectQueue.withLock { ring in
            ring.removeAll()
            signal(false)
        }
        captureQueue.withLock { $0.removeAll() }
    }

    /// Sets the pipe to hold one byte (`true`) or none; called with the inject queue locked.
    private func signal(_ pending: Bool) {
        var byte: UInt8 = 1
        if pending {
            _ = write(signalWrite, &byte, 1)
        } else {
            _ = read(signalRead, &byte, 1)
        }
    }
}
