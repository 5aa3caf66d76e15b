import P4Device
import P4Model
import SWX

extension TargetState {
    /// Applies one validated operation to the engine (through `steps`, which records inverses) and to these maps.
    /// On a throw the caller undoes `steps` and restores the dense id pools (`pools`): every map (`entries`, `idle`,
    /// `meters`, profile members and groups, `controllerLearnerKeys`) is changed only after the last step that can
    /// throw, or put back before the throw; the caller relies on it to avoid copying the maps per operation.
    mutating func apply(_ operation: DeviceOperation, binding: PipelineBinding, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        switch operation {
        case .insertEntry(let table, let handle, let entry):
            let tableBinding = try bound(table, binding)
            let matches = try tableBinding.specMatches(entry)
            if case .learner = tableBinding.target {
                try Self.refuseLearnerMeter(tableBinding, entry.meterConfig)
                let action = try directAction(tableBinding, entry.action)
                try insertLearned(tableBinding, key: matches[0].key, action: action, entry: entry, steps: &steps)
                entries[table, default: InstalledTable()][handle] =
                    Installed(matches: matches, action: action, oneShot: nil)
                return
            }
            let (action, oneShot) = try entryAction(tableBinding, entry.action, binding: binding, steps: &steps)
            for match in matches {
                try steps.table(tableBinding.specName, .insert, SpecTableEntry(match: match, action: action),
                                inverse: (.delete, SpecTableEntry(match: match, action: nil)),
                                context: "table \(tableBinding.schema.label)")
            }
            var installed = Installed(matches: matches, action: action, oneShot: oneShot)
            if tableBinding.directCounter != nil || tableBinding.directMeter != nil || tracksHits(table) {
                installed.ids = try entryIDs(tableBinding, matches, engine: steps.engine)
                try setDirectCounter(tableBinding, installed.ids, entry.counterData ?? CounterData(), steps: &steps)
                try configureDirectMeter(tableBinding, &installed, entry.meterConfig, fresh: true, steps: &steps)
            }
            idle[table]?.set(handle, ids: installed.ids)
            entries[table, default: InstalledTable()][handle] = installed
        case .modifyEntry(let table, let handle, let entry):
            let tableBinding = try bound(table, binding)
            guard let installed = entries[table]?[handle] else {
                throw .notFound("table \(tableBinding.schema.label): no entry with handle \(handle)")
            }
            if case .learner = tableBinding.target {
                try Self.refuseLearnerMeter(tableBinding, entry.meterConfig)
                let action = try directAction(tableBinding, entry.action)
                let key = installed.matches[0].key
                try deleteLearned(tableBinding, key: key, action: installed.action, steps: &steps)
                do { try insertLearned(tableBinding, key: key, action: action, entry: entry, steps: &steps) } catch {
                    controllerLearnerKeys[table, default: []].insert(key)
                    throw error
                }
                entries[table]?[handle]?.action = action
                return
            }
            let (action, oneShot) = try entryAction(tableBinding, entry.action, binding: binding, steps: &steps)
            for match in installed.matches {
                try steps.table(tableBinding.specName, .modify, SpecTableEntry(match: match, action: action),
                                inverse: (.modify, SpecTableEntry(match: match, action: installed.action)),
                                context: "table \(tableBinding.schema.label)")
            }
            if let old = installed.oneShot { try release(old, tableBinding, binding: binding, steps: &steps) }
            if let data = entry.counterData {
                try setDirectCounter(tableBinding, installed.ids, data, steps: &steps)
            }
            try reconfigureDirectMeter(table, handle, tableBinding, entry.meterConfig,
                                       resetCounters: entry.meterCounterData != nil, steps: &steps)
            entries[table]?[handle]?.action = action
            entries[table]?[handle]?.oneShot = oneShot
        case .deleteEntry(let table, let handle, _):
            let tableBinding = try bound(table, binding)
            guard let installed = entries[table]?[handle] else {
                throw .notFound("table \(tableBinding.schema.label): no entry with handle \(handle)")
            }
            if case .learner = tableBinding.target {
                try deleteLearned(tableBinding, key: installed.matches[0].key, action: installed.action,
                                  steps: &steps)
            } else {
                for match in installed.matches {
                    try steps.table(tableBinding.specName, .delete, SpecTableEntry(match: match, action: nil),
                                    inverse: (.insert, SpecTableEntry(match: match, action: installed.action)),
                                    context: "table \(tableBinding.schema.label)")
                }
                if let old = installed.oneShot { try release(old, tableBinding, binding: binding, steps: &steps) }
                try setDirectCounter(tableBinding, installed.ids, CounterData(), steps: &steps)
                var released = installed
                try configureDirectMeter(tableBinding, &released, nil, fresh: false, steps: &steps)
            }
            idle[table]?.remove(handle)
            entries[table]?[handle] = nil
        case .deleteDataPlaneEntry(let table, let entry):
            // An entry the data plane learned by itself (the controller never wrote it): delete it by key.
            let tableBinding = try bound(table, binding)
            guard case .learner = tableBinding.target else {
                throw .invalidArgument("table \(tableBinding.schema.label) is not managed by the data plane")
            }
            let key = try tableBinding.specMatches(entry)[0].key
            let live = (try? steps.engine.learnerEntry(tableBinding.specName, key: key)) ?? nil
            guard let live else { throw .notFound("table \(tableBinding.schema.label): no learned entry with this key") }
            try deleteLearned(tableBinding, key: key, action: live.action, steps: &steps)
            steps.reportRemoved(TableEntry(tableId: table, match: tableBinding.exactMatch(fromKey: key)))
        case .setDefaultEntry(let table, let entry):
            try setDefault(try bound(table, binding), entry, steps: &steps)
        case .insertMember(let member):
            try insertMember(member, binding: binding, steps: &steps)
        case .modifyMember(let member):
            let profile = try boundProfile(member.actionProfileId, binding)
            guard let current = profiles[member.actionProfileId]?.members[member.memberId] else {
                throw .notFound("action profile \(profile.schema.label): member \(member.memberId) does not exist")
            }
            let action = try memberAction(profile, member.action)
            let old = try memberAction(profile, current.action)
            try steps.table(profile.memberTableName, .modify,
                            SpecTableEntry(match: memberKey(profile, current.dense), action: action),
                            inverse: (.modify, SpecTableEntry(match: memberKey(profile, current.dense), action: old)),
                            context: "action profile \(profile.schema.label)")
            profiles[member.actionProfileId]?.members[member.memberId]?.action = member.action ?? current.action
        case .deleteMember(let profileId, let memberId):
            let profile = try boundProfile(profileId, binding)
            guard let current = profiles[profileId]?.members[memberId] else {
                throw .notFound("action profile \(profile.schema.label): member \(memberId) does not exist")
            }
            let old = try memberAction(profile, current.action)
            try steps.table(profile.memberTableName, .delete,
                            SpecTableEntry(match: memberKey(profile, current.dense), action: nil),
                            inverse: (.insert, SpecTableEntry(match: memberKey(profile, current.dense), action: old)),
                            context: "action profile \(profile.schema.label)")
            profiles[profileId]?.members[memberId] = nil
            profiles[profileId]?.memberPool.give(current.dense)
        case .insertGroup(let group):
            let profile = try boundProfile(group.actionProfileId, binding)
            guard profiles[group.actionProfileId]?.groups[group.groupId] == nil else {
                throw .alreadyExists("action profile \(profile.schema.label): group \(group.groupId) already exists")
            }
            guard let dense = profiles[group.actionProfileId]?.groupPool.take() else {
                throw .resourceExhausted("action profile \(profile.schema.label): all \(profile.groupIdLimit) "
                    + "selector groups (n_groups_max) are in use")
            }
            try setGroup(profile, dense: dense, members: try selectorMembers(profile, group), steps: &steps)
            profiles[group.actionProfileId]?.groups[group.groupId] = dense
        case .modifyGroup(let group):
            let profile = try boundProfile(group.actionProfileId, binding)
            guard let dense = profiles[group.actionProfileId]?.groups[group.groupId] else {
                throw .notFound("action profile \(profile.schema.label): group \(group.groupId) does not exist")
            }
            try setGroup(profile, dense: dense, members: try selectorMembers(profile, group), steps: &steps)
        case .deleteGroup(let profileId, let groupId):
            let profile = try boundProfile(profileId, binding)
            guard let dense = profiles[profileId]?.groups[groupId] else {
                throw .notFound("action profile \(profile.schema.label): group \(groupId) does not exist")
            }
            try setGroup(profile, dense: dense, members: [], steps: &steps)
            profiles[profileId]?.groups[groupId] = nil
            profiles[profileId]?.groupPool.give(dense)
        case .writeCounter(let id, let index, let data):
            guard let counter = binding.externs.counters[id] else { throw .notFound("counter \(id) is not bound") }
            let cells = try Self.indices(index, size: counter.size, what: "counter \(id)")
            if let name = counter.packets {
                try writeCells(name, cells, value: UInt64(clamping: data.packetCount), steps: &steps)
            }
            if let name = counter.bytes {
                try writeCells(name, cells, value: UInt64(clamping: data.byteCount), steps: &steps)
            }
        case .writeDirectCounter(let table, let handle, let data):
            let tableBinding = try bound(table, binding)
            guard let installed = entries[table]?[handle] else {
                throw .notFound("table \(tableBinding.schema.label): no entry with handle \(handle)")
            }
            guard tableBinding.directCounter != nil else {
                throw .unimplemented("table \(tableBinding.schema.label): the spec has no regarray for its direct counter")
            }
            try setDirectCounter(tableBinding, installed.ids, data, steps: &steps)
        case .writeMeter(let id, let index, let config, _):
            guard let meter = binding.externs.meters[id] else { throw .notFound("meter \(id) is not bound") }
            let cells = try Self.indices(index, size: meter.size, what: "meter \(id)")
            // The old configs of the written cells only: a copy of the map would make the change below copy it.
            let previous = Self.configs(of: cells, in: meters[id])
            try setMeter(meter.name, cells, config: config, steps: &steps)
            if let index {
                meters[id, default: MeterCells()].cells[index] = .some(config)
            } else {
                meters[id] = MeterCells(fill: config)
            }
            let engine = steps.engine
            let name = meter.name
            steps.record {
                // Restores the cells' previous profiles (a reset for cells that had none).
                for (cell, old) in zip(cells, previous) {
                    let profile = old.flatMap { try? Self.meterProfile($0, engine: engine) }
                    try? Self.applyMeter(name, cell...cell, profile: profile, engine: engine)
                }
            }
        case .writeDirectMeter(let table, let handle, let config, let resetCounters):
            let tableBinding = try bound(table, binding)
            guard entries[table]?[handle] != nil else {
                throw .notFound("table \(tableBinding.schema.label): no entry with handle \(handle)")
            }
            guard tableBinding.directMeter != nil else {
                throw .invalidArgument("table \(tableBinding.schema.label) has no direct meter")
            }
            try reconfigureDirectMeter(table, handle, tableBinding, config, resetCounters: resetCounters,
                                       steps: &steps)
        case .writeRegister(let id, let index, let data):
            guard let register = binding.externs.registers[id] else { throw .notFound("register \(id) is not bound") }
            let cells = try Self.indices(index, size: register.size, what: "register \(id)")
            let value: UInt64
            switch data.kind {
            case .bitstring(let bytes)?: value = bytes.suffix(8).reduce(0) { $0 << 8 | UInt64($1) }
            case .bool(let flag)?: value = flag ? 1 : 0
            default: throw .invalidArgument("register \(id): only bitstring or bool data fits a regarray")
            }
            try writeCells(register.name, cells, value: value, steps: &steps)
        default:
            throw .unimplemented("\(operation.kindName): not supported by the software target")
        }
    }

