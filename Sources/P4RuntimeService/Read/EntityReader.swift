import P4Device
import P4Model

/// Expands the entities of one Read request (wildcards included, P4Runtime §13.2 and §9) into results streamed to
/// a callback.
struct EntityReader {
    let view: ReadView
    let clock: any Clock
    let body: (Entity) -> Bool
    /// Set once `body` returned false.
    private(set) var stopped = false

    init(view: ReadView, clock: any Clock, body: @escaping (Entity) -> Bool) {
        self.view = view
        self.clock = clock
        self.body = body
    }

    var schema: PipelineSchema { view.schema }

    /// Streams one result; throws CANCELLED (and sets `stopped`) when the receiver wants no more.
    mutating func emit(_ kind: Entity.Kind) throws(P4RuntimeError) {
        if !body(Entity(kind)) {
            stopped = true
            throw .init(.cancelled, "read cancelled by the receiver")
        }
    }

    /// Reads everything `entity` designates.
    mutating func read(_ entity: Entity, path: String) throws(P4RuntimeError) {
        let entityPath = "\(path).\(entity.jsonName ?? "")"
        switch entity.kind {
        case nil:
            throw .invalidArgument("\(path): no entity is set (an empty entity does not mean \"read everything\")")
        case .tableEntry(let entry)?:
            try require(.tableEntry, "table entries", path: entityPath)
            try readTableEntries(entry, path: entityPath)
        case .actionProfileMember(let member)?:
            try require(.actionProfileMemberAndGroup, "action profile members", path: entityPath)
            try readMembers(member, path: entityPath)
        case .actionProfileGroup(let group)?:
            try require(.actionProfileMemberAndGroup, "action profile groups", path: entityPath)
            try readGroups(group, path: entityPath)
        case .counterEntry(let counter)?:
            try require(.counterEntry, "counter entries", path: entityPath)
            try readCounters(counter, path: entityPath)
        case .directCounterEntry(let counter)?:
            try require(.directCounterEntry, "direct counter entries", path: entityPath)
            try readDirectCounters(counter, path: entityPath)
        case .meterEntry(let meter)?:
            try require(.meterEntry, "meter entries", path: entityPath)
            try readMeters(meter, path: entityPath)
        case .directMeterEntry(let meter)?:
            try require(.directMeterEntry, "direct meter entries", path: entityPath)
            try readDirectMeters(meter, path: entityPath)
        case .registerEntry(let register)?:
            try require(.registerEntry, "register entries", path: entityPath)
            try readRegisters(register, path: entityPath)
        case .valueSetEntry(let valueSet)?:
            try require(.valueSetEntry, "value set entries", path: entityPath)
            try readValueSets(valueSet, path: entityPath)
        case .digestEntry(let digest)?:
            try require(.digestEntry, "digest entries", path: entityPath)
            try readDigests(digest, path: entityPath)
        case .packetReplicationEngineEntry(let entry)?:
            try require(.packetReplicationEngineEntry, "packet replication engine entries", path: entityPath)
            try readReplication(entry, path: entityPath)
        case .externEntry(let extern)?:
            throw .unimplemented("\(entityPath): extern type \(extern.externTypeId) entries are not supported by this device")
        }
    }

    func require(_ kind: DeviceCapabilities.EntityKinds, _ what: String, path: String) throws(P4RuntimeError) {
        if !view.capabilities.entities.contains(kind) {
            throw .unimplemented("\(path): \(what) are not supported by the \(view.capabilities.targetName) device")
        }
    }

    /// FAILED_PRECONDITION while a saved pipeline awaits COMMIT (the device does not run it yet).
    func requireRunningPipeline(_ what: String, path: String) throws(P4RuntimeError) {
        if view.isSaved {
            throw .failedPrecondition(
                "\(path): \(what) are unavailable while a pipeline saved by VERIFY_AND_SAVE awaits COMMIT")
        }
    }

    func resolveTable(_ id: TableID, path: String) throws(P4RuntimeError) -> (Int, TableSchema) {
        guard let position = schema.tablePosition(id) else {
            throw .invalidArgument("\(path).tableId: \(id) is not a table of the pipeline")
        }
        return (position, schema.tables[position])
    }

    func checkIndex(_ index: Index?, size: Int64, owner: String, path: String) throws(P4RuntimeError) -> Int64? {
        guard let index else { return nil }
        if index.index < 0 { throw .invalidArgument("\(path).index.index: \(index.index) is negative") }
        if index.index >= size {
            throw .outOfRange("\(path).index.index: \(index.index) is out of range for \(owner) of size \(size)")
        }
        return index.index
    }
}
