/// Finds the `mov m.x 0` instructions of the apply block that store zero into metadata still zero.
///
/// p4c-dpdk starts every program by zeroing the metadata fields it uses, because DPDK does not clear metadata
/// between packets. The engine does (``EngineRuntime/admit``), so until something writes a field those stores
/// change nothing; on the node program they are nine of the ~75 ops an established packet runs.
///
/// The analysis is a forward data flow over the apply block: which metadata bytes may be non-zero before each op,
/// over every path from the first op. A zero store makes its bytes zero again; any other write makes them unknown;
/// table, selector and learner ops (which run actions), and any op it does not know, make all of metadata
/// unknown. A program that recirculates keeps its metadata into the next pass, so nothing is removed from it.
struct ZeroStoreElimination {
    let ops: [EngineOp]
    /// Ops `0 ..< applyEnd` are the apply block.
    let applyEnd: Int
    let metadataSize: Int

    /// The indices of the apply block's zero stores that are dead.
    func deadStores() -> Set<Int> {
        guard metadataSize > 0, applyEnd > 0,
              !ops.contains(where: { if case .recirculate = $0 { true } else { false } }) else { return [] }
        // nonZero[i]: the metadata bytes that may be non-zero before op i runs (nil: not reached yet).
        var nonZero = [[Bool]?](repeating: nil, count: applyEnd)
        nonZero[0] = [Bool](repeating: false, count: metadataSize)
        var work = [0]
        while let i = work.popLast() {
            guard var state = nonZero[i] else { continue }
            apply(ops[i], to: &state)
            for next in successors(i) where next < applyEnd {
                let merged = nonZero[next].map { old in zip(old, state).map { $0 || $1 } } ?? state
                if merged != nonZero[next] {
                    nonZero[next] = merged
                    work.append(next)
                }
            }
        }
        return Set((0..<applyEnd).filter { i in
            guard let state = nonZero[i], let range = zeroedBytes(ops[i]) else { return false }
            return !range.contains { state[$0] }
        })
    }

    /// The ops control can reach right after op `i`.
    private func successors(_ i: Int) -> [Int] {
        switch ops[i] {
        case .jmp(let t): [Int(t)]
        case .tx, .txImmediate, .drop, .return: []
        default: ops[i].jumpTarget.map { [i + 1, Int($0)] } ?? [i + 1]
        }
    }

    /// Marks the metadata bytes op `op` may make non-zero, and clears those it sets to zero.
    private func apply(_ op: EngineOp, to state: inout [Bool]) {
        func mark(_ range: Range<Int>?) {
            guard let range else { return }
            for b in range { state[b] = true }
        }
        if let range = zeroedBytes(op) {
            for b in range { state[b] = false }
            return
        }
        switch op {
        case .rx(let f), .recircid(let f), .mov(let f, _), .movImmediate(let f, _), .alu(let f, _, _),
             .aluImmediate(let f, _, _), .hash(_, let f, _), .rss(_, let f, _), .entryid(let f), .regrd(let f, _, _):
            mark(metadataBytes(f))
        case .movBytes(let d, _), .ckaddField(let d, _), .ckaddHeader(let d, _), .cksubField(let d, _):
            mark(metadataBytes(d))
        case .tx, .txImmediate, .drop, .mirror, .recirculate, .extract, .extractVarbit, .extract2, .lookahead, .emit,
             .emit2, .validate, .invalidate, .regwr, .regadd, .nop, .jmp, .jmpValid, .jmpInvalid, .jmpHit, .jmpMiss,
             .jmpAction, .jmpNotAction, .jmpCompare, .jmpCompareImmediate, .return:
            break
        default:
            // Tables, selectors and learners (their actions write anything), meters, and the rest.
            mark(0..<metadataSize)
        }
    }

    /// The metadata bytes a zero store `op` sets to zero: whole bytes only (a narrower store leaves the other
    /// bits of its last byte as they were); nil for any other op.
    private func zeroedBytes(_ op: EngineOp) -> Range<Int>? {
        guard case .movImmediate(let f, let v) = op, v.value == 0, f.bitWidth % 8 == 0,
              let range = metadataBytes(f), !range.isEmpty else { return nil }
        return range
    }

    /// The metadata bytes of field `f`, nil when it is not in metadata.
    private func metadataBytes(_ f: EngineField) -> Range<Int>? {
        guard Int(f.slot) == EngineProgram.metadataSlot else { return nil }
        return clamped(Int(f.offset), (f.bitWidth + 7) / 8)
    }

    private func metadataBytes(_ b: EngineBytes) -> Range<Int>? {
        guard Int(b.slot) == EngineProgram.metadataSlot else { return nil }
        return clamped(Int(b.offset), Int(b.count))
    }

    private func clamped(_ offset: Int, _ count: Int) -> Range<Int> {
        let start = min(max(offset, 0), metadataSize)
        return start..<min(start + count, metadataSize)
    }
}
