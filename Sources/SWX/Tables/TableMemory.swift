import CIntrinsics

/// One zero-filled block of table memory. Blocks of at least ``hugePageThreshold`` bytes are anonymous mappings
/// aligned to 2 MiB and advised for transparent huge pages (one TLB entry per 2 MiB instead of per 4 KiB, which
/// matters once a table outgrows the caches); smaller blocks, or any block when huge pages are not wanted or the
/// mapping fails, come from the ordinary allocator. The kernel backs a mapping lazily, page by page, so a block
/// only costs the pages that are touched.
///
/// Every block has ``slack`` readable bytes past ``byteCount``: the packet path points a packet's action data at
/// the record that matched (as DPDK does), and a field is read with an 8-byte load that may run past the last
/// record's end.
///
/// A plain value: the owner calls ``release()`` exactly once.
struct TableMemory {
    /// The first byte (64-byte aligned at least).
    let base: UnsafeMutableRawPointer
    /// Usable bytes.
    let byteCount: Int
    /// Whether `base` is a mapping (released with munmap) rather than an allocation.
    let mapped: Bool
    /// Whether the kernel accepted the huge-page advice.
    let hugePages: Bool

    /// Readable bytes past the end of every block.
    static let slack = 8

    /// Blocks from this size up are mapped (and advised for huge pages when wanted).
    static let hugePageThreshold = 2 << 20

    /// A zeroed block of `byteCount` bytes; `hugePages` asks for transparent huge pages on big blocks.
    static func zeroed(byteCount: Int, hugePages: Bool) -> TableMemory {
        let n = max(byteCount, 64)
        if n >= hugePageThreshold {
            var huge: Int32 = 0
            if let p = p4rt_map_zeroed(n + slack, hugePages ? 1 : 0, 0, &huge) {
                return TableMemory(base: p, byteCount: n, mapped: true, hugePages: huge != 0)
            }
        }
        let p = UnsafeMutableRawPointer.allocate(byteCount: n + slack, alignment: 64)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: n + slack)
        return TableMemory(base: p, byteCount: n, mapped: false, hugePages: false)
    }

    /// Zero-filled address space of `byteCount` bytes that the owner fills from the start and may never touch in
    /// full: no commit charge, pages backed on first touch. Nil when the mapping fails.
    static func reserved(byteCount: Int, hugePages: Bool) -> TableMemory? {
        let n = max(byteCount, 64)
        var huge: Int32 = 0
        guard let p = p4rt_map_zeroed(n + slack, hugePages && n >= hugePageThreshold ? 1 : 0, 1, &huge) else {
            return nil
        }
        return TableMemory(base: p, byteCount: n, mapped: true, hugePages: huge != 0)
    }

    /// Returns the block to the system.
    func release() {
        if mapped { p4rt_unmap(base, byteCount + TableMemory.slack) } else { base.deallocate() }
    }
}
