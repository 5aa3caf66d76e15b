import JSONCore
import P4Model

/// Friendly match values, per P4Info match kind:
///
/// | kind | forms | don't care |
/// |---|---|---|
/// | exact | a value | not allowed |
/// | optional | a value | `"*"`, `null` or omission |
/// | lpm | `"value/len"`, or a value (full prefix) | `"*"`, prefix 0, or omission |
/// | ternary | `"value&&&mask"`, `"value/len"`, or a value (all-ones mask) | `"*"`, mask 0, or omission |
/// | range | `"lo..hi"`, or a value (`lo = hi`) | `"*"`, the full range, or omission |
///
/// Values use `FriendlyValue` syntax. Bits set outside the prefix or mask are rejected rather than silently
/// cleared.
public enum FriendlyMatch {
    /// Parses the friendly value of match field `field`; nil means "don't care" (the `FieldMatch` is omitted).
    ///
    /// - Throws: INVALID_ARGUMENT naming `what` for syntax errors, wildcards on exact fields and stray bits;
    ///   OUT_OF_RANGE for values wider than the field.
    public static func parse(_ value: JSONValue, field: P4Info.MatchField, what: String) throws(P4RuntimeError)
        -> FieldMatch?
    {
        let width = Int(field.bitwidth)
        let isWildcard: Bool
        switch value {
        case .null: isWildcard = true
        case .string(let text): isWildcard = text == "*"
        default: isWildcard = false
        }
        guard let matchType = field.matchType else {
            throw .invalidArgument(
                "\(what): match kind of field \"\(field.name)\" is not supported by the friendly form")
        }
        if isWildcard {
            if matchType == .exact { throw .invalidArgument("\(what): exact field \"\(field.name)\" cannot be \"*\"") }
            return nil
        }
        switch matchType {
        case .exact:
            return FieldMatch(
                fieldId: field.id, .exact(value: try FriendlyValue.parse(value, bitwidth: width, what: what)))
        case .optional:
            return FieldMatch(
                fieldId: field.id, .optional(value: try FriendlyValue.parse(value, bitwidth: width, what: what)))
        case .lpm:
            let (text, suffix) = split(value, at: "/")
            let bytes = try FriendlyValue.parse(text, bitwidth: width, what: what)
            let prefixLen = try suffix.map { (suffix) throws(P4RuntimeError) in try prefixLength(suffix, width, what) }
                ?? width
            if prefixLen == 0 { return nil }
            try checkNoBits(bytes, outside: prefixMask(prefixLen, width), what: what, limit: "/\(prefixLen)")
            return FieldMatch(fieldId: field.id, .lpm(value: bytes, prefixLen: Int32(prefixLen)))
        case .ternary:
            var (text, maskText) = split(value, at: "&&&")
            var mask: [UInt8]
            if let maskText {
                mask = try FriendlyValue.parse(.string(maskText), bitwidth: width, what: what + " (mask)")
            } else {
                let (valueText, suffix) = split(value, at: "/")
                if let suffix {
                    text = valueText
                    mask = prefixMask(try prefixLength(suffix, width, what), width)
                } else {
                    mask = prefixMask(width, width)
                }
            }
            mask = Bytestring.canonical(mask)
            if mask == [0] { return nil }
            let bytes = try FriendlyValue.parse(text, bitwidth: width, what: what)
            try checkNoBits(bytes, outside: mask, what: what, limit: "mask \(FieldFormat.hex(mask))")
            return FieldMatch(fieldId: field.id, .ternary(value: bytes, mask: mask))
        case .range:
            let (lowText, highText) = split(value, at: "..")
            let low = try FriendlyValue.parse(lowText, bitwidth: width, what: what + " (low)")
            let high = try highText.map { (text) throws(P4RuntimeError) in
                try FriendlyValue.parse(.string(text), bitwidth: width, what: what + " (high)")
            } ?? low
            if compare(low, high) > 0 {
                throw .invalidArgument(
                    "\(what): range low \(FieldFormat.hex(low)) exceeds high \(FieldFormat.hex(high))")
            }
            if low == [0], high == prefixMask(width, width) { return nil }
            return FieldMatch(fieldId: field.id, .range(low: low, high: high))
        default:
            throw .invalidArgument("\(what): match kind \(matchType) is not supported by the friendly form")
        }
    }

