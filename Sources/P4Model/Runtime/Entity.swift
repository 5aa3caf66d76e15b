/// `p4.v1.Entity`: one programmable object of the pipeline.
///
/// `kind` is nil for an empty entity (`{}`), which parses but must be rejected with INVALID_ARGUMENT (§13.2).
public struct Entity: Sendable, Hashable {
    /// The `entity` oneof of `p4.v1.Entity`.
    public enum Kind: Sendable, Hashable {
        /// An instance of an architecture-specific extern.
        case externEntry(ExternEntry)
        /// A match-action table entry (or a table's default entry).
        case tableEntry(TableEntry)
        /// A member of an action profile.
        case actionProfileMember(ActionProfileMember)
        /// A group of an action selector.
        case actionProfileGroup(ActionProfileGroup)
        /// A cell (or all cells) of an indirect meter.
        case meterEntry(MeterEntry)
        /// The meter attached to one table entry.
        case directMeterEntry(DirectMeterEntry)
        /// A cell (or all cells) of an indirect counter.
        case counterEntry(CounterEntry)
        /// The counter attached to one table entry.
        case directCounterEntry(DirectCounterEntry)
        /// A multicast group or clone session of the packet replication engine.
        case packetReplicationEngineEntry(PacketReplicationEngineEntry)
        /// The members of a parser value set.
        case valueSetEntry(ValueSetEntry)
        /// A cell (or all cells) of a register.
        case registerEntry(RegisterEntry)
        /// The configuration of a digest.
        case digestEntry(DigestEntry)
    }

    /// Which entity this is; nil when no member of the oneof is set.
    public var kind: Kind?

    /// Creates an entity.
    public init(_ kind: Kind?) { self.kind = kind }

    /// The English name of the entity kind for messages ("table entry"), or "empty entity".
    public var kindName: String {
        switch kind {
        case nil: "empty entity"
        case .externEntry: "extern entry"
        case .tableEntry: "table entry"
        case .actionProfileMember: "action profile member"
        case .actionProfileGroup: "action profile group"
        case .meterEntry: "meter entry"
        case .directMeterEntry: "direct meter entry"
        case .counterEntry: "counter entry"
        case .directCounterEntry: "direct counter entry"
        case .packetReplicationEngineEntry: "packet replication engine entry"
        case .valueSetEntry: "value set entry"
        case .registerEntry: "register entry"
        case .digestEntry: "digest entry"
        }
    }

    /// The proto3 JSON (lowerCamelCase) name of the oneof member that is set, e.g. `tableEntry`; nil when empty.
    public var jsonName: String? {
        switch kind {
        case nil: nil
        case .externEntry: "externEntry"
        case .tableEntry: "tableEntry"
        case .actionProfileMember: "actionProfileMember"
        case .actionProfileGroup: "actionProfileGroup"
        case .meterEntry: "meterEntry"
        case .directMeterEntry: "directMeterEntry"
        case .counterEntry: "counterEntry"
        case .directCounterEntry: "directCounterEntry"
        case .packetReplicationEngineEntry: "packetReplicationEngineEntry"
        case .valueSetEntry: "valueSetEntry"
        case .registerEntry: "registerEntry"
        case .digestEntry: "digestEntry"
        }
    }
}

extension Entity {
    /// Wraps a table entry.
    public static func tableEntry(_ entry: TableEntry) -> Entity { Entity(.tableEntry(entry)) }
    /// Wraps an action profile member.
    public static func actionProfileMember(_ member: ActionProfileMember) -> Entity {
        Entity(.actionProfileMember(member))
    }
    /// Wraps an action profile group.
    public static func actionProfileGroup(_ group: ActionProfileGroup) -> Entity { Entity(.actionProfileGroup(group)) }
    /// Wraps a counter entry.
    public static func counterEntry(_ entry: CounterEntry) -> Entity { Entity(.counterEntry(entry)) }
    /// Wraps a direct counter entry.
    public static func directCounterEntry(_ entry: DirectCounterEntry) -> Entity { Entity(.directCounterEntry(entry)) }
    /// Wraps a meter entry.
    public static func meterEntry(_ entry: MeterEntry) -> Entity { Entity(.meterEntry(entry)) }
    /// Wraps a direct meter entry.
    public static func directMeterEntry(_ entry: DirectMeterEntry) -> Entity { Entity(.directMeterEntry(entry)) }
    /// Wraps a register entry.
    public static func registerEntry(_ entry: RegisterEntry) -> Entity { Entity(.registerEntry(entry)) }
}
