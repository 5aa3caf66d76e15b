/// A proto3 enum as Swift sees it: open, so any 32-bit value is representable (unknown values survive parsing and
/// can be rejected precisely, e.g. `Update.type` 7 → INVALID_ARGUMENT).
public protocol ProtoEnum: Hashable, Sendable, CustomStringConvertible {
    /// The enum for `rawValue`; values without a name become an `unrecognized` case.
    init(rawValue: Int32)
    /// The numeric value.
    var rawValue: Int32 { get }
    /// Every named value with its proto name, in declaration order.
    static var namedValues: [(value: Int32, name: String)] { get }
}

extension ProtoEnum {
    /// The value's proto name (`"INSERT"`), or nil for an unrecognized number.
    public var name: String? { Self.namedValues.first(where: { $0.value == rawValue })?.name }

    /// Looks a value up by its proto name; nil for unknown names.
    public init?(name: String) {
        guard let entry = Self.namedValues.first(where: { $0.name == name }) else { return nil }
        self.init(rawValue: entry.value)
    }

    /// True when the value has a name in the proto definition.
    public var isRecognized: Bool { name != nil }

    /// The proto name, or the number for unrecognized values.
    public var description: String { name ?? String(rawValue) }
}
