/// One translated instruction: one case per `.spec` mnemonic (48 in all), every operand resolved.
///
/// Field operands carry struct, byte offset, bit width and byte order; objects are referenced by their index in
/// the matching `SpecProgram` array; jump targets are indices into the enclosing `SpecInstructionBlock`.
/// Operand classes follow DPDK's checks (H/M/E/F/T/I, see `SpecFieldSpace`); the comment on each case names
/// the classes the translator accepted.
public enum SpecInstruction: Sendable, Hashable {
    // MARK: Packet I/O and control

    /// `rx m.F`: receive a packet, write its input port to the metadata field (M, ≤ 64 bits).
    case rx(port: SpecFieldOperand)
    /// `tx m.F | tx I`: emit and send the packet to the port (M ≤ 64 bits or immediate); ends the packet.
    case tx(port: SpecValueOperand)
    /// `drop`: send the packet to the drop port; ends the packet at once, even inside an action.
    case drop
    /// `mirror SLOT SESSION`: record a clone session in a mirror slot (both MEFT, no H, no immediate).
    case mirror(slot: SpecFieldOperand, session: SpecFieldOperand)
    /// `recirculate`: at the next tx the output packet re-enters the pipeline.
    case recirculate
    /// `recircid m.F`: write the current recirculation pass number (M).
    case recircid(destination: SpecFieldOperand)

    // MARK: Headers

    /// `extract h.H [m.LEN]`: parse a header at the current position and advance; `varbitByteCount` (M) is
    /// given exactly for headers whose struct ends in a varbit field.
    case extract(header: Int, varbitByteCount: SpecFieldOperand?)
    /// `lookahead h.H`: like extract but does not advance (fixed-size headers only).
    case lookahead(header: Int)
    /// `emit h.H`: append the header to the output header list if valid.
    case emit(header: Int)
    /// `validate h.H`: mark the header valid (pointing at its own storage if it was not valid).
    case validate(header: Int)
    /// `invalidate h.H`: clear the header's valid bit.
    case invalidate(header: Int)

    // MARK: Moves and arithmetic (destination HMEF, source HMEFTI unless noted)

