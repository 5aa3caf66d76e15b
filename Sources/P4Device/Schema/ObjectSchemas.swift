import P4Model

// The small resolved descriptions of P4Info objects other than tables, kept together because each is a handful of
// stored properties.

/// An action and its parameters.
public final class ActionSchema: Sendable {
    /// One parameter.
    public struct Param: Sendable, Hashable {
        /// The parameter id.
        public let id: ActionParamID
        /// The parameter name.
        public let name: String
        /// Width in bits of the controller-visible value.
        public let bitwidth: Int
        /// True when the parameter's type is translated to a string (`sdn_string`).
        public let isSDNString: Bool
    }

    /// The action id.
    public let id: ActionID
    /// The P4Info name.
    public let name: String
    /// Parameters in P4Info order.
    public let params: [Param]
    /// Position in `params` of each parameter id.
    public let paramPositions: [ActionParamID: Int]

    /// `'name' (0x01000001)`.
    public var label: String { "'\(name)' (\(id))" }

    /// Creates an action description (normally built by `PipelineSchema`).
    public init(id: ActionID, name: String, params: [Param], paramPositions: [ActionParamID: Int]) {
        self.id = id
        self.name = name
        self.params = params
        self.paramPositions = paramPositions
    }
}

/// An action profile or selector.
public final class ActionProfileSchema: Sendable {
    /// The profile id.
    public let id: ActionProfileID
    /// The P4Info name.
    public let name: String
    /// Tables the profile implements.
    public let tableIds: [TableID]
    /// True for an action selector.
    public let withSelector: Bool
    /// Capacity (members, or per size semantics total weight); 0 = unspecified.
    public let size: Int64
    /// Largest group (0 = no limit beyond `size`).
    public let maxGroupSize: Int32
    /// How group sizes are counted.
    public let sizeSemantics: P4Info.ActionProfile.SelectorSizeSemantics
    /// True when weights must be 0.
    public let weightsDisallowed: Bool
    /// Union of the implemented tables' allowed actions.
    public let actionIds: Set<ActionID>

    /// `'name' (0x11000001)`.
    public var label: String { "'\(name)' (\(id))" }

    /// Creates a profile description (normally built by `PipelineSchema`).
    public init(
        id: ActionProfileID, name: String, tableIds: [TableID], withSelector: Bool, size: Int64, maxGroupSize: Int32,
        sizeSemantics: P4Info.ActionProfile.SelectorSizeSemantics, weightsDisallowed: Bool, actionIds: Set<ActionID>
    ) {
        self.id = id
        self.name = name
        self.tableIds = tableIds
        self.withSelector = withSelector
        self.size = size
        self.maxGroupSize = maxGroupSize
        self.sizeSemantics = sizeSemantics
        self.weightsDisallowed = weightsDisallowed
        self.actionIds = actionIds
    }
}

/// An indirect counter.
public struct CounterSchema: Sendable {
    /// The counter id.
    public let id: CounterID
    /// The P4Info name.
    public let name: String
    /// Counting unit.
    public let unit: P4Info.CounterSpec.Unit
    /// Number of cells.
    public let size: Int64
    /// `'name' (0x12000001)`.
    public var label: String { "'\(name)' (\(id))" }
}

/// A direct counter.
public struct DirectCounterSchema: Sendable {
    /// The direct counter id.
    public let id: DirectCounterID
    /// The P4Info name.
    public let name: String
    /// Counting unit.
    public let unit: P4Info.CounterSpec.Unit
    /// The table it is attached to.
    public let tableId: TableID
}

/// An indirect meter.
public struct MeterSchema: Sendable {
    /// The meter id.
    public let id: MeterID
    /// The P4Info name.
    public let name: String
    /// Unit and type.
    public let spec: P4Info.MeterSpec
    /// Number of cells.
    public let size: Int64
    /// `'name' (0x13000001)`.
    public var label: String { "'\(name)' (\(id))" }
}

/// A direct meter.
public struct DirectMeterSchema: Sendable {
    /// The direct meter id.
    public let id: DirectMeterID
    /// The P4Info name.
    public let name: String
    /// Unit and type.
    public let spec: P4Info.MeterSpec
    /// The table it is attached to.
    public let tableId: TableID
}

/// A register.
public struct RegisterSchema: Sendable {
    /// The register id.
    public let id: RegisterID
    /// The P4Info name.
    public let name: String
    /// The resolved cell type.
    public let type: P4DataShape
    /// Number of cells.
    public let size: Int64
    /// `'name' (0x16000001)`.
    public var label: String { "'\(name)' (\(id))" }
}

/// A digest.
public struct DigestSchema: Sendable {
    /// The digest id.
    public let id: DigestID
    /// The P4Info name.
    public let name: String
    /// The resolved message type.
    public let type: P4DataShape
    /// `'name' (0x17000001)`.
    public var label: String { "'\(name)' (\(id))" }
}

/// A parser value set.
public struct ValueSetSchema: Sendable {
    /// The value set id.
    public let id: ValueSetID
    /// The P4Info name.
    public let name: String
    /// Member fields in P4Info order.
    public let fields: [MatchFieldSchema]
    /// Maximum number of members.
    public let size: Int32
    /// `'name' (0x03000001)`.
    public var label: String { "'\(name)' (\(id))" }
}

/// A controller packet metadata header (`packet_in` or `packet_out`).
public struct PacketMetadataSchema: Sendable {
    /// The header's fields in P4Info order.
    public let fields: [MatchFieldSchema]
}
