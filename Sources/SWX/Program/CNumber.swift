/// Number parsing with the exact semantics of C's `strtoull(s, &end, 0)` followed by DPDK's "the whole token
/// must be consumed" check, which is how every number in a `.spec` file and in the table-entry text format is
/// read.
///
/// Accepted: an optional `+` or `-` sign, then `0x`/`0X` + hex digits, a leading `0` + octal digits, or decimal
/// digits. A value that overflows 64 bits saturates to `UInt64.max` (C reports ERANGE, which DPDK ignores); a
/// minus sign negates modulo 2^64. Anything left over makes the token invalid.
public enum CNumber {
    /// Parses `token` as `strtoull(token, &end, 0)` with `*end == 0` required; nil if not a number.
    public static func parseUnsigned(_ token: Substring) -> UInt64? {
        var bytes = Array(token.utf8)[...]
        guard !bytes.isEmpty else { return nil }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var base: UInt64 = 10
        if bytes.count >= 2, bytes[bytes.startIndex] == UInt8(ascii: "0"),
           bytes[bytes.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
            // "0x" with no hex digit after it parses as "0" and leaves "x..." unconsumed: invalid.
            guard bytes.count > 2, hexValue(bytes[bytes.startIndex + 2]) != nil else { return nil }
            base = 16
            bytes = bytes.dropFirst(2)
        } else if bytes.first == UInt8(ascii: "0") {
            base = 8
        }
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        var overflow = false
        for byte in bytes {
            guard let digit = hexValue(byte), UInt64(digit) < base else { return nil }
            let (multiplied, o1) = value.multipliedReportingOverflow(by: base)
            let (added, o2) = multiplied.addingReportingOverflow(UInt64(digit))
            if o1 || o2 { overflow = true }
            value = added
        }
        if overflow { return UInt64.max }
        return negative ? 0 &- value : value
    }

    /// Parses `token` like `parseUnsigned`, then truncates to 32 bits as DPDK does when it stores `strtoul`'s
    /// result in a `uint32_t`.
    public static func parseUnsigned32(_ token: Substring) -> UInt32? {
        parseUnsigned(token).map { UInt32(truncatingIfNeeded: $0) }
    }

    /// Parses a hex byte string of exactly `byteCount` bytes (two digits per byte, optional `0x`/`0X` prefix),
    /// as DPDK does for action arguments and match values wider than 64 bits. Returns the bytes in the order
    /// written (network order), or nil.
    public static func parseHexBytes(_ token: Substring, byteCount: Int) -> [UInt8]? {
        var bytes = Array(token.utf8)[...]
        if bytes.count >= 2, bytes[bytes.startIndex] == UInt8(ascii: "0"),
           bytes[bytes.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
            bytes = bytes.dropFirst(2)
        }
        guard byteCount > 0, bytes.count == byteCount * 2 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(byteCount)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else { return nil }
            result.append(high << 4 | low)
            index += 2
        }
        return result
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
