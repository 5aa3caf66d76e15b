/// Which per-packet struct an instruction operand lives in.
///
/// DPDK's operand classes map onto this as: H = `.header`, M = `.metadata`, T = `.actionArguments`,
/// E = `.externObject`, F = `.externFunction`.
public enum SpecFieldSpace: Sendable, Hashable {
    /// A field of the header with this index (`h.HDR.FIELD`); stored in network byte order.
    case header(Int)
    /// A field of the metadata struct (`m.FIELD`); stored in host (little-endian) order, except big fields.
    case metadata
    /// An argument of the running action (`t.ARG`), i.e. a field of the matched entry's action data.
    case actionArguments
    /// A mailbox field of the extern object with this index (`e.OBJ.FIELD`).
    case externObject(Int)
    /// A mailbox field of the extern function with this index (`f.FUNC.FIELD`).
    case externFunction(Int)
}

/// A fully resolved field operand: where the bytes are, how many bits, and in which byte order.
///
/// `byteOffset` is the true offset within the struct; it is never wrapped to 8 bits as DPDK's instruction
/// encoding does (see `SpecWarning.Kind.metadataOffsetAliasing`).
public struct SpecFieldOperand: Sendable, Hashable {
    /// The struct the field lives in.
    public var space: SpecFieldSpace
    /// The index into `SpecProgram.structs` of that struct's type.
    public var structIndex: Int
    /// The index of the field within that struct.
    public var fieldIndex: Int
    /// Offset of the field's first byte within its struct.
    public var byteOffset: Int
    /// Width in bits (a positive multiple of 8).
    public var bitWidth: Int
    /// Whether the stored bytes are big-endian: header fields, big (> 64-bit) fields anywhere, and action
    /// arguments that DPDK switches to network order (`SpecAction.argumentIsNetworkByteOrder`).
    public var isNetworkByteOrder: Bool

    /// Creates a field operand.
    public init(space: SpecFieldSpace, structIndex: Int, fieldIndex: Int, byteOffset: Int, bitWidth: Int,
                isNetworkByteOrder: Bool) {
        self.space = space
        self.structIndex = structIndex
        self.fieldIndex = fieldIndex
        self.byteOffset = byteOffset
        self.bitWidth = bitWidth
        self.isNetworkByteOrder = isNetworkByteOrder
    }

    /// Width in bytes.
    public var byteWidth: Int { bitWidth / 8 }
    /// Whether the field is wider than 64 bits.
    public var isBig: Bool { bitWidth > 64 }
}

/// A source operand: a field or a 64-bit immediate (DPDK's `strtoull` base-0 number).
public enum SpecValueOperand: Sendable, Hashable {
    /// Read the field's value (as an unsigned number of its width).
    case field(SpecFieldOperand)
    /// A constant.
    case immediate(UInt64)
}

/// A run of raw bytes inside one struct, from the first byte of one field to the last byte of another
/// (the source of `hash` and `rss`).
public struct SpecByteRange: Sendable, Hashable {
    /// The struct the bytes live in.
    public var space: SpecFieldSpace
    /// The index into `SpecProgram.structs` of that struct's type.
    public var structIndex: Int
    /// Offset of the first byte.
    public var byteOffset: Int
    /// Number of bytes (> 0).
    public var byteCount: Int

    /// Creates a byte range.
    public init(space: SpecFieldSpace, structIndex: Int, byteOffset: Int, byteCount: Int) {
        self.space = space
        self.structIndex = structIndex
        self.byteOffset = byteOffset
        self.byteCount = byteCount
    }
}

/// The source of `ckadd`: one header field or a whole header.
public enum SpecChecksumSource: Sendable, Hashable {
    /// A header field of at most 64 bits.
    case field(SpecFieldOperand)
    /// Every byte of the header with this index, summed as 32-bit words (trailing bytes beyond a multiple of 4
    /// are ignored, as in DPDK).
    case header(Int)
}

/// What a `table NAME` instruction looks up.
public enum SpecLookupTarget: Sendable, Hashable {
    /// The regular table with this index in `SpecProgram.tables`.
    case table(Int)
    /// The selector with this index in `SpecProgram.selectors`.
    case selector(Int)
    /// The learner with this index in `SpecProgram.learners`.
    case learner(Int)
}

/// What an `extern` instruction calls.
public enum SpecExternCall: Sendable, Hashable {
    /// Member function `function` (index into the type's functions) of extern object `object`.
    case objectFunction(object: Int, function: Int)
    /// The extern function with this index in `SpecProgram.externFunctions`.
    case function(Int)
}

/// The hash functions a pipeline knows by name. DPDK registers exactly these two by default.
public enum SpecHashFunction: String, Sendable, Hashable, CaseIterable {
    /// Bob Jenkins' lookup3 hash as `rte_jhash` computes it, seed 0.
    case jhash
    /// CRC32-C as `rte_hash_crc` computes it, seed 0.
    case crc32
}
