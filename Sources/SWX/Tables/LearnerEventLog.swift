/// A bounded log of what the packet path did to a learner's entries since the control plane last looked, so the
/// control plane can report learned and removed flows at a cost proportional to what changed, not to capacity.
///
/// A preallocated ring of fixed-size POD records (kind, entry id, the key bytes of a removal, since the slot can
/// be reused before the log is read). Writers and the reader never run at the same time: the packet path writes
/// while a burst holds the device lock, the control plane drains between bursts. When the ring is full a new
/// event is counted in `lost` instead of being written, so the reader can say how many it missed.
public struct LearnerEventLog: @unchecked Sendable {
    // @unchecked: plain pointers, used only under the device lock (see above).

    /// What happened to an entry.
    public enum Kind: UInt32, Sendable {
        /// `learn` installed a new key (a miss, not an update of a hit entry).
        case learned = 1
        /// The entry left: `forget`, or its expired slot was reused by another key before a sweep reported it.
        case removed = 2
    }

    /// The counters of the ring (a pointer so the packet path updates them with plain stores).
    struct Header {
        var written = 0
        var read = 0
        var lost = 0
        /// The next bucket the incremental expiry sweep visits.
        var expiryCursor = 0
    }

    /// Records the ring holds.
    public let capacity: Int
    let keySize: Int
    let recordStride: Int
    let storage: UnsafeMutableRawPointer
    let header: UnsafeMutablePointer<Header>

    /// Record layout: kind (UInt32), entry id (UInt32), key bytes (removals only).
    static let keyOffset = 8

    /// A log of `capacity` records (rounded up to a power of two) for keys of `keySize` bytes.
    init(capacity: Int, keySize: Int) {
        self.capacity = KeyBytes.powerOfTwo(atLeast: max(capacity, 1))
        self.keySize = keySize
        recordStride = LearnerEventLog.keyOffset + KeyBytes.stride(keySize)
        storage = .allocate(byteCount: self.capacity * recordStride, alignment: 8)
        header = .allocate(capacity: 1)
        header.initialize(to: Header())
    }

    func release() {
        storage.deallocate()
        header.deallocate()
    }

    /// Appends an event; `key` (the entry's `keySize` bytes) is kept for removals. Counts it as lost when full.
    @inline(__always)
    func log(_ kind: Kind, id: UInt32, key: UnsafeRawPointer?) {
        let h = header.pointee
        guard h.written &- h.read < capacity else {
            header.pointee.lost &+= 1
            return
        }
        let r = storage + (h.written & (capacity &- 1)) &* recordStride
        r.storeBytes(of: kind.rawValue, as: UInt32.self)
        r.storeBytes(of: id, toByteOffset: 4, as: UInt32.self)
        if let key { KeyBytes.copy(r + LearnerEventLog.keyOffset, key, keySize) }
        header.pointee.written = h.written &+ 1
    }

    /// Events waiting to be read.
    public var pending: Int { header.pointee.written - header.pointee.read }

    /// Events that did not fit since the last drain.
    public var lost: Int { header.pointee.lost }

    /// Calls `body` with every waiting event in order (kind, entry id, key bytes of a removal), empties the log
    /// and returns how many events were lost since the last drain.
    func drain(_ body: (Kind, UInt32, UnsafeRawBufferPointer) -> Void) -> Int {
        var h = header.pointee
        while h.read != h.written {
            let r = storage + (h.read & (capacity - 1)) * recordStride
            let kind = Kind(rawValue: r.load(as: UInt32.self)) ?? .learned
            body(kind, r.load(fromByteOffset: 4, as: UInt32.self),
                 UnsafeRawBufferPointer(start: r + LearnerEventLog.keyOffset, count: kind == .removed ? keySize : 0))
            h.read += 1
        }
        let lost = h.lost
        h.lost = 0
        header.pointee = h
        return lost
    }

    /// Takes back the newest event when it is the learning of entry `id` (a control-plane add, not a packet's).
    func retractLearned(id: UInt32) {
        let h = header.pointee
        guard h.written != h.read else { return }
        let r = storage + ((h.written &- 1) & (capacity &- 1)) &* recordStride
        if r.load(as: UInt32.self) == Kind.learned.rawValue, r.load(fromByteOffset: 4, as: UInt32.self) == id {
            header.pointee.written = h.written &- 1
        }
    }

    /// Empties the log and its loss count.
    func clear() {
        header.pointee.read = header.pointee.written
        header.pointee.lost = 0
    }
}
