import P4Device
import P4Model

extension EntityReader {
    /// What a table-entry read asks to include besides the stored entry (RD5).
    struct Extras {
        var counterData = false
        var meterConfig = false
        var meterCounterData = false
        var timeSinceLastHit = false

        init(_ request: TableEntry) {
            counterData = request.counterData != nil
            meterConfig = request.meterConfig != nil
            meterCounterData = request.meterCounterData != nil
            timeSinceLastHit = request.timeSinceLastHit != nil
        }

        var any: Bool { counterData || meterConfig || meterCounterData || timeSinceLastHit }
    }

    /// Table entry reads with every wildcard of P4Runtime §9.1.6 (RD4): all tables, all entries of a table, one
    /// entry by key, the default entry, and filters on action, priority and metadata.
    mutating func readTableEntries(_ request: TableEntry, path: String) throws(P4RuntimeError) {
        var request = request
        let extras = Extras(request)
        if extras.any { try requireRunningPipeline("counter data, meter configs and hit times", path: path) }
        if request.tableId.isUnset {
            if !request.match.isEmpty || request.action != nil || request.priority != 0
                || request.controllerMetadata != 0 || !request.metadata.isEmpty || request.isDefaultAction {
                throw .invalidArgument(
                    "\(path).tableId: 0 reads every table, which allows no match, action, priority, metadata or isDefaultAction filter")
            }
            for position in schema.tables.indices {
                try readTable(position, request: request, extras: extras, path: path)
            }
            return
        }
        let (position, table) = try resolveTable(request.tableId, path: path)
        if request.isDefaultAction {
            if !request.match.isEmpty {
                throw .invalidArgument("\(path).match: the default entry has no match (isDefaultAction is set)")
            }
            var entry = view.store.tables[position].defaultEntry
                ?? TableEntry(tableId: table.id, action: table.initialDefaultAction.map { .action($0) },
                              isDefaultAction: true)
            entry.isConst = table.isConst
            try emit(.tableEntry(entry))
            return
        }
        if let action = request.action {
            guard case .action(var filter)? = action.kind, table.implementation == .direct else {
                throw .invalidArgument(
                    "\(path).action: only a direct action id can filter reads, on tables with direct actions")
            }
            if !filter.params.isEmpty {
                filter.params = try paramFilters(filter, path: path + ".action.action")
                request.action = TableAction(.action(filter))
            }
        }
        try readTable(position, request: request, extras: extras, path: path)
    }

