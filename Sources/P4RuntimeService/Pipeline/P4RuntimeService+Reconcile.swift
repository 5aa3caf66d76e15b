import P4Device
import P4Model

extension P4RuntimeService {
    /// RECONCILE_AND_COMMIT: realises `installed` while keeping forwarding state. Every entity of the current
    /// store is re-validated against the new P4Info as an insert (members, groups, entries with their direct
    /// counter values and meter configs, default entries, value sets, digests, replication entries); if any cannot
    /// be held, INVALID_ARGUMENT names it and nothing changes. Indirect meter configs are read from the device and
    /// replayed too; indexed counter and register cells are kept by the device where the object is unchanged.
    func reconcileAndCommit(_ installed: InstalledPipeline, on slot: DeviceSlot) throws(P4RuntimeError) {
        guard installed.capabilities.reconcileAndCommit else {
            throw .unimplemented("RECONCILE_AND_COMMIT is not supported by the \(installed.capabilities.targetName) device")
        }
        try slot.state.withLock { state throws(P4RuntimeError) in
            var updates: [(Update, String)] = []
            if let old = state.store {
                let volatileSource = state.saved == nil ? state.committed?.device : nil
                updates = try reconcileUpdates(from: old, device: volatileSource)
            }
            let recording = RecordingTransaction()
            var writer = BatchWriter(store: ControlPlaneStore(schema: installed.schema),
                                     capabilities: installed.capabilities, transaction: recording,
                                     now: clock.monotonicNanoseconds())
            for (index, (update, what)) in updates.enumerated() {
                if let error = writer.apply(update, index: index) {
                    throw .invalidArgument(
                        "RECONCILE_AND_COMMIT: the new pipeline cannot hold \(what): \(error.message)")
                }
            }
            try installed.device.commit(installed.pipeline, mode: .reconcile)
            attachEvents(slot, to: installed.device, replacing: state.committed?.device)
            let transaction = try installed.device.beginTransaction(atomicity: .continueOnError)
            var firstFailure: P4RuntimeError?
            for operation in recording.operations {
                if let error = transaction.apply(operation), firstFailure == nil { firstFailure = error }
            }
            try transaction.commit()
            state.committed = installed
            state.saved = nil
            state.replayLog = []
            state.store = writer.store
            if let firstFailure {
                throw firstFailure.prefixed("RECONCILE_AND_COMMIT: the device refused part of the kept state")
            }
        }
        let digests = slot.state.withLock { $0.store?.digests ?? [:] }
        syncDigestBuffers(digests, on: slot)
    }

    /// The current state as INSERT (and, for default entries and value sets, MODIFY) updates in dependency order,
    /// each with a description for error messages.
    private func reconcileUpdates(from store: ControlPlaneStore, device: (any P4Device)?) throws(P4RuntimeError)
        -> [(Update, String)]
    {
        var updates: [(Update, String)] = []
        func add(_ type: UpdateType, _ kind: Entity.Kind, _ what: String) {
            updates.append((Update(type: type, entity: Entity(kind)), what))
        }
        for profileId in store.schema.actionProfileOrder {
            guard let profile = store.profiles[profileId] else { continue }
            for id in profile.members.keys.sorted() {
                if let record = profile.members[id] {
                    add(.insert, .actionProfileMember(record.member), "member \(id) of action profile \(profileId)")
                }
            }
            for id in profile.groups.keys.sorted() {
                if let record = profile.groups[id] {
                    add(.insert, .actionProfileGroup(record.group), "group \(id) of action profile \(profileId)")
                }
            }
        }
        for (position, table) in store.schema.tables.enumerated() {
            let tableStore = store.tables[position]
            var failure: P4RuntimeError?
            tableStore.forEach { handle, stored in
                var entry = stored.entry
                do throws(P4RuntimeError) {
                    if let device {
                        if table.directCounterId != nil { entry.counterData = try device.readDirectCounter(table.id, handle) }
                        if table.directMeterId != nil { entry.meterConfig = try device.readDirectMeter(table.id, handle)?.config }
                    }
                } catch {
                    failure = error
                    return false
                }
                add(.insert, .tableEntry(entry), "an entry of table \(table.label)")
                return true
            }
            if let failure { throw failure }
            if let defaultEntry = tableStore.defaultEntry {
                add(.modify, .tableEntry(defaultEntry), "the default entry of table \(table.label)")
            }
        }
        if let device {
            // Indirect meter configs live in the device, not the store: carry every configured cell.
            for meter in store.schema.meters {
                var configured: [(Int64, MeterConfig)] = []
                try device.readMeter(meter.id, index: nil) { index, cell in
                    if let config = cell.config { configured.append((index, config)) }
                    return true
                }
                for (index, config) in configured {
                    add(.modify, .meterEntry(MeterEntry(meterId: meter.id, index: Index(index), config: config)),
                        "cell \(index) of meter \(meter.label)")
                }
            }
        }
        for id in store.valueSets.keys.sorted() {
            add(.modify, .valueSetEntry(ValueSetEntry(valueSetId: id, members: store.valueSets[id] ?? [])),
                "the members of value set \(id)")
        }
        for id in store.digests.keys.sorted() {
            add(.insert, .digestEntry(DigestEntry(digestId: id, config: store.digests[id])), "digest \(id)")
        }
        for id in store.multicastGroups.keys.sorted() {
            if let group = store.multicastGroups[id] {
                add(.insert, .packetReplicationEngineEntry(PacketReplicationEngineEntry(.multicastGroupEntry(group))),
                    "multicast group \(id)")
            }
        }
        for id in store.cloneSessions.keys.sorted() {
            if let session = store.cloneSessions[id] {
                add(.insert, .packetReplicationEngineEntry(PacketReplicationEngineEntry(.cloneSessionEntry(session))),
                    "clone session \(id)")
            }
        }
        return updates
    }
}
