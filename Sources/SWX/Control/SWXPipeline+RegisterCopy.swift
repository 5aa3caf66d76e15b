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
