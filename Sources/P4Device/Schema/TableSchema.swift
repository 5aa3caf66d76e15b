import P4Model

/// A table as the service and devices need it: fields by id, allowed actions, implementation, resources, limits.
public final class TableSchema: Sendable {
    /// How the table's entries name their action (P4Info `implementation_id`).
    public enum Implementation: Sendable, Hashable {
        /// Entries carry a direct action.
        case direct
        /// Entries name a member of an action profile.
        case actionProfile(ActionProfileID)
        /// Entries name a member or group of an action selector, or carry a one-shot action set.
        case actionSelector(ActionProfileID)
    }

    /// The table id.
    public let id: TableID
    /// The P4Info name.
    public let name: String
    /// Key fields in P4Info order.
    public let fields: [MatchFieldSchema]
    /// Position in `fields` of each field id.
    public let fieldPositions: [MatchFieldID: Int]
    /// Allowed actions and their scopes.
    public let actionScopes: [ActionID: P4Info.ActionRef.Scope]
    /// The const default action, or nil when the default action may change.
    public let constDefaultActionId: ActionID?
    /// The default action the program starts with.
    public let initialDefaultAction: Action?
    /// Direct action, profile or selector.
    public let implementation: Implementation
    /// The direct counter attached to the table, if any.
    public let directCounterId: DirectCounterID?
    /// The direct meter attached to the table, if any.
    public let directMeterId: DirectMeterID?
    /// P4Info `size`: the capacity the program asked for (0 = unspecified).
    public let size: Int64
    /// True when entries may carry an idle timeout (`NOTIFY_CONTROL`).
    public let supportsIdleTimeout: Bool
    /// True for `const entries` tables.
    public let isConst: Bool
    /// True when the program gives initial entries.
    public let hasInitialEntries: Bool
    /// True when entries need a priority (some field is ternary, range or optional).
    public let requiresPriority: Bool
    /// True when the table has no key fields (only the default entry is programmable).
    public let isKeyless: Bool

    /// `'name' (0x02000001)`, the way messages name the table.
    public var label: String { "'\(name)' (\(id))" }

    /// The field with `id`, or nil.
    public func field(_ id: MatchFieldID) -> (position: Int, field: MatchFieldSchema)? {
        guard let position = fieldPositions[id] else { return nil }
        return (position, fields[position])
    }

    /// The action profile or selector implementing the table, if any.
    public var actionProfileId: ActionProfileID? {
        switch implementation {
        case .direct: nil
        case .actionProfile(let id), .actionSelector(let id): id
        }
    }

    /// Creates a table description (normally built by `PipelineSchema`).
    public init(
        id: TableID, name: String, fields: [MatchFieldSchema], actionScopes: [ActionID: P4Info.ActionRef.Scope],
        constDefaultActionId: ActionID?, initialDefaultAction: Action?, implementation: Implementation,
        directCounterId: DirectCounterID?, directMeterId: DirectMeterID?, size: Int64, supportsIdleTimeout: Bool,
        isConst: Bool, hasInitialEntries: Bool
    ) {
        self.id = id
        self.name = name
        self.fields = fields
        var positions: [MatchFieldID: Int] = [:]
        for (position, field) in fields.enumerated() { positions[field.id] = position }
        self.fieldPositions = positions
        self.actionScopes = actionScopes
        self.constDefaultActionId = constDefaultActionId
        self.initialDefaultAction = initialDefaultAction
        self.implementation = implementation
        self.directCounterId = directCounterId
        self.directMeterId = directMeterId
        self.size = size
        self.supportsIdleTimeout = supportsIdleTimeout
        self.isConst = isConst
        self.hasInitialEntries = hasInitialEntries
        self.requiresPriority = fields.contains {
            $0.matchType == .ternary || $0.matchType == .range || $0.matchType == .optional
        }
        self.isKeyless = fields.isEmpty
    }
}
