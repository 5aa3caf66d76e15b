import P4Device
import P4Model
import SWX

/// A P4Info direct meter bound to the metarray p4c-dpdk emits for it: one trTCM meter per table entry id
/// (`entryid`), size `table size + 1` (cell 0 belongs to the miss/default entry, never to a P4Runtime entry).
struct DirectMeterBinding: Sendable {
    /// The P4Info direct meter.
    var id: DirectMeterID
    /// The metarray's name.
    var metarray: String
    /// True when the table is a learner: the data plane picks its entry ids, so the control plane cannot
    /// address their meters (configuring one answers UNIMPLEMENTED).
    var isLearner: Bool
}

extension PipelineBinding {
    /// Binds the direct meter of `table` (nil when the table has none): the metarray context.json's `externs[]`
    /// names, else the P4 instance name's last component plus `_0` (p4c-dpdk's rule).
    ///
    /// - Throws: INVALID_ARGUMENT naming the meter and the metarray when the spec has no such metarray or when the
    ///   metarray is too small for the table's entry ids (`capacity + 1` cells).
    static func bindDirectMeter(_ table: TableSchema, schema: PipelineSchema, program: SpecProgram,
                                names: ContextNames?, capacity: Int, target: SpecTableTarget)
        throws(P4RuntimeError) -> DirectMeterBinding?
    {
        guard let id = table.directMeterId, let meter = schema.directMeters[id] else { return nil }
        let context = "direct meter \(meter.name) (id \(id.rawValue)) of table \(table.label)"
        let name = names?.externNames[meter.name] ?? ContextNames.lastComponent(meter.name) + "_0"
        guard let index = program.meterArrayIndex(named: name) else {
            throw .invalidArgument("\(context): the spec has no metarray '\(name)'")
        }
        let array = program.meterArrays[index]
        guard array.size >= capacity + 1 else {
            throw .invalidArgument("\(context): metarray '\(name)' (line \(array.line)) has \(array.size) meters, "
                + "fewer than the \(capacity + 1) the table's entry ids need (size \(capacity) + 1)")
        }
        return DirectMeterBinding(id: id, metarray: name, isLearner: { if case .learner = target { true } else { false } }())
    }
}