    /// `mov DST SRC`: copy the value, truncated or zero-extended to the destination width (big fields: bytes).
    case mov(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `movh DST SRC`: move the upper 64 bits of a 128-bit field to or from a 64-bit header field.
    case movh(destination: SpecFieldOperand, source: SpecFieldOperand)
    /// `add DST SRC`: modular addition at the destination width.
    case add(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `sub DST SRC`: modular subtraction at the destination width.
    case sub(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `and DST SRC`: bitwise and.
    case and(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `or DST SRC`: bitwise or.
    case or(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `xor DST SRC`: bitwise exclusive or.
    case xor(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `shl DST SRC`: shift left by SRC.
    case shl(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `shr DST SRC`: logical shift right by SRC.
    case shr(destination: SpecFieldOperand, source: SpecValueOperand)
    /// `ckadd h.D SRC`: add SRC's raw bytes into the 16-bit ones'-complement checksum field D (H, 16 bits).
    case ckadd(destination: SpecFieldOperand, source: SpecChecksumSource)
    /// `cksub h.D h.SRC`: subtract a header field (≤ 64 bits) from the checksum field D (H, 16 bits).
    case cksub(destination: SpecFieldOperand, source: SpecFieldOperand)
    /// `hash FUNC m.D FIRST LAST`: D (M, ≤ 64 bits) = FUNC(raw bytes of `source`, seed 0).
    case hash(function: SpecHashFunction, destination: SpecFieldOperand, source: SpecByteRange)
    /// `rss OBJ m.D FIRST LAST`: D (M, ≤ 64 bits) = Toeplitz hash of `source` with the key of rss object `rss`.
    case rss(rss: Int, destination: SpecFieldOperand, source: SpecByteRange)

    // MARK: Tables and learners

    /// `table NAME`: look up a table, selector or learner (apply block only).
    case table(SpecLookupTarget)
    /// `learn ACTION [m.FIRST_ARG] m.TIMEOUT_ID`: add (or update) the key that the last learner lookup used.
    /// `firstArgument` is present exactly when the action has arguments; they are read from consecutive
    /// metadata fields whose widths match the action's argument widths.
    case learn(action: Int, firstArgument: SpecFieldOperand?, timeoutID: SpecFieldOperand)
    /// `rearm [m.TIMEOUT_ID]`: restart the expiry timer of the hit learner key, optionally with a new timeout id.
    case rearm(timeoutID: SpecFieldOperand?)
    /// `forget`: delete the hit learner key.
    case forget
    /// `entryid m.F`: write the entry id of the last lookup (0 on miss, 1 + slot on hit) (M).
    case entryid(destination: SpecFieldOperand)

    // MARK: Registers and meters

    /// `regprefetch R IDX`: a prefetch hint; no effect on results.
    case regprefetch(regarray: Int, index: SpecValueOperand)
    /// `regrd DST R IDX`: DST (HMEF) = R[IDX & (size - 1)].
    case regrd(destination: SpecFieldOperand, regarray: Int, index: SpecValueOperand)
    /// `regwr R IDX SRC`: R[IDX] = SRC.
    case regwr(regarray: Int, index: SpecValueOperand, value: SpecValueOperand)
    /// `regadd R IDX SRC`: R[IDX] += SRC.
    case regadd(regarray: Int, index: SpecValueOperand, value: SpecValueOperand)
    /// `metprefetch M IDX`: a prefetch hint; no effect on results.
    case metprefetch(metarray: Int, index: SpecValueOperand)
    /// `meter M IDX LEN CIN COUT`: colour-aware trTCM; LEN is a field (HMEFT, never an immediate), CIN is
    /// MEFTI, COUT is MEF.
    case meter(metarray: Int, index: SpecValueOperand, length: SpecFieldOperand, colorIn: SpecValueOperand,
               colorOut: SpecFieldOperand)

    // MARK: Externs

    /// `extern e.OBJ.FUNC | extern f.FUNC`: call a registered extern.
    case `extern`(SpecExternCall)

    // MARK: Jumps (targets are instruction indices in the same block)

    /// `jmp L`.
    case jmp(target: Int)
    /// `jmpv L h.H`: jump if the header is valid.
    case jmpv(target: Int, header: Int)
    /// `jmpnv L h.H`: jump if the header is not valid.
    case jmpnv(target: Int, header: Int)
    /// `jmph L`: jump if the last table or learner lookup hit (apply block only).
    case jmph(target: Int)
    /// `jmpnh L`: jump if the last table or learner lookup missed (apply block only).
    case jmpnh(target: Int)
    /// `jmpa L ACTION`: jump if the last lookup ran this action (apply block only).
    case jmpa(target: Int, action: Int)
    /// `jmpna L ACTION`: jump if the last lookup did not run this action (apply block only).
    case jmpna(target: Int, action: Int)
    /// `jmpeq L A B`: jump if A == B (A is a field, HMEFT; B is HMEFTI).
    case jmpeq(target: Int, left: SpecFieldOperand, right: SpecValueOperand)
    /// `jmpneq L A B`: jump if A != B.
    case jmpneq(target: Int, left: SpecFieldOperand, right: SpecValueOperand)
    /// `jmplt L A B`: jump if A < B (unsigned).
    case jmplt(target: Int, left: SpecFieldOperand, right: SpecValueOperand)
    /// `jmpgt L A B`: jump if A > B (unsigned).
    case jmpgt(target: Int, left: SpecFieldOperand, right: SpecValueOperand)

    /// `return`: end the action and resume after the `table` instruction (actions only).
    case `return`
}

extension SpecInstruction {
    /// The mnemonic as written in a `.spec` file.
    public var mnemonic: String {
        switch self {
        case .rx: "rx"
        case .tx: "tx"
        case .drop: "drop"
        case .mirror: "mirror"
        case .recirculate: "recirculate"
        case .recircid: "recircid"
        case .extract: "extract"
        case .lookahead: "lookahead"
        case .emit: "emit"
        case .validate: "validate"
        case .invalidate: "invalidate"
        case .mov: "mov"
        case .movh: "movh"
        case .add: "add"
        case .sub: "sub"
        case .and: "and"
        case .or: "or"
        case .xor: "xor"
        case .shl: "shl"
        case .shr: "shr"
        case .ckadd: "ckadd"
        case .cksub: "cksub"
        case .hash: "hash"
        case .rss: "rss"
        case .table: "table"
        case .learn: "learn"
        case .rearm: "rearm"
        case .forget: "forget"
        case .entryid: "entryid"
        case .regprefetch: "regprefetch"
        case .regrd: "regrd"
        case .regwr: "regwr"
        case .regadd: "regadd"
        case .metprefetch: "metprefetch"
        case .meter: "meter"
        case .extern: "extern"
        case .jmp: "jmp"
        case .jmpv: "jmpv"
        case .jmpnv: "jmpnv"
        case .jmph: "jmph"
        case .jmpnh: "jmpnh"
        case .jmpa: "jmpa"
        case .jmpna: "jmpna"
        case .jmpeq: "jmpeq"
        case .jmpneq: "jmpneq"
        case .jmplt: "jmplt"
        case .jmpgt: "jmpgt"
        case .return: "return"
        }
    }

    /// Whether the instruction ends the packet (`tx` or `drop`), DPDK's "tx class".
    public var isTransmit: Bool {
        switch self {
        case .tx, .drop: true
        default: false
        }
    }

    /// The jump target, if this is a jump instruction.
    public var jumpTarget: Int? {
        switch self {
        case .jmp(let t), .jmph(let t), .jmpnh(let t): t
        case .jmpv(let t, _), .jmpnv(let t, _), .jmpa(let t, _), .jmpna(let t, _): t
        case .jmpeq(let t, _, _), .jmpneq(let t, _, _), .jmplt(let t, _, _), .jmpgt(let t, _, _): t
        default: nil
        }
    }
}
