/// `p4.v1.FieldMatch`: the value one key field must match.
///
/// All values are P4Runtime bytestrings (big-endian); see `Bytestring` for the width rules.
public struct FieldMatch: Sendable, Hashable {
    /// The `field_match_type` oneof of `p4.v1.FieldMatch`.
    public enum Kind: Sendable, Hashable {
        /// `Exact`: the field equals `value`.
        case exact(value: [UInt8])
        /// `Ternary`: `field & mask == value`.
        case ternary(value: [UInt8], mask: [UInt8])
        /// `LPM`: the first `prefixLen` bits of the field equal those of `value`.
        case lpm(value: [UInt8], prefixLen: Int32)
        /// `Range`: `low <= field <= high`.
        case range(low: [UInt8], high: [UInt8])
        /// `Optional`: the field equals `value` (omission of the whole match means wildcard).
        case optional(value: [UInt8])
        /// An architecture-specific match kind packed in an Any.
        case other(ProtoAny)

        /// The proto3 JSON name of the oneof member (`"exact"`, `"lpm"`, …), for error paths.
        public var jsonName: String {
            switch self {
            case .exact: "exact"
            case .ternary: "ternary"
            case .lpm: "lpm"
            case .range: "range"
            case .optional: "optional"
            case .other: "other"
            }
        }

        /// The P4Info match type name this kind corresponds to (`"EXACT"`, `"LPM"`, …; `"OTHER"` for `other`).
        public var matchTypeName: String {
            switch self {
            case .exact: "EXACT"
            case .ternary: "TERNARY"
            case .lpm: "LPM"
            case .range: "RANGE"
            case .optional: "OPTIONAL"
            case .other: "OTHER"
            }
        }
    }

    /// The match field within the table (P4Info `MatchField.id`).
    public var fieldId: MatchFieldID
    /// How the field is matched; nil when no member of the oneof is set (invalid).
    public var kind: Kind?

    /// Creates a field match.
    public init(fieldId: MatchFieldID = 0, _ kind: Kind?) {
        self.fieldId = fieldId
        self.kind = kind
    }
}
