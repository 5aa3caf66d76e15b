/// Dense ids handed out smallest-first from `first` up to (excluding) `limit`, reusing freed ids.
///
/// p4c-dpdk's selector masks group ids with `n_groups_max − 1` and requires member ids below
/// `n_members_per_group_max`, so controller ids (any 32-bit value) are mapped onto these.
struct DensePool: Sendable {
    private var next: UInt32
    private var free: [UInt32] = []
    let limit: UInt32

    init(first: UInt32, limit: UInt32) {
        next = first
        self.limit = limit
    }

    /// The smallest free id, or nil when all are taken.
    mutating func take() -> UInt32? {
        if let smallest = free.indices.min(by: { free[$0] < free[$1] }) { return free.remove(at: smallest) }
        guard next < limit else { return nil }
        defer { next += 1 }
        return next
    }

    /// Returns `id` to the pool.
    mutating func give(_ id: UInt32) { free.append(id) }
}
