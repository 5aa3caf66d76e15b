/// A typed 32-bit identifier from P4Info or P4Runtime.
///
/// Every kind of object has its own id type (`TableID`, `ActionID`, …) so that an action id can never be passed
/// where a table id is expected. Ids compare and hash by their raw value. Ids of top-level P4Info objects print as
/// eight hex digits (`0x02000001`), the form p4c and P4Runtime tools use; local ids (match fields, action
/// parameters, packet metadata, controller-chosen member and group ids) print in decimal, as they are small ordinals.
public protocol P4ObjectID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByIntegerLiteral where RawValue == UInt32, IntegerLiteralType == UInt32
{
    /// Wraps a raw id; any value is representable (0 means "unset" in proto3 messages).
    init(_ rawValue: UInt32)

    /// The P4Info id prefix (most significant byte) objects of this kind carry, if the kind has one.
    static var prefix: P4IDPrefix? { get }
}

extension P4ObjectID {
    /// Wraps a raw id (same as `init(_:)`); never fails.
    public init(rawValue: UInt32) { self.init(rawValue) }

    /// Wraps an integer literal.
    public init(integerLiteral value: UInt32) { self.init(value) }

    /// Orders ids by their raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// True when the id is 0, which proto3 treats as "unset" (a wildcard in reads, invalid in writes).
    public var isUnset: Bool { rawValue == 0 }

    /// The prefix byte actually present in the id (its most significant byte).
    public var prefixByte: UInt8 { UInt8(truncatingIfNeeded: rawValue >> 24) }

    /// `0x` and eight hex digits for prefixed kinds, decimal for local ids.
    public var description: String {
        Self.prefix == nil ? String(rawValue) : hexID(rawValue)
    }
}

/// Formats a 32-bit id as `0x` followed by exactly eight lowercase hex digits.
public func hexID(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