    /// Renders a field match in the friendly syntax of `field`'s kind and format.
    public static func render(_ match: FieldMatch, field: P4Info.MatchField) -> JSONValue {
        let format = FieldFormat(
            name: field.name, bitwidth: field.bitwidth, typeName: field.typeName, annotations: field.annotations,
            structuredAnnotations: field.structuredAnnotations)
        switch match.kind {
        case .exact(let value)?, .optional(let value)?:
            return format.render(value)
        case .lpm(let value, let prefixLen)?:
            return .string("\(format.text(value))/\(prefixLen)")
        case .ternary(let value, let mask)?:
            if format == .number { return .string("\(FieldFormat.hex(value))&&&\(FieldFormat.hex(mask))") }
            return .string("\(format.text(value))&&&\(format.text(mask))")
        case .range(let low, let high)?:
            return .string("\(format.text(low))..\(format.text(high))")
        case .other?, nil:
            var writer = JSONWriter()
            match.encode(to: &writer)
            return (try? JSONValue.parse(writer.take())) ?? .null
        }
    }

    /// Splits a string value at the first `separator`; non-strings are returned whole.
    private static func split(_ value: JSONValue, at separator: String) -> (JSONValue, String?) {
        guard case .string(let text) = value else { return (value, nil) }
        let utf8 = Array(text.utf8)
        let pattern = Array(separator.utf8)
        guard utf8.count >= pattern.count else { return (value, nil) }
        for start in 0...(utf8.count - pattern.count) where Array(utf8[start..<(start + pattern.count)]) == pattern {
            let head = String(decoding: utf8[..<start], as: UTF8.self)
            let tail = String(decoding: utf8[(start + pattern.count)...], as: UTF8.self)
            return (.string(head), tail)
        }
        return (value, nil)
    }

    private static func prefixLength(_ text: String, _ width: Int, _ what: String) throws(P4RuntimeError) -> Int {
        guard let length = Int(text), length >= 0 else {
            throw .invalidArgument("\(what): invalid prefix length \"\(text)\"")
        }
        guard length <= width else {
            throw .outOfRange("\(what): prefix length \(length) exceeds bitwidth \(width)")
        }
        return length
    }

    /// A `width`-bit value whose top `length` bits are ones, as `(width + 7) / 8` bytes.
    static func prefixMask(_ length: Int, _ width: Int) -> [UInt8] {
        let count = Bytestring.byteCount(bitwidth: width)
        var bytes = [UInt8](repeating: 0, count: count)
        let skip = count * 8 - width  // unused high bits of the first byte
        for bit in 0..<length {
            let position = skip + bit
            bytes[position / 8] |= 0x80 >> UInt8(position % 8)
        }
        return Bytestring.canonical(bytes)
    }

    private static func checkNoBits(_ value: [UInt8], outside mask: [UInt8], what: String, limit: String)
        throws(P4RuntimeError)
    {
        let length = max(value.count, mask.count)
        let paddedValue = Bytestring.padded(value, toByteCount: length) ?? value
        let paddedMask = Bytestring.padded(mask, toByteCount: length) ?? mask
        for index in 0..<length where paddedValue[index] & ~paddedMask[index] != 0 {
            throw .invalidArgument("\(what): value \(FieldFormat.hex(value)) has bits set outside \(limit)")
        }
    }

    /// Compares two bytestrings numerically.
    private static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        let left = Bytestring.canonical(lhs)
        let right = Bytestring.canonical(rhs)
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
        return 0
    }
}
