/// The value of one field occurrence in a `ProtoMessage` tree.
///
/// The tree records what was written, not the schema's type: the builder converts (e.g. an integer field given as
/// a JSON string, or an enum given by name or number) and reports mismatches with the field's path.
public indirect enum ProtoValue: Sendable, Hashable {
    /// An integer literal in any base, with its sign.
    case integer(ProtoInteger)
    /// A floating-point literal.
    case float(Double)
    /// A string literal as raw bytes (text-format escapes resolved; JSON strings as UTF-8).
    case string([UInt8])
    /// A bare identifier: enum value names, `true`/`false`, `inf`, `nan`.
    case identifier(String)
    /// A nested message (`{ … }` or `< … >` in text format, an object in JSON).
    case message(ProtoMessage)
    /// An expanded `google.protobuf.Any`: `[type.googleapis.com/p4.config.v1.PkgInfo] { … }`, or a JSON object
    /// with `@type`.
    case any(typeURL: String, ProtoMessage)
    /// Several values of a repeated field written at once (`field: [1, 2]`, a JSON array).
    case list([ProtoValue])

    /// The bytes of a string value interpreted as UTF-8, or nil for other kinds or invalid UTF-8.
    public var stringValue: String? {
        guard case .string(let bytes) = self else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A short English name of the value's kind for error messages ("an integer", "a message").
    public var kindName: String {
        switch self {
        case .integer: "an integer"
        case .float: "a floating-point number"
        case .string: "a string"
        case .identifier(let name): "identifier '\(name)'"
        case .message: "a message"
        case .any: "an expanded Any"
        case .list: "a list"
        }
    }
}

/// An integer literal with explicit sign: magnitudes up to 2^64 − 1 are representable, so every int32, int64,
/// uint32 and uint64 value is.
public struct ProtoInteger: Sendable, Hashable, CustomStringConvertible {
    /// True for values below zero.
    public var isNegative: Bool
    /// The absolute value.
    public var magnitude: UInt64

    /// Creates an integer from sign and magnitude; `-0` is normalised to `0`.
    public init(isNegative: Bool, magnitude: UInt64) {
        self.isNegative = isNegative && magnitude != 0
        self.magnitude = magnitude
    }

    /// Creates a non-negative integer.
    public init(_ value: UInt64) { self.init(isNegative: false, magnitude: value) }

    /// Creates an integer from a signed value.
    public init(signed value: Int64) { self.init(isNegative: value < 0, magnitude: value.magnitude) }

    /// The value as `UInt64`, or nil if negative.
    public var uint64: UInt64? { isNegative ? nil : magnitude }
    /// The value as `UInt32`, or nil if negative or too large.
    public var uint32: UInt32? { isNegative ? nil : UInt32(exactly: magnitude) }
    /// The value as `Int64`, or nil if it does not fit.
    public var int64: Int64? {
        if isNegative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return Int64(exactly: magnitude).map { -$0 }
        }
        return Int64(exactly: magnitude)
    }
    /// The value as `Int32`, or nil if it does not fit.
    public var int32: Int32? { int64.flatMap { Int32(exactly: $0) } }

    /// Decimal with a leading `-` when negative.
    public var description: String { (isNegative ? "-" : "") + String(magnitude) }
}
