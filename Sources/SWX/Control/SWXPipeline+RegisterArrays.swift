extension SWXPipeline {
    /// Copies every cell of register array `name` of `other` into this pipeline's array of the same name, when
    /// both exist with the same size; returns whether it copied. One lock hold per pipeline instead of one per
    /// cell: RECONCILE_AND_COMMIT keeps arrays of millions of cells (direct counters of a 1M-flow learner).
    @discardableResult
    public func copyRegisterArray(_ name: String, from other: SWXPipeline) -> Bool {
        guard let mine = program.registerArrayIndex(named: name),
              let theirs = other.program.registerArrayIndex(named: name),
              program.registerArrays[mine].size == other.program.registerArrays[theirs].size else { return false }
        let cells: [UInt64] = other.lock.withLock { _ in
            let source = other.runtime.registers[theirs]
            return Array(UnsafeBufferPointer(start: source.cells, count: source.size))
        }
        lock.withLock { _ in
            let target = runtime.registers[mine]
            target.cells.update(from: cells, count: min(cells.count, target.size))
        }
        return true
    }
}

extension SWXPipeline {
    /// Cells `indices` of register array `name`, in order, under one lock hold (one name lookup for the whole
    /// read, where `readRegister` per cell pays both per cell). Throws like `readRegister` for an unknown array or
    /// an index beyond its size.
    public func readRegisters(_ name: String, indices: some Sequence<UInt64>) throws(SWXPipelineError) -> [UInt64] {
        let r = try registerIndex(name)
        return try lock.withLock { _ throws(SWXPipelineError) in try cells(r, indices, name) }
    }

    /// Cells `indices` of register array `r` (the lock held by the caller).
    private func cells(_ r: Int, _ indices: some Sequence<UInt64>, _ name: String) throws(SWXPipelineError) -> [UInt64] {
        let array = runtime.registers[r]
        var values: [UInt64] = []
        values.reserveCapacity(indices.underestimatedCount)
        do throws(SWXRuntimeError) {
            for index in indices { values.append(try array.value(at: index)) }
        } catch {
            throw SWXPipelineError(error, context: "regarray \(name)")
        }
        return values
    }

    /// Sets cells `indices` of register array `name` to `values` (same order and count) under one lock hold, and
    /// returns what they held before (for an undo). Nothing changes when an index is beyond the array's size.
    @discardableResult
    public func writeRegisters(_ name: String, indices: [UInt64], values: [UInt64]) throws(SWXPipelineError)
        -> [UInt64] {
        let r = try registerIndex(name)
        guard indices.count == values.count else {
            throw SWXPipelineError(.invalidArgument, "regarray \(name): \(indices.count) indices for \(values.count) values")
        }
        return try lock.withLock { _ throws(SWXPipelineError) in
            let old = try cells(r, indices, name)
            let array = runtime.registers[r]
            for (index, value) in zip(indices, values) { array.write(index, value) }
            return old
        }
    }
}
