/// P4Runtime bytestrings (§8.3): unsigned big-endian values in byte arrays.
///
/// Receivers accept any non-empty length whose value fits the declared bit width (padded forms included);
/// senders use the canonical form: the shortest string, with zero as one `0x00` byte. Width and empty-string
/// violations are OUT_OF_RANGE (§8.3).
public enum Bytestring {
    /// The canonical form of `bytes`: leading zero bytes removed, keeping at least one byte.
    /// An empty input stays empty (it has no canonical form; `validated` rejects it).
    public static func canonical(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return bytes.isEmpty ? [] : [0] }
        return first == 0 ? bytes : Array(bytes[first...])
    }

    /// True when `a` and `b` hold the same value, whatever leading zero bytes either carries.
    public static func sameValue(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let aStart = a.firstIndex(where: { $0 != 0 }) ?? a.endIndex
        let bStart = b.firstIndex(where: { $0 != 0 }) ?? b.endIndex
        return a[aStart...].elementsEqual(b[bStart...])
    }

    /// True when `bytes` is already canonical (non-empty, and no leading zero byte unless it is the single 0x00).
    public static func isCanonical(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        return first != 0 || bytes.count == 1
    }

    /// The number of significant bits of the value (0 for zero or an empty string).
    public static func significantBits(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.count - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
    }

    /// True when `bytes` is non-empty and its value fits in `bitwidth` unsigned bits (leading zero bytes allowed).
    public static func fits(_ bytes: [UInt8], bitwidth: Int) -> Bool {
        !bytes.isEmpty && significantBits(bytes) <= bitwidth
    }

    /// Checks a received bytestring against `bitwidth` and returns its canonical form.
    ///
    /// - Throws: OUT_OF_RANGE naming `what` when the string is empty or the value needs more than `bitwidth` bits.
    public static func validated(_ bytes: [UInt8], bitwidth: Int, what: String) throws(P4RuntimeError) -> [UInt8] {
        if bytes.isEmpty {
            throw .outOfRange("\(what): empty bytestring (a value needs at least one byte)")
        }
        let bits = significantBits(bytes)
        if bits > bitwidth {
            throw .outOfRange("\(what): value 0x\(hex(canonical(bytes))) needs \(bits) bits, exceeds bitwidth \(bitwidth)")
        }
        return canonical(bytes)
    }

    /// The value left-padded with zero bytes (or stripped of leading zero bytes) to exactly `byteCount` bytes.
    /// Returns nil when the value does not fit in `byteCount` bytes.
    public static func padded(_ bytes: [UInt8], toByteCount byteCount: Int) -> [UInt8]? {
        let value = canonical(bytes)
        if value.count > byteCount {
            return value == [0] && byteCount == 0 ? [] : nil
        }
        return [UInt8](repeating: 0, count: byteCount - value.count) + value
    }

    /// The value as exactly `(bitwidth + 7) / 8` big-endian bytes, or nil if it does not fit `bitwidth` bits.
    public static func fixedWidth(_ bytes: [UInt8], bitwidth: Int) -> [UInt8]? {
        guard significantBits(bytes) <= bitwidth else { return nil }
        return padded(bytes, toByteCount: byteCount(bitwidth: bitwidth))
    }

    /// The number of bytes a `bit<bitwidth>` value occupies: `(bitwidth + 7) / 8`.
    public static func byteCount(bitwidth: Int) -> Int { (max(0, bitwidth) + 7) / 8 }

    /// The canonical bytestring of `value`.
    public static func encode(_ value: UInt64) -> [UInt8] {
        if value == 0 { return [0] }
        let bytes = (value.leadingZeroBitCount / 8..<8).map { UInt8(truncatingIfNeeded: value >> (8 * (7 - $0))) }
        return bytes
    }

    /// `value` as exactly `(bitwidth + 7) / 8` big-endian bytes, or nil if it needs more than `bitwidth` bits.
    public static func encode(_ value: UInt64, bitwidth: Int) -> [UInt8]? {
        guard 64 - value.leadingZeroBitCount <= bitwidth else { return nil }
        let count = byteCount(bitwidth: bitwidth)
        return (0..<count).map { index in
            let shift = 8 * (count - 1 - index)
            return shift >= 64 ? 0 : UInt8(truncatingIfNeeded: value >> UInt64(shift))
        }
    }

    /// The value of a bytestring as `UInt64`, or nil if it is empty or needs more than 64 bits.
    public static func uint64(_ bytes: [UInt8]) -> UInt64? {
        guard !bytes.isEmpty, significantBits(bytes) <= 64 else { return nil }
        var value: UInt64 = 0
        for byte in canonical(bytes) { value = value << 8 | UInt64(byte) }
        return value
    }

    // MARK: Signed values (int<W>, only in P4Data)

    /// The number of bits the value needs as a two's-complement integer, sign bit included (0 for an empty string,
    /// 1 for zero or -1).
    public static func signedSignificantBits(_ bytes: [UInt8]) -> Int {
        guard let first = bytes.first else { return 0 }
        let total = bytes.count * 8
        if first & 0x80 == 0 { return significantBits(bytes) + 1 }
        var leadingOnes = 0
        for byte in bytes {
            let ones = (~byte).leadingZeroBitCount
            leadingOnes += ones
            if ones < 8 { break }
        }
        return total - leadingOnes + 1
    }

    /// True when `bytes` is non-empty and, read as a two's-complement integer of its own length, fits `int<bitwidth>`
    /// (§8.3: extra leading bytes must be sign extension).
    public static func fits(signed bytes: [UInt8], bitwidth: Int) -> Bool {
        !bytes.isEmpty && signedSignificantBits(bytes) <= bitwidth
    }

    /// The shortest two's-complement form of a signed value: leading bytes that only repeat the sign are removed.
    public static func canonicalSigned(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        while start + 1 < bytes.count {
            let byte = bytes[start]
            let nextNegative = bytes[start + 1] & 0x80 != 0
            guard (byte == 0x00 && !nextNegative) || (byte == 0xff && nextNegative) else { break }
            start += 1
        }
        return Array(bytes[start...])
    }

    /// The signed value as exactly `(bitwidth + 7) / 8` bytes, sign-extended; nil if it does not fit `int<bitwidth>`.
    public static func fixedWidth(signed bytes: [UInt8], bitwidth: Int) -> [UInt8]? {
        guard fits(signed: bytes, bitwidth: bitwidth) else { return nil }
        let value = canonicalSigned(bytes)
        let count = byteCount(bitwidth: bitwidth)
        let fill: UInt8 = (value.first ?? 0) & 0x80 != 0 ? 0xff : 0x00
        return [UInt8](repeating: fill, count: max(0, count - value.count)) + value.suffix(count)
    }

    /// Lowercase hex digits of `bytes`, two per byte (`[0x0a, 0x01]` → `"0a01"`).
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}
