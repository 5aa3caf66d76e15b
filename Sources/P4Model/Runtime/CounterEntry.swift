/// `p4.v1.Index`: a cell index of a counter, meter or register; its presence matters (absent = all cells).
public struct Index: Sendable, Hashable {
    /// The cell index; negative values are invalid.
    public var index: Int64
    /// Creates an index; `Index()` is index 0 (`"index": {}`).
    public init(_ index: Int64 = 0) { self.index = index }
}

/// `p4.v1.CounterData`: the values of one counter cell (both fields for every counter unit).
public struct CounterData: Sendable, Hashable {
    /// Bytes counted.
    public var byteCount: Int64
    /// Packets counted.
    public var packetCount: Int64
    /// Creates counter values; `CounterData()` is the present-but-empty form.
    public init(byteCount: Int64 = 0, packetCount: Int64 = 0) {
        self.byteCount = byteCount
        self.packetCount = packetCount
    }
}

/// `p4.v1.CounterEntry`: a cell (or, with `index` absent, every cell) of an indirect counter.
public struct CounterEntry: Sendable, Hashable {
    /// The counter; 0 in a read means all counters.
    public var counterId: CounterID
    /// The cell; nil means all cells.
    public var index: Index?
    /// The values; nil in a MODIFY means "leave unchanged".
    public var data: CounterData?

    /// Creates a counter entry.
    public init(counterId: CounterID = 0, index: Index? = nil, data: CounterData? = nil) {
        self.counterId = counterId
        self.index = index
        self.data = data
    }
}

/// `p4.v1.DirectCounterEntry`: the counter of one table entry.
public struct DirectCounterEntry: Sendable, Hashable {
    /// The table entry whose counter this is (its key; the action is ignored); nil when absent.
    public var tableEntry: TableEntry?
    /// The values; nil in a MODIFY means "leave unchanged".
    public var data: CounterData?

    /// Creates a direct counter entry.
    public init(tableEntry: TableEntry? = nil, data: CounterData? = nil) {
        self.tableEntry = tableEntry
        self.data = data
    }
}
