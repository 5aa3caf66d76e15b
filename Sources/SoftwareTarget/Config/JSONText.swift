/// A parsed JSON value, just enough to read context.json, bfrt.json and the JSON device config.
///
/// The software target may not import JSONCore (ARCHITECTURE.md §1), and these documents are read once per
/// pipeline, so a small recursive-descent reader suffices. Numbers are kept as their text.
public indirect enum JSONText: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A number, as written.
    case number(String)
    /// A string (escapes decoded).
    case string(String)
    /// An array.
    case array([JSONText])
    /// An object, members in document order.
    case object([(String, JSONText)])

    /// Parses `bytes` as one JSON document.
    ///
    /// - Throws: a message naming the byte offset of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(JSONTextError) -> JSONText {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.position == bytes.count else { throw reader.error("unexpected data after the document") }
        return value
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONText? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string value, or nil.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer value of a number, or nil.
    public var intValue: Int? { if case .number(let n) = self { Int(n) } else { nil } }
    /// The boolean value, or nil.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    /// The elements of an array (empty for anything else).
    public var arrayValue: [JSONText] { if case .array(let a) = self { a } else { [] } }

    /// Structural equality (object members compared in order).
    public static func == (lhs: JSONText, rhs: JSONText) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Hashes the structure, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o): for (k, v) in o { hasher.combine(k); hasher.combine(v) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        func error(_ message: String) -> JSONTextError { JSONTextError(offset: position, message: message) }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func value(depth: Int) throws(JSONTextError) -> JSONText {
            guard depth < 256 else { throw error("nesting deeper than 256 levels") }
            guard position < bytes.count else { throw error("unexpected end of the document") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(String, JSONText)] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        throw error("expected a member name")
                    }
                    let key = try string()
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    if try endOrComma(UInt8(ascii: "}")) { return .object(members) }
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [JSONText] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
                while true {
                    skipSpace()
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    if try endOrComma(UInt8(ascii: "]")) { return .array(elements) }
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default:
                let start = position
                while position < bytes.count, "+-0123456789.eE".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { throw error("unexpected character") }
                return .number(String(decoding: bytes[start..<position], as: UTF8.self))
            }
        }

        mutating func endOrComma(_ end: UInt8) throws(JSONTextError) -> Bool {
            guard position < bytes.count else { throw error("unexpected end of the document") }
            if bytes[position] == end { position += 1; return true }
            try expect(UInt8(ascii: ","))
            return false
        }

        mutating func expect(_ byte: UInt8) throws(JSONTextError) {
            guard position < bytes.count, bytes[position] == byte else {
                throw error("expected '\(Character(Unicode.Scalar(byte)))'")
            }
            position += 1
        }

        mutating func literal(_ word: String) throws(JSONTextError) {
            for byte in word.utf8 { try expect(byte) }
        }

        mutating func string() throws(JSONTextError) -> String {
            position += 1
            var out: [UInt8] = []
            while true {
                guard position < bytes.count else { throw error("unterminated string") }
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") { break }
                guard byte == UInt8(ascii: "\\") else { out.append(byte); continue }
                guard position < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
                       bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                        position += 2
                        let low = try hex4()
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
                default: out.append(escape)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        mutating func hex4() throws(JSONTextError) -> UInt32 {
            guard position + 4 <= bytes.count,
                  let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else {
                throw error("bad \\u escape")
            }
            position += 4
            return value
        }
    }
}

/// A JSON syntax error: the byte offset and what is wrong.
public struct JSONTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset of the problem.
    public var offset: Int
    /// What is wrong.
    public var message: String
    /// `"byte N: message"`.
    public var description: String { "byte \(offset): \(message)" }
}
