import P4Device
import P4Model
import SWX

extension SoftwareTargetDevice {
    /// Reads indirect counter cells from their regarrays (packets and/or bytes).
    public func readCounter(_ id: CounterID, index: Int64?, _ body: (Int64, CounterData) -> Bool)
        throws(P4RuntimeError)
    {
        let active = try exclusive { () throws(P4RuntimeError) in try requireActive() }
        guard let counter = active.pipeline.binding.externs.counters[id] else {
            throw .notFound("counter \(id) is not in the pipeline")
        }
        let cells = Array(try TargetState.indices(index, size: counter.size, what: "counter \(id)"))
        let data: [CounterData]
        do { data = try counter.cells(at: cells, engine: active.engine) } catch {
            throw Self.mapped(error, context: "counter \(id)")
        }
        for (cell, value) in zip(cells, data) where !body(Int64(cell), value) { return }
    }

    /// Reads register cells from their regarray, each truncated to the register's P4 width.
    public func readRegister(_ id: RegisterID, index: Int64?, _ body: (Int64, P4Data) -> Bool)
        throws(P4RuntimeError)
    {
        let active = try exclusive { () throws(P4RuntimeError) in try requireActive() }
        guard let register = active.pipeline.binding.externs.registers[id] else {
            throw .notFound("register \(id) is not in the pipeline")
        }
        let cells = try TargetState.indices(index, size: register.size, what: "register \(id)")
        let isBool = active.pipeline.schema.register(id)?.type == .bool
        let values: [UInt64]
        do { values = try active.engine.readRegisters(register.name, indices: cells) } catch {
            throw Self.mapped(error, context: "register \(id)")
        }
        for (cell, raw) in zip(cells, values) {
            let value = register.bits >= 64 ? raw : raw & ((UInt64(1) << register.bits) - 1)
            let data: P4Data = isBool ? P4Data(.bool(value != 0))
                : P4Data(.bitstring(WideValue.canonical((0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * (7 - $0))) })))
            if !body(Int64(cell), data) { return }
        }
    }

    /// Streams the live entries the data plane learned in a learner (add-on-miss) table, in entry id order,
    /// leaving out keys the controller wrote itself (the service lists those).
    public func readDataPlaneEntries(_ table: TableID, _ body: (TableEntry) -> Bool) throws(P4RuntimeError) {
        try readDataPlaneEntries(table, counterData: false, action: nil, match: nil, body)
    }

    /// Streams the learned entries of learner table `table` (not those the controller wrote), with their ageing
    /// (`describeAgeing`) and, when `counterData` is true and the table has a direct counter, its cells. With
    /// `action`, only entries with that action and the values of the parameters it lists are built and streamed
    /// (compared in the engine's action data, so a selective read of a big learner stays cheap); with `match`,
    /// only the entry with that key, looked up in the learner.
    public func readDataPlaneEntries(_ table: TableID, counterData: Bool, action filter: Action?,
                                     match: [FieldMatch]?, _ body: (TableEntry) -> Bool) throws(P4RuntimeError) {
        let (active, written) = try exclusive { () throws(P4RuntimeError) in
            let active = try requireActive()
            return (active, active.state.controllerLearnerKeys[table] ?? [])
        }
        guard let binding = active.pipeline.binding.tables[table], case .learner = binding.target else { return }
        let selects = Self.actionSelector(filter, binding: binding)
        let records: [SWXLearnerEntryRecord]
        do {
            if let match {
                guard let key = binding.exactKey(match) else { return }
                records = try active.engine.learnerEntry(binding.specName, key: key).map { [$0] } ?? []
            } else {
                records = try active.engine.learnerEntries(binding.specName, where: selects)
            }
        } catch {
            throw Self.mapped(error, context: "table \(binding.schema.label)")
        }
        let timeouts = (try? active.engine.learnerTimeouts(binding.specName)) ?? []
        let now = clock.monotonicNanoseconds()
        let learned = records.filter { !written.contains($0.key) }
        var counters: [CounterData]?
        if counterData, let counter = binding.directCounter {
            do { counters = try counter.cells(at: learned.map { UInt64($0.id) }, engine: active.engine) } catch {
                throw Self.mapped(error, context: "table \(binding.schema.label) direct counter")
            }
        }
        for (position, record) in learned.enumerated() {
            guard var entry = Self.tableEntry(record, binding: binding) else { continue }
            Self.describeAgeing(&entry, record, timeouts: timeouts, now: now)
            entry.counterData = counters?[position]
            if !body(entry) { return }
        }
    }

    /// Whether a learned entry's spec action and action data are `filter`'s action with its listed parameter
    /// values; everything passes without a filter, nothing when the filter's action is not one of the table's.
    static func actionSelector(_ filter: Action?, binding: TableBinding)
        -> (_ action: Int, _ data: UnsafeRawBufferPointer) -> Bool {
        guard let filter else { return { _, _ in true } }
        guard let action = binding.actions[filter.actionId] else { return { _, _ in false } }
        var wanted: [(placement: FieldPlacement, value: [UInt8])] = []
        for param in filter.params {
            guard let placement = action.params.first(where: { $0.id == param.paramId })?.placement else {
                return { _, _ in false }
            }
            wanted.append((placement, param.value))
        }
        let specAction = action.specAction
        return { index, data in
            index == specAction && wanted.allSatisfy { $0.placement.holds($0.value, in: data) }
        }
    }

    /// A learned entry's ageing in P4Runtime terms (the learner extension, docs/api.md): `idle_timeout_ns` is the
    /// timeout of the entry's expire-time profile, `time_since_last_hit` the time since it was learned or last
    /// rearmed, so the time left is their difference.
    static func describeAgeing(_ entry: inout TableEntry, _ record: SWXLearnerEntryRecord, timeouts: [UInt32],
                               now: UInt64) {
        guard Int(record.timeoutID) < timeouts.count else { return }
        let ttl = UInt64(timeouts[Int(record.timeoutID)]) &* 1_000_000_000
        entry.idleTimeoutNs = Int64(clamping: ttl)
        let armedAt = record.expiresAt >= ttl ? record.expiresAt - ttl : 0
        entry.timeSinceLastHit = TableEntry.IdleTimeout(elapsedNs: Int64(clamping: now >= armedAt ? now - armedAt : 0))
    }

    /// The P4Runtime form of a learned entry: exact matches by field, the action by P4Info id.
    static func tableEntry(_ record: SWXLearnerEntryRecord, binding: TableBinding) -> TableEntry? {
        guard let action = binding.actionsBySpecAction[record.action.actionIndex] else { return nil }
        return TableEntry(tableId: binding.schema.id, match: binding.exactMatch(fromKey: record.key),
                          action: .action(action.action(from: record.action.actionData)))
    }
}
