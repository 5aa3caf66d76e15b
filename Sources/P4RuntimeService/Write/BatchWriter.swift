import P4Device
import P4Model

/// Applies the updates of one Write batch, in order, to the control-plane store and the device transaction.
///
/// Each update is validated completely against the schema and the current state before its device operation is
/// applied; a failed update (invalid, or refused by the device) changes neither the store nor the device.
struct BatchWriter {
    let schema: PipelineSchema
    let capabilities: DeviceCapabilities
    let transaction: any DeviceTransaction
    let now: UInt64
    /// Tables whose entries the data plane also adds (deletes of entries not in the store go to the device).
    let dataPlaneManagedTables: Set<TableID>
    var store: ControlPlaneStore
    /// True once a DigestEntry write succeeded (digest buffers then follow `store.digests`).
    var digestsChanged = false

    init(store: ControlPlaneStore, capabilities: DeviceCapabilities, transaction: any DeviceTransaction, now: UInt64,
         dataPlaneManagedTables: Set<TableID> = []) {
        self.schema = store.schema
        self.dataPlaneManagedTables = dataPlaneManagedTables
        self.store = store
        self.capabilities = capabilities
        self.transaction = transaction
        self.now = now
    }

    /// Applies update `index`; nil on success.
    mutating func apply(_ update: Update, index: Int) -> P4RuntimeError? {
        func path() -> String { "updates[\(index)]" }
        do throws(P4RuntimeError) {
            switch update.type {
            case .insert, .modify, .delete: break
            case .unspecified:
                throw P4RuntimeError.invalidArgument("\(path()).type: the update type is not set (INSERT, MODIFY or DELETE)")
            case .unrecognized(let value):
                throw P4RuntimeError.invalidArgument("\(path()).type: \(value) is not an update type")
            }
            guard update.entity != nil else {
                throw P4RuntimeError.invalidArgument("\(path()).entity: the entity is missing")
            }
            // Each case names its oneof member: reading `update.entity?.jsonName` here would copy the whole entity
            // for every update, and the path is needed only for an error message.
            func entityPath(_ member: String) -> String { "updates[\(index)].entity.\(member)" }
            switch update.entity?.kind {
            case nil:
                throw P4RuntimeError.invalidArgument("\(path()).entity: no entity is set")
            case .tableEntry(let entry)?:
                try require(.tableEntry, "table entries", path: entityPath("tableEntry"))
                try writeTableEntry(entry, update.type, path: entityPath("tableEntry"))
            case .actionProfileMember(let member)?:
                try require(.actionProfileMemberAndGroup, "action profile member programming", path: entityPath("actionProfileMember"))
                try writeMember(member, update.type, path: entityPath("actionProfileMember"))
            case .actionProfileGroup(let group)?:
                try require(.actionProfileMemberAndGroup, "action profile group programming", path: entityPath("actionProfileGroup"))
                try writeGroup(group, update.type, path: entityPath("actionProfileGroup"))
            case .counterEntry(let counter)?:
                try require(.counterEntry, "counter entries", path: entityPath("counterEntry"))
                try writeCounter(counter, update.type, path: entityPath("counterEntry"))
            case .directCounterEntry(let counter)?:
                try require(.directCounterEntry, "direct counter entries", path: entityPath("directCounterEntry"))
                try writeDirectCounter(counter, update.type, path: entityPath("directCounterEntry"))
            case .meterEntry(let meter)?:
                try require(.meterEntry, "meter entries", path: entityPath("meterEntry"))
                try writeMeter(meter, update.type, path: entityPath("meterEntry"))
            case .directMeterEntry(let meter)?:
                try require(.directMeterEntry, "direct meter entries", path: entityPath("directMeterEntry"))
                try writeDirectMeter(meter, update.type, path: entityPath("directMeterEntry"))
            case .registerEntry(let register)?:
                try require(.registerEntry, "register entries", path: entityPath("registerEntry"))
                try writeRegister(register, update.type, path: entityPath("registerEntry"))
            case .valueSetEntry(let valueSet)?:
                try require(.valueSetEntry, "value set entries", path: entityPath("valueSetEntry"))
                try writeValueSet(valueSet, update.type, path: entityPath("valueSetEntry"))
            case .digestEntry(let digest)?:
                try require(.digestEntry, "digest entries", path: entityPath("digestEntry"))
                try writeDigest(digest, update.type, path: entityPath("digestEntry"))
            case .packetReplicationEngineEntry(let entry)?:
                try require(.packetReplicationEngineEntry, "packet replication engine entries", path: entityPath("packetReplicationEngineEntry"))
                try writeReplication(entry, update.type, path: entityPath("packetReplicationEngineEntry"))
            case .externEntry(let extern)?:
                throw P4RuntimeError.unimplemented(
                    "\(entityPath("externEntry")): extern type \(extern.externTypeId) entries are not supported by this device")
            }
            return nil
        } catch {
            return error
        }
    }

    /// UNIMPLEMENTED unless the device supports `kind`.
    func require(_ kind: DeviceCapabilities.EntityKinds, _ what: String, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if !capabilities.entities.contains(kind) {
            throw .unimplemented("\(path()): \(what) are not supported by the \(capabilities.targetName) device")
        }
    }

    /// Applies `operation` to the device; its error is reported for the update at `path`.
    func device(_ operation: DeviceOperation, path: @autoclosure () -> String) throws(P4RuntimeError) {
        if let error = transaction.apply(operation) { throw error.prefixed(path()) }
    }
}
