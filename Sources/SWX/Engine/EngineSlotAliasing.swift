/// Which struct slots may share memory, for the compiler's rewrites that reorder a read before a write.
///
/// Metadata, action data, constants, header storage and extern mailboxes are separate allocations, and each
/// header's storage is its own range. Only headers that `extract` or `lookahead` points into the packet buffer can
/// overlap one another (a `lookahead` header covers the header extracted next); a header the program never parses
/// (checksum scratch, a header it builds) always stays in its storage.
struct EngineSlotAliasing {
    /// The slots of the headers the program extracts or looks ahead at.
    let parsedHeaderSlots: Set<Int>

    init(parsedHeaderSlots: Set<Int>) {
        self.parsedHeaderSlots = parsedHeaderSlots
    }

    /// The aliasing of a compiled program's ops.
    init(ops: [EngineOp]) {
        var headers: Set<Int> = []
        for op in ops {
            switch op {
            case .extract(let h, _), .extractVarbit(let h, _, _, _), .lookahead(let h, _): headers.insert(Int(h))
            case .extract2(let h1, _, let h2, _): headers.formUnion([Int(h1), Int(h2)])
            default: break
            }
        }
        parsedHeaderSlots = Set(headers.map { EngineProgram.firstHeaderSlot + $0 })
    }

    /// Whether `count` bytes at `offset` of slot `slot` may overlap `otherCount` bytes at `otherOffset` of
    /// `otherSlot`.
    func mayOverlap(_ slot: UInt16, _ offset: Int32, _ count: Int32,
                    _ otherSlot: UInt16, _ otherOffset: Int32, _ otherCount: Int32) -> Bool {
        if slot == otherSlot { return (offset ..< offset + count).overlaps(otherOffset ..< otherOffset + otherCount) }
        return parsedHeaderSlots.contains(Int(slot)) && parsedHeaderSlots.contains(Int(otherSlot))
    }
}
