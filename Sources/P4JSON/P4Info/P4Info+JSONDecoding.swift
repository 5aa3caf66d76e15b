import JSONCore
import P4Model

extension ProtoJSONDecoder {
    /// Decodes a P4Info given as proto3 JSON (what `p4c --p4runtime-files x.json` writes and `MessageToJson`
    /// prints): the JSON becomes P4Model's generic message tree and P4Model's decoder builds the P4Info. Errors are
    /// prefixed with the current path; unknown P4Info fields are ignored (P4Model reports them as warnings).
    public mutating func p4Info(_ value: JSONValue) throws(P4RuntimeError) -> P4Info {
        guard case .object = value else { throw failure("expected object (p4.config.v1.P4Info), got \(value.summary)") }
        let tree = P4InfoJSON.messageTree(value)
        do {
            return try P4Info.decode(message: tree, encoding: .json).p4info
        } catch {
            let where_ = path.description
            throw components.isEmpty ? error : error.prefixed(where_)
        }
    }
}

/// Conversions between P4Info JSON and P4Model's generic message tree.
public enum P4InfoJSON {
    /// Parses a P4Info JSON document (e.g. a `p4info.json` file).
    ///
    /// - Throws: INVALID_ARGUMENT for malformed JSON (with line and column) or a P4Info that does not fit the
    ///   schema (with the field path).
    public static func decode(_ bytes: [UInt8]) throws(P4RuntimeError) -> P4Info {
        let value = try ProtoJSON.parse(bytes)
        var decoder = ProtoJSONDecoder()
        return try decoder.p4Info(value)
    }

    /// The JSON object as a `ProtoMessage` tree in P4Model's JSON conventions: objects are messages (or maps),
    /// arrays are lists, booleans and `null` are identifiers, numbers are integers or floats, strings are strings;
    /// an Any with binary content (`{"@type": …, "value": "<base64>"}`) becomes the `type_url` + `value` form.
    public static func messageTree(_ value: JSONValue) -> ProtoMessage {
        guard case .object(let object) = value else { return ProtoMessage() }
        var message = ProtoMessage()
        for member in object.members { message.append(member.key, protoValue(member.value)) }
        return message
    }

    private static func protoValue(_ value: JSONValue) -> ProtoValue {
        switch value {
        case .null: return .identifier("null")
        case .bool(let flag): return .identifier(flag ? "true" : "false")
        case .integer(let number): return .integer(ProtoInteger(signed: number))
        case .double(let number): return .float(number)
        case .string(let text): return .string(Array(text.utf8))
        case .array(let elements): return .list(elements.map(protoValue))
        case .object(let object):
            // `{"@type": url, "value": "<base64>"}` is how P4JSON prints an Any holding binary content; P4Model reads
            // that content from the `type_url` + `value` form.
            if object.count == 2, case .string(let url)? = object["@type"], case .string(let bytes)? = object["value"],
                Base64.decode(bytes) != nil
            {
                var message = ProtoMessage()
                message.append("type_url", .string(Array(url.utf8)))
                message.append("value", .string(Array(bytes.utf8)))
                return .message(message)
            }
            return .message(messageTree(value))
        }
    }
}
