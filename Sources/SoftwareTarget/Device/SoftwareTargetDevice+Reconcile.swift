import P4Model
import SWX

extension SoftwareTargetDevice {
    /// RECONCILE_AND_COMMIT keeps what the data plane learned: every live entry of a learner whose name, key size
    /// and entry action (by name, with the same data size) the new program still has is added to the new engine
    /// with its profile, re-armed at the reconcile (a kept connection gets a fresh timeout rather than an
    /// early expiry). Keys the controller wrote (`controllerKeys`, by spec learner name) are left to the
    /// service, which replays them. Entries the new learner cannot hold (full, or an action it no longer allows)
    /// are dropped, as a flow the data plane would learn again on its next packet.
    static func keepLearnedEntries(from old: SWXPipeline, into new: SWXPipeline, controllerKeys: [String: Set<[UInt8]>]) {
        // The new program's action for each old action index, matched by name once rather than per entry.
        var newIndexByName: [String: Int] = [:]
        for (index, action) in new.program.actions.enumerated() where newIndexByName[action.name] == nil {
            newIndexByName[action.name] = index
        }
        let translated = old.program.actions.map { newIndexByName[$0.name] }
        for learner in new.program.learners {
            // A learner the old program lacks answers NOT_FOUND; addLearnerEntry refuses keys, actions and
            // data sizes the new learner does not take.
            guard let records = try? old.learnerEntries(learner.name) else { continue }
            let written = controllerKeys[learner.name] ?? []
            for record in records where !written.contains(record.key) {
                guard let action = translated[record.action.actionIndex] else { continue }
                _ = try? new.addLearnerEntry(learner.name, key: record.key,
                                             action: SpecEntryAction(actionIndex: action, actionData: record.action.actionData),
                                             timeoutID: UInt32(record.timeoutID))
            }
        }
    }

    /// The controller-written learner keys of `state`, by the spec learner they live in.
    static func controllerLearnerKeys(_ state: TargetState, binding: PipelineBinding) -> [String: Set<[UInt8]>] {
        var keys: [String: Set<[UInt8]>] = [:]
        for (table, written) in state.controllerLearnerKeys {
            guard let name = binding.tables[table]?.specName else { continue }
            keys[name, default: []].formUnion(written)
        }
        return keys
    }
}
