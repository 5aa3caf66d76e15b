/// Output layout of serialized JSON.
public enum JSONStyle: Sendable, Equatable {
    /// No insignificant whitespace: `{"a":[1,2]}`.
    case compact
    /// Two-space indentation, one member or element per line, `"key": value`; empty containers stay `{}`/`[]`.
    /// No trailing newline.
    case pretty
}

/// Byte-level encoders shared by the value serializer and ``JSONWriter`` (one implementation, so both produce
/// identical bytes).
enum JSONEncoding {
    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Appends `"…"` with `"`, `\` and control characters escaped; other bytes are copied (Swift strings are
    /// valid UTF-8).
    @inline(__always)
    static func appendString(_ string: String, to out: inout ByteBuffer) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable {
            appendString(utf8: UnsafeRawBufferPointer($0), to: &out)
        }
        if done == nil {
            var copy = string
            copy.withUTF8 { appendString(utf8: UnsafeRawBufferPointer($0), to: &out) }
        }
    }

    /// Appends a quoted, escaped string from UTF-8 bytes the caller guarantees to be valid.
    static func appendString(utf8 bytes: UnsafeRawBufferPointer, to out: inout ByteBuffer) {
        out.reserve(bytes.count + 2)
        out.append(UInt8(ascii: "\""))
        let count = bytes.count
        var runStart = 0
        var i = 0
        // Eight bytes at a time: skip words with no byte < 0x20, '"' or '\\' (exact "any byte" tests).
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if !needsEscape(word) {
                i += 8
                continue
            }
            for j in i..<(i + 8) { escapeIfNeeded(bytes, at: j, runStart: &runStart, to: &out) }
            i += 8
        }
        while i < count {
            escapeIfNeeded(bytes, at: i, runStart: &runStart, to: &out)
            i += 1
        }
        if runStart < count { out.append(UnsafeRawBufferPointer(rebasing: bytes[runStart...])) }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = ((word ^ (ones &* 0x22)) &- ones) & ~(word ^ (ones &* 0x22)) & highs
        let backslash = ((word ^ (ones &* 0x5C)) &- ones) & ~(word ^ (ones &* 0x5C)) & highs
        return control | quote | backslash != 0
    }

    @inline(__always)
    private static func escapeIfNeeded(
        _ bytes: UnsafeRawBufferPointer, at i: Int, runStart: inout Int, to out: inout ByteBuffer
    ) {
        let byte = bytes[i]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { return }
        if runStart < i { out.append(UnsafeRawBufferPointer(rebasing: bytes[runStart..<i])) }
        runStart = i + 1
        switch byte {
        case UInt8(ascii: "\""): out.append("\\\"")
        case UInt8(ascii: "\\"): out.append("\\\\")
        case 0x0A: out.append("\\n")
        case 0x0D: out.append("\\r")
        case 0x09: out.append("\\t")
        case 0x08: out.append("\\b")
        case 0x0C: out.append("\\f")
        default:
            out.append("\\u00")
            out.append(hexDigits.utf8Start[Int(byte >> 4)])
            out.append(hexDigits.utf8Start[Int(byte & 0xF)])
        }
    }

    /// Appends the decimal digits of `value`.
    @inline(__always)
    static func appendInteger(_ value: Int64, to out: inout ByteBuffer) {
        if value >= 0 && value < 10 {
            out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var magnitude = value.magnitude
        out.reserve(20)
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes ≥ 20 digits of UInt64.max
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            }
            out.append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Appends the shortest text that reads back as `value` (Swift's description, which is valid JSON for finite
    /// values: `0.1`, `1e-07`, `1e+20`, `-0.0`); non-finite values become `null`.
    static func appendDouble(_ value: Double, to out: inout ByteBuffer) {
        guard value.isFinite else {
            out.append("null")
            return
        }
        out.append(contentsOf: value.description.utf8)
    }

    @inline(__always)
    static func appendBool(_ value: Bool, to out: inout ByteBuffer) {
        if value { out.append("true") } else { out.append("false") }
    }

    /// Appends a newline and two spaces per level.
    @inline(__always)
    static func appendNewline(indent level: Int, to out: inout ByteBuffer) {
        out.reserve(1 + 2 * level)
        out.append(0x0A)
        for _ in 0..<(2 * level) { out.append(0x20) }
    }
}
