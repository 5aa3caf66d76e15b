/// `p4.v1.Update.Type`: what a `Write` does with an entity.
public enum UpdateType: ProtoEnum {
    /// `UNSPECIFIED` (0): unset; always invalid in a write.
    case unspecified
    /// `INSERT` (1): create the entity.
    case insert
    /// `MODIFY` (2): replace the entity's state (full snapshot, not a diff).
    case modify
    /// `DELETE` (3): remove the entity (only its key is considered).
    case delete
    /// A value with no name in the proto definition.
    case unrecognized(Int32)

    /// The case for `rawValue`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .insert
        case 2: self = .modify
        case 3: self = .delete
        default: self = .unrecognized(rawValue)
        }
    }

    /// The numeric value.
    public var rawValue: Int32 {
        switch self {
        case .unspecified: 0
        case .insert: 1
        case .modify: 2
        case .delete: 3
        case .unrecognized(let value): value
        }
    }

    /// The named values in declaration order.
    public static let namedValues: [(value: Int32, name: String)] = [
        (0, "UNSPECIFIED"),
        (1, "INSERT"),
        (2, "MODIFY"),
        (3, "DELETE"),
    ]
}
