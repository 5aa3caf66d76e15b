/// `p4.v1.TableEntry`: a match-action table entry, or (with `isDefaultAction`) a table's default entry.
///
/// Message-typed fields are optionals so that "present but empty" differs from "absent": in a read request
/// `counterData: {}` asks for the counter, `timeSinceLastHit: {}` for the idle time; in a write an absent
/// `meterConfig` resets the meter while an absent `counterData` leaves the counter alone (§9.1.7).
public struct TableEntry: Sendable, Hashable {
    /// `p4.v1.TableEntry.IdleTimeout`: the time since the entry was last hit.
    public struct IdleTimeout: Sendable, Hashable {
        /// Nanoseconds since the last hit (or since insertion).
        public var elapsedNs: Int64
        /// Creates the value; `IdleTimeout()` is the present-but-empty form a read request uses.
        public init(elapsedNs: Int64 = 0) { self.elapsedNs = elapsedNs }
    }

    /// The table; 0 in a read means every table.
    public var tableId: TableID
    /// The key's field matches; omitted fields are don't-care (never allowed for EXACT fields).
    public var match: [FieldMatch]
    /// The action; nil when absent (allowed in MODIFY, for the default entry, and in reads).
    public var action: TableAction?
    /// Entry priority, higher wins; must be > 0 for tables with ternary, range or optional fields, else 0.
    public var priority: Int32
    /// Deprecated opaque 64-bit cookie, stored and returned.
    public var controllerMetadata: UInt64
    /// Direct meter configuration.
    public var meterConfig: MeterConfig?
    /// Direct counter values.
    public var counterData: CounterData?
    /// Per-colour counters of a direct meter.
    public var meterCounterData: MeterCounterData?
    /// True for the table's default entry (then `match` is empty and `priority` 0).
    public var isDefaultAction: Bool
    /// Idle timeout in nanoseconds; 0 means the entry never ages.
    public var idleTimeoutNs: Int64
    /// Time since the last hit; in a read request `IdleTimeout()` asks for it; must be absent in writes.
    public var timeSinceLastHit: IdleTimeout?
    /// Opaque controller bytes, stored and returned.
    public var metadata: [UInt8]
    /// True on read for entries of const tables and const initial entries; must be false in writes.
    public var isConst: Bool

    /// Creates an entry.
    public init(
        tableId: TableID = 0, match: [FieldMatch] = [], action: TableAction? = nil, priority: Int32 = 0,
        controllerMetadata: UInt64 = 0, meterConfig: MeterConfig? = nil, counterData: CounterData? = nil,
        meterCounterData: MeterCounterData? = nil, isDefaultAction: Bool = false, idleTimeoutNs: Int64 = 0,
        timeSinceLastHit: IdleTimeout? = nil, metadata: [UInt8] = [], isConst: Bool = false
    ) {
        self.tableId = tableId
        self.match = match
        self.action = action
        self.priority = priority
        self.controllerMetadata = controllerMetadata
        self.meterConfig = meterConfig
        self.counterData = counterData
        self.meterCounterData = meterCounterData
        self.isDefaultAction = isDefaultAction
        self.idleTimeoutNs = idleTimeoutNs
        self.timeSinceLastHit = timeSinceLastHit
        self.metadata = metadata
        self.isConst = isConst
    }
}
