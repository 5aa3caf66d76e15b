import CJansson

/// Parses JSON text into ``JSONValue`` through jansson.
///
/// Any top-level value is accepted; duplicate keys in one object, invalid UTF-8, raw control characters,
/// integers outside `Int64`, trailing garbage and nesting deeper than ``maxDepth`` are errors. Escaped `\u0000`
/// inside strings is allowed. Parsing never traps on any input.
public struct JSONParser: Sendable {
    /// The default nesting limit (arrays and objects).
    public static let defaultMaxDepth = 512

    /// Deepest nesting of arrays/objects accepted.
    public var maxDepth: Int

    /// Creates a parser with the given nesting limit (clamped to jansson's own limit, 2048).
    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = max(1, min(maxDepth, Int(JSON_PARSER_MAX_DEPTH)))
    }

    /// Parses a whole buffer holding exactly one JSON value (surrounding whitespace allowed).
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        let root = try load(bytes)
        defer { json_decref(root) }
        return Self.value(of: root)
    }

    /// jansson's tree of `bytes` (owned by the caller: `json_decref` it), after our own depth and NUL checks.
    func load(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> UnsafeMutablePointer<json_t> {
        if let error = Self.depthViolation(in: bytes, maxDepth: maxDepth) { throw error }
        var error = json_error_t()
        let flags = Int(JSON_REJECT_DUPLICATES | JSON_DECODE_ANY | JSON_ALLOW_NUL)
        // An empty buffer has no base address; jansson still needs a valid pointer.
        let root: UnsafeMutablePointer<json_t>?
        if let base = bytes.baseAddress {
            root = json_loadb(base.assumingMemoryBound(to: CChar.self), bytes.count, flags, &error)
        } else {
            var empty: CChar = 0
            root = json_loadb(&empty, 0, flags, &error)
        }
        guard let root else { throw Self.convert(error) }
        return root
    }

    /// Parses a byte array; see ``parse(_:)-(UnsafeRawBufferPointer)``.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError> = bytes.withUnsafeBytes { buffer in
            do throws(JSONParseError) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Parses the UTF-8 of a string.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private static func convert(_ error: json_error_t) -> JSONParseError {
        var error = error
        let text = withUnsafeBytes(of: &error.text) { raw -> String in
            let chars = raw.bindMemory(to: UInt8.self)
            let end = chars.firstIndex(of: 0) ?? chars.count
            return String(decoding: UnsafeBufferPointer(rebasing: chars[..<end]), as: UTF8.self)
        }
        return JSONParseError(
            line: max(Int(error.line), 1), column: max(Int(error.column), 0), position: max(Int(error.position), 0),
            message: text)
    }

    static func value(of node: UnsafeMutablePointer<json_t>) -> JSONValue {
        switch node.pointee.type {
        case JSON_OBJECT:
            var members: [JSONMember] = []
            members.reserveCapacity(json_object_size(node))
            var iterator = json_object_iter(node)
            while let it = iterator {
                let keyBytes = UnsafeRawBufferPointer(start: json_object_iter_key(it), count: json_object_iter_key_len(it))
                let key = String(decoding: keyBytes, as: UTF8.self)
                if let child = json_object_iter_value(it) {
                    members.append(JSONMember(key: key, value: value(of: child)))
                }
                iterator = json_object_iter_next(node, it)
            }
            // jansson already rejected duplicates (JSON_REJECT_DUPLICATES), so this cannot throw.
            let object = (try? JSONObject(members: members)) ?? JSONObject()
            return .object(object)
        case JSON_ARRAY:
            let count = json_array_size(node)
            var elements: [JSONValue] = []
            elements.reserveCapacity(count)
            for i in 0..<count {
                if let child = json_array_get(node, i) { elements.append(value(of: child)) }
            }
            return .array(elements)
        case JSON_STRING:
            let bytes = UnsafeRawBufferPointer(start: json_string_value(node), count: json_string_length(node))
            return .string(String(decoding: bytes, as: UTF8.self))
        case JSON_INTEGER:
            return .integer(Int64(json_integer_value(node)))
        case JSON_REAL:
            return .double(json_real_value(node))
        case JSON_TRUE:
            return .bool(true)
        case JSON_FALSE:
            return .bool(false)
        default:
            return .null
        }
    }

    /// Finds the first `[` or `{` (outside strings) that opens level `maxDepth + 1`, so that deep input fails
    /// with a position before jansson recurses into it, and the first raw NUL byte.
    static func depthViolation(in bytes: UnsafeRawBufferPointer, maxDepth: Int) -> JSONParseError? {
        // Every document is checked, so the common case must be cheap: first bound the depth by the number of
        // brackets (no string tracking), then track depth without positions; only a document that does violate a
        // rule is scanned again with line and column tracking, for the exact error.
        if !mayViolate(bytes, maxDepth: maxDepth) { return nil }
        return locateViolation(in: bytes, maxDepth: maxDepth)
    }

    /// False when `bytes` certainly holds no NUL byte and no nesting deeper than `maxDepth`.
    private static func mayViolate(_ bytes: UnsafeRawBufferPointer, maxDepth: Int) -> Bool {
        var openers = 0
        var nuls = 0
        for byte in bytes {
            openers &+= (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")) ? 1 : 0
            nuls &+= byte == 0 ? 1 : 0
        }
        if nuls > 0 { return true }
        if openers <= maxDepth { return false }
        var nesting = NestingScanner(maxDepth: maxDepth)
        for byte in bytes {
            if nesting.opensTooDeep(byte) { return true }
        }
        return false
    }

    /// The exact error (line, column, byte) for a document that `mayViolate`.
    private static func locateViolation(in bytes: UnsafeRawBufferPointer, maxDepth: Int) -> JSONParseError? {
        var nesting = NestingScanner(maxDepth: maxDepth)
        var line = 1
        var column = 0
        for (offset, byte) in bytes.enumerated() {
            if byte & 0xC0 != 0x80 { column += 1 }
            // jansson stops reading a buffer at a raw NUL and may then accept a truncated document.
            if byte == 0 {
                return JSONParseError(line: line, column: column, position: offset, message: "NUL byte in input")
            }
            if nesting.opensTooDeep(byte) {
                return JSONParseError(
                    line: line, column: column, position: offset,
                    message: "nesting deeper than \(maxDepth) levels")
            }
            // A newline byte never changes the string state, so the state after it says whether it was in a string.
            if byte == UInt8(ascii: "\n"), !nesting.inString {
                line += 1
                column = 0
            }
        }
        return nil
    }
}

/// The bracket depth of a JSON document read byte by byte, with strings (and their escapes) skipped; shared by
/// the cheap check and the exact-position scan of ``JSONParser/depthViolation(in:maxDepth:)``.
private struct NestingScanner {
    let maxDepth: Int
    var depth = 0
    var inString = false
    var escaped = false

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    /// Takes the next byte; true when it is a `[` or `{` (outside strings) that opens level `maxDepth + 1`.
    @inline(__always)
    mutating func opensTooDeep(_ byte: UInt8) -> Bool {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return false
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            depth += 1
            return depth > maxDepth
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            depth -= 1
        default:
            break
        }
        return false
    }
}

extension JSONValue {
    /// Parses one JSON value with the default ``JSONParser``.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(bytes)
    }

    /// Parses one JSON value from a string's UTF-8 with the default ``JSONParser``.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try JSONParser().parse(text)
    }
}
