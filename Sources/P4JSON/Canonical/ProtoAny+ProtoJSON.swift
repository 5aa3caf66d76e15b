import JSONCore
import P4Model

// Any-typed fields p4rtd stores without interpreting (extern entries, role configs, `other` stream messages) keep
// their JSON members as a generic `ProtoMessage` tree. The one exception is the well-known-type shape
// `{"@type": …, "value": "<base64>"}`, which is read as the packed binary message and printed back the same way.

extension ProtoJSONDecoder {
    /// Decodes a `google.protobuf.Any`: `@type` is required; the other members are kept as a field tree.
    public mutating func any(_ value: JSONValue) throws(P4RuntimeError) -> ProtoAny {
        let members = try self.members(value, of: "google.protobuf.Any")
        var typeURL: String?
        var fields = ProtoMessage()
        for member in members {
            if case .null = member.value { continue }
            if member.key == "@type" {
                enter(member.key)
                defer { leave() }
                typeURL = try string(member.value)
                continue
            }
            enter(member.key)
            defer { leave() }
            fields.append(member.key, try protoValue(member.value))
        }
        guard let typeURL else { throw failure("missing \"@type\" in google.protobuf.Any") }
        guard typeURL.contains("/") else { throw failure("invalid type URL \"\(typeURL)\" in google.protobuf.Any") }
        if fields.fields.count == 1, fields.fields[0].name == "value", case .string(let bytes) = fields.fields[0].value,
            let text = String(validating: bytes, as: UTF8.self), let binary = Base64.decode(text)
        {
            return ProtoAny(typeURL: typeURL, content: .binary(binary))
        }
        return ProtoAny(typeURL: typeURL, content: .message(fields))
    }

    /// Converts a JSON value to the generic `ProtoValue` tree (objects with `@type` become expanded Anys).
    public mutating func protoValue(_ value: JSONValue) throws(P4RuntimeError) -> ProtoValue {
        switch value {
        case .null:
            throw failure("null is not allowed here")
        case .bool(let flag):
            return .identifier(flag ? "true" : "false")
        case .integer(let number):
            return .integer(ProtoInteger(signed: number))
        case .double(let number):
            return .float(number)
        case .string(let text):
            return .string(Array(text.utf8))
        case .array(let elements):
            var values: [ProtoValue] = []
            for (index, element) in elements.enumerated() {
                enter(index: index)
                values.append(try protoValue(element))
                leave()
            }
            return .list(values)
        case .object(let object):
            var message = ProtoMessage()
            var typeURL: String?
            for member in object.members {
                if case .null = member.value { continue }
                enter(member.key)
                defer { leave() }
                if member.key == "@type" {
                    typeURL = try string(member.value)
                } else {
                    message.append(member.key, try protoValue(member.value))
                }
            }
            if let typeURL { return .any(typeURL: typeURL, message) }
            return .message(message)
        }
    }
}

extension ProtoAny {
    /// Writes the Any: `{"@type": …, <fields>}` for a field tree, `{"@type": …, "value": "<base64>"}` for binary
    /// content.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        w.key("@type")
        w.string(typeURL)
        switch content {
        case .binary(let bytes):
            w.key("value")
            w.base64(bytes)
        case .message(let message):
            w.protoFields(message)
        }
        w.endObject()
    }
}

extension JSONWriter {
    /// Writes the fields of a generic tree into the current object; a name that occurs several times (text
    /// format's repeated fields) becomes one array, in order of first occurrence.
    public mutating func protoFields(_ message: ProtoMessage) {
        var order: [String] = []
        var groups: [String: [ProtoValue]] = [:]
        for field in message.fields {
            if groups[field.name] == nil { order.append(field.name) }
            groups[field.name, default: []].append(field.value)
        }
        for name in order {
            let values = groups[name] ?? []
            key(name)
            if values.count == 1 {
                protoValue(values[0])
            } else {
                beginArray()
                for value in values { protoValue(value) }
                endArray()
            }
        }
    }

    /// Writes one generic value: integers as numbers (as strings beyond 2^53), identifiers `true`/`false` as
    /// booleans and others as strings, strings as text (base64 when not UTF-8).
    public mutating func protoValue(_ value: ProtoValue) {
        switch value {
        case .integer(let integer):
            if integer.magnitude <= 1 << 53, let signed = integer.int64 {
                self.integer(signed)
            } else {
                string(integer.description)
            }
        case .float(let number): double(number)
        case .string(let bytes):
            if let text = String(validating: bytes, as: UTF8.self) {
                string(text)
            } else {
                base64(bytes)
            }
        case .identifier(let name):
            if name == "true" || name == "false" { bool(name == "true") } else { string(name) }
        case .message(let message):
            beginObject()
            protoFields(message)
            endObject()
        case .any(let typeURL, let message):
            beginObject()
            key("@type")
            string(typeURL)
            protoFields(message)
            endObject()
        case .list(let values):
            beginArray()
            for element in values { protoValue(element) }
            endArray()
        }
    }
}
