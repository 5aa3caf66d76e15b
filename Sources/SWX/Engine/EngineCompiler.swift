/// Compiles a `SpecProgram` into an `EngineProgram`: every instruction becomes one `EngineOp` (so jump targets
/// keep their meaning after adding the block's start), operands become slot/offset/width/byte-order fields, and
/// immediates of rarely used instructions go to the constant struct.
struct EngineCompiler {
    let program: SpecProgram
    // Not private: the compaction passes live in their own file.
    var ops: [EngineOp] = []
    private var constants: [UInt64] = []
    private var meterOperands: [EngineMeterOperands] = []

    init(program: SpecProgram) {
        self.program = program
    }

    /// Compiles the program. Throws `unimplemented` for `extern` calls (p4rtd registers no extern types or
    /// functions) and `invalidArgument` for layouts the op encoding cannot hold.
    mutating func compile() throws(SWXPipelineError) -> EngineProgram {
        try emitBlock(program.apply, name: "apply")
        let applyEnd = ops.count
        // Guards: the loader guarantees the apply block ends in tx, drop or jmp, but an action may end in a
        // conditional jump over its last `return`; falling off a block must never run the next block's ops.
        ops.append(.drop)
        var actionStart: [Int32] = []
        for action in program.actions {
            actionStart.append(Int32(ops.count))
            try emitBlock(action.body, name: "action \(action.name)")
            ops.append(.return)
        }
        threadJumps()
        let dead = ZeroStoreElimination(ops: ops, applyEnd: applyEnd, metadataSize: program.metadata.maximumByteSize)
            .deadStores()
        for i in dead { ops[i] = .nop }
        actionStart = compact(actionStart: actionStart)
        fusePairs()
        // Again: jumps to removed ops now go to the op after them, which may be a `jmp`.
        threadJumps()
        let headers = program.headers.map { program.structs[$0.structIndex] }
        let mailboxes = program.externObjects.map { program.structs[$0.mailboxStructIndex].maximumByteSize }
            + program.externFunctions.map { program.structs[$0.mailboxStructIndex].maximumByteSize }
        return EngineProgram(
            ops: ops, actionStart: actionStart, meterOperands: meterOperands,
            headerFixedSize: headers.map { Int32($0.fixedByteSize) },
            headerMaximumSize: headers.map { Int32($0.maximumByteSize) },
            metadataSize: program.metadata.maximumByteSize,
            actionDataSize: program.actions.indices.map { program.actionDataSize(ofAction: $0) },
            constants: constants, mailboxSizes: mailboxes)
    }

    // MARK: Blocks

    /// Fuses pairs of consecutive fixed-size extracts and of consecutive emits, as DPDK does. The fused op
    /// replaces the first of the two and skips the second, which stays in place so that a jump to it still
    /// runs it alone.
    private mutating func fusePairs() {
        var i = 0
        while i + 1 < ops.count {
            switch (ops[i], ops[i + 1]) {
            case (.extract(let h1, let s1), .extract(let h2, let s2)):
                ops[i] = .extract2(header: h1, size: s1, second: h2, secondSize: s2)
                i += 2
            case (.emit(let h1), .emit(let h2)):
                ops[i] = .emit2(header: h1, second: h2)
                i += 2
            default:
                i += 1
            }
        }
    }

    /// Points every jump whose target is an unconditional `jmp` at that jump's final destination (p4c's
    /// if/else lowering produces many such chains). Chains are followed at most `ops.count` steps, so a cycle of
    /// `jmp`s is left as it is (the executor's loop budget handles it).
    private mutating func threadJumps() {
        func final(_ target: Int32) -> Int32 {
            var t = target
            var steps = 0
            while Int(t) < ops.count, case .jmp(let next) = ops[Int(t)], steps < ops.count {
                t = next
                steps += 1
            }
            return steps < ops.count ? t : target
        }
        for i in ops.indices { ops[i] = ops[i].retargeted(final) }
    }

    private mutating func emitBlock(_ block: SpecInstructionBlock, name: String) throws(SWXPipelineError) {
        let base = Int32(ops.count)
        for (i, instruction) in block.instructions.enumerated() {
            do {
                ops.append(try op(for: instruction, base: base))
            } catch {
                let line = i < block.lines.count ? block.lines[i] : 0
                throw SWXPipelineError(error.code, "\(name), line \(line): \(error.message)")
            }
        }
    }

    // MARK: Operands

    func slot(of space: SpecFieldSpace) -> Int {
        switch space {
        case .actionArguments: EngineProgram.actionDataSlot
        case .metadata: EngineProgram.metadataSlot
        case .header(let h): EngineProgram.firstHeaderSlot + h
        case .externObject(let i): EngineProgram.firstHeaderSlot + program.headers.count + i
        case .externFunction(let i):
            EngineProgram.firstHeaderSlot + program.headers.count + program.externObjects.count + i
        }
    }

