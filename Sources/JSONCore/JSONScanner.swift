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

    // Inlinable, over a raw pointer: the decoders built on the scanner call it for every token.
    @usableFromInline let base: UnsafeRawPointer?
    @usableFromInline let end: Int
    /// The read position (byte offset); only the scanner moves it.
    @usableFromInline var position = 0

    /// The read position (byte offset).
    public var offset: Int { position }

    /// A reader at the start of `bytes` (which must outlive it).
    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress
        end = bytes.count
    }

    /// The byte at `index` (< `end`, so `base` is set).
    @inlinable @inline(__always)
    func byte(_ index: Int) -> UInt8 { base.unsafelyUnwrapped.load(fromByteOffset: index, as: UInt8.self) }

    @inlinable @inline(__always)
    mutating func skipSpace() {
        while position < end {
            let byte = byte(position)
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    @inlinable @inline(__always)
    mutating func consume(_ expected: UInt8) -> Bool {
        skipSpace()
        guard position < end, byte(position) == expected else { return false }
        position += 1
        return true
    }

    /// Consumes `{`; false when the next value is not an object.
    @inlinable
    public mutating func beginObject() -> Bool { consume(UInt8(ascii: "{")) }

    /// Consumes `[`; false when the next value is not an array.
    @inlinable
    public mutating func beginArray() -> Bool { consume(UInt8(ascii: "[")) }

    /// The next member's key (its `:` consumed), or the end of the object. `first` must start true for each object.
    @inlinable
    public mutating func nextMember(_ first: inout Bool) -> Step {
        if consume(UInt8(ascii: "}")) { return .end }
        if !first && !consume(UInt8(ascii: ",")) { return .invalid }
        first = false
        guard let key = string(), consume(UInt8(ascii: ":")) else { return .invalid }
        return .next(JSONKey(bytes: key))
    }

    /// True when another element follows (its `,` consumed), false at the end of the array (`]` consumed), nil
    /// when invalid. `first` must start true for each array.
    @inlinable
    public mutating func nextElement(_ first: inout Bool) -> Bool? {
        if consume(UInt8(ascii: "]")) { return false }
        if !first && !consume(UInt8(ascii: ",")) { return nil }
        first = false
        return true
    }

    /// Whether the next value is a string (nothing is consumed but whitespace).
    @inlinable
    public mutating func nextIsString() -> Bool {
        skipSpace()
        return position < end && byte(position) == UInt8(ascii: "\"")
    }

    /// A string's bytes (between the quotes), when it holds only printable ASCII without escapes.
    @inlinable
    public mutating func string() -> UnsafeRawBufferPointer? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        var index = start
        while index < end {
            let byte = byte(index)
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return UnsafeRawBufferPointer(start: base.unsafelyUnwrapped + start, count: index - start)
            }
            if byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: "\\") { return nil }
            index += 1
        }
        return nil
    }

    /// An integer written without fraction or exponent, at most 18 digits (so it fits `Int64`).
    @inlinable
    public mutating func integer() -> Int64? {
        skipSpace()
        var negative = false
        if position < end && byte(position) == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let start = position
        var value: Int64 = 0
        while position < end {
            let digit = byte(position) &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ Int64(digit)
            position += 1
        }
        let digits = position - start
        guard digits > 0, digits <= 18 else { return nil }
        // A leading zero is only valid alone ("0", "-0").
        if byte(start) == UInt8(ascii: "0") && digits > 1 { return nil }
        if position < end {
            let next = byte(position)
            if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
        }
        return negative ? -value : value
    }

    /// `true` or `false`.
    @inlinable
    public mutating func bool() -> Bool? {
        skipSpace()
        if matchLiteral("true") { return true }
        if matchLiteral("false") { return false }
        return nil
    }

    @inlinable
    mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= end else { return false }
        let expected = literal.utf8Start
        for index in 0..<count where byte(position + index) != expected[index] { return false }
        position += count
        return true
    }

    /// Whether only whitespace remains.
    @inlinable
    public mutating func finish() -> Bool {
        skipSpace()
        return position == end
    }
}
