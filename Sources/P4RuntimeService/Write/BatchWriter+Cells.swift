import P4Device
import P4Model

extension BatchWriter {
    /// MODIFY only (C1, C5, R1, C3, C6): INSERT and DELETE of cells are INVALID_ARGUMENT.
    private func requireModify(_ type: UpdateType, _ what: String, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if type != .modify {
            throw .invalidArgument("\(path()): \(what) can only be modified (INSERT and DELETE are not allowed)")
        }
    }

    /// Checks an optional cell index against `size` (nil means every cell).
    private func checkIndex(_ index: Index?, size: Int64, owner: @autoclosure () -> String, path: @autoclosure () -> String) throws(P4RuntimeError) -> Int64? {
        guard let index else { return nil }
        if index.index < 0 { throw .invalidArgument("\(path()).index.index: \(index.index) is negative") }
        if index.index >= size {
            throw .outOfRange("\(path()).index.index: \(index.index) is out of range for \(owner()) of size \(size)")
        }
        return index.index
    }

    /// The stored entry a direct counter or meter entry refers to (C3, C6).
    private func directTarget(_ entry: TableEntry?, path: @autoclosure () -> String) throws(P4RuntimeError)
        -> (table: TableSchema, handle: EntryHandle)
    {
        guard let entry else { throw .invalidArgument("\(path()).tableEntry: the table entry is missing") }
        func entryPath() -> String { path() + ".tableEntry" }
        let (position, table) = try resolveTable(entry.tableId, path: entryPath())
        if entry.isDefaultAction {
            throw .unimplemented("\(entryPath()): direct resources of default entries are not supported")
        }
        let (_, key) = try entryKey(entry, table: table, path: entryPath())
        guard let slot = store.tables[position].slot(for: key) else {
            throw .notFound("\(entryPath()): no entry with this match and priority in table \(table.label)")
        }
        return (table, store.tables[position].handle(at: slot))
    }

    mutating func writeCounter(_ counter: CounterEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        try requireModify(type, "counter entries", path: path())
        if counter.counterId.isUnset { throw .invalidArgument("\(path()).counterId: 0 is not a valid counter id") }
        guard let schemaCounter = schema.counter(counter.counterId) else {
            throw .invalidArgument("\(path()).counterId: \(counter.counterId) is not a counter of the pipeline")
        }
        let index = try checkIndex(counter.index, size: schemaCounter.size, owner: "counter \(schemaCounter.label)",
                                   path: path())
        guard let data = counter.data else { return }
        try Self.checkCounterData(data, path: path() + ".data")
        try device(.writeCounter(counter.counterId, index: index, data), path: path())
    }

    mutating func writeDirectCounter(_ counter: DirectCounterEntry, _ type: UpdateType, path: @autoclosure () -> String)
        throws(P4RuntimeError)
    {
        try requireModify(type, "direct counter entries", path: path())
        let (table, handle) = try directTarget(counter.tableEntry, path: path())
        if table.directCounterId == nil {
            throw .invalidArgument("\(path()).tableEntry.tableId: table \(table.label) has no direct counter")
        }
        guard let data = counter.data else { return }
        try Self.checkCounterData(data, path: path() + ".data")
        try device(.writeDirectCounter(table.id, handle, data), path: path())
    }

    mutating func writeMeter(_ meter: MeterEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        try requireModify(type, "meter entries", path: path())
        if meter.meterId.isUnset { throw .invalidArgument("\(path()).meterId: 0 is not a valid meter id") }
        guard let schemaMeter = schema.meter(meter.meterId) else {
            throw .invalidArgument("\(path()).meterId: \(meter.meterId) is not a meter of the pipeline")
        }
        let index = try checkIndex(meter.index, size: schemaMeter.size, owner: "meter \(schemaMeter.label)", path: path())
        if let config = meter.config { try Self.checkMeterConfig(config, spec: schemaMeter.spec, path: path() + ".config") }
        if let counters = meter.counterData {
            try require(.meterCounterData, "per-colour meter counters", path: path() + ".counterData")
            try Self.checkMeterCounterReset(counters, path: path() + ".counterData")
        }
        try device(.writeMeter(meter.meterId, index: index, config: meter.config,
                               resetCounters: meter.counterData != nil), path: path())
    }

    mutating func writeDirectMeter(_ meter: DirectMeterEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        try requireModify(type, "direct meter entries", path: path())
        let (table, handle) = try directTarget(meter.tableEntry, path: path())
        guard let meterId = table.directMeterId, let schemaMeter = schema.directMeters[meterId] else {
            throw .invalidArgument("\(path()).tableEntry.tableId: table \(table.label) has no direct meter")
        }
        if let config = meter.config { try Self.checkMeterConfig(config, spec: schemaMeter.spec, path: path() + ".config") }
        if let counters = meter.counterData {
            try require(.meterCounterData, "per-colour meter counters", path: path() + ".counterData")
            try Self.checkMeterCounterReset(counters, path: path() + ".counterData")
        }
        try device(.writeDirectMeter(table.id, handle, config: meter.config, resetCounters: meter.counterData != nil),
                   path: path())
    }

    mutating func writeRegister(_ register: RegisterEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        try requireModify(type, "register entries", path: path())
        if register.registerId.isUnset { throw .invalidArgument("\(path()).registerId: 0 is not a valid register id") }
        guard let schemaRegister = schema.register(register.registerId) else {
            throw .invalidArgument("\(path()).registerId: \(register.registerId) is not a register of the pipeline")
        }
        let index = try checkIndex(register.index, size: schemaRegister.size,
                                   owner: "register \(schemaRegister.label)", path: path())
        guard let data = register.data else {
            throw .invalidArgument("\(path()).data: the value is missing (\(schemaRegister.type.description) expected)")
        }
        let value = try schemaRegister.type.validate(data, path: path() + ".data")
        try device(.writeRegister(register.registerId, index: index, value), path: path())
    }
}
