import P4Model

extension InfoOnlyState {
    /// Applies one validated operation; nil on success. A failed operation changes nothing.
    mutating func apply(_ operation: DeviceOperation) -> P4RuntimeError? {
        let schema = pipeline.schema
        switch operation {
        case .insertEntry(let table, let handle, _):
            guard let position = schema.tablePosition(table) else { return .notFound("table \(table) is not in the pipeline") }
            let tableSchema = schema.tables[position]
            if tableSchema.size > 0 && Int64(tables[position].entryCount) >= tableSchema.size {
                return .resourceExhausted(
                    "table \(tableSchema.label) is full: it holds its P4Info size of \(tableSchema.size) entries")
            }
            // The entry is only needed (and only copied out of the operation) for tables with direct cells.
            if tableSchema.directCounterId != nil || tableSchema.directMeterId != nil,
               case .insertEntry(_, _, let entry) = operation {
                insertCell(position, handle, entry)
            }
            tables[position].entryCount += 1
            return nil
        case .modifyEntry(let table, let handle, let entry):
            guard let position = schema.tablePosition(table) else { return .notFound("table \(table) is not in the pipeline") }
            if !hasDirectCells(position) { return nil }
            guard let slot = liveSlot(position, handle) else {
                return .notFound("table \(table): no entry with handle \(handle)")
            }
            if let counter = entry.counterData { tables[position].cells[slot].counter = counter }
            tables[position].setMeter(slot, MeterCellState(
                config: entry.meterConfig,
                counters: entry.meterCounterData != nil ? Self.zeroColours : tables[position].meter(slot).counters))
            return nil
        case .deleteEntry(let table, let handle, _):
            guard let position = schema.tablePosition(table) else { return .notFound("table \(table) is not in the pipeline") }
            if hasDirectCells(position) {
                guard let slot = liveSlot(position, handle) else {
                    return .notFound("table \(table): no entry with handle \(handle)")
                }
                tables[position].cells[slot].live = false
                tables[position].meters[UInt32(slot)] = nil
            }
            tables[position].entryCount -= 1
            return nil
        case .deleteDataPlaneEntry(let table, _):
            return .notFound("table \(table): the P4Info-only device's data plane adds no entries")
        case .setDefaultEntry(let table, let entry):
            defaultEntries[table] = entry
            return nil
        case .insertMember(let member):
            guard let profile = schema.actionProfiles[member.actionProfileId] else {
                return .notFound("action profile \(member.actionProfileId) is not in the pipeline")
            }
            var state = profiles[member.actionProfileId] ?? ProfileState()
            if state.members[member.memberId] != nil {
                return .alreadyExists("action profile \(profile.label): member \(member.memberId) already exists")
            }
            if profile.size > 0 && Int64(state.members.count) >= profile.size {
                return .resourceExhausted(
                    "action profile \(profile.label) is full: it holds its P4Info size of \(profile.size) members")
            }
            state.members[member.memberId] = member
            profiles[member.actionProfileId] = state
            return nil
        case .modifyMember(let member):
            guard profiles[member.actionProfileId]?.members[member.memberId] != nil else {
                return .notFound("action profile \(member.actionProfileId): member \(member.memberId) does not exist")
            }
            profiles[member.actionProfileId]?.members[member.memberId] = member
            return nil
        case .deleteMember(let profile, let member):
            guard profiles[profile]?.members.removeValue(forKey: member) != nil else {
                return .notFound("action profile \(profile): member \(member) does not exist")
            }
            return nil
        case .insertGroup(let group):
            var state = profiles[group.actionProfileId] ?? ProfileState()
            if state.groups[group.groupId] != nil {
                return .alreadyExists("action profile \(group.actionProfileId): group \(group.groupId) already exists")
            }
            state.groups[group.groupId] = group
            profiles[group.actionProfileId] = state
            return nil
        case .modifyGroup(let group):
            guard profiles[group.actionProfileId]?.groups[group.groupId] != nil else {
                return .notFound("action profile \(group.actionProfileId): group \(group.groupId) does not exist")
            }
            profiles[group.actionProfileId]?.groups[group.groupId] = group
            return nil
        case .deleteGroup(let profile, let group):
            guard profiles[profile]?.groups.removeValue(forKey: group) != nil else {
                return .notFound("action profile \(profile): group \(group) does not exist")
            }
            return nil
        case .writeCounter(let id, let index, let data):
            guard let position = schema.counters.firstIndex(where: { $0.id == id }) else {
                return .notFound("counter \(id) is not in the pipeline")
            }
            if let index { counters[position][index] = data } else { counters[position].setAll(data) }
            return nil
        case .writeDirectCounter(let table, let handle, let data):
            guard let position = schema.tablePosition(table), let slot = liveSlot(position, handle) else {
                return .notFound("table \(table): no entry with handle \(handle)")
            }
            tables[position].cells[slot].counter = data
            return nil
        case .writeMeter(let id, let index, let config, let resetCounters):
            guard let position = schema.meters.firstIndex(where: { $0.id == id }) else {
                return .notFound("meter \(id) is not in the pipeline")
            }
            if let index {
                let old = meters[position][index]
                meters[position][index] = MeterCellState(config: config,
                                                         counters: resetCounters ? Self.zeroColours : old.counters)
            } else {
                meters[position].setAll(MeterCellState(config: config, counters: Self.zeroColours))
            }
            return nil
        case .writeDirectMeter(let table, let handle, let config, let resetCounters):
            guard let position = schema.tablePosition(table), let slot = liveSlot(position, handle) else {
                return .notFound("table \(table): no entry with handle \(handle)")
            }
            let old = tables[position].meter(slot)
            tables[position].setMeter(slot, MeterCellState(
                config: config, counters: resetCounters ? Self.zeroColours : old.counters))
            return nil
        case .writeRegister(let id, let index, let data):
            guard let position = schema.registers.firstIndex(where: { $0.id == id }) else {
                return .notFound("register \(id) is not in the pipeline")
            }
            if let index { registers[position][index] = data } else { registers[position].setAll(data) }
            return nil
        case .setValueSet(let id, let members):
            valueSets[id] = members
            return nil
        case .configureDigest(let id, let config):
            digests[id] = config
            return nil
        case .multicastGroup(let type, let entry):
            return applyKeyed(&multicastGroups, entry.multicastGroupId, entry, type, what: "multicast group")
        case .cloneSession(let type, let entry):
            return applyKeyed(&cloneSessions, entry.sessionId, entry, type, what: "clone session")
        }
    }

