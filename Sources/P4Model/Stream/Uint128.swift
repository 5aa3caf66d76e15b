/// `p4.v1.Uint128`: a 128-bit unsigned integer (election ids), ordered numerically.
public struct Uint128: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The upper 64 bits.
    public var high: UInt64
    /// The lower 64 bits.
    public var low: UInt64

    /// Creates a value; `Uint128()` is zero, a *set* election id distinct from an absent one.
    public init(high: UInt64 = 0, low: UInt64 = 0) {
        self.high = high
        self.low = low
    }

    /// Orders by `high`, then `low`.
    public static func < (lhs: Uint128, rhs: Uint128) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }

    /// Decimal when `high` is 0, else `high:low` in hex.
    public var description: String {
        high == 0 ? String(low) : "0x" + String(high, radix: 16) + ":" + hexPadded(low)
    }

    private func hexPadded(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
