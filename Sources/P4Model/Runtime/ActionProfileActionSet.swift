/// `p4.v1.ActionProfileActionSet`: one-shot programming of an action selector: the table entry carries the weighted
/// actions itself and the server manages the hidden members and group.
public struct ActionProfileActionSet: Sendable, Hashable {
    /// `ActionProfileActionSet.ActionSelectionMode` (v1.5): how a member is picked.
    public enum ActionSelectionMode: ProtoEnum {
        /// `DEFAULT_MODE_DETERMINED_BY_ACTION_SELECTOR` (0): as the P4 program's selector does.
        case defaultModeDeterminedByActionSelector
        /// `HASH` (1): by hashing the selector key.
        case hash
        /// `RANDOM` (2): at random per packet.
        case random
        /// A value with no name in the proto definition.
        case unrecognized(Int32)

        /// The case for `rawValue`.
        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .defaultModeDeterminedByActionSelector
            case 1: self = .hash
            case 2: self = .random
            default: self = .unrecognized(rawValue)
            }
        }

        /// The numeric value.
        public var rawValue: Int32 {
            switch self {
            case .defaultModeDeterminedByActionSelector: 0
            case .hash: 1
            case .random: 2
            case .unrecognized(let value): value
            }
        }

        /// The named values in declaration order.
        public static let namedValues: [(value: Int32, name: String)] = [
            (0, "DEFAULT_MODE_DETERMINED_BY_ACTION_SELECTOR"),
            (1, "HASH"),
            (2, "RANDOM"),
        ]
    }

    /// `ActionProfileActionSet.SizeSemantics` (v1.5): how the group's size is counted.
    public enum SizeSemantics: ProtoEnum {
        /// `DEFAULT_SIZE_DETERMINED_BY_ACTION_SELECTOR` (0): as P4Info's `selector_size_semantics` says.
        case defaultSizeDeterminedByActionSelector
        /// `SUM_OF_WEIGHTS` (1): size is the sum of the weights.
        case sumOfWeights
        /// `SUM_OF_MEMBERS` (2): size is the number of members.
        case sumOfMembers
        /// A value with no name in the proto definition.
        case unrecognized(Int32)

        /// The case for `rawValue`.
        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .defaultSizeDeterminedByActionSelector
            case 1: self = .sumOfWeights
            case 2: self = .sumOfMembers
            default: self = .unrecognized(rawValue)
            }
        }

        /// The numeric value.
        public var rawValue: Int32 {
            switch self {
            case .defaultSizeDeterminedByActionSelector: 0
            case .sumOfWeights: 1
            case .sumOfMembers: 2
            case .unrecognized(let value): value
            }
        }

        /// The named values in declaration order.
        public static let namedValues: [(value: Int32, name: String)] = [
            (0, "DEFAULT_SIZE_DETERMINED_BY_ACTION_SELECTOR"),
            (1, "SUM_OF_WEIGHTS"),
            (2, "SUM_OF_MEMBERS"),
        ]
    }

    /// The weighted actions, in request order; identical actions must not be coalesced.
    public var actionProfileActions: [ActionProfileAction]
    /// Per-set member selection mode.
    public var actionSelectionMode: ActionSelectionMode
    /// Per-set size semantics.
    public var sizeSemantics: SizeSemantics
    /// `group_action` (field 5, added in P4Runtime v1.6): an action run for the group as a whole; nil when absent,
    /// as in every v1.5 message.
    public var groupAction: Action?

    /// Creates an action set.
    public init(
        actionProfileActions: [ActionProfileAction] = [],
        actionSelectionMode: ActionSelectionMode = .defaultModeDeterminedByActionSelector,
        sizeSemantics: SizeSemantics = .defaultSizeDeterminedByActionSelector, groupAction: Action? = nil
    ) {
        self.actionProfileActions = actionProfileActions
        self.actionSelectionMode = actionSelectionMode
        self.sizeSemantics = sizeSemantics
        self.groupAction = groupAction
    }
}

/// The `watch_kind` oneof shared by `ActionProfileAction` and `ActionProfileGroup.Member`: what decides whether a
/// member is live.
public enum WatchKind: Sendable, Hashable {
    /// Deprecated numeric watch port (`watch`, int32).
    case watch(Int32)
    /// The SDN port whose state gates the member, as a bytestring (`watch_port`); empty means always live.
    case watchPort([UInt8])
}

/// `p4.v1.ActionProfileAction`: one weighted action of a one-shot action set.
public struct ActionProfileAction: Sendable, Hashable {
    /// The action; nil when absent (invalid).
    public var action: Action?
    /// Relative weight; must be > 0 unless P4Info disallows weights (then 0).
    public var weight: Int32
    /// The watch port; nil when neither `watch` nor `watchPort` is set.
    public var watchKind: WatchKind?

    /// Creates a weighted action.
    public init(action: Action? = nil, weight: Int32 = 0, watchKind: WatchKind? = nil) {
        self.action = action
        self.weight = weight
        self.watchKind = watchKind
    }
}
