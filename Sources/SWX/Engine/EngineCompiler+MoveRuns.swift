/// The move-run passes: consecutive `mov`s become one `moveRun` op, a run goes on into the run or jump that
/// follows it, and adjacent moves of a run are paired into one wider move.
///
/// p4c assembles every table key field by field and writes action results the same way, so the node program's
/// established packets run about 35 moves; each costs an operand fetch and a dispatch on its kind, which pairing
/// halves where fields sit side by side on both sides (a 5-tuple key's addresses and ports).
extension EngineCompiler {
    /// Fuses every run of two or more consecutive `mov`s of plain fields or immediates and `nop`s (dead zero
    /// stores among them) into one `moveRun`, which replaces the first of them; a run of `nop`s alone becomes a
    /// jump past them. A jump target inside a run becomes a run of the rest (p4c jumps into the middle of a key's
    /// assembly when both branches of an `if` end with the same moves); other ops after the first stay as they
    /// were, unreachable. Returns each run's moves by the index of its op (whose `first` is set later, by
    /// ``placeMoveRuns(_:)``).
    mutating func fuseMoveRuns() -> [Int: [EngineMove]] {
        let targets = Set(ops.compactMap(\.jumpTarget).map(Int.init))
        var runs: [Int: [EngineMove]] = [:]
        var i = 0
        while i < ops.count {
            // The moves of ops i ..< j, each with the index of its op.
            var run: [(op: Int, move: EngineMove)] = []
            let constantCount = constants.count
            var j = i
            while j < ops.count {
                if case .nop = ops[j] {
                    j += 1
                } else if let move = plainMove(ops[j]) {
                    run.append((j, move))
                    j += 1
                } else {
                    break
                }
            }
            guard j - i >= 2 else {
                constants.removeLast(constants.count - constantCount)
                i += 1
                continue
            }
            for start in i ..< j - 1 where start == i || targets.contains(start) {
                let moves = run.filter { $0.op >= start }.map(\.move)
                if moves.isEmpty {
                    ops[start] = .jmp(Int32(j))
                } else {
                    ops[start] = .moveRun(first: 0, count: Int32(moves.count), span: Int32(j - start))
                    runs[start] = moves
                }
            }
            i = j
        }
        return runs
    }

    /// The operands of a field or immediate `mov` as a move (an immediate becomes a 64-bit constant).
    private mutating func plainMove(_ op: EngineOp) -> EngineMove? {
        switch op {
        case .mov(let d, let s): return EngineMove(destination: d, source: s)
        case .movImmediate(let d, let v):
            constants.append(v.value)
            return EngineMove(destination: d, source: EngineField(slot: EngineProgram.constantsSlot,
                                                                  byteOffset: 8 * (constants.count - 1), bitWidth: 64,
                                                                  bigEndian: false))
        default: return nil
        }
    }

    /// A run followed by a forward `jmp` continues at the jump's target itself (p4c ends an `if` branch with its
    /// moves and a jump over the `else`), and a run followed by another run takes that run's moves too: one
    /// dispatch less each time. The ops after the run stay for other paths. Each step moves strictly forward, so
    /// this ends.
    mutating func chainMoveRuns(_ runs: inout [Int: [EngineMove]]) {
        for i in runs.keys.sorted() {
            guard case .moveRun(_, _, var span) = ops[i], var moves = runs[i] else { continue }
            while i + Int(span) < ops.count {
                let next = i + Int(span)
                if case .jmp(let target) = ops[next], Int(target) > next {
                    span = target - Int32(i)
                } else if case .moveRun(_, _, let nextSpan) = ops[next], let more = runs[next] {
                    moves += more
                    span += nextSpan
                } else {
                    break
                }
            }
            runs[i] = moves
            ops[i] = .moveRun(first: 0, count: Int32(moves.count), span: span)
        }
    }

    /// Pairs each run's moves (``EngineMove/paired(_:)``) and lays them out in `moves`, setting every run op's
    /// `first` and `count`.
    mutating func placeMoveRuns(_ runs: [Int: [EngineMove]]) {
        for i in runs.keys.sorted() {
            guard case .moveRun(_, _, let span) = ops[i], let run = runs[i] else { continue }
            let paired = EngineMove.paired(run)
            ops[i] = .moveRun(first: Int32(moves.count), count: Int32(paired.count), span: span)
            moves += paired
        }
    }
}
