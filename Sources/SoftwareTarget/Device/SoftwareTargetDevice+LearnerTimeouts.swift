import P4Device
import P4Model
import SWX

extension SoftwareTargetDevice {
    /// The expire-time profiles of a learner-bound table: the engine learner's `timeout` list (seconds per profile
    /// id), as the spec declared it or as last set.
    public func learnerTimeouts(_ table: TableID) throws(P4RuntimeError) -> [UInt32] {
        try exclusive { () throws(P4RuntimeError) -> [UInt32] in
            let (engine, learner) = try learnerBinding(table)
            do throws(SWXPipelineError) { return try engine.learnerTimeouts(learner) } catch { throw Self.mapped(error, context: "table \(table)") }
        }
    }

    /// Sets expire-time profiles of a learner-bound table: every change is checked first (profile id in range,
    /// at least 1 second), then all are applied under the device lock, so a burst sees either none or all of them.
    /// Entries already armed keep their expiry; the profiles return to the spec's values when a pipeline is set.
    public func setLearnerTimeouts(_ table: TableID, _ changes: [LearnerTimeoutChange]) throws(P4RuntimeError) {
        try exclusive { () throws(P4RuntimeError) in
            let (engine, learner) = try learnerBinding(table)
            let count: Int
            do throws(SWXPipelineError) { count = try engine.learnerTimeouts(learner).count } catch {
                throw Self.mapped(error, context: "table \(table)")
            }
            for (position, change) in changes.enumerated() {
                guard (0..<count).contains(change.profile) else {
                    throw .invalidArgument("timeouts[\(position)].profile: \(change.profile) is not a profile of table "
                        + "\(table) (it has profiles 0 to \(count - 1))")
                }
                guard change.seconds > 0 else {
                    throw .invalidArgument("timeouts[\(position)].seconds: profile \(change.profile) cannot expire after 0 seconds")
                }
            }
            for change in changes {
                do throws(SWXPipelineError) { try engine.setLearnerTimeout(learner, timeoutID: change.profile, seconds: change.seconds) } catch {
                    throw Self.mapped(error, context: "table \(table)")
                }
            }
        }
    }

    /// The running engine and the learner `table` binds to; call with the device lock held.
    private func learnerBinding(_ table: TableID) throws(P4RuntimeError) -> (SWXPipeline, String) {
        let active = try requireActive()
        guard let binding = active.pipeline.binding.tables[table] else {
            throw .notFound("table \(table) is not in the pipeline")
        }
        guard case .learner = binding.target else {
            throw .invalidArgument("table \(table) (\(binding.specName)) is not an add-on-miss table: it has no expire-time profiles")
        }
        return (active.engine, binding.specName)
    }
}
