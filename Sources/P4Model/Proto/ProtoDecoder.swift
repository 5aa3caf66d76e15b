/// One field occurrence of a message being decoded, with its schema-normalised name and its path for messages.
struct ProtoEntry {
    /// The field name in proto (snake_case) form, whether it was written as `table_id` or `tableId`.
    let key: String
    /// The field as written.
    let field: ProtoField
    /// Path of the field for messages, e.g. `tables[2].preamble.id`.
    let path: String
    /// How many occurrences of the same field came before this one in its message.
    let occurrence: Int
    /// How many elements of the same repeated field came before this occurrence (lists count each element).
    let elementsBefore: Int
}

/// Reads a `ProtoMessage` tree against a schema the caller encodes as a `switch` over field names, converting
/// scalars per `ProtoEncoding` and producing INVALID_ARGUMENT errors that name the field's path and position.
struct ProtoDecoder {
    /// How scalars are written in the tree.
    let encoding: ProtoEncoding
    /// Non-fatal findings (unknown fields), in input order.
    var warnings: [String] = []
    /// Current nesting of recursive type specs (tuples in tuples), bounded by `maximumTypeDepth`.
    var typeDepth = 0
    /// How deeply type specs may nest; deeper input is rejected rather than risking the stack.
    static let maximumTypeDepth = 64

    init(encoding: ProtoEncoding) { self.encoding = encoding }

    /// The fields of `message`, normalised, with paths below `path`. In JSON, fields set to `null` are dropped.
    func entries(of message: ProtoMessage, path: String) -> [ProtoEntry] {
        var occurrences: [String: Int] = [:]
        var elements: [String: Int] = [:]
        var result: [ProtoEntry] = []
        result.reserveCapacity(message.fields.count)
        for field in message.fields {
            if encoding == .json, case .identifier("null") = field.value { continue }
            let key = Self.protoName(field.name)
            let occurrence = occurrences[key, default: 0]
            let before = elements[key, default: 0]
            occurrences[key] = occurrence + 1
            if case .list(let values) = field.value {
                elements[key] = before + values.count
            } else {
                elements[key] = before + 1
            }
            let fieldPath = path.isEmpty ? field.name : path + "." + field.name
            result.append(ProtoEntry(key: key, field: field, path: fieldPath, occurrence: occurrence, elementsBefore: before))
        }
        return result
    }

