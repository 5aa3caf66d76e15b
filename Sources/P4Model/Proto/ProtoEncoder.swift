/// Builds one `ProtoMessage` in proto field order, following the conventions of the target `ProtoEncoding`: text
/// format uses proto names, raw bytes and integer literals; JSON uses lowerCamelCase names, base64 bytes and decimal
/// strings for 64-bit integers, and one `.list` value per repeated field (a JSON array, even of one element). Both
/// omit default scalars and empty repeated fields, and keep present messages even when empty. Enum values become
/// identifiers (numbers when unrecognized); booleans the identifiers `true` / `false`.
struct ProtoMessageBuilder {
    let encoding: ProtoEncoding
    private(set) var message = ProtoMessage()

    init(_ encoding: ProtoEncoding) { self.encoding = encoding }

    /// `table_id` → `tableId` in JSON; unchanged in text format.
    func name(_ protoName: String) -> String {
        guard encoding == .json, protoName.contains("_") else { return protoName }
        var result = ""
        var upper = false
        for character in protoName {
            if character == "_" {
                upper = true
            } else {
                result.append(upper ? Character(character.uppercased()) : character)
                upper = false
            }
        }
        return result
    }

    mutating func add(_ protoName: String, _ value: ProtoValue) { message.append(name(protoName), value) }

    mutating func uint32(_ protoName: String, _ value: UInt32) {
        if value != 0 { add(protoName, .integer(ProtoInteger(UInt64(value)))) }
    }

    mutating func int32(_ protoName: String, _ value: Int32) {
        if value != 0 { add(protoName, .integer(ProtoInteger(signed: Int64(value)))) }
    }

    mutating func int64(_ protoName: String, _ value: Int64) {
        guard value != 0 else { return }
        add(protoName, encoding == .json ? .string(Array(String(value).utf8)) : .integer(ProtoInteger(signed: value)))
    }

    mutating func uint64(_ protoName: String, _ value: UInt64) {
        guard value != 0 else { return }
        add(protoName, encoding == .json ? .string(Array(String(value).utf8)) : .integer(ProtoInteger(value)))
    }

    mutating func bool(_ protoName: String, _ value: Bool) {
        if value { add(protoName, .identifier("true")) }
    }

    mutating func string(_ protoName: String, _ value: String) {
        if !value.isEmpty { add(protoName, .string(Array(value.utf8))) }
    }

    /// A oneof member string: present even when empty.
    mutating func stringMember(_ protoName: String, _ value: String) { add(protoName, .string(Array(value.utf8))) }

    func bytesValue(_ value: [UInt8]) -> ProtoValue {
        encoding == .json ? .string(Array(Base64.encode(value).utf8)) : .string(value)
    }

    mutating func bytes(_ protoName: String, _ value: [UInt8]) {
        if !value.isEmpty { add(protoName, bytesValue(value)) }
    }

    mutating func enumValue<E: ProtoEnum>(_ protoName: String, _ value: E) {
        guard value.rawValue != 0 else { return }
        add(protoName, value.name.map { .identifier($0) } ?? .integer(ProtoInteger(signed: Int64(value.rawValue))))
    }

    /// A oneof member enum: present even when 0.
    mutating func enumMember<E: ProtoEnum>(_ protoName: String, _ value: E) {
        add(protoName, value.name.map { .identifier($0) } ?? .integer(ProtoInteger(signed: Int64(value.rawValue))))
    }

    mutating func message(_ protoName: String, _ value: ProtoMessage?) {
        if let value { add(protoName, .message(value)) }
    }

    /// A repeated field: one occurrence per element in text format, one `.list` in JSON; nothing when empty.
    mutating func repeated(_ protoName: String, _ values: [ProtoValue]) {
        guard !values.isEmpty else { return }
        if encoding == .json {
            add(protoName, .list(values))
        } else {
            for value in values { add(protoName, value) }
        }
    }

    mutating func messages(_ protoName: String, _ values: [ProtoMessage]) {
        repeated(protoName, values.map { .message($0) })
    }

    mutating func strings(_ protoName: String, _ values: [String]) {
        repeated(protoName, values.map { .string(Array($0.utf8)) })
    }

    mutating func uint32s(_ protoName: String, _ values: [UInt32]) {
        repeated(protoName, values.map { .integer(ProtoInteger(UInt64($0))) })
    }

    /// An Any: expanded when its content is a message tree; `type_url` + `value` when only binary is known.
    mutating func any(_ protoName: String, _ value: ProtoAny?) {
        guard let value else { return }
        switch value.content {
        case .message(let content):
            add(protoName, .any(typeURL: value.typeURL, content))
        case .binary(let bytes):
            var inner = ProtoMessageBuilder(encoding)
            inner.string("type_url", value.typeURL)
            inner.bytes("value", bytes)
            add(protoName, .message(inner.message))
        }
    }

    /// A map with string keys, in sorted key order: `{ key: … value { … } }` entries in text format, one object
    /// keyed by map key in JSON.
    mutating func map(_ protoName: String, _ entries: [(key: String, value: ProtoMessage)]) {
        guard !entries.isEmpty else { return }
        let sorted = entries.sorted { $0.key < $1.key }
        if encoding == .json {
            add(protoName, .message(ProtoMessage(sorted.map { ProtoField(name: $0.key, value: .message($0.value)) })))
            return
        }
        for entry in sorted {
            add(protoName, .message(ProtoMessage([
                ProtoField(name: "key", value: .string(Array(entry.key.utf8))),
                ProtoField(name: "value", value: .message(entry.value)),
            ])))
        }
    }
}
