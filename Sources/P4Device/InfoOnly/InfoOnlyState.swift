import P4Model

/// Everything the P4Info-only device holds for one pipeline. A value type, so a ROLLBACK_ON_ERROR transaction can
/// keep the state it started from (copy-on-write makes that cheap) and restore it on abort.
struct InfoOnlyState: Sendable {
    /// Per-entry cells of one table, indexed by handle slot.
    struct DirectCell: Sendable {
        var generation: UInt32
        var live: Bool
        var counter: CounterData
    }

    struct TableState: Sendable {
        var entryCount: Int = 0
        /// Per-slot cells (only for tables with a direct counter or meter): 24 bytes each.
        var cells: [DirectCell] = []
        /// Direct meter states that differ from the default, by slot (most entries keep the default).
        var meters: [UInt32: MeterCellState] = [:]

        func meter(_ slot: Int) -> MeterCellState { meters[UInt32(slot)] ?? InfoOnlyState.defaultMeter }

        mutating func setMeter(_ slot: Int, _ state: MeterCellState) {
            meters[UInt32(slot)] = state == InfoOnlyState.defaultMeter ? nil : state
        }
    }

    struct ProfileState: Sendable {
        var members: [ActionProfileMemberID: ActionProfileMember] = [:]
        var groups: [ActionProfileGroupID: ActionProfileGroup] = [:]
    }

    static let defaultMeter = MeterCellState(config: nil, counters: zeroColours)
    static let zeroColours = MeterCounterData(green: CounterData(), yellow: CounterData(), red: CounterData())

    let pipeline: InfoOnlyPipeline
    var tables: [TableState]
    var defaultEntries: [TableID: TableEntry] = [:]
    var profiles: [ActionProfileID: ProfileState] = [:]
    var counters: [CellArray<CounterData>]
    var meters: [CellArray<MeterCellState>]
    var registers: [CellArray<P4Data>]
    var valueSets: [ValueSetID: [ValueSetMember]] = [:]
    var digests: [DigestID: DigestEntry.Config] = [:]
    var multicastGroups: [MulticastGroupID: MulticastGroupEntry] = [:]
    var cloneSessions: [CloneSessionID: CloneSessionEntry] = [:]

    init(pipeline: InfoOnlyPipeline) {
        self.pipeline = pipeline
        let schema = pipeline.schema
        tables = Array(repeating: TableState(), count: schema.tables.count)
        counters = schema.counters.map { CellArray(size: max(0, $0.size), fill: CounterData()) }
        meters = schema.meters.map { CellArray(size: max(0, $0.size), fill: Self.defaultMeter) }
        registers = schema.registers.map { CellArray(size: max(0, $0.size), fill: $0.type.zeroValue) }
    }

    /// Keeps the indexed cells of `previous` whose object has the same id and shape here (RECONCILE_AND_COMMIT);
    /// table entries and their direct cells are replayed by the service.
    mutating func keepCells(of previous: InfoOnlyState) {
        let old = previous.pipeline.schema
        let new = pipeline.schema
        for (position, counter) in new.counters.enumerated() {
            if let oldCounter = old.counter(counter.id), oldCounter.size == counter.size,
               let oldPosition = old.counters.firstIndex(where: { $0.id == counter.id }) {
                counters[position] = previous.counters[oldPosition]
            }
        }
        for (position, meter) in new.meters.enumerated() {
            if let oldMeter = old.meter(meter.id), oldMeter.size == meter.size,
               let oldPosition = old.meters.firstIndex(where: { $0.id == meter.id }) {
                meters[position] = previous.meters[oldPosition]
            }
        }
        for (position, register) in new.registers.enumerated() {
            if let oldRegister = old.register(register.id), oldRegister.size == register.size,
               oldRegister.type == register.type,
               let oldPosition = old.registers.firstIndex(where: { $0.id == register.id }) {
                registers[position] = previous.registers[oldPosition]
            }
        }
    }
}
