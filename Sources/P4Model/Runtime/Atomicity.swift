/// `p4.v1.WriteRequest.Atomicity`: how a batch of updates is applied.
public enum Atomicity: ProtoEnum {
    /// `CONTINUE_ON_ERROR` (0): attempt every update; required of every server.
    case continueOnError
    /// `ROLLBACK_ON_ERROR` (1): all or none, though packets may see intermediate states.
    case rollbackOnError
    /// `DATAPLANE_ATOMIC` (2): all or none, and packets see either the old or the new state.
    case dataplaneAtomic
    /// A value with no name in the proto definition.
    case unrecognized(Int32)

    /// The case for `rawValue`.
    public init(rawValue: Int32) {
        switch rawValue {
        case 0: self = .continueOnError
        case 1: self = .rollbackOnError
        case 2: self = .dataplaneAtomic
        default: self = .unrecognized(rawValue)
        }
    }

    /// The numeric value.
    public var rawValue: Int32 {
        switch self {
        case .continueOnError: 0
        case .rollbackOnError: 1
        case .dataplaneAtomic: 2
        case .unrecognized(let value): value
        }
    }

    /// The named values in declaration order.
    public static let namedValues: [(value: Int32, name: String)] = [
        (0, "CONTINUE_ON_ERROR"),
        (1, "ROLLBACK_ON_ERROR"),
        (2, "DATAPLANE_ATOMIC"),
    ]
}
