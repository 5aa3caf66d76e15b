import P4Device
import P4Model
import SWX

// Direct meters: one metarray cell per engine entry id of a P4Runtime entry (an expanded range has several, all
// configured alike). The config lives in `Installed.meterConfig`; the engine keeps the buckets and per-colour stats.
extension TargetState {
    /// Gives every engine entry of `installed` the meter `config` (nil: the default, always green), recording
    /// the inverse. `fresh` is true for a new entry, whose cells may hold a deleted entry's state and are always
    /// (re)set; otherwise cells change only when the config does.
    func configureDirectMeter(_ table: TableBinding, _ installed: inout Installed, _ config: MeterConfig?,
                              fresh: Bool, resetCounters: Bool = false, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        guard let meter = table.directMeter else { return }
        if meter.isLearner {
            try Self.refuseLearnerMeter(table, config)
            return
        }
        let old = installed.meterConfig
        guard fresh || resetCounters || old != config else { return }
        let engine = steps.engine
        let name = meter.metarray
        let context = "table \(table.schema.label) direct meter"
        // pir and pburst below cir and cburst are raised to them (meterProfile), so only these two must be set.
        if let config, let zero = [("cir", config.cir), ("cburst", config.cburst)].first(where: { $0.1 <= 0 }) {
            throw .invalidArgument("\(context): \(zero.0) 0: the target's trTCM meters (rte_meter) need a positive "
                + "committed rate and burst")
        }
        do {
            let profile = try config.map { config throws(P4RuntimeError) in try Self.meterProfile(config, engine: engine) }
            for id in installed.ids { try Self.applyMeter(name, UInt64(id)...UInt64(id), profile: profile, engine: engine) }
        } catch let error as SWXPipelineError {
            throw SoftwareTargetDevice.mapped(error, context: context)
        } catch let error as P4RuntimeError {
            throw P4RuntimeError(code: error.code, message: "\(context): \(error.message)")
        } catch {
            throw .internal("\(context): \(error)")
        }
        let ids = installed.ids
        steps.record {
            // Restores the previous configs (the buckets and per-colour counts restart, as on any meter set).
            let profile = old.flatMap { try? Self.meterProfile($0, engine: engine) }
            for id in ids { try? Self.applyMeter(name, UInt64(id)...UInt64(id), profile: profile, engine: engine) }
        }
        installed.meterConfig = config
    }

    /// `configureDirectMeter` for the stored entry with `handle` (a MODIFY of the entry or a DirectMeterEntry).
    mutating func reconfigureDirectMeter(_ table: TableID, _ handle: EntryHandle, _ tableBinding: TableBinding,
                                         _ config: MeterConfig?, resetCounters: Bool, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        guard tableBinding.directMeter != nil, var installed = entries[table]?[handle] else { return }
        try configureDirectMeter(tableBinding, &installed, config, fresh: false, resetCounters: resetCounters,
                                 steps: &steps)
        entries[table]?[handle]?.meterConfig = installed.meterConfig
    }

    /// Learner entries get their ids from the data plane, so their direct meters cannot be configured.
    static func refuseLearnerMeter(_ table: TableBinding, _ config: MeterConfig?) throws(P4RuntimeError) {
        guard config != nil, table.directMeter != nil else { return }
        throw .unimplemented("table \(table.schema.label): direct meters of learner (add-on-miss) entries cannot "
            + "be configured (the data plane assigns their entry ids)")
    }
}
