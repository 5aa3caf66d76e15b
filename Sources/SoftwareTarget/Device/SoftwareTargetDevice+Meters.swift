import P4Device
import P4Model
import SWX

extension SoftwareTargetDevice {
    /// An entry's direct meter: the config last written (nil = default, all green) and the per-colour packet and
    /// byte counts the engine kept since that config was set, summed over the entry's engine entries (an expanded
    /// range has several). Nil for a stale handle.
    ///
    /// - Throws: INVALID_ARGUMENT when the table has no direct meter; UNIMPLEMENTED for a learner table.
    public func readDirectMeter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> MeterCellState? {
        let (active, installed) = try exclusive { () throws(P4RuntimeError) in
            let active = try requireActive()
            return (active, active.state.entries[table]?[handle])
        }
        guard let tableBinding = active.pipeline.binding.tables[table] else {
            throw .notFound("table \(table) is not in the pipeline")
        }
        guard let meter = tableBinding.directMeter else {
            throw .invalidArgument("table \(tableBinding.schema.label) has no direct meter")
        }
        guard let installed else { return nil }
        if meter.isLearner {
            throw .unimplemented("table \(tableBinding.schema.label): direct meters of learner (add-on-miss) entries "
                + "are not readable (the data plane assigns their entry ids)")
        }
        var stats = MeterStats()
        for id in installed.ids {
            let cell = try Self.meterStatistics(active.engine, meter.metarray, UInt64(id),
                                                context: "table \(tableBinding.schema.label) direct meter")
            for colour in 0..<3 {
                stats.packets[colour] &+= cell.packets[colour]
                stats.bytes[colour] &+= cell.bytes[colour]
            }
        }
        return MeterCellState(config: installed.meterConfig, counters: Self.counterData(stats))
    }

    /// Reads indirect meter cells: the config last written (nil = default, all green) and the cell's per-colour
    /// packet and byte counts since that config was set.
    public func readMeter(_ id: MeterID, index: Int64?, _ body: (Int64, MeterCellState) -> Bool)
        throws(P4RuntimeError) {
        let (active, cells) = try exclusive { () throws(P4RuntimeError) in
            let active = try requireActive()
            return (active, active.state.meters[id] ?? TargetState.MeterCells())
        }
        guard let meter = active.pipeline.binding.externs.meters[id] else {
            throw .notFound("meter \(id) is not in the pipeline")
        }
        for cell in try TargetState.indices(index, size: meter.size, what: "meter \(id)") {
            let stats = try Self.meterStatistics(active.engine, meter.name, cell, context: "meter \(id)")
            let state = MeterCellState(config: cells[Int64(cell)], counters: Self.counterData(stats))
            if !body(Int64(cell), state) { return }
        }
    }

    static func meterStatistics(_ engine: SWXPipeline, _ metarray: String, _ index: UInt64, context: String)
        throws(P4RuntimeError) -> MeterStats
    {
        do { return try engine.meterStatistics(metarray, index: index) } catch {
            throw mapped(error, context: context)
        }
    }

    /// The engine's per-colour stats as P4Runtime's `MeterCounterData`.
    static func counterData(_ stats: MeterStats) -> MeterCounterData {
        func colour(_ index: Int) -> CounterData {
            CounterData(byteCount: Int64(clamping: stats.bytes[index]), packetCount: Int64(clamping: stats.packets[index]))
        }
        return MeterCounterData(green: colour(Int(MeterColor.green.rawValue)),
                                yellow: colour(Int(MeterColor.yellow.rawValue)),
                                red: colour(Int(MeterColor.red.rawValue)))
    }
}
