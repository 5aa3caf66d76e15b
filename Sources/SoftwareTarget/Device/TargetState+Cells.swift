import P4Device
import P4Model
import SWX

// Direct counters, meters and regarray cells.
extension TargetState {
    // MARK: Direct counters

    func entryIDs(_ table: TableBinding, _ matches: [SpecEntryMatch], engine: SWXPipeline) throws(P4RuntimeError)
        -> [UInt32]
    {
        var ids: [UInt32] = []
        for match in matches {
            do {
                guard let id = try engine.entryID(ofTable: table.specName, match: match) else {
                    throw P4RuntimeError.internal("table \(table.schema.label): an installed entry has no engine id")
                }
                ids.append(id)
            } catch let error as SWXPipelineError {
                throw SoftwareTargetDevice.mapped(error, context: "table \(table.schema.label)")
            } catch let error as P4RuntimeError {
                throw error
            } catch {
                throw .internal("\(error)")
            }
        }
        return ids
    }

    /// Sets an entry's direct counter: `data` in the cell of its first engine entry, zero in the others (an
    /// expanded range has several); a read sums them.
    func setDirectCounter(_ table: TableBinding, _ ids: [UInt32], _ data: CounterData, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        guard let counter = table.directCounter else { return }
        for (position, id) in ids.enumerated() {
            let cell = UInt64(id)..<UInt64(id) + 1
            if let name = counter.packets {
                try writeCells(name, cell, value: position == 0 ? UInt64(clamping: data.packetCount) : 0, steps: &steps)
            }
            if let name = counter.bytes {
                try writeCells(name, cell, value: position == 0 ? UInt64(clamping: data.byteCount) : 0, steps: &steps)
            }
        }
    }

    // MARK: Meters

    /// The engine profile for `config` (created on first use; DPDK meters are byte-based, so rates and bursts are
    /// passed as given: bytes for BYTES meters, and for PACKETS meters whatever unit the program's length operand
    /// makes them).
    static func meterProfile(_ config: MeterConfig, engine: SWXPipeline) throws(P4RuntimeError) -> String {
        let name = "p4rt-\(config.cir)-\(config.cburst)-\(config.pir)-\(config.pburst)"
        let parameters = MeterProfileParameters(
            cir: UInt64(clamping: config.cir), pir: UInt64(clamping: max(config.pir, config.cir)),
            cbs: UInt64(clamping: config.cburst), pbs: UInt64(clamping: max(config.pburst, config.cburst)))
        do { try engine.addMeterProfile(name, parameters: parameters) } catch {
            guard error.code == .alreadyExists else { throw SoftwareTargetDevice.mapped(error, context: "meter profile") }
        }
        return name
    }

    /// The configs of `cells` of an indirect meter (nil: none set).
    static func configs(of cells: Range<UInt64>, in meter: MeterCells?) -> [MeterConfig?] {
        guard let meter else { return cells.map { _ in nil } }
        return cells.map { meter[Int64($0)] }
    }

    func setMeter(_ name: String, _ cells: Range<UInt64>, config: MeterConfig?, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        guard !cells.isEmpty else { return }
        let engine = steps.engine
        do {
            let profile = try config.map { config throws(P4RuntimeError) in try Self.meterProfile(config, engine: engine) }
            try Self.applyMeter(name, cells.lowerBound...(cells.upperBound - 1), profile: profile, engine: engine)
        } catch let error as SWXPipelineError {
            throw SoftwareTargetDevice.mapped(error, context: "metarray \(name)")
        } catch let error as P4RuntimeError {
            throw error
        } catch {
            throw .internal("\(error)")
        }
    }

    /// Gives `cells` of metarray `name` the meter profile `profile`, or resets them (always green) when it is nil.
    static func applyMeter(_ name: String, _ cells: ClosedRange<UInt64>, profile: String?, engine: SWXPipeline)
        throws(SWXPipelineError)
    {
        if let profile {
            try engine.setMeterProfile(name, indices: cells, profile: profile)
        } else {
            for cell in cells { try engine.resetMeter(name, index: cell) }
        }
    }

    // MARK: Cells

    static func indices(_ index: Int64?, size: Int64, what: String) throws(P4RuntimeError) -> Range<UInt64> {
        guard let index else { return 0..<UInt64(max(size, 0)) }
        guard index >= 0 else { throw .invalidArgument("\(what): index \(index) is negative") }
        guard index < size else { throw .outOfRange("\(what): index \(index) is beyond its size \(size)") }
        return UInt64(index)..<UInt64(index) + 1
    }

    func writeCells(_ name: String, _ cells: Range<UInt64>, value: UInt64, steps: inout EngineSteps)
        throws(P4RuntimeError)
    {
        let engine = steps.engine
        let indices = Array(cells)
        do {
            let old = try engine.writeRegisters(name, indices: indices, values: Array(repeating: value, count: indices.count))
            steps.record { _ = try? engine.writeRegisters(name, indices: indices, values: old) }
        } catch {
            throw SoftwareTargetDevice.mapped(error, context: "regarray \(name)")
        }
    }
}
