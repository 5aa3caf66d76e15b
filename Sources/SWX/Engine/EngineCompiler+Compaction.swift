/// The passes that shrink the op list once dead zero stores are `nop`s: adjacent `mov`s between side-by-side
/// fields, and of immediates into side-by-side fields, become one op; `nop`s and jumps to the next op go, and jump
/// targets and action starts are renumbered.
///
/// Every op the executor runs costs a dispatch, and p4c assembles each table key field by field and writes each
/// action's results the same way: on the node program a 5-tuple's addresses and ports pair up, and the zeroing of
/// checksum scratch fields halves.
extension EngineCompiler {
    /// Pairs moves and removes `nop`s until nothing changes; returns `actionStart` renumbered.
    mutating func compact(actionStart: [Int32]) -> [Int32] {
        let aliasing = EngineSlotAliasing(ops: ops)
        var starts = removeNops(actionStart: actionStart)
        while pairMoves(actionStart: starts, aliasing: aliasing) {
            starts = removeNops(actionStart: starts)
        }
        return starts
    }

    /// Removes every `nop`, and every `jmp` to the op that runs next anyway; a jump to a removed op goes to the
    /// next op kept. Returns `actionStart` renumbered.
    private mutating func removeNops(actionStart: [Int32]) -> [Int32] {
        // The first op at or after x that is not a nop (ops.count past the end).
        func firstKept(_ x: Int) -> Int {
            var j = x
            while j < ops.count, case .nop = ops[j] { j += 1 }
            return j
        }
        // Backwards, so each forward jump sees the later ones already removed (a backward jump never goes to the
        // next op): one pass.
        for i in ops.indices.reversed() {
            if case .jmp(let t) = ops[i], firstKept(i + 1) == firstKept(Int(t)) { ops[i] = .nop }
        }
        // newIndex[x]: the number of ops kept before x, which is where x (or the op kept after it) ends up.
        var newIndex = [Int32](repeating: 0, count: ops.count + 1)
        var kept: [EngineOp] = []
        for i in ops.indices {
            newIndex[i] = Int32(kept.count)
            if case .nop = ops[i] { continue }
            kept.append(ops[i])
        }
        newIndex[ops.count] = Int32(kept.count)
        ops = kept.map { $0.retargeted { newIndex[Int($0)] } }
        return actionStart.map { newIndex[Int($0)] }
    }

    /// Pairs adjacent moves (``pair(_:_:)``) where the second is not where a jump or an action starts; the second
    /// becomes a `nop`. Returns whether anything was paired.
    private mutating func pairMoves(actionStart: [Int32], aliasing: EngineSlotAliasing) -> Bool {
        let entries = entryPoints(actionStart: actionStart)
        var paired = false
        var i = 0
        while i + 1 < ops.count {
            if !entries.contains(i + 1), let both = EngineCompiler.pair(ops[i], ops[i + 1], aliasing: aliasing) {
                ops[i] = both
                ops[i + 1] = .nop
                paired = true
                i += 2
            } else {
                i += 1
            }
        }
        return paired
    }

    /// Two moves run one after the other as one op, or nil: moves between fields that ``EngineMove/paired(with:)``
    /// pairs, or immediates of the same whole width (1, 2 or 4 bytes) into side-by-side fields, which become one
    /// immediate of both fields' bytes.
    static func pair(_ first: EngineOp, _ second: EngineOp, aliasing: EngineSlotAliasing) -> EngineOp? {
        switch (first, second) {
        case (.movImmediate(let d1, let v1), .movImmediate(let d2, let v2)):
            let width = d1.bitWidth
            guard width == 8 || width == 16 || width == 32, d2.bitWidth == width, d2.slot == d1.slot,
                  d2.offset == d1.offset + Int32(width / 8) else { return nil }
            let value = d1.storedBytes(v1.value) | d2.storedBytes(v2.value) << UInt64(width)
            return .movImmediate(EngineField(slot: Int(d1.slot), byteOffset: Int(d1.offset), bitWidth: 2 * width,
                                             bigEndian: false),
                                 EngineImmediate(value))
        default:
            guard let m1 = move(first), let m2 = move(second),
                  let both = m1.paired(with: m2, aliasing: aliasing) else { return nil }
            return .movePair(both)
        }
    }

    /// Where control can enter the op list other than from the op before: jump targets and action starts.
    private func entryPoints(actionStart: [Int32]) -> Set<Int> {
        Set(ops.compactMap(\.jumpTarget).map(Int.init) + actionStart.map(Int.init))
    }

    private static func move(_ op: EngineOp) -> EngineMove? {
        switch op {
        case .mov(let d, let s): EngineMove(destination: d, source: s)
        case .movePair(let m): m
        default: nil
        }
    }
}
