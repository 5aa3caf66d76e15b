import JSONCore
import P4Model

/// The state of one proto3 JSON decode: the current JSON path (for error messages) and the unknown-field policy.
///
/// Field decoders follow proto3 JSON exactly (the rules `json_format` applies): keys in
/// lowerCamelCase or the original snake_case, `null` meaning absent, integers as numbers or strings (`1e3` and
/// `1.0` accepted, fractions and out-of-range values rejected), bytes as standard or URL-safe base64 with or
/// without padding, enums by name or number, at most one member per oneof.
public struct ProtoJSONDecoder: Sendable {
    /// The steps from the document root to where the decoder currently is; error messages start with them.
    public private(set) var components: [JSONPath.Component]
    /// When true, unknown keys are skipped instead of rejected (clients reading newer servers' responses).
    public var ignoresUnknownFields: Bool

    /// Creates a decoder starting at `path` (e.g. `updates[3]` for one line of a bulk NDJSON write).
    public init(path: JSONPath = JSONPath(), ignoresUnknownFields: Bool = false) {
        components = path.components
        components.reserveCapacity(16)
        self.ignoresUnknownFields = ignoresUnknownFields
    }

    /// The current location.
    public var path: JSONPath { JSONPath(components) }

    // MARK: - Paths and errors

    /// An INVALID_ARGUMENT error whose message is `<path>: <message>` (just the message at the root).
    public func failure(_ message: String) -> P4RuntimeError {
        components.isEmpty ? .invalidArgument(message) : .invalidArgument(path.description + ": " + message)
    }

    /// Descends into the object member `key`.
    public mutating func enter(_ key: String) { components.append(.key(key)) }

    /// Descends into array element `index`.
    public mutating func enter(index: Int) { components.append(.index(index)) }

    /// Returns to the parent of the current location.
    public mutating func leave() { components.removeLast() }

    /// The error for an unknown key (the decoder must already be inside it), or nil when unknown keys are ignored.
    public func unknownField(_ key: String, in message: String) -> P4RuntimeError? {
        ignoresUnknownFields ? nil : failure("unknown field \"\(key)\" in \(message)")
    }

    /// Records that oneof member `member` (canonical JSON name) is set; throws if another member already was.
    public func claim(_ chosen: inout String?, _ member: String, oneof: String) throws(P4RuntimeError) {
        if let previous = chosen, previous != member {
            throw failure("oneof \"\(oneof)\" has more than one member set: \"\(previous)\" and \"\(member)\"")
        }
        chosen = member
    }

    // MARK: - Structure

    /// The members of an object value.
    public func members(_ value: JSONValue, of message: String) throws(P4RuntimeError) -> [JSONMember] {
        guard case .object(let object) = value else {
            throw failure("expected object (\(message)), got \(value.summary)")
        }
        return object.members
    }

    /// Decodes a message-typed field.
    public mutating func message<M: ProtoJSONMessage>(_ type: M.Type, _ value: JSONValue) throws(P4RuntimeError) -> M {
        try M(protoJSON: value, decoder: &self)
    }