    func field(_ operand: SpecFieldOperand) throws(SWXPipelineError) -> EngineField {
        guard operand.bitWidth <= 64, operand.bitWidth >= 8 else {
            throw SWXPipelineError(.invalidArgument, "a \(operand.bitWidth)-bit field cannot be used as a value here")
        }
        return EngineField(slot: slot(of: operand.space), byteOffset: operand.byteOffset, bitWidth: operand.bitWidth,
                           bigEndian: operand.isNetworkByteOrder)
    }

    func bytes(_ operand: SpecFieldOperand) throws(SWXPipelineError) -> EngineBytes {
        try bytes(space: operand.space, offset: operand.byteOffset, count: operand.byteWidth)
    }

    func bytes(space: SpecFieldSpace, offset: Int, count: Int) throws(SWXPipelineError) -> EngineBytes {
        guard count > 0, count <= Int(UInt16.max), offset <= Int(Int32.max) else {
            throw SWXPipelineError(.invalidArgument, "a byte range of \(count) bytes at offset \(offset) is too large")
        }
        return EngineBytes(slot: UInt16(slot(of: space)), count: UInt16(count), offset: Int32(offset))
    }

    /// A value operand as a field: immediates become 64-bit little-endian constants.
    mutating func value(_ operand: SpecValueOperand) throws(SWXPipelineError) -> EngineField {
        switch operand {
        case .field(let f): return try field(f)
        case .immediate(let v):
            constants.append(v)
            return EngineField(slot: EngineProgram.constantsSlot, byteOffset: 8 * (constants.count - 1), bitWidth: 64,
                               bigEndian: false)
        }
    }

    // MARK: Instructions

