/// The executor's form of an `EngineOp`: a one-byte opcode and operands in fixed places.
///
/// The compiler works on `EngineOp` (an enum: pattern matching keeps its passes short). Swift lays a many-case
/// enum's tag out across its payloads' spare bits, so dispatching one costs shifts to find the tag and more to pull
/// each operand out of registers; this struct is dispatched with one byte load and read with plain loads.
/// Which fields an opcode uses is listed at `init(_:byteMoves:)`.
struct EngineInstruction: Sendable {
    var code: Code
    /// The ALU operation, comparison or hash function (raw value).
    var kind: UInt8 = 0
    /// A small second operand (the second extract's size, the header of `ckadd` of a header, an RSS object).
    var aux: UInt16 = 0
    var a: Int32 = 0
    /// A 64-bit immediate, or two 32-bit operands (`b` is the low half, `c` the high one).
    var immediate: UInt64 = 0
    var f = EngineField(slot: 0, byteOffset: 0, bitWidth: 8, bigEndian: false)
    var g = EngineField(slot: 0, byteOffset: 0, bitWidth: 8, bigEndian: false)

    enum Code: UInt8, Sendable {
        case rx, tx, txImmediate, drop, mirror, recirculate, recircid
        case extract, extractVarbit, extract2, lookahead, emit, emit2, validate, invalidate
        case mov, movImmediate, movBytes, alu, aluImmediate, ckaddField, ckaddHeader, cksubField, hash, rss
        /// A `mov` of a fast ``EngineMoveKind``: one load and one store, no dispatch on widths or byte orders.
        case movCopy8, movCopy16, movCopy32, movCopy64, movSwap16, movSwap32, movSwap64, movSwapPair16, movSwapPair32
        /// A `mov` of an immediate into a field of 1, 2, 4 or 8 bytes: one store of the value, already in the
        /// field's byte order.
        case movImmediate8, movImmediate16, movImmediate32, movImmediate64
        /// `ckadd`/`cksub` of a 16- or 32-bit field (ports, checksums, IPv4 addresses): no dispatch on the width.
        case ckaddField16, ckaddField32, cksubField16, cksubField32
        case table, selector, learner, learn, rearm, rearmWith, forget, entryid
        case regrd, regwr, regadd, meter, nop
        case jmp, jmpValid, jmpInvalid, jmpHit, jmpMiss, jmpAction, jmpNotAction, jmpCompare, jmpCompareImmediate
        /// `jmpCompareImmediate` with `equal` and `notEqual`, the kinds parsers and actions test most: no
        /// dispatch on the comparison.
        case jmpEqualImmediate, jmpNotEqualImmediate
        case `return`
    }

    @inline(__always) var b: Int32 { Int32(truncatingIfNeeded: immediate) }
    @inline(__always) var c: Int32 { Int32(truncatingIfNeeded: immediate >> 32) }
    /// A byte-range operand kept as slot `a`, count `b`, offset `c`.
    @inline(__always) var bytes: EngineBytes {
        EngineBytes(slot: UInt16(truncatingIfNeeded: a), count: UInt16(truncatingIfNeeded: b), offset: c)
    }
    // Bit casts (these enums' raw values are their case indices, as EngineLayoutTests checks): `init(rawValue:)`
    // stayed an out-of-line call in the executor.
    @inline(__always) var alu: EngineALU { unsafeBitCast(kind, to: EngineALU.self) }
    @inline(__always) var comparison: EngineComparison { unsafeBitCast(kind, to: EngineComparison.self) }
    @inline(__always) var hashFunction: HashFunction { unsafeBitCast(kind, to: HashFunction.self) }

    init(code: Code) { self.code = code }

    /// A `mov` between fields, by its kind.
    init(move m: EngineMove) {
        let code: Code = switch m.kind {
        case .copy8: .movCopy8
        case .copy16: .movCopy16
        case .copy32: .movCopy32
        case .copy64: .movCopy64
        case .swap16: .movSwap16
        case .swap32: .movSwap32
        case .swap64: .movSwap64
        case .swapPair16: .movSwapPair16
        case .swapPair32: .movSwapPair32
        case .general: .mov
        }
        self.init(code: code)
        f = m.destination
        g = m.source
    }

    /// A `mov` of `value` into `d`: fields of 1, 2, 4 or 8 bytes get the value in their byte order, to store as is.
    init(store d: EngineField, immediate value: UInt64) {
        f = d
        switch d.store {
        case .byte: code = .movImmediate8
        case .le16, .be16: code = .movImmediate16
        case .le32, .be32: code = .movImmediate32
        case .le64, .be64: code = .movImmediate64
        case .leOdd, .beOdd:
            code = .movImmediate
            immediate = value
            return
        }
        immediate = d.storedBytes(value)
    }

