/// Identifies an architecture-specific extern type (`Extern.extern_type_id`, `ExternEntry.extern_type_id`).
///
/// P4Runtime reserves 0x81…0xfe for extern types; ids of the type's instances carry it as their prefix byte.
public struct ExternTypeID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral
{
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// Wraps a raw id; never fails.
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Wraps an integer literal.
    public init(integerLiteral value: UInt32) { self.rawValue = value }
    /// The range P4Runtime reserves for extern type ids (§9.9).
    public static let validRange: ClosedRange<UInt32> = 0x81...0xfe
    /// Orders ids by their raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `0x` and two hex digits (more when the value is out of range).
    public var description: String {
        let digits = String(rawValue, radix: 16)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
