import P4Model

/// One key field of a table or value set, resolved from P4Info for validation and key building.
public struct MatchFieldSchema: Sendable, Hashable {
    /// The field's id within its table.
    public let id: MatchFieldID
    /// The P4Info name (`hdr.ipv4.dst_addr`).
    public let name: String
    /// Width in bits of the controller-visible value (the SDN width for translated types).
    public let bitwidth: Int
    /// The standard match kind; nil for an architecture-specific kind (`otherName`).
    public let matchType: P4Info.MatchField.MatchType?
    /// The architecture-specific match kind name (`"selector"`), empty for standard kinds.
    public let otherName: String
    /// True when the field's type is translated to a string (`sdn_string`): values are not width-checked.
    public let isSDNString: Bool

    /// Number of bytes a value occupies in fixed-width form.
    public var byteCount: Int { (bitwidth + 7) / 8 }

    /// `'name' (id)`, the way messages name the field.
    public var label: String { "'\(name)' (\(id.rawValue))" }

    /// Creates a field description.
    public init(
        id: MatchFieldID, name: String, bitwidth: Int, matchType: P4Info.MatchField.MatchType?,
        otherName: String = "", isSDNString: Bool = false
    ) {
        self.id = id
        self.name = name
        self.bitwidth = bitwidth
        self.matchType = matchType
        self.otherName = otherName
        self.isSDNString = isSDNString
    }
}