    static func pair(_ low: Int32, _ high: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: low)) | UInt64(UInt32(bitPattern: high)) << 32
    }

    mutating func setBytes(_ r: EngineBytes) {
        a = Int32(r.slot)
        immediate = EngineInstruction.pair(Int32(r.count), r.offset)
    }

    /// Lowers `op`; `byteMoves` collects the operands of `movBytes` (two byte ranges do not fit).
    init(_ op: EngineOp, byteMoves: inout [(EngineBytes, EngineBytes)]) {
        switch op {
        case .rx(let f): self.init(code: .rx); self.f = f
        case .tx(let f): self.init(code: .tx); self.f = f
        case .txImmediate(let p): self.init(code: .txImmediate); a = Int32(bitPattern: p)
        case .drop: self.init(code: .drop)
        case .mirror(let slot, let session): self.init(code: .mirror); f = slot; g = session
        case .recirculate: self.init(code: .recirculate)
        case .recircid(let f): self.init(code: .recircid); self.f = f
        case .extract(let h, let size): self.init(code: .extract); a = h; immediate = EngineInstruction.pair(size, 0)
        case .extractVarbit(let h, let fixed, let extra, let length):
            self.init(code: .extractVarbit); a = h; immediate = EngineInstruction.pair(fixed, extra); f = length
        case .extract2(let h1, let s1, let h2, let s2):
            self.init(code: .extract2); a = h1; immediate = EngineInstruction.pair(s1, h2)
            aux = UInt16(clamping: s2)
        case .lookahead(let h, let size): self.init(code: .lookahead); a = h; immediate = EngineInstruction.pair(size, 0)
        case .emit(let h): self.init(code: .emit); a = h
        case .emit2(let h1, let h2): self.init(code: .emit2); a = h1; immediate = EngineInstruction.pair(h2, 0)
        case .validate(let h): self.init(code: .validate); a = h
        case .invalidate(let h): self.init(code: .invalidate); a = h
        case .mov(let d, let s): self.init(move: EngineMove(destination: d, source: s))
        case .movePair(let m): self.init(move: m)
        case .movImmediate(let d, let v): self.init(store: d, immediate: v.value)
        case .movBytes(let d, let s):
            self.init(code: .movBytes); a = Int32(byteMoves.count); byteMoves.append((d, s))
        case .alu(let d, let s, let k): self.init(code: .alu); f = d; g = s; kind = k.rawValue
        case .aluImmediate(let d, let v, let k): self.init(code: .aluImmediate); f = d; immediate = v.value; kind = k.rawValue
        case .ckaddField(let checksum, let s):
            self.init(code: s.bitWidth == 16 ? .ckaddField16 : s.bitWidth == 32 ? .ckaddField32 : .ckaddField)
            setBytes(checksum); f = s
        case .ckaddHeader(let checksum, let h): self.init(code: .ckaddHeader); setBytes(checksum); aux = UInt16(clamping: h)
        case .cksubField(let checksum, let s):
            self.init(code: s.bitWidth == 16 ? .cksubField16 : s.bitWidth == 32 ? .cksubField32 : .cksubField)
            setBytes(checksum); f = s
        case .hash(let function, let d, let s):
            self.init(code: .hash); kind = function.rawValue; f = d; setBytes(s)
        case .rss(let r, let d, let s): self.init(code: .rss); aux = UInt16(clamping: r); f = d; setBytes(s)
        case .table(let t): self.init(code: .table); a = t
        case .selector(let s): self.init(code: .selector); a = s
        case .learner(let l): self.init(code: .learner); a = l
        case .learn(let action, let arguments, let timeout):
            self.init(code: .learn); a = action; immediate = EngineInstruction.pair(arguments, 0); f = timeout
        case .rearm: self.init(code: .rearm)
        case .rearmWith(let f): self.init(code: .rearmWith); self.f = f
        case .forget: self.init(code: .forget)
        case .entryid(let f): self.init(code: .entryid); self.f = f
        case .regrd(let d, let r, let i): self.init(code: .regrd); f = d; a = r; g = i
        case .regwr(let r, let i, let v): self.init(code: .regwr); a = r; f = i; g = v
        case .regadd(let r, let i, let v): self.init(code: .regadd); a = r; f = i; g = v
        case .meter(let k): self.init(code: .meter); a = k
        case .nop: self.init(code: .nop)
        case .jmp(let t): self.init(code: .jmp); a = t
        case .jmpValid(let t, let h): self.init(code: .jmpValid); a = t; immediate = EngineInstruction.pair(h, 0)
        case .jmpInvalid(let t, let h): self.init(code: .jmpInvalid); a = t; immediate = EngineInstruction.pair(h, 0)
        case .jmpHit(let t): self.init(code: .jmpHit); a = t
        case .jmpMiss(let t): self.init(code: .jmpMiss); a = t
        case .jmpAction(let t, let action): self.init(code: .jmpAction); a = t; immediate = EngineInstruction.pair(action, 0)
        case .jmpNotAction(let t, let action):
            self.init(code: .jmpNotAction); a = t; immediate = EngineInstruction.pair(action, 0)
        case .jmpCompare(let t, let x, let y, let k): self.init(code: .jmpCompare); a = t; f = x; g = y; kind = k.rawValue
        case .jmpCompareImmediate(let t, let x, let v, let k):
            let code: Code = switch k {
            case .equal: .jmpEqualImmediate
            case .notEqual: .jmpNotEqualImmediate
            default: .jmpCompareImmediate
            }
            self.init(code: code); a = t; f = x; immediate = v.value; kind = k.rawValue
        case .return: self.init(code: .return)
        }
    }
}
