import P4Device
import P4Model

extension EntityReader {
    /// Counter reads (RD6): id 0 → every counter, index unset → every cell.
    mutating func readCounters(_ request: CounterEntry, path: String) throws(P4RuntimeError) {
        try requireRunningPipeline("counter values", path: path)
        var counters = schema.counters
        if request.counterId.isUnset {
            if request.index != nil {
                throw .invalidArgument("\(path).index: an index needs a counter id (counterId 0 reads every counter)")
            }
        } else {
            guard let counter = schema.counter(request.counterId) else {
                throw .invalidArgument("\(path).counterId: \(request.counterId) is not a counter of the pipeline")
            }
            counters = [counter]
        }
        for counter in counters {
            let index = try checkIndex(request.index, size: counter.size, owner: "counter \(counter.label)", path: path)
            var failure: P4RuntimeError?
            try view.device.readCounter(counter.id, index: index) { cell, data in
                do throws(P4RuntimeError) {
                    try emit(.counterEntry(CounterEntry(counterId: counter.id, index: Index(cell), data: data)))
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        }
    }

    /// Meter reads (RD6), with per-colour counters when the request has `counterData`.
    mutating func readMeters(_ request: MeterEntry, path: String) throws(P4RuntimeError) {
        try requireRunningPipeline("meter configs", path: path)
        var meters = schema.meters
        if request.meterId.isUnset {
            if request.index != nil {
                throw .invalidArgument("\(path).index: an index needs a meter id (meterId 0 reads every meter)")
            }
        } else {
            guard let meter = schema.meter(request.meterId) else {
                throw .invalidArgument("\(path).meterId: \(request.meterId) is not a meter of the pipeline")
            }
            meters = [meter]
        }
        let wantCounters = request.counterData != nil
        if wantCounters { try require(.meterCounterData, "per-colour meter counters", path: path + ".counterData") }
        for meter in meters {
            let index = try checkIndex(request.index, size: meter.size, owner: "meter \(meter.label)", path: path)
            var failure: P4RuntimeError?
            try view.device.readMeter(meter.id, index: index) { cell, state in
                do throws(P4RuntimeError) {
                    try emit(.meterEntry(MeterEntry(meterId: meter.id, index: Index(cell), config: state.config,
                                                    counterData: wantCounters ? state.counters : nil)))
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        }
    }

    /// Register reads (RD6, R1).
    mutating func readRegisters(_ request: RegisterEntry, path: String) throws(P4RuntimeError) {
        try requireRunningPipeline("register values", path: path)
        var registers = schema.registers
        if request.registerId.isUnset {
            if request.index != nil {
                throw .invalidArgument("\(path).index: an index needs a register id (registerId 0 reads every register)")
            }
        } else {
            guard let register = schema.register(request.registerId) else {
                throw .invalidArgument("\(path).registerId: \(request.registerId) is not a register of the pipeline")
            }
            registers = [register]
        }
        for register in registers {
            let index = try checkIndex(request.index, size: register.size, owner: "register \(register.label)",
                                       path: path)
            var failure: P4RuntimeError?
            try view.device.readRegister(register.id, index: index) { cell, data in
                do throws(P4RuntimeError) {
                    try emit(.registerEntry(RegisterEntry(registerId: register.id, index: Index(cell), data: data)))
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        }
    }

    /// The tables a direct counter or meter read covers, and the key of the one entry it names (if any).
    private func directTargets(_ entry: TableEntry?, hasResource: (TableSchema) -> Bool, what: String, path: String)
        throws(P4RuntimeError) -> [(position: Int, table: TableSchema, key: EntryKey?)]
    {
        let entryPath = path + ".tableEntry"
        guard let entry, !entry.tableId.isUnset else {
            if let entry, !entry.match.isEmpty || entry.priority != 0 {
                throw .invalidArgument("\(entryPath).tableId: 0 reads every table, which allows no match or priority")
            }
            return schema.tables.enumerated().filter { hasResource($0.element) }.map { ($0.offset, $0.element, nil) }
        }
        let (position, table) = try resolveTable(entry.tableId, path: entryPath)
        if !hasResource(table) { throw .invalidArgument("\(entryPath).tableId: table \(table.label) has no \(what)") }
        if entry.isDefaultAction {
            throw .unimplemented("\(entryPath): direct resources of default entries are not supported")
        }
        if entry.match.isEmpty && (entry.priority == 0 || !table.fields.isEmpty) {
            return [(position, table, nil)]
        }
        if table.requiresPriority && entry.priority <= 0 {
            throw .invalidArgument("\(entryPath).priority: a priority > 0 is needed to name one entry of table \(table.label)")
        }
        var (_, bytes) = try MatchValidator.validate(
            entry.match, fields: table.fields, positions: table.fieldPositions, path: entryPath,
            owner: "table \(table.label)")
        ValueChecks.appendInteger(UInt32(bitPattern: entry.priority), to: &bytes)
        return [(position, table, EntryKey(bytes: bytes))]
    }

    /// Calls `body` for the entries a direct read covers; NOT_FOUND when it names one entry that does not exist.
    private mutating func forEachDirectTarget(
        _ entry: TableEntry?, hasResource: (TableSchema) -> Bool, what: String, path: String,
        _ body: (inout EntityReader, TableSchema, EntryHandle, TableEntry) throws(P4RuntimeError) -> Void
    ) throws(P4RuntimeError) {
        for target in try directTargets(entry, hasResource: hasResource, what: what, path: path) {
            let tableStore = view.store.tables[target.position]
            if let key = target.key {
                guard let slot = tableStore.slot(for: key), let stored = tableStore.stored(at: slot) else {
                    throw .notFound("\(path).tableEntry: no entry with this match and priority in table \(target.table.label)")
                }
                try body(&self, target.table, tableStore.handle(at: slot), keyOnly(stored.entry))
                continue
            }
            var failure: P4RuntimeError?
            tableStore.forEach { handle, stored in
                do throws(P4RuntimeError) {
                    try body(&self, target.table, handle, keyOnly(stored.entry))
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        }
    }

    private func keyOnly(_ entry: TableEntry) -> TableEntry {
        TableEntry(tableId: entry.tableId, match: entry.match, priority: entry.priority)
    }

    /// Direct counter reads (C3): one entry, every entry of a table, or (extension) every table with a counter.
    mutating func readDirectCounters(_ request: DirectCounterEntry, path: String) throws(P4RuntimeError) {
        try requireRunningPipeline("direct counter values", path: path)
        try forEachDirectTarget(request.tableEntry, hasResource: { $0.directCounterId != nil },
                                what: "direct counter", path: path) { reader, table, handle, key throws(P4RuntimeError) in
            guard let data = try reader.view.device.readDirectCounter(table.id, handle) else { return }
            try reader.emit(.directCounterEntry(DirectCounterEntry(tableEntry: key, data: data)))
        }
    }

    /// Direct meter reads (C6), same wildcards as direct counters.
    mutating func readDirectMeters(_ request: DirectMeterEntry, path: String) throws(P4RuntimeError) {
        try requireRunningPipeline("direct meter configs", path: path)
        let wantCounters = request.counterData != nil
        if wantCounters { try require(.meterCounterData, "per-colour meter counters", path: path + ".counterData") }
        try forEachDirectTarget(request.tableEntry, hasResource: { $0.directMeterId != nil },
                                what: "direct meter", path: path) { reader, table, handle, key throws(P4RuntimeError) in
            guard let cell = try reader.view.device.readDirectMeter(table.id, handle) else { return }
            try reader.emit(.directMeterEntry(DirectMeterEntry(
                tableEntry: key, config: cell.config, counterData: wantCounters ? cell.counters : nil)))
        }
    }
}
