import P4Device
import P4Model

extension BatchWriter {
    /// The table with `id` and its position in the schema.
    ///
    /// - Throws: INVALID_ARGUMENT for id 0 or an id that is not a table of the pipeline (T1).
    func resolveTable(_ id: TableID, path: @autoclosure () -> String) throws(P4RuntimeError) -> (Int, TableSchema) {
        if id.isUnset { throw .invalidArgument("\(path()).tableId: 0 is not a valid table id") }
        guard let position = schema.tablePosition(id) else {
            throw .invalidArgument("\(path()).tableId: \(id) is not a table of the pipeline")
        }
        return (position, schema.tables[position])
    }

    /// The encoded key of a (non-default) entry of `table` (at `position` in the schema, when known), with its
    /// canonical match (T2–T8).
    func entryKey(_ entry: TableEntry, table: TableSchema, position: Int? = nil, path: @autoclosure () -> String)
        throws(P4RuntimeError)
        -> (matches: [FieldMatch], key: EntryKey)
    {
        if table.requiresPriority {
            if entry.priority <= 0 {
                throw .invalidArgument(
                    "\(path()).priority: \(entry.priority) is not positive; table \(table.label) has ternary, range or optional fields, so entries need a priority > 0")
            }
        } else if entry.priority != 0 {
            throw .invalidArgument(
                "\(path()).priority: must be 0 for table \(table.label), which has no ternary, range or optional field")
        }
        var matches = entry.match
        var bytes: [UInt8]
        if let layout = position.flatMap({ store.exactKeyLayouts[$0] }),
           let exact = MatchValidator.exactKey(entry.match, layout: layout) {
            bytes = exact
        } else {
            (matches, bytes) = try MatchValidator.validate(
                entry.match, fields: table.fields, positions: table.fieldPositions, path: path(),
                owner: "table \(table.label)")
        }
        ValueChecks.appendInteger(UInt32(bitPattern: entry.priority), to: &bytes)
        return (matches, EntryKey(bytes: bytes))
    }

    /// INSERT, MODIFY or DELETE of a table entry or (with `isDefaultAction`) MODIFY of a default entry.
    mutating func writeTableEntry(_ entry: TableEntry, _ type: UpdateType, path: @autoclosure () -> String) throws(P4RuntimeError) {
        let (position, table) = try resolveTable(entry.tableId, path: path())
        if entry.isConst {
            throw .invalidArgument("\(path()).isConst: must be false in writes (it is set by the server on reads)")
        }
        if entry.isDefaultAction {
            try writeDefaultEntry(entry, type, table: table, position: position, path: path())
            return
        }
        if table.isKeyless {
            throw .invalidArgument(
                "\(path()): table \(table.label) has no key; only its default entry (isDefaultAction) can be written")
        }
        if table.isConst && (type != .modify || entry.action != nil) {
            throw .permissionDenied(
                "\(path()): table \(table.label) is const; only direct resources of its entries may be modified")
        }
        let (matches, key) = try entryKey(entry, table: table, position: position, path: path())
        if type == .delete {
            guard let slot = store.tables[position].slot(for: key),
                  let old = store.tables[position].stored(at: slot) else {
                if dataPlaneManagedTables.contains(table.id) {
                    let keyOnly = TableEntry(tableId: table.id, match: matches, priority: entry.priority)
                    try device(.deleteDataPlaneEntry(table.id, keyOnly), path: path())
                    return
                }
                throw .notFound("\(path()): no entry with this match and priority in table \(table.label)")
            }
            let handle = store.tables[position].handle(at: slot)
            try device(.deleteEntry(table.id, handle, old.entry), path: path())
            store.tables[position].remove(at: slot)
            adjustReferences(of: old.entry.action, table: table, by: -1)
            return
        }
        if entry.timeSinceLastHit != nil {
            throw .invalidArgument("\(path()).timeSinceLastHit: must be unset in writes")
        }
        if entry.idleTimeoutNs < 0 {
            throw .invalidArgument("\(path()).idleTimeoutNs: \(entry.idleTimeoutNs) is negative")
        }
        if entry.idleTimeoutNs > 0 && !table.supportsIdleTimeout {
            throw .invalidArgument(
                "\(path()).idleTimeoutNs: table \(table.label) does not support idle timeouts (its idle_timeout_behavior is NO_TIMEOUT)")
        }
        try validateDirectResources(entry, table: table, path: path())
        if type == .insert {
            guard store.tables[position].reserve(key) == nil else {
                throw .alreadyExists("\(path()): an entry with this match and priority already exists in table \(table.label)")
            }
            do throws(P4RuntimeError) {
                try insertTableEntry(entry, key: key, matches: matches, table: table, position: position, path: path())
            } catch {
                store.tables[position].release(key)
                throw error
            }
            return
        }
        let existingSlot = store.tables[position].slot(for: key)
        let existing = existingSlot.flatMap { store.tables[position].stored(at: $0) }
        var action: TableAction
        if let given = entry.action {
            action = try validateTableAction(given, table: table, replacing: existing?.entry.action,
                                             path: path() + ".action")
        } else if let existing, let kept = existing.entry.action {
            action = kept
        } else {
            throw .notFound("\(path()): no entry with this match and priority in table \(table.label)")
        }
        var canonical = TableEntry(
            tableId: table.id, match: matches, action: action, priority: entry.priority,
            controllerMetadata: entry.controllerMetadata, idleTimeoutNs: entry.idleTimeoutNs,
            metadata: entry.metadata)
        var forDevice: TableEntry {
            var withResources = canonical
            withResources.counterData = entry.counterData
            withResources.meterConfig = entry.meterConfig
            withResources.meterCounterData = entry.meterCounterData
            return withResources
        }
        let hasResources = entry.counterData != nil || entry.meterConfig != nil || entry.meterCounterData != nil
        guard let slot = existingSlot, let old = existing else {
            throw .notFound("\(path()): no entry with this match and priority in table \(table.label)")
        }
        let handle = store.tables[position].handle(at: slot)
        try device(.modifyEntry(table.id, handle, hasResources ? forDevice : canonical), path: path())
        canonical.isConst = false
        let rearm = old.entry.idleTimeoutNs != canonical.idleTimeoutNs
        store.tables[position].replace(at: slot, with: StoredEntry(
            entry: canonical, key: key, armedAt: rearm ? now : old.armedAt, insertedAt: old.insertedAt))
        adjustReferences(of: old.entry.action, table: table, by: -1)
        adjustReferences(of: action, table: table, by: 1)
    }

