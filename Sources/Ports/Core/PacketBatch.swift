/// A burst of packet buffers allocated once and reused for every burst: `capacity` slots of `slotSize` bytes
/// each, plus one `PacketRef` per slot describing the packet it holds.
///
/// Ports receive into a batch (`PacketPort.receive(into:)`), the engine rewrites packets in place (it may move a
/// ref's `data` back into the slot's headroom to push headers, or forward to pop them), and any port can
/// transmit the batch's refs. Nothing is allocated per packet.
///
/// Layout contract: slot `i` spans `slotStart(i) ..< slotStart(i) + slotSize`; a port that receives a packet
/// places it at `slotStart(i) + headroom`, so at most `slotSize - headroom` (`frameRoom`) bytes fit and larger
/// frames are counted as receive errors. After a receive, `packets[k]` (for `k < count`) points into *some* slot
/// of this batch, not necessarily slot `k`.
///
/// The batch is non-copyable: exactly one owner (one engine worker) uses it at a time, so it may be sent to
/// another thread but never shared.
public struct PacketBatch: ~Copyable, @unchecked Sendable {
    /// Number of slots (the largest burst).
    public let capacity: Int
    /// Bytes per slot.
    public let slotSize: Int
    /// Bytes kept free before a received packet so the engine can prepend headers without copying.
    public let headroom: Int
    /// Number of valid entries in `packets`.
    public var count: Int

    @usableFromInline let memory: UnsafeMutableRawPointer
    @usableFromInline let refs: UnsafeMutablePointer<PacketRef>

    /// The default slot size: a 1518-byte VLAN-tagged frame plus 128 bytes of headroom fit, with room to spare.
    public static let defaultSlotSize = 2048
    /// The default headroom.
    public static let defaultHeadroom = 128

    /// Allocates `capacity` slots of `slotSize` bytes, each keeping `headroom` bytes free in front of a
    /// received packet. Sizes are clamped to sane minimums (1 slot, 64-byte frames), never trapped on.
    public init(capacity: Int, slotSize: Int = PacketBatch.defaultSlotSize, headroom: Int = PacketBatch.defaultHeadroom) {
        let capacity = max(1, capacity)
        let headroom = max(0, headroom)
        // Slots are cache-line multiples so neighbouring packets never share a line.
        let slotSize = (max(slotSize, headroom + 64) + 63) & ~63
        self.capacity = capacity
        self.slotSize = slotSize
        self.headroom = headroom
        self.count = 0
        memory = UnsafeMutableRawPointer.allocate(byteCount: capacity * slotSize, alignment: 64)
        refs = UnsafeMutablePointer<PacketRef>.allocate(capacity: capacity)
        for index in 0..<capacity {
            (refs + index).initialize(to: PacketRef(data: memory + index * slotSize + headroom, length: 0))
        }
    }

    deinit {
        refs.deallocate()
        memory.deallocate()
    }

    /// The largest frame a port can receive into one slot.
    @inlinable
    public var frameRoom: Int { slotSize - headroom }

    /// The first byte of slot `index` (its headroom starts here).
    @inlinable
    public func slotStart(_ index: Int) -> UnsafeMutableRawPointer {
        precondition(index >= 0 && index < capacity, "slot index out of range")
        return memory + index * slotSize
    }

    /// The refs of the `count` valid packets; the engine may rewrite them in place.
    @inlinable
    public var packets: UnsafeMutableBufferPointer<PacketRef> {
        UnsafeMutableBufferPointer(start: refs, count: count)
    }

    /// Every slot's ref, valid or not (ports fill these while receiving).
    @inlinable
    public var allRefs: UnsafeMutableBufferPointer<PacketRef> {
        UnsafeMutableBufferPointer(start: refs, count: capacity)
    }

    /// Empties the batch.
    @inlinable
    public mutating func removeAll() { count = 0 }

    /// Copies `frame` into the next free slot (after the headroom) and appends a ref to it; returns false when
    /// the batch is full or the frame exceeds `frameRoom`. For building bursts by hand (tests, the API).
    @discardableResult
    public mutating func append(copying frame: UnsafeRawBufferPointer, timestamp: UInt64 = 0) -> Bool {
        guard count < capacity, frame.count <= frameRoom else { return false }
        let destination = memory + count * slotSize + headroom
        if let source = frame.baseAddress, frame.count > 0 {
            destination.copyMemory(from: source, byteCount: frame.count)
        }
        refs[count] = PacketRef(data: destination, length: frame.count, timestamp: timestamp)
        count += 1
        return true
    }

    /// Copies `frame` into the next free slot; see `append(copying:timestamp:)`.
    @discardableResult
    public mutating func append(_ frame: [UInt8], timestamp: UInt64 = 0) -> Bool {
        frame.withUnsafeBytes { append(copying: $0, timestamp: timestamp) }
    }

    /// A copy of packet `index`'s bytes (for tests and the API; allocates).
    public func bytes(of index: Int) -> [UInt8] {
        precondition(index >= 0 && index < count, "packet index out of range")
        let ref = refs[index]
        return [UInt8](UnsafeRawBufferPointer(start: ref.data, count: ref.length))
    }
}