    /// `tableId` → `table_id`; names without uppercase letters are returned unchanged.
    static func protoName(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return name }
        var result = ""
        for character in name {
            if character.isUppercase {
                result.append("_")
                result.append(contentsOf: character.lowercased())
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// An INVALID_ARGUMENT error for `path`, with the source position when known.
    func error(_ reason: String, path: String, at position: SourcePosition?) -> P4RuntimeError {
        let location = position.map { " (line \($0.line), column \($0.column))" } ?? ""
        return .invalidArgument("\(path)\(location): \(reason)")
    }

    func error(_ reason: String, _ entry: ProtoEntry) -> P4RuntimeError {
        error(reason, path: entry.path, at: entry.field.position)
    }

    /// Records an unknown field as a warning; its content is ignored.
    mutating func unknown(_ entry: ProtoEntry, in messageName: String) {
        let location = entry.field.position.map { " (line \($0.line), column \($0.column))" } ?? ""
        warnings.append("\(entry.path)\(location): unknown field '\(entry.field.name)' of \(messageName) ignored")
    }

    /// The single value of a singular field; rejects lists and (in text format) repeated occurrences.
    func single(_ entry: ProtoEntry) throws(P4RuntimeError) -> ProtoValue {
        if encoding == .textFormat && entry.occurrence > 0 {
            throw error("field '\(entry.field.name)' is not repeated but given more than once", entry)
        }
        if case .list = entry.field.value { throw error("field '\(entry.field.name)' is not repeated, found a list", entry) }
        return entry.field.value
    }

    /// The elements of a repeated field occurrence with their indexed paths (`tables[3]`).
    func elements(_ entry: ProtoEntry) -> [(value: ProtoValue, path: String, position: SourcePosition?)] {
        let values: [ProtoValue]
        if case .list(let list) = entry.field.value { values = list } else { values = [entry.field.value] }
        return values.enumerated().map { offset, value in
            (value, "\(entry.path)[\(entry.elementsBefore + offset)]", entry.field.position)
        }
    }

    // MARK: Scalars

    private func integer(_ value: ProtoValue, path: String, at position: SourcePosition?) throws(P4RuntimeError)
        -> ProtoInteger
    {
        switch value {
        case .integer(let integer):
            return integer
        case .float(let double) where encoding == .json:
            guard double.rounded() == double, abs(double) < 18_446_744_073_709_551_616.0 else {
                throw error("expected an integer, found \(double)", path: path, at: position)
            }
            return ProtoInteger(isNegative: double < 0, magnitude: UInt64(abs(double)))
        case .string(let bytes) where encoding == .json:
            let text = String(decoding: bytes, as: UTF8.self)
            let negative = text.hasPrefix("-")
            if let magnitude = UInt64(negative ? String(text.dropFirst()) : text) {
                return ProtoInteger(isNegative: negative, magnitude: magnitude)
            }
            if let double = Double(text), double.rounded() == double, abs(double) < 18_446_744_073_709_551_616.0 {
                return ProtoInteger(isNegative: double < 0, magnitude: UInt64(abs(double)))
            }
            throw error("expected an integer, found string \"\(text)\"", path: path, at: position)
        default:
            throw error("expected an integer, found \(value.kindName)", path: path, at: position)
        }
    }

    func uint32(_ value: ProtoValue, path: String, at position: SourcePosition?) throws(P4RuntimeError) -> UInt32 {
        let integer = try integer(value, path: path, at: position)
        guard let result = integer.uint32 else {
            throw error("\(integer) is out of range for uint32", path: path, at: position)
        }
        return result
    }

    func uint32(_ entry: ProtoEntry) throws(P4RuntimeError) -> UInt32 {
        try uint32(try single(entry), path: entry.path, at: entry.field.position)
    }

    func int32(_ entry: ProtoEntry) throws(P4RuntimeError) -> Int32 {
        let integer = try integer(try single(entry), path: entry.path, at: entry.field.position)
        guard let result = integer.int32 else { throw error("\(integer) is out of range for int32", entry) }
        return result
    }

    func int64(_ entry: ProtoEntry) throws(P4RuntimeError) -> Int64 {
        let integer = try integer(try single(entry), path: entry.path, at: entry.field.position)
        guard let result = integer.int64 else { throw error("\(integer) is out of range for int64", entry) }
        return result
    }

    func uint64(_ entry: ProtoEntry) throws(P4RuntimeError) -> UInt64 {
        let integer = try integer(try single(entry), path: entry.path, at: entry.field.position)
        guard let result = integer.uint64 else { throw error("\(integer) is out of range for uint64", entry) }
        return result
    }

    func bool(_ entry: ProtoEntry) throws(P4RuntimeError) -> Bool {
        let value = try single(entry)
        switch value {
        case .identifier("true"), .identifier("True"), .identifier("t"): return true
        case .identifier("false"), .identifier("False"), .identifier("f"): return false
        case .integer(let integer) where encoding == .textFormat && !integer.isNegative && integer.magnitude <= 1:
            return integer.magnitude == 1
        default: throw error("expected true or false, found \(value.kindName)", entry)
        }
    }

    func string(_ value: ProtoValue, path: String, at position: SourcePosition?) throws(P4RuntimeError) -> String {
        guard case .string(let bytes) = value else {
            throw error("expected a string, found \(value.kindName)", path: path, at: position)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw error("string is not valid UTF-8", path: path, at: position)
        }
        return text
    }

    func string(_ entry: ProtoEntry) throws(P4RuntimeError) -> String {
        try string(try single(entry), path: entry.path, at: entry.field.position)
    }

    func bytes(_ value: ProtoValue, path: String, at position: SourcePosition?) throws(P4RuntimeError) -> [UInt8] {
        guard case .string(let bytes) = value else {
            throw error("expected a bytes string, found \(value.kindName)", path: path, at: position)
        }
        if encoding == .textFormat { return bytes }
        guard let decoded = Base64.decode(String(decoding: bytes, as: UTF8.self)) else {
            throw error("invalid base64", path: path, at: position)
        }
        return decoded
    }

    func bytes(_ entry: ProtoEntry) throws(P4RuntimeError) -> [UInt8] {
        try bytes(try single(entry), path: entry.path, at: entry.field.position)
    }

    func enumValue<E: ProtoEnum>(_ type: E.Type, _ entry: ProtoEntry) throws(P4RuntimeError) -> E {
        let value = try single(entry)
        switch value {
        case .identifier(let name):
            guard let result = E(name: name) else { throw error("unknown enum value '\(name)'", entry) }
            return result
        case .string(let bytes) where encoding == .json:
            let name = String(decoding: bytes, as: UTF8.self)
            guard let result = E(name: name) else { throw error("unknown enum value '\(name)'", entry) }
            return result
        case .integer(let integer):
            guard let raw = integer.int32 else { throw error("enum value \(integer) is out of range", entry) }
            return E(rawValue: raw)
        default:
            throw error("expected an enum value, found \(value.kindName)", entry)
        }
    }

    /// The message value of a singular message field.
    func message(_ entry: ProtoEntry) throws(P4RuntimeError) -> ProtoMessage {
        let value = try single(entry)
        guard case .message(let message) = value else {
            throw error("expected a message, found \(value.kindName)", entry)
        }
        return message
    }

    /// The message elements of a repeated message field, with their paths.
    func messages(_ entry: ProtoEntry) throws(P4RuntimeError) -> [(message: ProtoMessage, path: String)] {
        var result: [(message: ProtoMessage, path: String)] = []
        for element in elements(entry) {
            guard case .message(let message) = element.value else {
                throw error("expected a message, found \(element.value.kindName)", path: element.path,
                    at: element.position)
            }
            result.append((message, element.path))
        }
        return result
    }

    /// The string elements of a repeated string field.
    func strings(_ entry: ProtoEntry) throws(P4RuntimeError) -> [String] {
        var result: [String] = []
        for element in elements(entry) {
            result.append(try string(element.value, path: element.path, at: element.position))
        }
        return result
    }

    /// The elements of a repeated uint32 field.
    func uint32s(_ entry: ProtoEntry) throws(P4RuntimeError) -> [UInt32] {
        var result: [UInt32] = []
        for element in elements(entry) {
            result.append(try uint32(element.value, path: element.path, at: element.position))
        }
        return result
    }

    /// A `google.protobuf.Any` field: an expanded `[url] { … }` / JSON `@type` object (also when the JSON layer
    /// left `@type` as an ordinary member), or `type_url` + `value`.
    func any(_ entry: ProtoEntry) throws(P4RuntimeError) -> ProtoAny {
        let value = try single(entry)
        switch value {
        case .any(let typeURL, let message):
            return ProtoAny(typeURL: typeURL, content: .message(message))
        case .message(let message) where encoding == .json && message.fields.contains(where: { $0.name == "@type" }):
            var content = ProtoMessage()
            var typeURL = ""
            for field in message.fields {
                if field.name == "@type" {
                    typeURL = try string(field.value, path: entry.path + ".@type", at: field.position)
                } else {
                    content.fields.append(field)
                }
            }
            return ProtoAny(typeURL: typeURL, content: .message(content))
        case .message(let message):
            var typeURL = ""
            var content: [UInt8] = []
            for field in entries(of: message, path: entry.path) {
                switch field.key {
                case "type_url": typeURL = try string(field)
                case "value": content = try bytes(field)
                default: throw error("unknown field '\(field.field.name)' of google.protobuf.Any", field)
                }
            }
            return ProtoAny(typeURL: typeURL, content: .binary(content))
        default:
            throw error("expected an Any message, found \(value.kindName)", entry)
        }
    }

    /// The key-value pairs of a map field occurrence: a `{ key: … value { … } }` entry in text format, or a JSON
    /// object whose field names are the keys (which are then not normalised).
    func mapEntries(_ entry: ProtoEntry) throws(P4RuntimeError) -> [(key: String, value: ProtoMessage, path: String)] {
        var result: [(key: String, value: ProtoMessage, path: String)] = []
        for element in try messages(entry) {
            let fields = element.message.fields
            // An entry has a string `key`; a JSON object keyed by type name has message values (even for a type
            // that happens to be called "key").
            let looksLikeEntry = !fields.isEmpty && fields.allSatisfy { $0.name == "key" || $0.name == "value" }
                && fields.contains { field in
                    if field.name == "key", case .string = field.value { return true }
                    return false
                }
            if encoding == .json && !looksLikeEntry {
                for field in fields {
                    guard case .message(let value) = field.value else {
                        throw error("expected a message, found \(field.value.kindName)",
                            path: entry.path + "[\"\(field.name)\"]", at: field.position)
                    }
                    result.append((field.name, value, entry.path + "[\"\(field.name)\"]"))
                }
                continue
            }
            var key: String?
            var value = ProtoMessage()
            for field in entries(of: element.message, path: element.path) {
                switch field.key {
                case "key": key = try string(field)
                case "value": value = try message(field)
                default: throw error("unknown field '\(field.field.name)' of a map entry", field)
                }
            }
            guard let key else {
                throw error("map entry has no key", path: element.path, at: entry.field.position)
            }
            result.append((key, value, entry.path + "[\"\(key)\"]"))
        }
        return result
    }
}
