/// `p4.v1.P4Data`: a value of any P4 type (register cells, digest messages).
public struct P4Data: Sendable, Hashable {
    /// The `data` oneof of `p4.v1.P4Data`.
    public enum Kind: Sendable, Hashable {
        /// A `bit<W>` or `int<W>` value as a bytestring.
        case bitstring([UInt8])
        /// A `varbit<W>` value.
        case varbit(P4Varbit)
        /// A `bool`.
        case bool(Bool)
        /// A tuple.
        case tuple(P4StructLike)
        /// A struct (members in declaration order).
        case `struct`(P4StructLike)
        /// A header.
        case header(P4Header)
        /// A header union.
        case headerUnion(P4HeaderUnion)
        /// A header stack.
        case headerStack(P4HeaderStack)
        /// A stack of header unions.
        case headerUnionStack(P4HeaderUnionStack)
        /// A safe (non-serializable) enum value, by member name.
        case `enum`(String)
        /// An `error` value, by name.
        case error(String)
        /// A serializable enum value as a bytestring.
        case enumValue([UInt8])
    }

    /// The value; nil when no member of the oneof is set.
    public var kind: Kind?

    /// Creates a value.
    public init(_ kind: Kind?) { self.kind = kind }
}

/// `p4.v1.P4Varbit`: a `varbit<W>` value with its dynamic width.
public struct P4Varbit: Sendable, Hashable {
    /// The value as a bytestring.
    public var bitstring: [UInt8]
    /// The dynamic bit width (at most the type's maximum).
    public var bitwidth: Int32
    /// Creates a varbit value.
    public init(bitstring: [UInt8] = [], bitwidth: Int32 = 0) {
        self.bitstring = bitstring
        self.bitwidth = bitwidth
    }
}

/// `p4.v1.P4StructLike`: the members of a struct or tuple, in declaration order.
public struct P4StructLike: Sendable, Hashable {
    /// The members.
    public var members: [P4Data]
    /// Creates a struct-like value.
    public init(members: [P4Data] = []) { self.members = members }
}

/// `p4.v1.P4Header`: a header's validity and its fields as bytestrings.
public struct P4Header: Sendable, Hashable {
    /// True when the header is valid; invalid headers carry no field values.
    public var isValid: Bool
    /// The fields in declaration order.
    public var bitstrings: [[UInt8]]
    /// Creates a header value.
    public init(isValid: Bool = false, bitstrings: [[UInt8]] = []) {
        self.isValid = isValid
        self.bitstrings = bitstrings
    }
}

/// `p4.v1.P4HeaderUnion`: a header union: the name of the valid member and its value.
public struct P4HeaderUnion: Sendable, Hashable {
    /// The valid member's name; empty when no member is valid.
    public var validHeaderName: String
    /// The valid member's value.
    public var validHeader: P4Header?
    /// Creates a header union value.
    public init(validHeaderName: String = "", validHeader: P4Header? = nil) {
        self.validHeaderName = validHeaderName
        self.validHeader = validHeader
    }
}

/// `p4.v1.P4HeaderStack`: the entries of a header stack.
public struct P4HeaderStack: Sendable, Hashable {
    /// The entries.
    public var entries: [P4Header]
    /// Creates a header stack value.
    public init(entries: [P4Header] = []) { self.entries = entries }
}

/// `p4.v1.P4HeaderUnionStack`: the entries of a header union stack.
public struct P4HeaderUnionStack: Sendable, Hashable {
    /// The entries.
    public var entries: [P4HeaderUnion]
    /// Creates a header union stack value.
    public init(entries: [P4HeaderUnion] = []) { self.entries = entries }
}
