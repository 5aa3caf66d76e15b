import P4Model

/// One already-validated change the service asks a device to make. Values are canonical (shortest bytestrings,
/// fields sorted by id) and every id refers to an object of the device's current pipeline.
///
/// Direct resources follow P4Runtime §9.1.7: on insert an absent `counterData` means zero and an absent
/// `meterConfig` the default (all green); on modify an absent `counterData` leaves the counter unchanged while an
/// absent `meterConfig` resets the meter; a present `meterCounterData` resets the per-colour counters.
public enum DeviceOperation: Sendable {
    /// Adds a table entry under a fresh handle.
    case insertEntry(TableID, EntryHandle, TableEntry)
    /// Replaces the action (and direct resources) of the entry with `handle`; `entry.action` is always set.
    case modifyEntry(TableID, EntryHandle, TableEntry)
    /// Removes the entry with `handle` (the entry is its last stored state).
    case deleteEntry(TableID, EntryHandle, TableEntry)
    /// Removes an entry the data plane added by itself (a table in `DevicePipeline.dataPlaneManagedTables`);
    /// `entry` carries the canonical key. NOT_FOUND when the data plane holds no such entry.
    case deleteDataPlaneEntry(TableID, TableEntry)
    /// Sets the default entry; `entry.action` nil means the program's initial default action.
    case setDefaultEntry(TableID, TableEntry)
    /// Adds an action profile member.
    case insertMember(ActionProfileMember)
    /// Replaces a member's action (every group holding it follows).
    case modifyMember(ActionProfileMember)
    /// Removes a member (no group or entry refers to it any more).
    case deleteMember(ActionProfileID, ActionProfileMemberID)
    /// Adds an action selector group; `maxSize` is resolved (never 0 when P4Info gives `max_group_size`).
    case insertGroup(ActionProfileGroup)
    /// Replaces a group's members.
    case modifyGroup(ActionProfileGroup)
    /// Removes a group (no entry refers to it any more).
    case deleteGroup(ActionProfileID, ActionProfileGroupID)
    /// Sets one cell (`index`) or every cell (nil) of an indirect counter.
    case writeCounter(CounterID, index: Int64?, CounterData)
    /// Sets the direct counter of one entry.
    case writeDirectCounter(TableID, EntryHandle, CounterData)
    /// Sets (nil: resets to default) the config of one cell or every cell of an indirect meter; a non-nil
    /// `resetCounters` also zeroes the per-colour counters.
    case writeMeter(MeterID, index: Int64?, config: MeterConfig?, resetCounters: Bool)
    /// Sets (nil: resets) the direct meter of one entry, optionally zeroing its per-colour counters.
    case writeDirectMeter(TableID, EntryHandle, config: MeterConfig?, resetCounters: Bool)
    /// Sets one cell or every cell of a register (`data` already matches the register's type).
    case writeRegister(RegisterID, index: Int64?, P4Data)
    /// Replaces the members of a parser value set.
    case setValueSet(ValueSetID, [ValueSetMember])
    /// Enables (with its config) or disables (nil) a digest.
    case configureDigest(DigestID, DigestEntry.Config?)
    /// Inserts, modifies or deletes a multicast group.
    case multicastGroup(UpdateType, MulticastGroupEntry)
    /// Inserts, modifies or deletes a clone session.
    case cloneSession(UpdateType, CloneSessionEntry)

    /// The entity kind, for UNIMPLEMENTED messages.
    public var kindName: String {
        switch self {
        case .insertEntry, .modifyEntry, .deleteEntry, .deleteDataPlaneEntry, .setDefaultEntry: "table entry"
        case .insertMember, .modifyMember, .deleteMember: "action profile member"
        case .insertGroup, .modifyGroup, .deleteGroup: "action profile group"
        case .writeCounter: "counter entry"
        case .writeDirectCounter: "direct counter entry"
        case .writeMeter: "meter entry"
        case .writeDirectMeter: "direct meter entry"
        case .writeRegister: "register entry"
        case .setValueSet: "value set entry"
        case .configureDigest: "digest entry"
        case .multicastGroup: "multicast group entry"
        case .cloneSession: "clone session entry"
        }
    }
}

/// The state of one meter cell as a device reports it.
public struct MeterCellState: Sendable, Hashable {
    /// The configuration; nil when the cell has the default configuration (all packets green).
    public var config: MeterConfig?
    /// Per-colour counters; nil when the device does not count per colour.
    public var counters: MeterCounterData?

    /// Creates a cell state.
    public init(config: MeterConfig? = nil, counters: MeterCounterData? = nil) {
        self.config = config
        self.counters = counters
    }
}
