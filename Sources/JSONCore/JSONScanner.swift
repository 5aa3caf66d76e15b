/// A strict pull reader for a subset of JSON, straight from the bytes, with no allocation: objects, arrays,
/// strings of printable ASCII without escapes, integers within 18 digits, `true`/`false`, and JSON whitespace.
///
/// It exists for hot, regular documents (one bulk-write line per update: see docs/decisions/0004-json-fast-scanner.md)
/// where jansson's tree building dominates. Everything it accepts is valid JSON with the same meaning jansson
/// gives it; anything outside the subset (escapes, non-ASCII, fractions, exponents, `null`, NUL bytes, syntax
/// errors) makes a read return nil and the caller falls back to ``JSONParser``, which accepts or rejects the
/// document with its usual error. Callers must reject repeated keys themselves (jansson is run with
/// `JSON_REJECT_DUPLICATES`), and call ``finish()`` to make sure nothing follows the value.
public struct JSONScanner {
    /// The outcome of asking for the next member.
    public enum Step {
        /// Another member follows; its value is next.
        case next(JSONKey)
        /// The container ended (its closing bracket was consumed).
        case end
        /// Outside the subset or invalid.
        case invalid
    }

    private let bytes: UnsafeRawBufferPointer
    /// The read position (byte offset).
    public private(set) var offset = 0

    /// A reader at the start of `bytes` (which must outlive it).
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    @inline(__always)
    private mutating func skipSpace() {
        while offset < bytes.count {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            offset += 1
        }
    }

    @inline(__always)
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    /// Consumes `{`; false when the next value is not an object.
    public mutating func beginObject() -> Bool { consume(UInt8(ascii: "{")) }

    /// Consumes `[`; false when the next value is not an array.
    public mutating func beginArray() -> Bool { consume(UInt8(ascii: "[")) }

    /// The next member's key (its `:` consumed), or the end of the object. `first` must start true for each object.
    public mutating func nextMember(_ first: inout Bool) -> Step {
        if consume(UInt8(ascii: "}")) { return .end }
        if !first && !consume(UInt8(ascii: ",")) { return .invalid }
        first = false
        guard let key = string(), consume(UInt8(ascii: ":")) else { return .invalid }
        return .next(JSONKey(bytes: key))
    }

    /// True when another element follows (its `,` consumed), false at the end of the array (`]` consumed), nil
    /// when invalid. `first` must start true for each array.
    public mutating func nextElement(_ first: inout Bool) -> Bool? {
        if consume(UInt8(ascii: "]")) { return false }
        if !first && !consume(UInt8(ascii: ",")) { return nil }
        first = false
        return true
    }

    /// Whether the next value is a string (nothing is consumed but whitespace).
    public mutating func nextIsString() -> Bool {
        skipSpace()
        return offset < bytes.count && bytes[offset] == UInt8(ascii: "\"")
    }

    /// A string's bytes (between the quotes), when it holds only printable ASCII without escapes.
    public mutating func string() -> UnsafeRawBufferPointer? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = offset
        let count = bytes.count
        var i = start
        // Eight bytes per step while none is '"', '\\', a control character or non-ASCII.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | (word &- ones &* 0x20)
                | word | (word &+ ones)
            if special & highs != 0 { break }
            i += 8
        }
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                offset = i + 1
                return UnsafeRawBufferPointer(rebasing: bytes[start..<i])
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            i += 1
        }
        return nil
    }

    /// An integer written without fraction or exponent, at most 18 digits (so it fits `Int64`).
    public mutating func integer() -> Int64? {
        skipSpace()
        var negative = false
        if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") {
            negative = true
            offset += 1
        }
        let start = offset
        var value: Int64 = 0
        while offset < bytes.count {
            let digit = bytes[offset] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ Int64(digit)
            offset += 1
        }
        let digits = offset - start
        guard digits > 0, digits <= 18 else { return nil }
        // A leading zero is only valid alone ("0", "-0").
        if bytes[start] == UInt8(ascii: "0") && digits > 1 { return nil }
        if offset < bytes.count {
            let next = bytes[offset]
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
        }
        return negative ? -value : value
    }

    /// `true` or `false`.
    public mutating func bool() -> Bool? {
        skipSpace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        return nil
    }

    private mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let expected = literal.utf8Start
        for index in 0..<count where bytes[offset + index] != expected[index] { return false }
        offset += count
        return true
    }

    /// Whether only whitespace remains.
    public mutating func finish() -> Bool {
        skipSpace()
        return offset == bytes.count
    }
}
