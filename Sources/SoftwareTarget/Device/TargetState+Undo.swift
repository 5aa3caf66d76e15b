import P4Device
import P4Model
import SWX

extension TargetState {
    /// The parts of the maps one operation may change, as they were before it ran. A rolled-back batch restores each
    /// operation's record, newest first. Keeping a copy of the whole state instead made the batch's first change
    /// copy every map: 160 ms for a one-update ROLLBACK_ON_ERROR batch on a node holding 650,000 entries.
    struct UndoRecord {
        /// A batch of inserts (the common large batch) keeps 24 bytes per operation, not the whole record.
        fileprivate enum Storage {
            /// An insert where the slot was empty, outside learners, action profiles and idle tracking.
            case newEntry(table: TableID, handle: EntryHandle)
            indirect case changes(Changes)
        }

        fileprivate struct Changes {
            var entry: (table: TableID, handle: EntryHandle, installed: Installed?, idleIDs: [UInt32], idleSlots: Int)?
            var learnerKey: (table: TableID, key: [UInt8], written: Bool)?
            var pools: (profile: ActionProfileID, members: DensePool, groups: DensePool)?
            var member: (profile: ActionProfileID, id: ActionProfileMemberID, value: (dense: UInt32, action: Action)?)?
            var group: (profile: ActionProfileID, id: ActionProfileGroupID, dense: UInt32?)?
            var meter: (id: MeterID, cells: MeterCells?)?
            var meterCell: (id: MeterID, index: Int64, config: MeterConfig??)?
        }

        fileprivate var storage: Storage
    }

    /// What `apply(operation)` may change, captured before it runs (see `UndoRecord`). Each case names exactly the
    /// keys its branch of `apply` writes; counters, registers and engine tables are undone by the engine steps.
    func undoRecord(for operation: DeviceOperation, binding: PipelineBinding) -> UndoRecord {
        if case .insertEntry(let table, let handle, _) = operation, idle[table] == nil,
           entries[table]?[handle] == nil, let tableBinding = binding.tables[table],
           tableBinding.schema.actionProfileId == nil, !tableBinding.isLearner {
            return UndoRecord(storage: .newEntry(table: table, handle: handle))
        }
        var record = UndoRecord.Changes()
        func installed(_ table: TableID, _ handle: EntryHandle) {
            record.entry = (table, handle, entries[table]?[handle], idle[table]?.ids(handle) ?? [], idle[table]?.words.count ?? 0)
        }
        func entry(_ table: TableID, _ handle: EntryHandle) {
            installed(table, handle)
            guard let tableBinding = binding.tables[table] else { return }
            if let profile = tableBinding.schema.actionProfileId { record.pools = pools(profile) }
        }
        func learnerKey(_ table: TableID, _ key: [UInt8]?) {
            guard let key else { return }
            record.learnerKey = (table, key, controllerLearnerKeys[table]?.contains(key) ?? false)
        }
        func isLearner(_ table: TableID) -> Bool { binding.tables[table]?.isLearner ?? false }
        switch operation {
        case .insertEntry(let table, let handle, let written):
            entry(table, handle)
            if isLearner(table) { learnerKey(table, (try? binding.tables[table]?.specMatches(written))?.first?.key) }
        case .modifyEntry(let table, let handle, _), .deleteEntry(let table, let handle, _):
            entry(table, handle)
            if isLearner(table) { learnerKey(table, entries[table]?[handle]?.matches.first?.key) }
        case .deleteDataPlaneEntry(let table, let written):
            learnerKey(table, (try? binding.tables[table]?.specMatches(written))?.first?.key)
        case .writeDirectCounter(let table, let handle, _), .writeDirectMeter(let table, let handle, _, _):
            installed(table, handle)
        case .insertMember(let member), .modifyMember(let member):
            record.member = (member.actionProfileId, member.memberId, profiles[member.actionProfileId]?.members[member.memberId])
            record.pools = pools(member.actionProfileId)
        case .deleteMember(let profile, let id):
            record.member = (profile, id, profiles[profile]?.members[id])
            record.pools = pools(profile)
        case .insertGroup(let group), .modifyGroup(let group):
            record.group = (group.actionProfileId, group.groupId, profiles[group.actionProfileId]?.groups[group.groupId])
            record.pools = pools(group.actionProfileId)
        case .deleteGroup(let profile, let id):
            record.group = (profile, id, profiles[profile]?.groups[id])
            record.pools = pools(profile)
        case .writeMeter(let id, let index?, _, _):
            record.meterCell = (id, index, meters[id]?.cells[index])
            record.meter = meters[id] == nil ? (id, nil) : nil
        case .writeMeter(let id, nil, _, _):
            record.meter = (id, meters[id])
        case .setDefaultEntry, .writeCounter, .writeRegister, .setValueSet, .configureDigest, .multicastGroup,
             .cloneSession:
            break
        }
        return UndoRecord(storage: .changes(record))
    }

    /// Puts back what `record` captured.
    mutating func restore(_ undo: UndoRecord) {
        let record: UndoRecord.Changes
        switch undo.storage {
        case .newEntry(let table, let handle):
            entries[table]?[handle] = nil
            return
        case .changes(let changes):
            record = changes
        }
        if let (table, handle, installed, ids, slots) = record.entry {
            entries[table, default: InstalledTable()][handle] = installed
            if ids.isEmpty { idle[table]?.remove(handle) } else { idle[table]?.set(handle, ids: ids) }
            idle[table]?.shrink(toSlots: slots)
        }
        if let (table, key, written) = record.learnerKey {
            if written { controllerLearnerKeys[table, default: []].insert(key) } else { controllerLearnerKeys[table]?.remove(key) }
        }
        if let (profile, id, value) = record.member { profiles[profile]?.members[id] = value }
        if let (profile, id, dense) = record.group { profiles[profile]?.groups[id] = dense }
        if let (profile, members, groups) = record.pools {
            profiles[profile]?.memberPool = members
            profiles[profile]?.groupPool = groups
        }
        if let (id, index, config) = record.meterCell { meters[id]?.cells[index] = config }
        if let (id, cells) = record.meter { meters[id] = cells }
    }

    private func pools(_ profile: ActionProfileID) -> (profile: ActionProfileID, members: DensePool, groups: DensePool)? {
        profiles[profile].map { (profile, $0.memberPool, $0.groupPool) }
    }
}

extension TableBinding {
    /// Whether the table is an add-on-miss learner.
    var isLearner: Bool {
        if case .learner = target { return true }
        return false
    }
}