    /// Only tables with a direct counter or meter keep per-entry cells.
    private func hasDirectCells(_ position: Int) -> Bool {
        let table = pipeline.schema.tables[position]
        return table.directCounterId != nil || table.directMeterId != nil
    }

    private func liveSlot(_ position: Int, _ handle: EntryHandle) -> Int? {
        let slot = Int(handle.slot)
        let cells = tables[position].cells
        guard slot < cells.count, cells[slot].live, cells[slot].generation == handle.generation else { return nil }
        return slot
    }

    private mutating func insertCell(_ position: Int, _ handle: EntryHandle, _ entry: TableEntry) {
        let slot = Int(handle.slot)
        while tables[position].cells.count <= slot {
            tables[position].cells.append(
                DirectCell(generation: 0, live: false, counter: CounterData()))
        }
        tables[position].cells[slot] = DirectCell(
            generation: handle.generation, live: true, counter: entry.counterData ?? CounterData())
        tables[position].setMeter(slot, MeterCellState(config: entry.meterConfig, counters: Self.zeroColours))
    }

    private func applyKeyed<Key: Hashable, Value>(
        _ map: inout [Key: Value], _ key: Key, _ value: Value, _ type: UpdateType, what: String
    ) -> P4RuntimeError? {
        switch type {
        case .insert:
            if map[key] != nil { return .alreadyExists("\(what) \(key) already exists") }
            map[key] = value
        case .modify:
            if map[key] == nil { return .notFound("\(what) \(key) does not exist") }
            map[key] = value
        case .delete:
            if map.removeValue(forKey: key) == nil { return .notFound("\(what) \(key) does not exist") }
        case .unspecified, .unrecognized:
            return .invalidArgument("\(what): update type \(type.rawValue) is not INSERT, MODIFY or DELETE")
        }
        return nil
    }
}