    // MARK: Tables

    func bound(_ table: TableID, _ binding: PipelineBinding) throws(P4RuntimeError) -> TableBinding {
        guard let tableBinding = binding.tables[table] else { throw .notFound("table \(table) is not in the pipeline") }
        return tableBinding
    }

    func directAction(_ table: TableBinding, _ action: TableAction?) throws(P4RuntimeError) -> SpecEntryAction {
        guard case .action(let direct)? = action?.kind else {
            throw .invalidArgument("table \(table.schema.label): entries need a direct action")
        }
        guard let actionBinding = table.actions[direct.actionId] else {
            throw .invalidArgument("table \(table.schema.label): action \(direct.actionId) is not bound to the spec")
        }
        return actionBinding.entryAction(direct)
    }

    /// The spec action for a table entry's action, creating the hidden group of a one-shot action set.
    mutating func entryAction(_ table: TableBinding, _ action: TableAction?, binding: PipelineBinding,
                              steps: inout EngineSteps) throws(P4RuntimeError) -> (SpecEntryAction, OneShot?) {
        func idAction(_ pair: (action: Int, placement: FieldPlacement)?, _ id: UInt32, what: String)
            throws(P4RuntimeError) -> SpecEntryAction
        {
            guard let pair else { throw .invalidArgument("table \(table.schema.label) takes no \(what)") }
            var data = [UInt8](repeating: 0, count: pair.placement.offset + pair.placement.byteWidth)
            let big = (0..<4).map { UInt8(truncatingIfNeeded: id >> (8 * (3 - $0))) }
            pair.placement.write(WideValue.widen(big, to: pair.placement.byteWidth), into: &data)
            return SpecEntryAction(actionIndex: pair.action, actionData: data)
        }
        switch action?.kind {
        case .action?:
            return (try directAction(table, action), nil)
        case .actionProfileMemberId(let member)?:
            guard let profileId = table.schema.actionProfileId,
                  let dense = profiles[profileId]?.members[member]?.dense else {
                throw .notFound("table \(table.schema.label): action profile member \(member) does not exist")
            }
            return (try idAction(table.setMemberAction, dense, what: "member ids"), nil)
        case .actionProfileGroupId(let group)?:
            guard let profileId = table.schema.actionProfileId,
                  let dense = profiles[profileId]?.groups[group] else {
                throw .notFound("table \(table.schema.label): action profile group \(group) does not exist")
            }
            return (try idAction(table.setGroupAction, dense, what: "group ids"), nil)
        case .actionProfileActionSet(let set)?:
            guard let profileId = table.schema.actionProfileId, let profile = binding.profiles[profileId] else {
                throw .invalidArgument("table \(table.schema.label) has no action profile for a one-shot action set")
            }
            var oneShot = OneShot(group: nil, members: [])
            for (position, profileAction) in set.actionProfileActions.enumerated() {
                guard let dense = profiles[profileId]?.memberPool.take() else {
                    throw .resourceExhausted("action profile \(profile.schema.label): no member id left for "
                        + "one-shot action \(position)")
                }
                let specAction = try memberAction(profile, profileAction.action)
                try steps.table(profile.memberTableName, .insert,
                                SpecTableEntry(match: memberKey(profile, dense), action: specAction),
                                inverse: (.delete, SpecTableEntry(match: memberKey(profile, dense), action: nil)),
                                context: "action profile \(profile.schema.label) (one-shot)")
                oneShot.members.append((dense, specAction))
            }
            if profile.selector == nil {
                guard oneShot.members.count == 1 else {
                    throw .invalidArgument("table \(table.schema.label): an action profile without selector takes "
                        + "exactly one one-shot action")
                }
                return (try idAction(table.setMemberAction, oneShot.members[0].dense, what: "member ids"), oneShot)
            }
            guard let group = profiles[profileId]?.groupPool.take() else {
                throw .resourceExhausted("action profile \(profile.schema.label): all \(profile.groupIdLimit) "
                    + "selector groups (n_groups_max) are in use")
            }
            oneShot.group = group
            let members = zip(oneShot.members, set.actionProfileActions).map {
                SelectorMember(memberID: $0.dense, weight: UInt32(max(1, $1.weight)))
            }
            try setGroup(profile, dense: group, members: members, steps: &steps)
            return (try idAction(table.setGroupAction, group, what: "group ids"), oneShot)
        default:
            throw .invalidArgument("table \(table.schema.label): the entry has no action")
        }
    }

