/// One compiled instruction: a POD value with every operand pre-resolved (struct slot, byte offset, width and
/// byte order folded into `EngineField`; objects, actions and jump targets as indices). No strings, classes or
/// existentials. This is the compiler's form, which its passes pattern-match; the executor runs the same ops
/// lowered to ``EngineInstruction`` (an opcode byte and operands in fixed places).
///
/// Immediates of rarely used instructions live in the program's constant struct and are addressed as fields;
/// the frequent ones (`mov`, ALU, compare-and-jump with an immediate) have their own variants.
enum EngineOp: Sendable {
    case rx(EngineField)
    case tx(EngineField)
    case txImmediate(UInt32)
    case drop
    case mirror(slot: EngineField, session: EngineField)
    case recirculate
    case recircid(EngineField)

    case extract(header: Int32, size: Int32)
    case extractVarbit(header: Int32, fixedSize: Int32, maximumExtra: Int32, length: EngineField)
    /// Two consecutive fixed-size extracts, fused (the second op stays in place as a jump target).
    case extract2(header: Int32, size: Int32, second: Int32, secondSize: Int32)
    case lookahead(header: Int32, size: Int32)
    case emit(header: Int32)
    /// Two consecutive emits, fused (the second op stays in place as a jump target).
    case emit2(header: Int32, second: Int32)
    case validate(header: Int32)
    case invalidate(header: Int32)

    case mov(EngineField, EngineField)
    case movImmediate(EngineField, EngineImmediate)
    /// Network-order byte strings: the source is right-aligned into the destination (zero padding or dropping
    /// the most significant bytes), which is `mov` between big fields and `movh`.
    case movBytes(destination: EngineBytes, source: EngineBytes)
    /// Two adjacent `mov`s between side-by-side fields, paired by the compiler into one move of a kind of its
    /// own (see ``EngineMove/paired(with:)``).
    case movePair(EngineMove)
    case alu(EngineField, EngineField, EngineALU)
    case aluImmediate(EngineField, EngineImmediate, EngineALU)
    case ckaddField(checksum: EngineBytes, source: EngineField)
    case ckaddHeader(checksum: EngineBytes, header: Int32)
    case cksubField(checksum: EngineBytes, source: EngineField)
    case hash(HashFunction, destination: EngineField, source: EngineBytes)
    case rss(Int32, destination: EngineField, source: EngineBytes)

    case table(Int32)
    case selector(Int32)
    case learner(Int32)
    /// `learn`: `argumentsOffset` is the metadata offset of the first argument (-1 for an action without args).
    case learn(action: Int32, argumentsOffset: Int32, timeoutID: EngineField)
    case rearm
    case rearmWith(EngineField)
    case forget
    case entryid(EngineField)

    case regrd(EngineField, array: Int32, index: EngineField)
    case regwr(array: Int32, index: EngineField, value: EngineField)
    case regadd(array: Int32, index: EngineField, value: EngineField)
    /// `meter`: the operands are in `EngineProgram.meterOperands[operands]`.
    case meter(operands: Int32)
    case nop

    case jmp(Int32)
    case jmpValid(Int32, header: Int32)
    case jmpInvalid(Int32, header: Int32)
    case jmpHit(Int32)
    case jmpMiss(Int32)
    case jmpAction(Int32, action: Int32)
    case jmpNotAction(Int32, action: Int32)
    case jmpCompare(Int32, EngineField, EngineField, EngineComparison)
    case jmpCompareImmediate(Int32, EngineField, EngineImmediate, EngineComparison)
    case `return`
}

extension EngineOp {
    /// The op a jump may go to (nil for every other op; a table's action and `return` are not jumps).
    var jumpTarget: Int32? {
        switch self {
        case .jmp(let t), .jmpValid(let t, _), .jmpInvalid(let t, _), .jmpHit(let t), .jmpMiss(let t),
             .jmpAction(let t, _), .jmpNotAction(let t, _), .jmpCompare(let t, _, _, _),
             .jmpCompareImmediate(let t, _, _, _):
            t
        default: nil
        }
    }

    /// The op with its jump target (if it is a jump) replaced by `map(target)`.
    func retargeted(_ map: (Int32) -> Int32) -> EngineOp {
        switch self {
        case .jmp(let t): .jmp(map(t))
        case .jmpValid(let t, let h): .jmpValid(map(t), header: h)
        case .jmpInvalid(let t, let h): .jmpInvalid(map(t), header: h)
        case .jmpHit(let t): .jmpHit(map(t))
        case .jmpMiss(let t): .jmpMiss(map(t))
        case .jmpAction(let t, let a): .jmpAction(map(t), action: a)
        case .jmpNotAction(let t, let a): .jmpNotAction(map(t), action: a)
        case .jmpCompare(let t, let a, let b, let k): .jmpCompare(map(t), a, b, k)
        case .jmpCompareImmediate(let t, let a, let v, let k): .jmpCompareImmediate(map(t), a, v, k)
        default: self
        }
    }
}

/// A 64-bit immediate stored as two 32-bit halves, so ops stay 4-byte aligned and 24 bytes wide.
struct EngineImmediate: Sendable {
    var low: UInt32
    var high: UInt32

    init(_ value: UInt64) {
        low = UInt32(truncatingIfNeeded: value)
        high = UInt32(truncatingIfNeeded: value >> 32)
    }

    @inline(__always)
    var value: UInt64 { UInt64(high) << 32 | UInt64(low) }
}

/// The two-operand arithmetic and bitwise instructions.
enum EngineALU: UInt8, Sendable {
    case add, sub, and, or, xor, shl, shr

    /// `a OP b` on 64-bit values; shifts by 64 or more give 0 (C leaves them undefined).
    @inline(__always)
    func apply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        switch self {
        case .add: a &+ b
        case .sub: a &- b
        case .and: a & b
        case .or: a | b
        case .xor: a ^ b
        case .shl: b >= 64 ? 0 : a &<< b
        case .shr: b >= 64 ? 0 : a &>> b
        }
    }
}

/// The unsigned comparisons of the compare-and-jump instructions.
enum EngineComparison: UInt8, Sendable {
    case equal, notEqual, less, greater

    @inline(__always)
    func holds(_ a: UInt64, _ b: UInt64) -> Bool {
        switch self {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .greater: a > b
        }
    }
}

/// The operands of one `meter` instruction (too many to keep inline in an op).
struct EngineMeterOperands: Sendable {
    var array: Int32
    var index: EngineField
    var length: EngineField
    var colorIn: EngineField
    var colorOut: EngineField
}

/// A `mov` between fields with the way it carries its value (``EngineMoveKind``).
struct EngineMove: Sendable {
    var destination: EngineField
    var source: EngineField
    var kind: EngineMoveKind

    init(destination: EngineField, source: EngineField) {
        self.destination = destination
        self.source = source
        kind = EngineMoveKind(destination: destination, source: source)
    }

    /// A move of kind `kind` between the fields given (a pair, whose fields span both moves').
    init(destination: EngineField, source: EngineField, kind: EngineMoveKind) {
        self.destination = destination
        self.source = source
        self.kind = kind
    }
}
