/// Per-entry last-hit times of one table (exact or wildcard), off until the control plane enables them.
///
/// When off, the table pays one load and one predicted branch per hit. When on, it holds one `UInt64` per entry id
/// (clock nanoseconds of the burst that last hit the entry; 0 = never hit), allocated at `enable` for the table's
/// current record capacity and grown with it. A new entry starts at 0 (an id reused for another entry forgets the
/// old entry's time); modifying an entry keeps its time.
///
/// The header lives in its own allocation so the owning table can hold it in a `let` and the packet path reads it
/// without exclusivity checks. Not thread-safe: the owning table's writer/reader discipline applies.
struct EntryHitTimes {
    struct Header {
        /// One slot per entry id (index id − 1); nil while tracking is off.
        var times: UnsafeMutablePointer<UInt64>?
        /// Number of slots in `times`.
        var capacity: Int
    }

    let header: UnsafeMutablePointer<Header>

    /// Tracking off.
    init() {
        header = .allocate(capacity: 1)
        header.initialize(to: Header(times: nil, capacity: 0))
    }

    /// Frees the times and the header (the owner's deinit).
    func deallocate() {
        header.pointee.times?.deallocate()
        header.deallocate()
    }

    /// Whether hits are recorded.
    var isEnabled: Bool { header.pointee.times != nil }

    /// Starts recording with room for ids 1...`capacity`, every entry never hit. No effect when already on.
    func enable(capacity: Int) {
        guard header.pointee.times == nil else { return }
        let times = UnsafeMutablePointer<UInt64>.allocate(capacity: max(capacity, 1))
        times.initialize(repeating: 0, count: max(capacity, 1))
        header.pointee = Header(times: times, capacity: max(capacity, 1))
    }

    /// Stops recording and frees the times.
    func disable() {
        header.pointee.times?.deallocate()
        header.pointee = Header(times: nil, capacity: 0)
    }

    /// Packet path: notes that entry `id` was hit at `now` (ids outside the capacity are ignored).
    @inline(__always)
    func record(_ id: UInt32, now: UInt64) {
        let h = header.pointee
        guard let times = h.times else { return }
        let i = Int(id) &- 1
        if UInt(bitPattern: i) < UInt(bitPattern: h.capacity) { times[i] = now }
    }

    /// The last hit of entry `id`; nil when it was never hit, tracking is off, or `id` is out of range.
    func lastHit(_ id: UInt32) -> UInt64? {
        let h = header.pointee
        guard let times = h.times else { return nil }
        let i = Int(id) &- 1
        guard UInt(bitPattern: i) < UInt(bitPattern: h.capacity) else { return nil }
        return times[i] == 0 ? nil : times[i]
    }

    /// Sets the time of entry `id` (a new entry: 0; an undone delete: the time it had).
    func set(_ id: UInt32, _ time: UInt64) {
        let h = header.pointee
        guard let times = h.times else { return }
        let i = Int(id) &- 1
        if UInt(bitPattern: i) < UInt(bitPattern: h.capacity) { times[i] = time }
    }

    /// Grows the times to `capacity` slots (new ones never hit); no effect when off or already that large.
    func grow(to capacity: Int) {
        let h = header.pointee
        guard let old = h.times, capacity > h.capacity else { return }
        let times = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        times.update(from: old, count: h.capacity)
        (times + h.capacity).initialize(repeating: 0, count: capacity - h.capacity)
        old.deallocate()
        header.pointee = Header(times: times, capacity: capacity)
    }

    /// Copies the state of `other` (on or off, and the times of ids 1...`count`) into this fresh, off instance.
    func copyState(from other: EntryHitTimes, count: Int) {
        let h = other.header.pointee
        guard let source = h.times else { return }
        enable(capacity: h.capacity)
        header.pointee.times?.update(from: source, count: min(count, h.capacity))
    }
}
