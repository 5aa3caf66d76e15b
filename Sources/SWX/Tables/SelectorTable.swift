/// One member of a selector group: a member id and its weight.
public struct SelectorMember: Equatable, Hashable, Sendable {
    /// The member id the selector writes to `member_id` (must be below the rounded `n_members_per_group_max`).
    public var memberID: UInt32
    /// The weight (positive).
    public var weight: UInt32

    /// A member.
    public init(memberID: UInt32, weight: UInt32) {
        self.memberID = memberID
        self.weight = weight
    }
}

/// A `selector` (DPDK's `rte_swx_table_selector`): each group is an array of `membersPerGroup` member ids in
/// which every member appears in proportion to its weight, and a lookup picks the slot given by the selector hash
/// of the selector bytes, masked to the group size.
///
/// - `groupCount` and `membersPerGroup` are the `.spec`'s `n_groups_max` and `n_members_per_group_max` rounded
///   up to powers of two; the group id is masked with `groupCount − 1`.
/// - Weights are normalised and replicated exactly as DPDK does (including its one-pass divisor loop, so weights
///   4 and 8 become 2 and 4, not 1 and 2); members fill the group array in the order given.
/// - A group that was never set, or was set empty, selects member 0.
///
/// Concurrency: one writer between bursts; lookups read only.
public final class SelectorTable: @unchecked Sendable {
    /// Selector size in bytes (1...64).
    public let selectorSize: Int
    /// Number of groups (power of two).
    public let groupCount: Int
    /// Array slots per group (power of two); also the bound on member ids and on the weight sum.
    public let membersPerGroup: Int
    let mask: UnsafeMutableRawPointer
    let table: UnsafeMutablePointer<UInt32>
    let groupMask: UInt32
    let memberShift: Int
    var groupMembers: [[SelectorMember]?]

    /// Creates a selector with every group empty. `selectorMask` (default all ones) holds `selectorSize` bytes
    /// with zeros over holes between the selector fields. Throws `invalidArgument` for sizes out of DPDK's
    /// ranges, `resourceExhausted` when the group arrays would exceed 2^28 slots (1 GiB).
    public convenience init(selectorSize: Int, selectorMask: [UInt8]? = nil, groupCount: Int, membersPerGroup: Int) throws(SWXRuntimeError) {
        guard selectorSize >= 1, selectorSize <= 64 else {
            throw .invalidArgument("selector: selector size \(selectorSize) bytes must be between 1 and 64")
        }
        guard groupCount >= 1, groupCount <= 1 << 31 else {
            throw .invalidArgument("selector: n_groups_max \(groupCount) must be between 1 and 2^31")
        }
        guard membersPerGroup >= 1, membersPerGroup <= 1 << 31 else {
            throw .invalidArgument("selector: n_members_per_group_max \(membersPerGroup) must be between 1 and 2^31")
        }
        if let m = selectorMask, m.count != selectorSize {
            throw .invalidArgument("selector: mask has \(m.count) bytes, the selector has \(selectorSize)")
        }
        let groups = KeyBytes.powerOfTwo(atLeast: groupCount)
        let members = KeyBytes.powerOfTwo(atLeast: membersPerGroup)
        guard groups <= 1 << 28, members <= 1 << 28, groups * members <= 1 << 28 else {
            throw .resourceExhausted("selector: \(groups) groups of \(members) members exceed 2^28 slots")
        }
        self.init(validatedSize: selectorSize, mask: selectorMask ?? [UInt8](repeating: 0xFF, count: selectorSize),
                  groups: groups, members: members)
    }

    /// A selector for parameters already checked (sizes rounded, mask of `selectorSize` bytes).
    init(validatedSize selectorSize: Int, mask m: [UInt8], groups: Int, members: Int) {
        self.selectorSize = selectorSize
        self.groupCount = groups
        self.membersPerGroup = members
        let maskBytes = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
        maskBytes.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        m.withUnsafeBytes { maskBytes.copyMemory(from: $0.baseAddress!, byteCount: selectorSize) }
        mask = maskBytes
        table = .allocate(capacity: groups * members)
        table.initialize(repeating: 0, count: groups * members)
        groupMask = UInt32(truncatingIfNeeded: groups - 1)
        memberShift = members.trailingZeroBitCount
        groupMembers = Array(repeating: nil, count: groups)
    }

    deinit {
        mask.deallocate()
        table.deallocate()
    }

    /// An independent deep copy (same groups), for staging a transaction.
    public func copy() -> SelectorTable {
        let m = Array(UnsafeRawBufferPointer(start: mask, count: selectorSize))
        let c = SelectorTable(validatedSize: selectorSize, mask: m, groups: groupCount, members: membersPerGroup)
        c.table.update(from: table, count: groupCount * membersPerGroup)
        c.groupMembers = groupMembers
        return c
    }

    // MARK: Packet path

