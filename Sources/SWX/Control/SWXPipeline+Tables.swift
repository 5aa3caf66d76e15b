/// How a staged change treats an entry's key.
public enum SWXTableOperation: String, Sendable, Hashable {
    /// Add a new entry; fails with `alreadyExists` when the match is present (P4Runtime INSERT).
    case insert
    /// Replace the action of an existing entry; fails with `notFound` when absent (P4Runtime MODIFY).
    case modify
    /// Add, or replace the action when the match is present (DPDK's `table T add`).
    case addOrModify
    /// Remove the entry; fails with `notFound` when absent.
    case delete
}

/// One entry as read back from a table: its stable id (the `entryid` value) and the entry.
public struct SWXTableEntryRecord: Sendable, Hashable {
    /// The entry id (1-based; stable while the entry lives).
    public var id: UInt32
    /// The match (key, mask, priority) and the action with its data.
    public var entry: SpecTableEntry
}

struct PendingTableChange {
    enum Kind { case entry(SWXTableOperation), defaultEntry }
    var table: Int
    var kind: Kind
    var entry: SpecTableEntry
}

extension SWXPipeline {
    // MARK: Staging

    /// Stages a change to regular table `table`. The entry is checked now (table, action and scope, sizes); it
    /// takes effect at `commit()`.
    public func stage(table: String, _ operation: SWXTableOperation, entry: SpecTableEntry) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        try check(entry, table: t, purpose: operation == .delete ? .deleteKey : .entry)
        lock.withLock { _ in pending.append(PendingTableChange(table: t, kind: .entry(operation), entry: entry)) }
    }

    /// Stages every entry line of `text` (DPDK table-entry text format; blank and comment lines skipped) with
    /// `operation`. Nothing is staged if a line is malformed; the error names the line.
    public func stage(table: String, _ operation: SWXTableOperation, entriesText text: String) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        let parsed: [(line: Int, entry: SpecTableEntry)]
        do {
            parsed = try SpecEntryText.parseAll(text, for: .table(t), in: program,
                                                purpose: operation == .delete ? .deleteKey : .entry)
        } catch {
            throw SWXPipelineError(.invalidArgument, "table \(table): \(error)")
        }
        lock.withLock { _ in
            for p in parsed { pending.append(PendingTableChange(table: t, kind: .entry(operation), entry: p.entry)) }
        }
    }

    /// Stages a new default entry (`action` only) for table `table`. Throws `failedPrecondition` when the table's
    /// default action is `const`.
    public func stageDefault(table: String, action: SpecEntryAction) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        guard !program.tables[t].defaultAction.isConst else {
            throw SWXPipelineError(.failedPrecondition, "table \(table): the default action is const")
        }
        let entry = SpecTableEntry(match: nil, action: action)
        try check(entry, table: t, purpose: .defaultEntry)
        lock.withLock { _ in pending.append(PendingTableChange(table: t, kind: .defaultEntry, entry: entry)) }
    }

    /// Stages a default entry given as text (`action NAME [ARG VALUE ...]`).
    public func stageDefault(table: String, text: String) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        let entry: SpecTableEntry?
        do { entry = try SpecEntryText.parse(text[...], for: .table(t), in: program, purpose: .defaultEntry) } catch {
            throw SWXPipelineError(.invalidArgument, "table \(table) default: \(error)")
        }
        guard let action = entry?.action else {
            throw SWXPipelineError(.invalidArgument, "table \(table) default: no action given")
        }
        try stageDefault(table: table, action: action)
    }

    /// Whether changes are staged and not yet committed or aborted.
    public var hasPendingChanges: Bool { lock.withLock { _ in !pending.isEmpty } }

    /// Discards every staged change.
    public func abort() { lock.withLock { _ in pending.removeAll() } }

    /// Applies every staged change, in order, between two bursts: all of them or, on the first failure, none
    /// (changes already applied are undone and the error names the failing change). The staged list is emptied
    /// either way.
    public func commit() throws(SWXPipelineError) {
        let result: SWXPipelineError? = lock.withLock { _ in
            let changes = pending
            pending.removeAll()
            var undo: [() -> Void]? = []
            for (i, change) in changes.enumerated() {
                do throws(SWXPipelineError) {
                    try apply(change, undo: &undo)
                } catch {
                    for u in undo?.reversed() ?? [] { u() }
                    let name = program.tables[change.table].name
                    return SWXPipelineError(error.code, "change \(i) (table \(name)): \(error.message)")
                }
            }
            return nil
        }
        if let result { throw result }
    }

    /// Applies one change to regular table `table` at once, between two bursts: exactly what `stage(table:_:entry:)`
    /// followed by `commit()` does for that change alone (same checks, same errors, "change 0 (table T): …"), but
    /// without going through the staged list, which it leaves untouched. On a throw nothing changed.
    public func apply(table: String, _ operation: SWXTableOperation, entry: SpecTableEntry) throws(SWXPipelineError) {
        let t = try tableIndex(table)
        try check(entry, table: t, purpose: operation == .delete ? .deleteKey : .entry)
        let change = PendingTableChange(table: t, kind: .entry(operation), entry: entry)
        let failure: SWXPipelineError? = lock.withLock { _ in
            // A single change needs no undo list: it changes nothing when it throws.
            var undo: [() -> Void]? = nil
            do throws(SWXPipelineError) {
                try apply(change, undo: &undo)
            } catch {
                return SWXPipelineError(error.code, "change 0 (table \(program.tables[t].name)): \(error.message)")
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Stages `text` with `addOrModify` and commits it (DPDK's `table T add FILE` + `commit`).
    public func importEntries(table: String, text: String) throws(SWXPipelineError) {
        try stage(table: table, .addOrModify, entriesText: text)
        try commit()
    }

    // MARK: Reading

    /// The entries of regular table `table`, in ascending id order.
    public func entries(ofTable table: String) throws(SWXPipelineError) -> [SWXTableEntryRecord] {
        let t = try tableIndex(table)
        return lock.withLock { _ in
            if let e = runtime.exactTables[t] {
                return e.entries().map { x in
                    SWXTableEntryRecord(id: x.id, entry: SpecTableEntry(
                        match: SpecEntryMatch(key: x.key, mask: program.tables[t].keyWindow?.mask ?? x.key.map { _ in 0xFF },
                                              priority: 0),
                        action: entryAction(Int(x.actionID), x.actionData)))
                }
            }
            if let w = runtime.wildcardTables[t] {
                return w.entries().map { x in
                    SWXTableEntryRecord(id: x.id, entry: SpecTableEntry(
                        match: SpecEntryMatch(key: x.key, mask: x.mask, priority: x.priority),
                        action: entryAction(Int(x.actionID), x.actionData)))
                }
            }
            return []
        }
    }

    /// The default entry of table `table`.
    public func defaultEntry(ofTable table: String) throws(SWXPipelineError) -> SpecEntryAction {
        let t = try tableIndex(table)
        return lock.withLock { _ in
            let slot = runtime.tableSlots[t]
            let data = Array(UnsafeRawBufferPointer(start: slot.defaultData, count: slot.dataSize))
            return entryAction(Int(slot.defaultAction), data)
        }
    }

    /// The entries of table `table` in DPDK's text format, one line each (what `stage(…entriesText:)` reads).
    public func exportEntries(ofTable table: String) throws(SWXPipelineError) -> String {
        let t = try tableIndex(table)
        return try entries(ofTable: table).map {
            SpecEntryText.format($0.entry, for: .table(t), in: program) + "\n"
        }.joined()
    }

    // MARK: Helpers

    func tableIndex(_ name: String) throws(SWXPipelineError) -> Int {
        guard let t = program.tableIndex(named: name) else {
            throw SWXPipelineError(.notFound, "no table named \(name)")
        }
        return t
    }

    /// Action id + data trimmed to the action's own size.
    func entryAction(_ action: Int, _ data: [UInt8]) -> SpecEntryAction {
        let size = program.actions.indices.contains(action) ? program.actionDataSize(ofAction: action) : 0
        return SpecEntryAction(actionIndex: action, actionData: Array(data.prefix(size)))
    }

    func check(_ entry: SpecTableEntry, table t: Int, purpose: SpecEntryPurpose) throws(SWXPipelineError) {
        let table = program.tables[t]
        if purpose != .defaultEntry {
            guard let window = table.keyWindow else {
                throw SWXPipelineError(.invalidArgument, "table \(table.name) has no key: it only has a default entry")
            }
            guard let match = entry.match else {
                throw SWXPipelineError(.invalidArgument, "table \(table.name): the entry has no match")
            }
            guard match.key.count == window.byteCount, match.mask.count == window.byteCount else {
                throw SWXPipelineError(.invalidArgument, "table \(table.name): key and mask must have "
                    + "\(window.byteCount) bytes, got \(match.key.count) and \(match.mask.count)")
            }
        }
        guard purpose != .deleteKey else { return }
        guard let action = entry.action else {
            throw SWXPipelineError(.invalidArgument, "table \(table.name): the entry has no action")
        }
        guard let position = table.actionPosition(of: action.actionIndex) else {
            throw SWXPipelineError(.invalidArgument, "table \(table.name) does not list action id \(action.actionIndex)")
        }
        let scope = table.actions[position].scope
        let name = program.actions[action.actionIndex].name
        if purpose == .defaultEntry, !scope.allowsDefault {
            throw SWXPipelineError(.invalidArgument, "table \(table.name): action \(name) is @tableonly")
        }
        if purpose == .entry, !scope.allowsEntries {
            throw SWXPipelineError(.invalidArgument, "table \(table.name): action \(name) is @defaultonly")
        }
        let size = program.actionDataSize(ofAction: action.actionIndex)
        guard action.actionData.count == size else {
            throw SWXPipelineError(.invalidArgument, "table \(table.name): action \(name) takes \(size) bytes of "
                + "action data, got \(action.actionData.count)")
        }
    }

    /// Applies one change to the live tables (the lock is held), appending its inverse to `undo` unless it is nil
    /// (the inverse closures are then not even built).
    func apply(_ change: PendingTableChange, undo: inout [() -> Void]?) throws(SWXPipelineError) {
        let t = change.table
        let runtime = self.runtime
        guard case .entry(let operation) = change.kind else {
            guard let action = change.entry.action else { return }
            let slot = runtime.tableSlots + t
            let oldAction = slot.pointee.defaultAction
            let oldData = Array(UnsafeRawBufferPointer(start: slot.pointee.defaultData, count: slot.pointee.dataSize))
            EngineRuntime.setData(action.actionData, at: slot.pointee.defaultData, size: slot.pointee.dataSize)
            slot.pointee.defaultAction = UInt32(action.actionIndex)
            undo?.append {
                EngineRuntime.setData(oldData, at: slot.pointee.defaultData, size: slot.pointee.dataSize)
                slot.pointee.defaultAction = oldAction
            }
            return
        }
        guard let match = change.entry.match else {
            throw SWXPipelineError(.invalidArgument, "the entry has no match")
        }
        let action = change.entry.action
        let actionID = UInt32(action?.actionIndex ?? 0)
        let data = action?.actionData ?? []
        do throws(SWXRuntimeError) {
            if let table = runtime.exactTables[t] {
                let existing = try table.entryID(key: match.key)
                switch operation == .addOrModify ? (existing == 0 ? .insert : .modify) : operation {
                case .insert:
                    if existing != 0 {
                        throw SWXRuntimeError.alreadyExists("key \(hex(match.key)) is already entry \(existing)",
                                                            entryID: existing)
                    }
                    let id = try table.add(key: match.key, actionID: actionID, actionData: data)
                    undo?.append { try? table.delete(entryID: id) }
                case .modify, .addOrModify:
                    guard existing != 0, let old = table.entry(existing) else {
                        throw SWXRuntimeError.notFound("no entry with key \(hex(match.key))")
                    }
                    try table.modify(entryID: existing, actionID: actionID, actionData: data)
                    undo?.append { try? table.modify(entryID: old.id, actionID: old.actionID, actionData: old.actionData) }
                case .delete:
                    guard existing != 0, let old = table.entry(existing) else {
                        throw SWXRuntimeError.notFound("no entry with key \(hex(match.key))")
                    }
                    let hit = table.lastHit(ofEntry: existing) ?? 0
                    try table.delete(entryID: existing)
                    undo?.append {
                        let id = try? table.add(key: old.key, actionID: old.actionID, actionData: old.actionData)
                        if let id { table.setLastHit(ofEntry: id, hit) }
                    }
                }
            } else if let table = runtime.wildcardTables[t] {
                let existing = try table.entryID(key: match.key, mask: match.mask, priority: match.priority) ?? 0
                switch operation == .addOrModify ? (existing == 0 ? .insert : .modify) : operation {
                case .insert:
                    if existing != 0 {
                        throw SWXRuntimeError.alreadyExists("match is already entry \(existing)", entryID: existing)
                    }
                    let id = try table.add(key: match.key, mask: match.mask, priority: match.priority,
                                           actionID: actionID, actionData: data)
                    undo?.append { try? table.delete(entryID: id) }
                case .modify, .addOrModify:
                    guard existing != 0, let old = table.entry(existing) else {
                        throw SWXRuntimeError.notFound("no entry with this match")
                    }
                    try table.modify(entryID: existing, actionID: actionID, actionData: data)
                    undo?.append { try? table.modify(entryID: old.id, actionID: old.actionID, actionData: old.actionData) }
                case .delete:
                    var id = existing
                    if id == 0 { id = try table.entryID(key: match.key, mask: match.mask, priority: nil) ?? 0 }
                    guard id != 0, let old = table.entry(id) else {
                        throw SWXRuntimeError.notFound("no entry with this match")
                    }
                    let hit = table.lastHit(ofEntry: id) ?? 0
                    try table.delete(entryID: id)
                    undo?.append {
                        let id = try? table.add(key: old.key, mask: old.mask, priority: old.priority,
                                                actionID: old.actionID, actionData: old.actionData)
                        if let id { table.setLastHit(ofEntry: id, hit) }
                    }
                }
            } else {
                throw SWXRuntimeError.invalidArgument("the table has no key")
            }
        } catch {
            throw SWXPipelineError(error, context: "")
        }
    }
}

extension EngineRuntime {
    /// Writes `data` zero-padded to `size` bytes.
    static func setData(_ data: [UInt8], at p: UnsafeMutableRawPointer, size: Int) {
        p.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        data.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: min(data.count, size)) } }
    }
}
