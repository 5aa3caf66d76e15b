// One file for all id types: each is the same four-line wrapper, and keeping them together shows at a glance which
// kinds exist and which prefix each carries.

/// Identifies a P4Info table (`Table.preamble.id`, `TableEntry.table_id`).
public struct TableID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.table`.
    public static var prefix: P4IDPrefix? { .table }
}

/// Identifies a P4Info action (`Action.preamble.id`, `Action.action_id`).
public struct ActionID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.action`.
    public static var prefix: P4IDPrefix? { .action }
}

/// Identifies a P4Info action profile or action selector.
public struct ActionProfileID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.actionProfile`.
    public static var prefix: P4IDPrefix? { .actionProfile }
}

/// Identifies a P4Info indirect counter.
public struct CounterID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.counter`.
    public static var prefix: P4IDPrefix? { .counter }
}

/// Identifies a P4Info direct counter.
public struct DirectCounterID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.directCounter`.
    public static var prefix: P4IDPrefix? { .directCounter }
}

/// Identifies a P4Info indirect meter.
public struct MeterID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.meter`.
    public static var prefix: P4IDPrefix? { .meter }
}

/// Identifies a P4Info direct meter.
public struct DirectMeterID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.directMeter`.
    public static var prefix: P4IDPrefix? { .directMeter }
}

/// Identifies a P4Info register.
public struct RegisterID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.register`.
    public static var prefix: P4IDPrefix? { .register }
}

/// Identifies a P4Info digest.
public struct DigestID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.digest`.
    public static var prefix: P4IDPrefix? { .digest }
}

/// Identifies a P4Info parser value set.
public struct ValueSetID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.valueSet`.
    public static var prefix: P4IDPrefix? { .valueSet }
}

/// Identifies a P4Info controller packet metadata header (`packet_in`, `packet_out`).
public struct ControllerPacketMetadataID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// The kind's prefix, `P4IDPrefix.controllerHeader`.
    public static var prefix: P4IDPrefix? { .controllerHeader }
}

/// Identifies an instance of an architecture-specific extern (`ExternEntry.extern_id`); scoped by its extern type.
public struct ExternInstanceID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// Identifies a match field within one table or value set (`FieldMatch.field_id`).
public struct MatchFieldID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// Identifies a parameter within one action (`Action.Param.param_id`).
public struct ActionParamID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// Identifies a field within one controller packet metadata header (`PacketMetadata.metadata_id`).
public struct MetadataID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// A controller-chosen action profile member id (`ActionProfileMember.member_id`).
public struct ActionProfileMemberID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// A controller-chosen action profile group id (`ActionProfileGroup.group_id`).
public struct ActionProfileGroupID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// A controller-chosen multicast group id (`MulticastGroupEntry.multicast_group_id`).
public struct MulticastGroupID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

/// A controller-chosen clone session id (`CloneSessionEntry.session_id`).
public struct CloneSessionID: P4ObjectID {
    /// The raw 32-bit id.
    public var rawValue: UInt32
    /// Wraps a raw id.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    /// No prefix: a local or controller-chosen id.
    public static var prefix: P4IDPrefix? { nil }
}

