/// `p4.v1.MeterConfig`: rates (per second) and bursts, in the meter's unit (bytes or packets).
public struct MeterConfig: Sendable, Hashable {
    /// Committed information rate.
    public var cir: Int64
    /// Committed burst size.
    public var cburst: Int64
    /// Peak information rate.
    public var pir: Int64
    /// Peak burst size.
    public var pburst: Int64
    /// Excess burst size (v1.4, single-rate three-colour meters only).
    public var eburst: Int64

    /// Creates a configuration; `MeterConfig()` is the present-but-empty form.
    public init(cir: Int64 = 0, cburst: Int64 = 0, pir: Int64 = 0, pburst: Int64 = 0, eburst: Int64 = 0) {
        self.cir = cir
        self.cburst = cburst
        self.pir = pir
        self.pburst = pburst
        self.eburst = eburst
    }
}

/// `p4.v1.MeterCounterData`: per-colour counters of a meter (v1.4).
public struct MeterCounterData: Sendable, Hashable {
    /// Traffic marked green.
    public var green: CounterData?
    /// Traffic marked yellow.
    public var yellow: CounterData?
    /// Traffic marked red.
    public var red: CounterData?

    /// Creates per-colour counters.
    public init(green: CounterData? = nil, yellow: CounterData? = nil, red: CounterData? = nil) {
        self.green = green
        self.yellow = yellow
        self.red = red
    }
}

/// `p4.v1.MeterEntry`: a cell (or, with `index` absent, every cell) of an indirect meter.
public struct MeterEntry: Sendable, Hashable {
    /// The meter; 0 in a read means all meters.
    public var meterId: MeterID
    /// The cell; nil means all cells.
    public var index: Index?
    /// The configuration; nil in a MODIFY resets the meter to its default (all green).
    public var config: MeterConfig?
    /// Per-colour counters.
    public var counterData: MeterCounterData?

    /// Creates a meter entry.
    public init(
        meterId: MeterID = 0, index: Index? = nil, config: MeterConfig? = nil, counterData: MeterCounterData? = nil
    ) {
        self.meterId = meterId
        self.index = index
        self.config = config
        self.counterData = counterData
    }
}

/// `p4.v1.DirectMeterEntry`: the meter of one table entry.
public struct DirectMeterEntry: Sendable, Hashable {
    /// The table entry whose meter this is (its key; the action is ignored); nil when absent.
    public var tableEntry: TableEntry?
    /// The configuration; nil in a MODIFY resets the meter to its default.
    public var config: MeterConfig?
    /// Per-colour counters.
    public var counterData: MeterCounterData?

    /// Creates a direct meter entry.
    public init(tableEntry: TableEntry? = nil, config: MeterConfig? = nil, counterData: MeterCounterData? = nil) {
        self.tableEntry = tableEntry
        self.config = config
        self.counterData = counterData
    }
}
