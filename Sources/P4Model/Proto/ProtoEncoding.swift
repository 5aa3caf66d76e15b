/// The syntax a `ProtoMessage` tree came from, which decides how schema-aware builders read its scalars.
public enum ProtoEncoding: Sendable, Hashable {
    /// Protobuf text format: `bytes` fields are raw string literals, 64-bit integers are integer literals, enums are
    /// identifiers or numbers, booleans are `true`/`false`/`t`/`f`/`1`/`0`; a singular field given twice is an error.
    case textFormat
    /// Proto3 JSON converted to a tree: `bytes` fields are base64 strings (standard or URL-safe, padding optional),
    /// integers may be numbers, integral floats or decimal strings, enums are names (strings) or numbers, booleans
    /// are the identifiers `true`/`false`, `null` (the identifier) means "unset", maps are objects keyed by map
    /// key, and a field given twice keeps its last value. Trees produced by encoders (`P4Info.encoded(as: .json)`)
    /// follow the same conventions with lowerCamelCase names and one `.list` per repeated field, so they map 1:1 to
    /// JSON: `.identifier("true"/"false")` → boolean, other identifiers → strings, `.any` → object with `@type`.
    case json
}