    /// The member id selected for group `groupID & (groupCount − 1)` by the `selectorSize` bytes at `selector`.
    @inline(__always)
    public func select(groupID: UInt32, selector: UnsafeRawPointer) -> UInt32 {
        let h = SelectorHash.hash(selector, mask: mask, size: selectorSize)
        let g = Int(groupID & groupMask)
        return table[(g << memberShift) | Int(h & UInt32(truncatingIfNeeded: membersPerGroup - 1))]
    }

    // MARK: Control plane

    /// Sets group `groupID`'s members (DPDK `group_set`); an empty list empties the group. On error the group is
    /// unchanged. Throws `invalidArgument` for a group id ≥ `groupCount`, a member id ≥ `membersPerGroup`, a zero
    /// weight or a duplicate member id; `resourceExhausted` for more than `membersPerGroup` members or a
    /// normalised weight sum above `membersPerGroup`.
    public func setGroup(_ groupID: UInt32, members: [SelectorMember]) throws(SWXRuntimeError) {
        guard Int(groupID) < groupCount else {
            throw .invalidArgument("selector: group \(groupID) is out of range (n_groups_max \(groupCount))")
        }
        guard members.count <= membersPerGroup else {
            throw .resourceExhausted("selector: group \(groupID) has \(members.count) members, at most \(membersPerGroup) fit")
        }
        var seen = Set<UInt32>()
        for (i, m) in members.enumerated() {
            guard Int(m.memberID) < membersPerGroup else {
                throw .invalidArgument("selector: group \(groupID) member[\(i)] id \(m.memberID) must be below \(membersPerGroup)")
            }
            guard m.weight > 0 else {
                throw .invalidArgument("selector: group \(groupID) member[\(i)] id \(m.memberID) has weight 0")
            }
            guard seen.insert(m.memberID).inserted else {
                throw .invalidArgument("selector: group \(groupID) lists member \(m.memberID) twice")
            }
        }
        let row = table + (Int(groupID) << memberShift)
        if members.isEmpty {
            row.update(repeating: 0, count: membersPerGroup)
            groupMembers[Int(groupID)] = []
            return
        }
        let counts = try SelectorTable.replicationCounts(members.map { UInt64($0.weight) }, slots: UInt64(membersPerGroup),
                                                         group: groupID)
        var pos = 0
        for (m, c) in zip(members, counts) {
            for _ in 0..<c { row[pos] = m.memberID; pos += 1 }
        }
        groupMembers[Int(groupID)] = members
    }

    /// Empties group `groupID` (it selects member 0 again). Throws for a group id ≥ `groupCount`.
    public func clearGroup(_ groupID: UInt32) throws(SWXRuntimeError) {
        try setGroup(groupID, members: [])
        groupMembers[Int(groupID)] = nil
    }

    /// The members group `groupID` was last set with (nil: never set or cleared, or out of range).
    public func members(ofGroup groupID: UInt32) -> [SelectorMember]? {
        Int(groupID) < groupCount ? groupMembers[Int(groupID)] : nil
    }

    /// The member ids of group `groupID`'s array, slot by slot (what lookups pick from).
    public func slots(ofGroup groupID: UInt32) -> [UInt32] {
        guard Int(groupID) < groupCount else { return [] }
        return Array(UnsafeBufferPointer(start: table + (Int(groupID) << memberShift), count: membersPerGroup))
    }

    /// DPDK's normalisation and replication: how many of the `slots` array positions each member gets.
    static func replicationCounts(_ weights: [UInt64], slots: UInt64, group: UInt32) throws(SWXRuntimeError) -> [Int] {
        let normalized = normalize(weights)
        let sum = normalized.reduce(0, +)
        guard sum <= slots else {
            throw .resourceExhausted("selector: group \(group) weights normalise to a sum of \(sum), above the \(slots) slots of a group")
        }
        let multiplier = slots / sum
        var remainder = slots % sum
        var counts = normalized.map { $0 * multiplier }
        for i in counts.indices where remainder > 0 {
            let extra = min(normalized[i], remainder)
            counts[i] += extra
            remainder -= extra
        }
        return counts.map { Int($0) }
    }

    /// DPDK's weight normalisation: for each divisor d from 2 to the smallest weight, divide every weight by d
    /// once if d divides all of them. Computed in O(√w) through the gcd instead of DPDK's O(w) loop, with the
    /// same result (the divisions applied depend only on the running gcd).
    static func normalize(_ weights: [UInt64]) -> [UInt64] {
        guard let smallest = weights.min(), smallest >= 2 else { return weights }
        var gcd: UInt64 = 0
        for w in weights { gcd = greatestCommonDivisor(gcd, w) }
        var g = gcd
        var d: UInt64 = 2
        while d <= smallest && d * d <= g {
            if g % d == 0 { g /= d }
            d += 1
        }
        // Past √g at most one more divisor applies: the smallest divisor of g that is ≥ d.
        if d <= smallest && g >= d {
            var e = g / d
            while g % e != 0 { e -= 1 }
            g = e
        }
        let applied = gcd / g
        return weights.map { $0 / applied }
    }

    static func greatestCommonDivisor(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
