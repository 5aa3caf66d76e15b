import P4Device

/// The engine entry ids of the live entries of one table that tracks hits, indexed by the service's store slot
/// (`EntryHandle.slot`), so a sweep over a million entries maps handles to ids with array reads instead of
/// dictionary lookups.
///
/// Per slot one word: `generation << 32 | first engine id` (id 0 = no live entry). A P4Runtime entry realised by
/// several engine entries (an expanded range) has the rest of its ids in `moreIDs`, flagged by bit 31 of the
/// first id (engine ids stay below 2^31). An aborted batch puts it back through `TargetState.UndoRecord`.
struct IdleHitIndex: Sendable {
    private(set) var words: [UInt64] = []
    private(set) var moreIDs: [UInt32: [UInt32]] = [:]

    static let moreFlag: UInt32 = 1 << 31

    /// Records the engine ids of the entry with `handle` (no effect for an empty list).
    mutating func set(_ handle: EntryHandle, ids: [UInt32]) {
        guard let first = ids.first else { return }
        let slot = Int(handle.slot)
        if words.count <= slot { words.append(contentsOf: repeatElement(0, count: slot + 1 - words.count)) }
        let flagged = ids.count > 1 ? first | Self.moreFlag : first
        words[slot] = UInt64(handle.generation) << 32 | UInt64(flagged)
        moreIDs[handle.slot] = ids.count > 1 ? Array(ids.dropFirst()) : nil
    }

    /// Forgets the entry with `handle` (no effect when the slot holds another generation).
    mutating func remove(_ handle: EntryHandle) {
        let slot = Int(handle.slot)
        guard slot < words.count, UInt32(truncatingIfNeeded: words[slot] >> 32) == handle.generation else { return }
        words[slot] = 0
        moreIDs[handle.slot] = nil
    }

    /// Drops the slots from `count` on, which `set` added and `remove` emptied (an undone batch leaves the index
    /// as it found it).
    mutating func shrink(toSlots count: Int) {
        if words.count > count { words.removeSubrange(count...) }
    }

    /// The first engine id of the live entry with `handle`, or 0 when the handle is stale; `hasMore` tells
    /// whether `moreIDs` holds further ids.
    @inline(__always)
    func firstID(_ handle: EntryHandle) -> (id: UInt32, hasMore: Bool) {
        let slot = Int(handle.slot)
        guard slot < words.count else { return (0, false) }
        let word = words[slot]
        guard UInt32(truncatingIfNeeded: word >> 32) == handle.generation else { return (0, false) }
        let id = UInt32(truncatingIfNeeded: word)
        return (id & ~Self.moreFlag, id & Self.moreFlag != 0)
    }

    /// Every engine id of the live entry with `handle` (empty when stale).
    func ids(_ handle: EntryHandle) -> [UInt32] {
        let (first, hasMore) = firstID(handle)
        guard first != 0 else { return [] }
        return hasMore ? [first] + (moreIDs[handle.slot] ?? []) : [first]
    }
}
