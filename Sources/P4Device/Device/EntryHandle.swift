/// Identifies one table entry between the service and a device: the service's store slot plus a generation that
/// changes whenever the slot is reused.
///
/// Devices key per-entry state (direct counters and meters, last-hit times, data-plane entry ids) by handle; a
/// reader holding an old handle whose slot was reused gets nothing rather than another entry's data.
public struct EntryHandle: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The slot in the service's table store (dense, starting at 0).
    public var slot: UInt32
    /// Incremented each time the slot is reused.
    public var generation: UInt32

    /// Creates a handle.
    public init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    /// Orders by slot, then generation.
    public static func < (lhs: EntryHandle, rhs: EntryHandle) -> Bool {
        (lhs.slot, lhs.generation) < (rhs.slot, rhs.generation)
    }

    /// `slot#generation`.
    public var description: String { "\(slot)#\(generation)" }
}