    /// The INSERT of a validated key reserved in the store: action, device, store.
    private mutating func insertTableEntry(
        _ entry: TableEntry, key: EntryKey, matches: [FieldMatch], table: TableSchema, position: Int,
        path: @autoclosure () -> String
    ) throws(P4RuntimeError) {
        guard let given = entry.action else {
            throw .invalidArgument("\(path()).action: an action is required on INSERT")
        }
        let action = try validateTableAction(given, table: table, replacing: nil, path: path() + ".action")
        var canonical = TableEntry(
            tableId: table.id, match: matches, action: action, priority: entry.priority,
            controllerMetadata: entry.controllerMetadata, idleTimeoutNs: entry.idleTimeoutNs,
            metadata: entry.metadata)
        let handle = store.tables[position].nextHandle()
        if entry.counterData != nil || entry.meterConfig != nil || entry.meterCounterData != nil {
            var forDevice = canonical
            forDevice.counterData = entry.counterData
            forDevice.meterConfig = entry.meterConfig
            forDevice.meterCounterData = entry.meterCounterData
            try device(.insertEntry(table.id, handle, forDevice), path: path())
        } else {
            try device(.insertEntry(table.id, handle, canonical), path: path())
        }
        canonical.isConst = false
        store.tables[position].insert(StoredEntry(entry: canonical, key: key, armedAt: now, insertedAt: now),
                                      reserved: true)
        adjustReferences(of: action, table: table, by: 1)
    }

    /// MODIFY of a table's default entry (T17): an unset action resets it to the program's initial default.
    private mutating func writeDefaultEntry(
        _ entry: TableEntry, _ type: UpdateType, table: TableSchema, position: Int, path: @autoclosure () -> String
    ) throws(P4RuntimeError) {
        if !entry.match.isEmpty {
            throw .invalidArgument("\(path()).match: the default entry has no match (isDefaultAction is set)")
        }
        if entry.priority != 0 { throw .invalidArgument("\(path()).priority: must be 0 for the default entry") }
        if type != .modify {
            throw .invalidArgument("\(path()): the default entry of table \(table.label) can only be modified, not inserted or deleted")
        }
        if entry.idleTimeoutNs != 0 {
            throw .invalidArgument("\(path()).idleTimeoutNs: must be 0 for the default entry")
        }
        if entry.timeSinceLastHit != nil {
            throw .invalidArgument("\(path()).timeSinceLastHit: must be unset for the default entry")
        }
        if entry.counterData != nil || entry.meterConfig != nil || entry.meterCounterData != nil {
            throw .unimplemented("\(path()): direct resources of default entries are not supported")
        }
        if let constant = table.constDefaultActionId {
            throw .permissionDenied(
                "\(path()): the default action of table \(table.label) is const (\(schema.actions[constant]?.label ?? constant.description))")
        }
        var stored: TableEntry?
        var effective: Action? = table.initialDefaultAction
        if let given = entry.action {
            guard case .action(let direct)? = given.kind else {
                throw .invalidArgument("\(path()).action: the default entry takes a direct action")
            }
            let action = try ActionValidator.validate(
                direct, allowed: table.actionScopes, owner: "table \(table.label)", use: .defaultAction,
                schema: schema, path: path() + ".action.action")
            effective = action
            stored = TableEntry(tableId: table.id, action: .action(action), controllerMetadata: entry.controllerMetadata,
                                isDefaultAction: true, metadata: entry.metadata)
        }
        let forDevice = TableEntry(tableId: table.id, action: effective.map { .action($0) }, isDefaultAction: true)
        try device(.setDefaultEntry(table.id, forDevice), path: path())
        store.tables[position].defaultEntry = stored
    }

    /// Checks the direct-resource fields of an entry against the table (T21, C4).
    private func validateDirectResources(_ entry: TableEntry, table: TableSchema, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if let data = entry.counterData {
            guard table.directCounterId != nil else {
                throw .invalidArgument("\(path()).counterData: table \(table.label) has no direct counter")
            }
            try require(.directCounterEntry, "direct counters", path: path() + ".counterData")
            try Self.checkCounterData(data, path: path() + ".counterData")
        }
        if entry.meterConfig != nil || entry.meterCounterData != nil {
            guard let meterId = table.directMeterId, let meter = schema.directMeters[meterId] else {
                let field = entry.meterConfig != nil ? "meterConfig" : "meterCounterData"
                throw .invalidArgument("\(path()).\(field): table \(table.label) has no direct meter")
            }
            try require(.directMeterEntry, "direct meters", path: path() + ".meterConfig")
            if let config = entry.meterConfig {
                try Self.checkMeterConfig(config, spec: meter.spec, path: path() + ".meterConfig")
            }
            if let counters = entry.meterCounterData {
                try require(.meterCounterData, "per-colour meter counters", path: path() + ".meterCounterData")
                try Self.checkMeterCounterReset(counters, path: path() + ".meterCounterData")
            }
        }
    }
}
