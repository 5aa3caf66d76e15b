/// A `struct` type declared in a `.spec` file, with every field laid out the way DPDK lays it out.
///
/// Fields are packed in declaration order with no padding: each field starts at the byte where the previous one
/// ends. Widths are always a multiple of 8, so every field is byte aligned. A `varbit<N>` field may only be the
/// last field; `fixedByteSize` then excludes it and `maximumByteSize` includes its maximum size.
public struct SpecStruct: Sendable, Hashable {
    /// The struct's name as written after `struct`.
    public var name: String
    /// The fields in declaration order (which is also byte order).
    public var fields: [SpecField]
    /// The 1-based line of the `struct NAME {` statement.
    public var line: Int

    /// Creates a struct from already laid-out fields.
    public init(name: String, fields: [SpecField], line: Int) {
        self.name = name
        self.fields = fields
        self.line = line
    }

    /// The widest field p4rtd accepts (8 KiB); DPDK itself has no explicit bound.
    public static let maximumFieldBitWidth = 65_536

    /// Whether the last field is a `varbit` field (such a struct may only back a header).
    public var hasVarbitField: Bool { fields.last?.isVarbit ?? false }

    /// The size in bytes of the fixed-size part: every field except a trailing varbit one.
    public var fixedByteSize: Int {
        fields.reduce(0) { $0 + ($1.isVarbit ? 0 : $1.byteWidth) }
    }

    /// The size in bytes including a trailing varbit field at its maximum width.
    public var maximumByteSize: Int {
        fields.reduce(0) { $0 + $1.byteWidth }
    }

    /// The index of the field named `fieldName`, or nil.
    public func fieldIndex(named fieldName: String) -> Int? {
        fields.firstIndex { $0.name == fieldName }
    }
}

/// One field of a `SpecStruct`.
public struct SpecField: Sendable, Hashable {
    /// The field name as declared.
    public var name: String
    /// The width in bits (for a varbit field, its maximum width); always a positive multiple of 8.
    public var bitWidth: Int
    /// The offset of the field's first byte from the start of its struct (never wrapped at 256, unlike DPDK).
    public var byteOffset: Int
    /// Whether the field was declared `varbit<N>`.
    public var isVarbit: Bool

    /// Creates a field.
    public init(name: String, bitWidth: Int, byteOffset: Int, isVarbit: Bool) {
        self.name = name
        self.bitWidth = bitWidth
        self.byteOffset = byteOffset
        self.isVarbit = isVarbit
    }

    /// The width in bytes (`bitWidth / 8`).
    public var byteWidth: Int { bitWidth / 8 }
    /// Whether the field is wider than 64 bits; such fields are stored in network byte order even in metadata.
    public var isBig: Bool { bitWidth > 64 }
}
