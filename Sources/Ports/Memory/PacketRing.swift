/// A bounded FIFO of frames stored in fixed-size slots allocated once; pushing into a full ring fails (the
/// caller counts the drop). Not synchronised: `MemoryPort` keeps each ring inside a `Mutex`. Sendable because it
/// uniquely owns its memory (it is non-copyable), so moving it between threads moves the only access path.
struct PacketRing: ~Copyable, @unchecked Sendable {
    let capacity: Int
    let slotSize: Int
    private let memory: UnsafeMutableRawPointer
    private let lengths: UnsafeMutablePointer<Int>
    private let timestamps: UnsafeMutablePointer<UInt64>
    private var head = 0
    private(set) var count = 0

    init(capacity: Int, slotSize: Int) {
        self.capacity = max(1, capacity)
        self.slotSize = max(1, slotSize)
        memory = UnsafeMutableRawPointer.allocate(byteCount: self.capacity * self.slotSize, alignment: 64)
        lengths = UnsafeMutablePointer<Int>.allocate(capacity: self.capacity)
        lengths.initialize(repeating: 0, count: self.capacity)
        timestamps = UnsafeMutablePointer<UInt64>.allocate(capacity: self.capacity)
        timestamps.initialize(repeating: 0, count: self.capacity)
    }

    deinit {
        timestamps.deallocate()
        lengths.deallocate()
        memory.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var isFull: Bool { count == capacity }

    /// Appends a copy of `frame`; false when the ring is full. The caller has checked the length.
    mutating func push(_ frame: UnsafeRawBufferPointer, timestamp: UInt64) -> Bool {
        guard count < capacity, frame.count <= slotSize else { return false }
        let slot = (head + count) % capacity
        if let source = frame.baseAddress, frame.count > 0 {
            (memory + slot * slotSize).copyMemory(from: source, byteCount: frame.count)
        }
        lengths[slot] = frame.count
        timestamps[slot] = timestamp
        count += 1
        return true
    }

    /// Moves the oldest frame to `destination` (which has `room` bytes); returns its length and timestamp, or
    /// nil when the ring is empty. A frame larger than `room` is removed and reported with `fits == false`.
    mutating func pop(into destination: UnsafeMutableRawPointer, room: Int) -> (length: Int, timestamp: UInt64, fits: Bool)? {
        guard count > 0 else { return nil }
        let length = lengths[head]
        let timestamp = timestamps[head]
        let fits = length <= room
        if fits, length > 0 {
            destination.copyMemory(from: memory + head * slotSize, byteCount: length)
        }
        head = (head + 1) % capacity
        count -= 1
        return (length, timestamp, fits)
    }

    /// Removes the oldest frame and returns a copy of it (allocates; for the API side).
    mutating func popCopy() -> CapturedPacket? {
        guard count > 0 else { return nil }
        let bytes = [UInt8](UnsafeRawBufferPointer(start: memory + head * slotSize, count: lengths[head]))
        let packet = CapturedPacket(bytes: bytes, timestamp: timestamps[head])
        head = (head + 1) % capacity
        count -= 1
        return packet
    }

    mutating func removeAll() {
        head = 0
        count = 0
    }
}
