import JSONCore
import P4Model

/// How the friendly forms render a field's values: a documented, predictable rule (see
/// `docs/api-friendly-forms.md`).
///
/// 1. An `@format(IPV4_ADDRESS)`, `@format(IPV6_ADDRESS)` or `@format(MAC_ADDRESS)` annotation decides, whatever
///    the width.
/// 2. Otherwise the width and the words of the field's name (last dotted component) and P4 type name decide, where
///    words are split at `_` and lower-to-upper case changes (`dstAddr` → `dst`, `addr`):
///    - 32 bits with a word `ip`, `ipv4`, `addr` or `address` → IPv4 (`"10.0.0.1"`);
///    - 128 bits with a word `ip`, `ipv6`, `addr` or `address` → IPv6 (`"2001:db8::1"`);
///    - 48 bits with a word `mac`, `eth`, `addr` or `address` → MAC (`"00:11:22:33:44:55"`).
/// 3. Otherwise a number: a JSON number up to 53 significant bits, else a `"0x…"` string.
///
/// Masks of ternary matches on number fields are always written in hex (`"0xffff"`).
public enum FieldFormat: Sendable, Hashable {
    /// Dotted-quad IPv4.
    case ipv4
    /// RFC 5952 IPv6.
    case ipv6
    /// Colon-separated lowercase MAC.
    case mac
    /// Decimal JSON number, or `"0x…"` beyond 53 bits.
    case number

    /// The format for a field or parameter.
    public init(name: String, bitwidth: Int32, typeName: P4NamedType?, annotations: [String],
        structuredAnnotations: [P4Info.StructuredAnnotation] = [])
    {
        let declared = Self.declaredFormat(annotations, structuredAnnotations)
        if let declared {
            self = declared
            return
        }
        let lastComponent = name.split(separator: ".").last.map(String.init) ?? name
        let words = Set(Self.words(lastComponent) + Self.words(typeName?.name ?? ""))
        switch bitwidth {
        case 32 where !words.isDisjoint(with: ["ip", "ipv4", "addr", "address"]): self = .ipv4
        case 128 where !words.isDisjoint(with: ["ip", "ipv6", "addr", "address"]): self = .ipv6
        case 48 where !words.isDisjoint(with: ["mac", "eth", "addr", "address"]): self = .mac
        default: self = .number
        }
    }

    private static func declaredFormat(
        _ annotations: [String], _ structured: [P4Info.StructuredAnnotation]
    ) -> FieldFormat? {
        for annotation in annotations where annotation.hasPrefix("@format") {
            if annotation.contains("IPV4_ADDRESS") { return .ipv4 }
            if annotation.contains("IPV6_ADDRESS") { return .ipv6 }
            if annotation.contains("MAC_ADDRESS") { return .mac }
        }
        for annotation in structured where annotation.name == "format" {
            if case .expressionList(let expressions)? = annotation.body {
                for case .stringValue(let value)? in expressions {
                    if value == "IPV4_ADDRESS" { return .ipv4 }
                    if value == "IPV6_ADDRESS" { return .ipv6 }
                    if value == "MAC_ADDRESS" { return .mac }
                }
            }
        }
        return nil
    }

    /// Lowercased words of an identifier: split at `_`, `.`, digits-to-letters kept, and lower→upper changes.
    static func words(_ identifier: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in identifier {
            if character == "_" || character == "." || character == "-" {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase, previousLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Renders a (canonical or padded) bytestring in this format.
    public func render(_ bytes: [UInt8]) -> JSONValue {
        switch self {
        case .ipv4:
            if let padded = Bytestring.padded(bytes, toByteCount: 4) {
                return .string(padded.map { String($0) }.joined(separator: "."))
            }
        case .mac:
            if let padded = Bytestring.padded(bytes, toByteCount: 6) {
                return .string(padded.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: ":"))
            }
        case .ipv6:
            if let padded = Bytestring.padded(bytes, toByteCount: 16) { return .string(Self.ipv6Text(padded)) }
        case .number:
            break
        }
        if Bytestring.significantBits(bytes) <= 53, let value = Bytestring.uint64(bytes) {
            return .integer(Int64(value))
        }
        return .string(Self.hex(bytes))
    }

    /// The text form of a value, for composite strings (`value/len`, `value&&&mask`, `lo..hi`).
    public func text(_ bytes: [UInt8]) -> String {
        switch render(bytes) {
        case .string(let text): return text
        case .integer(let number): return String(number)
        default: return Self.hex(bytes)
        }
    }

    /// `0x` and the lowercase hex digits of the value, without leading zeros (`0x0` for zero).
    public static func hex(_ bytes: [UInt8]) -> String {
        var digits = Bytestring.hex(Bytestring.canonical(bytes))
        while digits.count > 1, digits.first == "0" { digits.removeFirst() }
        return "0x" + (digits.isEmpty ? "0" : digits)
    }

    static func ipv6Text(_ bytes: [UInt8]) -> String {
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        // RFC 5952: compress the longest run (first on ties) of two or more zero groups.
        var bestStart = -1
        var bestLength = 0
        var index = 0
        while index < 8 {
            if groups[index] == 0 {
                var end = index
                while end < 8, groups[end] == 0 { end += 1 }
                if end - index > bestLength {
                    bestStart = index
                    bestLength = end - index
                }
                index = end
            } else {
                index += 1
            }
        }
        func join(_ range: Range<Int>) -> String { range.map { String(groups[$0], radix: 16) }.joined(separator: ":") }
        if bestLength < 2 { return join(0..<8) }
        return join(0..<bestStart) + "::" + join((bestStart + bestLength)..<8)
    }
}
