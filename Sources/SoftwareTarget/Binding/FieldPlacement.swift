import P4Model

/// Where one value lives inside a byte layout the engine reads (a table's key window or an action's data): its
/// offset, its width in the spec, its byte order, and the width the controller sees.
struct FieldPlacement: Sendable, Hashable {
    /// Byte offset inside the layout.
    var offset: Int
    /// Width in bytes in the spec (a multiple of 8 bits).
    var byteWidth: Int
    /// True when stored big-endian (header fields, big fields, network-order action arguments).
    var networkOrder: Bool
    /// The P4Info width in bits (the value the controller writes); ≤ `byteWidth * 8`.
    var p4Bits: Int

    /// Bits of zero padding the spec adds above the P4 value.
    var padBits: Int { byteWidth * 8 - p4Bits }

    /// Writes `value` (a big-endian bytestring of `byteWidth` bytes) into `layout` in the field's byte order.
    func write(_ value: [UInt8], into layout: inout [UInt8]) {
        for i in 0..<byteWidth {
            let destination = networkOrder ? offset + i : offset + byteWidth - 1 - i
            layout[destination] = value[i]
        }
    }

    /// Writes `value` (a big-endian bytestring of any length) into `layout` like `write(WideValue.widen(value, to:
    /// byteWidth), into:)`, without building the widened copy: zero-extended on the left, or with excess leading
    /// bytes dropped.
    func write(widening value: [UInt8], into layout: inout [UInt8]) {
        let skip = value.count - byteWidth
        value.withUnsafeBufferPointer { source in
            layout.withUnsafeMutableBufferPointer { target in
                for i in 0..<byteWidth {
                    let destination = networkOrder ? offset + i : offset + byteWidth - 1 - i
                    target[destination] = skip + i >= 0 ? source[skip + i] : 0
                }
            }
        }
    }

    /// True when the field in `layout` holds the P4 value `value` (a big-endian bytestring of any length that
    /// fits `p4Bits`): the spec's padding bits above the P4 width are not compared, and bytes past the end of
    /// `layout` read as zero.
    func holds(_ value: [UInt8], in layout: UnsafeRawBufferPointer) -> Bool {
        let skip = value.count - byteWidth
        for i in 0..<byteWidth {
            let position = networkOrder ? offset + i : offset + byteWidth - 1 - i
            var stored = position < layout.count ? layout[position] : 0
            let padding = min(max(padBits - i * 8, 0), 8)
            stored &= UInt8(truncatingIfNeeded: 0xFF >> padding)
            if stored != (skip + i >= 0 ? value[skip + i] : 0) { return false }
        }
        return true
    }

    /// Reads the field from `layout` as a big-endian bytestring of `byteWidth` bytes.
    func read(_ layout: [UInt8]) -> [UInt8] {
        (0..<byteWidth).map { i in layout[networkOrder ? offset + i : offset + byteWidth - 1 - i] }
    }
}

/// Big-endian bytestring helpers for widening P4Runtime values to spec widths.
enum WideValue {
    /// `bytes` (big-endian, any length) as exactly `count` bytes: zero-extended on the left, or with excess
    /// leading bytes dropped (they are zero for any value P4Runtime validation let through).
    static func widen(_ bytes: [UInt8], to count: Int) -> [UInt8] {
        if bytes.count >= count { return Array(bytes.suffix(count)) }
        return [UInt8](repeating: 0, count: count - bytes.count) + bytes
    }

    /// A mask of `count` bytes whose top `ones` bits are set.
    static func prefixMask(ones: Int, count: Int) -> [UInt8] {
        (0..<count).map { i in
            let bits = min(max(ones - i * 8, 0), 8)
            return bits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
    }

    /// The canonical (shortest, at least one byte) form of a big-endian bytestring.
    static func canonical(_ bytes: [UInt8]) -> [UInt8] {
        let trimmed = Array(bytes.drop { $0 == 0 })
        return trimmed.isEmpty ? [0] : trimmed
    }

    /// `bytes` with the top `bits` of the `count`-byte value cleared.
    static func clearTop(_ bytes: [UInt8], bits: Int) -> [UInt8] {
        let mask = prefixMask(ones: bits, count: bytes.count)
        return zip(bytes, mask).map { $0 & ~$1 }
    }
}