    private mutating func op(for instruction: SpecInstruction, base: Int32) throws(SWXPipelineError) -> EngineOp {
        func target(_ t: Int) -> Int32 { base + Int32(t) }
        switch instruction {
        case .rx(let port): return .rx(try field(port))
        case .tx(.immediate(let port)): return .txImmediate(UInt32(truncatingIfNeeded: min(port, UInt64(UInt32.max))))
        case .tx(.field(let port)): return .tx(try field(port))
        case .drop: return .drop
        case .mirror(let slot, let session): return .mirror(slot: try field(slot), session: try field(session))
        case .recirculate: return .recirculate
        case .recircid(let d): return .recircid(try field(d))
        case .extract(let h, let length):
            let s = program.headerStruct(h)
            if let length {
                return .extractVarbit(header: Int32(h), fixedSize: Int32(s.fixedByteSize),
                                      maximumExtra: Int32(s.maximumByteSize - s.fixedByteSize), length: try field(length))
            }
            return .extract(header: Int32(h), size: Int32(s.fixedByteSize))
        case .lookahead(let h): return .lookahead(header: Int32(h), size: Int32(program.headerStruct(h).fixedByteSize))
        case .emit(let h): return .emit(header: Int32(h))
        case .validate(let h): return .validate(header: Int32(h))
        case .invalidate(let h): return .invalidate(header: Int32(h))
        case .mov(let d, let s): return try mov(d, s)
        case .movh(let d, let s):
            // Both sides are network order: the upper half of a 128-bit field is its first 8 bytes.
            let dst = try bytes(space: d.space, offset: d.byteOffset, count: 8)
            let src = try bytes(space: s.space, offset: s.byteOffset, count: 8)
            return .movBytes(destination: dst, source: src)
        case .add(let d, let s): return try alu(.add, d, s)
        case .sub(let d, let s): return try alu(.sub, d, s)
        case .and(let d, let s): return try alu(.and, d, s)
        case .or(let d, let s): return try alu(.or, d, s)
        case .xor(let d, let s): return try alu(.xor, d, s)
        case .shl(let d, let s): return try alu(.shl, d, s)
        case .shr(let d, let s): return try alu(.shr, d, s)
        case .ckadd(let d, .field(let s)): return .ckaddField(checksum: try bytes(d), source: try field(s))
        case .ckadd(let d, .header(let h)): return .ckaddHeader(checksum: try bytes(d), header: Int32(h))
        case .cksub(let d, let s): return .cksubField(checksum: try bytes(d), source: try field(s))
        case .hash(let function, let d, let range):
            let f: HashFunction = function == .jhash ? .jhash : .crc32
            return .hash(f, destination: try field(d),
                         source: try bytes(space: range.space, offset: range.byteOffset, count: range.byteCount))
        case .rss(let r, let d, let range):
            return .rss(Int32(r), destination: try field(d),
                        source: try bytes(space: range.space, offset: range.byteOffset, count: range.byteCount))
        case .table(.table(let t)): return .table(Int32(t))
        case .table(.selector(let s)): return .selector(Int32(s))
        case .table(.learner(let l)): return .learner(Int32(l))
        case .learn(let action, let first, let timeout):
            return .learn(action: Int32(action), argumentsOffset: Int32(first?.byteOffset ?? -1),
                          timeoutID: try field(timeout))
        case .rearm(nil): return .rearm
        case .rearm(.some(let timeout)): return .rearmWith(try field(timeout))
        case .forget: return .forget
        case .entryid(let d): return .entryid(try field(d))
        case .regprefetch, .metprefetch: return .nop
        case .regrd(let d, let r, let i): return .regrd(try field(d), array: Int32(r), index: try value(i))
        case .regwr(let r, let i, let v): return .regwr(array: Int32(r), index: try value(i), value: try value(v))
        case .regadd(let r, let i, let v): return .regadd(array: Int32(r), index: try value(i), value: try value(v))
        case .meter(let m, let i, let length, let cin, let cout):
            meterOperands.append(EngineMeterOperands(array: Int32(m), index: try value(i), length: try field(length),
                                                     colorIn: try value(cin), colorOut: try field(cout)))
            return .meter(operands: Int32(meterOperands.count - 1))
        case .extern(let call):
            let name: String = switch call {
            case .objectFunction(let o, let f):
                program.externObjects.indices.contains(o)
                    ? "e.\(program.externObjects[o].name) function \(f)" : "extern object \(o)"
            case .function(let f):
                program.externFunctions.indices.contains(f) ? "f.\(program.externFunctions[f].name)" : "function \(f)"
            }
            throw SWXPipelineError(.unimplemented, "extern call \(name): the engine runs no extern objects or functions")
        case .jmp(let t): return .jmp(target(t))
        case .jmpv(let t, let h): return .jmpValid(target(t), header: Int32(h))
        case .jmpnv(let t, let h): return .jmpInvalid(target(t), header: Int32(h))
        case .jmph(let t): return .jmpHit(target(t))
        case .jmpnh(let t): return .jmpMiss(target(t))
        case .jmpa(let t, let a): return .jmpAction(target(t), action: Int32(a))
        case .jmpna(let t, let a): return .jmpNotAction(target(t), action: Int32(a))
        case .jmpeq(let t, let a, let b): return try compare(.equal, target(t), a, b)
        case .jmpneq(let t, let a, let b): return try compare(.notEqual, target(t), a, b)
        case .jmplt(let t, let a, let b): return try compare(.less, target(t), a, b)
        case .jmpgt(let t, let a, let b): return try compare(.greater, target(t), a, b)
        case .return: return .return
        }
    }

    private mutating func mov(_ d: SpecFieldOperand, _ s: SpecValueOperand) throws(SWXPipelineError) -> EngineOp {
        switch s {
        case .immediate(let v):
            if d.isBig {
                // A big destination takes the immediate as a 64-bit network-order number, zero-padded.
                constants.append(v.bigEndian)
                let src = EngineBytes(slot: UInt16(EngineProgram.constantsSlot), count: 8,
                                      offset: Int32(8 * (constants.count - 1)))
                return .movBytes(destination: try bytes(d), source: src)
            }
            return .movImmediate(try field(d), EngineImmediate(v))
        case .field(let f):
            if d.isBig || f.isBig {
                guard (d.isBig || d.isNetworkByteOrder), (f.isBig || f.isNetworkByteOrder) else {
                    throw SWXPipelineError(.invalidArgument,
                                           "mov between a big field and a host-order field is not supported")
                }
                return .movBytes(destination: try bytes(d), source: try bytes(f))
            }
            return .mov(try field(d), try field(f))
        }
    }

    private mutating func alu(_ kind: EngineALU, _ d: SpecFieldOperand, _ s: SpecValueOperand)
        throws(SWXPipelineError) -> EngineOp {
        switch s {
        case .immediate(let v): return .aluImmediate(try field(d), EngineImmediate(v), kind)
        case .field(let f): return .alu(try field(d), try field(f), kind)
        }
    }

    private mutating func compare(_ kind: EngineComparison, _ t: Int32, _ a: SpecFieldOperand, _ b: SpecValueOperand)
        throws(SWXPipelineError) -> EngineOp {
        switch b {
        case .immediate(let v): return .jmpCompareImmediate(t, try field(a), EngineImmediate(v), kind)
        case .field(let f): return .jmpCompare(t, try field(a), try field(f), kind)
        }
    }
}