    /// Removes the hidden group and members of a one-shot action set.
    mutating func release(_ oneShot: OneShot, _ table: TableBinding, binding: PipelineBinding,
                          steps: inout EngineSteps) throws(P4RuntimeError) {
        guard let profileId = table.schema.actionProfileId, let profile = binding.profiles[profileId] else { return }
        if let group = oneShot.group {
            try setGroup(profile, dense: group, members: [], steps: &steps)
            profiles[profileId]?.groupPool.give(group)
        }
        for member in oneShot.members {
            try steps.table(profile.memberTableName, .delete,
                            SpecTableEntry(match: memberKey(profile, member.dense), action: nil),
                            inverse: (.insert, SpecTableEntry(match: memberKey(profile, member.dense),
                                                               action: member.action)),
                            context: "action profile \(profile.schema.label) (one-shot)")
            profiles[profileId]?.memberPool.give(member.dense)
        }
    }

    func setDefault(_ table: TableBinding, _ entry: TableEntry, steps: inout EngineSteps) throws(P4RuntimeError) {
        let engine = steps.engine
        let program = engine.program
        switch table.target {
        case .table(let index):
            let spec = program.tables[index].defaultAction
            let initial = SpecEntryAction(actionIndex: spec.actionIndex, actionData: spec.actionData)
            let action = entry.action == nil ? initial : try directAction(table, entry.action)
            let old: SpecEntryAction
            do { old = try engine.defaultEntry(ofTable: table.specName) } catch {
                throw SoftwareTargetDevice.mapped(error, context: "table \(table.schema.label)")
            }
            if spec.isConst {
                guard action == old else {
                    throw .permissionDenied("table \(table.schema.label): the default action is const in the spec")
                }
                return
            }
            do {
                try engine.stageDefault(table: table.specName, action: action)
                try engine.commit()
            } catch {
                engine.abort()
                throw SoftwareTargetDevice.mapped(error, context: "table \(table.schema.label) default entry")
            }
            let name = table.specName
            steps.record {
                try? engine.stageDefault(table: name, action: old)
                try? engine.commit()
            }
        case .learner(let index):
            let spec = program.learners[index].defaultAction
            let action = entry.action == nil
                ? SpecEntryAction(actionIndex: spec.actionIndex, actionData: spec.actionData)
                : try directAction(table, entry.action)
            if spec.isConst {
                guard action.actionIndex == spec.actionIndex && action.actionData == spec.actionData else {
                    throw .permissionDenied("table \(table.schema.label): the default action is const in the spec")
                }
                return
            }
            do { try engine.setLearnerDefault(table.specName, action: action) } catch {
                throw SoftwareTargetDevice.mapped(error, context: "table \(table.schema.label) default entry")
            }
        }
    }

