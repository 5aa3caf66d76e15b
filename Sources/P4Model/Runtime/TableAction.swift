/// `p4.v1.TableAction`: what a table entry executes: a direct action, an action profile member or group, or a
/// one-shot action set.
public struct TableAction: Sendable, Hashable {
    /// The `type` oneof of `p4.v1.TableAction`.
    public enum Kind: Sendable, Hashable {
        /// A direct action with its arguments.
        case action(Action)
        /// A member of the table's action profile.
        case actionProfileMemberId(ActionProfileMemberID)
        /// A group of the table's action selector.
        case actionProfileGroupId(ActionProfileGroupID)
        /// One-shot programming of an action selector (every server must support it, §9.2.3).
        case actionProfileActionSet(ActionProfileActionSet)

        /// The proto3 JSON name of the oneof member (`"action"`, `"actionProfileMemberId"`, …), for error paths.
        public var jsonName: String {
            switch self {
            case .action: "action"
            case .actionProfileMemberId: "actionProfileMemberId"
            case .actionProfileGroupId: "actionProfileGroupId"
            case .actionProfileActionSet: "actionProfileActionSet"
            }
        }
    }

    /// The action; nil when the message is present but no member of the oneof is set.
    public var kind: Kind?

    /// Creates a table action.
    public init(_ kind: Kind?) { self.kind = kind }

    /// A direct action.
    public static func action(_ action: Action) -> TableAction { TableAction(.action(action)) }
    /// A reference to an action profile member.
    public static func member(_ id: ActionProfileMemberID) -> TableAction { TableAction(.actionProfileMemberId(id)) }
    /// A reference to an action profile group.
    public static func group(_ id: ActionProfileGroupID) -> TableAction { TableAction(.actionProfileGroupId(id)) }
    /// A one-shot action set.
    public static func actionSet(_ set: ActionProfileActionSet) -> TableAction {
        TableAction(.actionProfileActionSet(set))
    }
}

/// `p4.v1.Action`: an action id with its arguments.
public struct Action: Sendable, Hashable {
    /// `p4.v1.Action.Param`: one argument.
    public struct Param: Sendable, Hashable {
        /// The parameter (P4Info `Action.Param.id`).
        public var paramId: ActionParamID
        /// The argument as a bytestring.
        public var value: [UInt8]

        /// Creates an argument.
        public init(paramId: ActionParamID = 0, value: [UInt8] = []) {
            self.paramId = paramId
            self.value = value
        }
    }

    /// The action (P4Info `Action.preamble.id`).
    public var actionId: ActionID
    /// The arguments; each parameter must appear exactly once.
    public var params: [Param]

    /// Creates an action call.
    public init(actionId: ActionID = 0, params: [Param] = []) {
        self.actionId = actionId
        self.params = params
    }
}
