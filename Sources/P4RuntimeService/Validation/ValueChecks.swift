import P4Device
import P4Model

/// Bytestring checks with messages that name the JSON path and the P4Info field.
enum ValueChecks {
    /// The canonical form of `bytes` for `field`.
    ///
    /// - Throws: OUT_OF_RANGE for an empty string or a value wider than the field (P4Runtime §8.3).
    @inline(__always)
    static func canonical(_ bytes: [UInt8], bitwidth: Int, isSDNString: Bool, path: @autoclosure () -> String, field: @autoclosure () -> String)
        throws(P4RuntimeError) -> [UInt8]
    {
        if isSDNString {
            if bytes.isEmpty { throw .outOfRange("\(path()): empty string for \(field())") }
            return bytes
        }
        guard let first = bytes.first else {
            throw .outOfRange("\(path()): empty bytestring for \(field()) (a value needs at least one byte)")
        }
        if first != 0 {
            let bits = bytes.count * 8 - first.leadingZeroBitCount
            if bits > bitwidth { throw tooWide(bytes, bits: bits, bitwidth: bitwidth, path: path(), field: field()) }
            return bytes
        }
        let bits = Bytestring.significantBits(bytes)
        if bits > bitwidth { throw tooWide(bytes, bits: bits, bitwidth: bitwidth, path: path(), field: field()) }
        return Bytestring.canonical(bytes)
    }

    private static func tooWide(_ bytes: [UInt8], bits: Int, bitwidth: Int, path: @autoclosure () -> String, field: @autoclosure () -> String)
        -> P4RuntimeError
    {
        .outOfRange("\(path()): value 0x\(Bytestring.hex(Bytestring.canonical(bytes))) needs \(bits) bits, exceeds bitwidth \(bitwidth) of \(field())")
    }

    /// Appends the canonical value `bytes` left-padded to `count` bytes.
    @inline(__always)
    static func appendPadded(_ bytes: [UInt8], count: Int, to key: inout [UInt8]) {
        if bytes.count < count { key.append(contentsOf: repeatElement(0, count: count - bytes.count)) }
        key.append(contentsOf: bytes)
    }

    /// Appends a variable-length value with a 4-byte length prefix (translated string fields).
    static func appendVariable(_ bytes: [UInt8], to key: inout [UInt8]) {
        appendInteger(UInt32(bytes.count), to: &key)
        key.append(contentsOf: bytes)
    }

    /// Appends `value` as 4 big-endian bytes.
    @inline(__always)
    static func appendInteger(_ value: UInt32, to key: inout [UInt8]) {
        key.append(UInt8(truncatingIfNeeded: value >> 24))
        key.append(UInt8(truncatingIfNeeded: value >> 16))
        key.append(UInt8(truncatingIfNeeded: value >> 8))
        key.append(UInt8(truncatingIfNeeded: value))
    }

    /// The number of trailing zero bits of a big-endian value (`Int.max` for zero).
    static func trailingZeroBits(_ bytes: [UInt8]) -> Int {
        var count = 0
        for byte in bytes.reversed() {
            if byte == 0 {
                count += 8
            } else {
                return count + byte.trailingZeroBitCount
            }
        }
        return Int.max
    }

    /// Compares two canonical big-endian values.
    static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        if lhs.count != rhs.count { return lhs.count < rhs.count ? -1 : 1 }
        for index in lhs.indices where lhs[index] != rhs[index] { return lhs[index] < rhs[index] ? -1 : 1 }
        return 0
    }
}