    private mutating func readTable(_ position: Int, request: TableEntry, extras: Extras, path: String)
        throws(P4RuntimeError)
    {
        let table = schema.tables[position]
        let tableStore = view.store.tables[position]
        if extras.counterData && table.directCounterId != nil {
            try require(.directCounterEntry, "direct counters", path: path + ".counterData")
        }
        if (extras.meterConfig || extras.meterCounterData) && table.directMeterId != nil {
            try require(.directMeterEntry, "direct meters", path: path + ".meterConfig")
        }
        if !request.match.isEmpty {
            let (matches, keyBytes) = try MatchValidator.validate(
                request.match, fields: table.fields, positions: table.fieldPositions, path: path,
                owner: "table \(table.label)")
            if request.priority != 0 || !table.requiresPriority {
                var bytes = keyBytes
                ValueChecks.appendInteger(UInt32(bitPattern: request.priority), to: &bytes)
                guard let slot = tableStore.slot(for: EntryKey(bytes: bytes)), let stored = tableStore.stored(at: slot) else {
                    // Not written by the controller: the data plane may have learned it (add-on-miss tables).
                    try readDataPlaneEntries(table, request: request, extras: extras, match: matches)
                    return
                }
                guard passes(stored.entry, request) else { return }
                try emit(.tableEntry(render(stored, handle: tableStore.handle(at: slot), table: table, extras: extras)))
                return
            }
            // Without a priority, a key of a priority table names every entry with that match (RD7).
            var failure: P4RuntimeError?
            tableStore.forEach { handle, stored in
                guard stored.entry.match == matches, passes(stored.entry, request) else { return true }
                do throws(P4RuntimeError) {
                    try emit(.tableEntry(render(stored, handle: handle, table: table, extras: extras)))
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return
        }
        var failure: P4RuntimeError?
        tableStore.forEach { handle, stored in
            guard passes(stored.entry, request) else { return true }
            do throws(P4RuntimeError) {
                try emit(.tableEntry(render(stored, handle: handle, table: table, extras: extras)))
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        try readDataPlaneEntries(table, request: request, extras: extras, match: nil)
    }

    /// Emits the entries the data plane learned in `table` (add-on-miss tables of a running pipeline) that pass
    /// the request's filters and, when given, have exactly the canonical `match`.
    private mutating func readDataPlaneEntries(_ table: TableSchema, request: TableEntry, extras: Extras,
                                               match: [FieldMatch]?) throws(P4RuntimeError) {
        guard !view.isSaved && view.installed.pipeline.dataPlaneManagedTables.contains(table.id) else { return }
        var failure: P4RuntimeError?
        var action: Action?
        if case .action(let filter)? = request.action?.kind { action = filter }
        try view.device.readDataPlaneEntries(table.id, counterData: extras.counterData, action: action,
                                             match: match) { learned in
            guard match.map({ learned.match == $0 }) ?? true, passes(learned, request) else { return true }
            // The device describes everything it knows; the answer carries what the request asked for (RD5).
            var entry = learned
            if !extras.counterData { entry.counterData = nil }
            if !extras.timeSinceLastHit { entry.timeSinceLastHit = nil }
            do throws(P4RuntimeError) {
                try emit(.tableEntry(entry))
                return true
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
    }

    /// The parameter values a read's action filter selects (an extension of RD4, which filters by action id
    /// only), checked as in writes (``ActionValidator/parameter(_:of:path:)``) and canonical.
    private func paramFilters(_ filter: Action, path: String) throws(P4RuntimeError) -> [Action.Param] {
        guard let action = schema.actions[filter.actionId] else {
            throw .invalidArgument("\(path).actionId: \(filter.actionId) is not an action of the pipeline")
        }
        var params: [Action.Param] = []
        for (index, param) in filter.params.enumerated() {
            let value = try ActionValidator.parameter(param, of: action, path: "\(path).params[\(index)]").value
            params.append(Action.Param(paramId: param.paramId, value: value))
        }
        return params
    }

    /// The non-key filters of RD4: action id (and, as an extension, parameter values), priority, controller
    /// metadata and metadata, when set.
    private func passes(_ entry: TableEntry, _ request: TableEntry) -> Bool {
        if request.priority != 0 && entry.priority != request.priority { return false }
        if request.controllerMetadata != 0 && entry.controllerMetadata != request.controllerMetadata { return false }
        if !request.metadata.isEmpty && entry.metadata != request.metadata { return false }
        if case .action(let filter)? = request.action?.kind {
            guard case .action(let action)? = entry.action?.kind, action.actionId == filter.actionId else { return false }
            for wanted in filter.params {
                guard let param = action.params.first(where: { $0.paramId == wanted.paramId }),
                      Bytestring.sameValue(param.value, wanted.value) else { return false }
            }
        }
        return true
    }

    /// The stored entry with the volatile parts the request asked for.
    func render(_ stored: StoredEntry, handle: EntryHandle, table: TableSchema, extras: Extras) throws(P4RuntimeError)
        -> TableEntry
    {
        var entry = stored.entry
        if table.isConst { entry.isConst = true }
        guard extras.any else { return entry }
        if extras.counterData && table.directCounterId != nil {
            entry.counterData = try view.device.readDirectCounter(table.id, handle) ?? CounterData()
        }
        if (extras.meterConfig || extras.meterCounterData) && table.directMeterId != nil {
            let cell = try view.device.readDirectMeter(table.id, handle)
            if extras.meterConfig { entry.meterConfig = cell?.config }
            if extras.meterCounterData { entry.meterCounterData = cell?.counters }
        }
        if extras.timeSinceLastHit {
            let now = clock.monotonicNanoseconds()
            let reference = view.device.lastHit(table.id, handle) ?? stored.insertedAt
            entry.timeSinceLastHit = TableEntry.IdleTimeout(elapsedNs: Int64(now >= reference ? now - reference : 0))
        }
        return entry
    }
}