    // MARK: Learners

    mutating func insertLearned(_ table: TableBinding, key: [UInt8], action: SpecEntryAction, entry: TableEntry,
                                steps: inout EngineSteps) throws(P4RuntimeError) {
        let engine = steps.engine
        guard case .learner(let index) = table.target else { return }
        let timeouts = engine.program.learners[index].timeouts
        // The profile whose timeout first covers the requested idle timeout; the longest one otherwise.
        let seconds = UInt64(max(entry.idleTimeoutNs, 0) / 1_000_000_000)
        let profile = timeouts.indices.first { UInt64(timeouts[$0]) >= seconds && entry.idleTimeoutNs > 0 }
            ?? timeouts.indices.max { timeouts[$0] < timeouts[$1] } ?? 0
        do { try engine.addLearnerEntry(table.specName, key: key, action: action, timeoutID: UInt32(profile)) } catch {
            throw SoftwareTargetDevice.mapped(error, context: "table \(table.schema.label) (learner)")
        }
        let name = table.specName
        steps.record { try? engine.deleteLearnerEntry(name, key: key) }
        controllerLearnerKeys[table.schema.id, default: []].insert(key)
    }

    mutating func deleteLearned(_ table: TableBinding, key: [UInt8], action: SpecEntryAction,
                                steps: inout EngineSteps) throws(P4RuntimeError) {
        let engine = steps.engine
        // The live entry's profile, so an undo re-adds it as it was (nil: already expired, nothing to undo).
        let live = (try? engine.learnerEntry(table.specName, key: key)) ?? nil
        do { try engine.deleteLearnerEntry(table.specName, key: key) } catch {
            // An entry the data plane already expired is gone, which is what the delete asks for.
            guard error.code == .notFound else {
                throw SoftwareTargetDevice.mapped(error, context: "table \(table.schema.label) (learner)")
            }
        }
        if let live {
            let name = table.specName
            steps.record {
                _ = try? engine.addLearnerEntry(name, key: key, action: action, timeoutID: UInt32(live.timeoutID))
            }
        }
        controllerLearnerKeys[table.schema.id]?.remove(key)
    }
}
