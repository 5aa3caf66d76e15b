import JSONCore
import P4Model

/// The friendly (name-based) JSON forms of P4Runtime entities, translated to and from the same model values as
/// the canonical forms, against one pipeline's P4Info.
///
/// Objects are addressed by P4Info name, alias or unambiguous name suffix (`"ingress.ipv4_lpm"`, `"ipv4_lpm"`), or
/// by numeric id; values use the human syntax of `FriendlyValue` and `FriendlyMatch`. Fields that are not names
/// or P4 values (priorities, timeouts, counter data, meter configs) keep their canonical JSON spelling and rules.
/// Every shape is documented with examples in `docs/api-friendly-forms.md`.
///
/// Decoding errors are INVALID_ARGUMENT (OUT_OF_RANGE for values wider than their field) whose message starts
/// with the JSON path.
public struct FriendlyCodec: Sendable {
    /// The pipeline schema names are resolved against.
    public let index: P4InfoIndex

    /// Creates a codec for one pipeline.
    public init(_ index: P4InfoIndex) { self.index = index }

    // MARK: - Name resolution

    /// A P4Info object reference: a name (string) or an id (number); `kind` names the kind in messages.
    func reference<T>(
        _ value: JSONValue, kind: String, _ d: inout ProtoJSONDecoder, byName: (String) -> T?, byID: (UInt32) -> T?
    ) throws(P4RuntimeError) -> T {
        switch value {
        case .string(let name):
            if let found = byName(name) { return found }
            throw d.failure("unknown \(kind) \"\(name)\"")
        case .integer, .double:
            let id = try d.uint32(value)
            if let found = byID(id) { return found }
            throw d.failure("unknown \(kind) id \(hexID(id))")
        default:
            throw d.failure("expected a \(kind) name or id, got \(value.summary)")
        }
    }

    /// The table named or numbered by `value`.
    func table(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> P4Info.Table {
        try reference(value, kind: "table", &d, byName: { index.table(named: $0) }, byID: { index.table(TableID($0)) })
    }

    /// The action named or numbered by `value`.
    func action(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> P4Info.Action {
        try reference(
            value, kind: "action", &d, byName: { index.action(named: $0) }, byID: { index.action(ActionID($0)) })
    }

    /// The name to print for a P4Info object: its full name, or its id when P4Info has no such object.
    func name(_ preamble: P4Info.Preamble?, id: UInt32) -> JSONValue {
        if let preamble, !preamble.name.isEmpty { return .string(preamble.name) }
        return .integer(Int64(id))
    }

    // MARK: - Small helpers

    /// Iterates the members of a friendly object with the decoder positioned inside each; `null` members are
    /// skipped. `body` returns false for an unknown key.
    func forEachMember(
        _ value: JSONValue, of what: String, _ d: inout ProtoJSONDecoder,
        _ body: (JSONMember, inout ProtoJSONDecoder) throws(P4RuntimeError) -> Bool
    ) throws(P4RuntimeError) {
        for member in try d.members(value, of: what) {
            if case .null = member.value { continue }
            d.enter(member.key)
            if try !body(member, &d), let error = d.unknownField(member.key, in: what) { throw error }
            d.leave()
        }
    }

    /// Parses a friendly value for a field, adding the decoder's path to errors.
    func value(_ value: JSONValue, bitwidth: Int32, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> [UInt8] {
        do throws(P4RuntimeError) {
            return try FriendlyValue.parse(value, bitwidth: Int(bitwidth), what: "value")
        } catch {
            throw P4RuntimeError(error.code, d.path.description + ": " + error.message.dropPrefix("value: "))
        }
    }

    /// A canonical JSON object with `members` in order.
    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(uniqueKeysWithValues: members))
    }

    /// The canonical JSON of a message, as a `JSONValue` (for sub-objects the friendly form keeps canonical).
    static func canonical<M: ProtoJSONMessage>(_ message: M) -> JSONValue {
        (try? JSONValue.parse(ProtoJSON.encode(message))) ?? .null
    }
}

extension String {
    /// The string without `prefix`, if it starts with it.
    func dropPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