    /// Decodes a repeated message field (a JSON array), element paths `[i]`.
    public mutating func messages<M: ProtoJSONMessage>(_ type: M.Type, _ value: JSONValue) throws(P4RuntimeError)
        -> [M]
    {
        let elements = try array(value)
        var result: [M] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            enter(index: index)
            if case .null = element { throw failure("null is not allowed as an element of a repeated field") }
            result.append(try M(protoJSON: element, decoder: &self))
            leave()
        }
        return result
    }

    /// The elements of an array value.
    public func array(_ value: JSONValue) throws(P4RuntimeError) -> [JSONValue] {
        guard case .array(let elements) = value else { throw failure("expected array, got \(value.summary)") }
        return elements
    }

    /// Decodes a repeated `bytes` field.
    public mutating func bytesList(_ value: JSONValue) throws(P4RuntimeError) -> [[UInt8]] {
        let elements = try array(value)
        var result: [[UInt8]] = []
        for (index, element) in elements.enumerated() {
            enter(index: index)
            result.append(try bytes(element))
            leave()
        }
        return result
    }

    // MARK: - Scalars

    /// A `string` field.
    public func string(_ value: JSONValue) throws(P4RuntimeError) -> String {
        guard case .string(let text) = value else { throw failure("expected string, got \(value.summary)") }
        return text
    }

    /// A `bool` field.
    public func bool(_ value: JSONValue) throws(P4RuntimeError) -> Bool {
        guard case .bool(let flag) = value else { throw failure("expected boolean, got \(value.summary)") }
        return flag
    }

    /// A `bytes` field: base64, standard or URL-safe, padded or not.
    public func bytes(_ value: JSONValue) throws(P4RuntimeError) -> [UInt8] {
        guard case .string(let text) = value else { throw failure("expected base64 string, got \(value.summary)") }
        guard let decoded = Base64.decode(text) else { throw failure("invalid base64 \(value.summary)") }
        return decoded
    }

    /// A `uint64` / `fixed64` field.
    public func uint64(_ value: JSONValue) throws(P4RuntimeError) -> UInt64 {
        if case .integer(let number) = value, number >= 0 { return UInt64(number) }
        let integer = try self.integer(value)
        guard let result = integer.uint64 else { throw failure("value \(integer) out of range for uint64") }
        return result
    }

    /// An `int64` field.
    public func int64(_ value: JSONValue) throws(P4RuntimeError) -> Int64 {
        if case .integer(let number) = value { return number }
        let integer = try self.integer(value)
        guard let result = integer.int64 else { throw failure("value \(integer) out of range for int64") }
        return result
    }

    /// A `uint32` field.
    public func uint32(_ value: JSONValue) throws(P4RuntimeError) -> UInt32 {
        if case .integer(let number) = value, let result = UInt32(exactly: number) { return result }
        let integer = try self.integer(value)
        guard let result = integer.uint32 else { throw failure("value \(integer) out of range for uint32") }
        return result
    }

    /// An `int32` field.
    public func int32(_ value: JSONValue) throws(P4RuntimeError) -> Int32 {
        if case .integer(let number) = value, let result = Int32(exactly: number) { return result }
        let integer = try self.integer(value)
        guard let result = integer.int32 else { throw failure("value \(integer) out of range for int32") }
        return result
    }

    /// An enum field: the value's name, or its number (unknown numbers are kept, as proto3 enums are open).
    public func enumeration<E: ProtoEnum>(_ type: E.Type, _ value: JSONValue, name enumName: String)
        throws(P4RuntimeError) -> E
    {
        switch value {
        case .string(let text):
            if let named = E(name: text) { return named }
            throw failure("unknown value \"\(text)\" for enum \(enumName)")
        case .integer, .double:
            return E(rawValue: try int32(value))
        default:
            throw failure("expected enum name or number (\(enumName)), got \(value.summary)")
        }
    }

    /// An integer given as a JSON number (a whole `double` such as `1e3` or `1.0` included) or as a string
    /// holding a JSON number.
    public func integer(_ value: JSONValue) throws(P4RuntimeError) -> ProtoInteger {
        switch value {
        case .integer(let number):
            return ProtoInteger(signed: number)
        case .double(let number):
            guard number.isFinite, number == number.rounded() else {
                throw failure("expected integer, got \(value.summary)")
            }
            guard number.magnitude < 18_446_744_073_709_551_616.0 else {
                throw failure("value \(value.summary) out of range for a 64-bit integer")
            }
            return ProtoInteger(isNegative: number < 0, magnitude: UInt64(number.magnitude))
        case .string(let text):
            switch IntegerLiteral.parse(text) {
            case .value(let integer): return integer
            case .notAnInteger: throw failure("expected integer, got \(value.summary)")
            case .tooLarge: throw failure("value \(text) out of range for a 64-bit integer")
            }
        default:
            throw failure("expected integer, got \(value.summary)")
        }
    }
}

extension JSONValue {
    /// A short description for error messages: `string "x"`, `number 1.5`, `object`, `array`, `boolean true`,
    /// `null`. Long strings are cut at 40 characters.
    public var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "boolean \(value)"
        case .integer(let number): return "number \(number)"
        case .double(let number): return "number \(number)"
        case .string(let text):
            let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "string \"\(cut)\""
        case .array: return "array"
        case .object: return "object"
        }
    }
}
