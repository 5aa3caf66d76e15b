/// The memory one table or learner holds, from its real allocations (see `docs/software-target.md`, "Memory").
public struct SWXMemoryFootprint: Sendable, Hashable {
    /// Bytes held: every allocation of the object, except a learner's entry records, which count only up to the
    /// highest record ever used (the rest of their reservation is address space the kernel never backs).
    public var bytes: Int
    /// Key size in bytes.
    public var keySize: Int
    /// Action data size in bytes (the object's largest action).
    public var actionDataSize: Int
    /// The `.spec` `size` of the object.
    public var capacity: Int
    /// Live entries (for a learner: entries not yet expired at the pipeline clock's current time).
    public var entries: Int
}

extension SWXPipeline {
    /// The memory held by exact or wildcard table `table`. Throws `notFound` for an unknown name and
    /// `invalidArgument` for a key-less (stub) table.
    public func memoryFootprint(ofTable table: String) throws(SWXPipelineError) -> SWXMemoryFootprint {
        let t = try tableIndex(table)
        return try lock.withLock { _ throws(SWXPipelineError) in
            if let e = runtime.exactTables[t] {
                return SWXMemoryFootprint(bytes: e.memoryFootprint, keySize: e.keySize, actionDataSize: e.actionDataSize,
                                          capacity: e.capacity, entries: e.count)
            }
            if let w = runtime.wildcardTables[t] {
                return SWXMemoryFootprint(bytes: w.memoryFootprint, keySize: w.keySize, actionDataSize: w.actionDataSize,
                                          capacity: w.capacity, entries: w.count)
            }
            throw SWXPipelineError(.invalidArgument, "table \(table) has no key: it holds no entries")
        }
    }

    /// The memory held by learner `learner`. Throws `notFound` for an unknown name.
    public func memoryFootprint(ofLearner learner: String) throws(SWXPipelineError) -> SWXMemoryFootprint {
        let l = try learnerIndex(learner)
        let now = clock.nanoseconds()
        return lock.withLock { _ in
            let object = runtime.learners[l]
            return SWXMemoryFootprint(bytes: object.memoryFootprint, keySize: object.keySize,
                                      actionDataSize: object.actionDataSize, capacity: object.size,
                                      entries: object.liveCount(now: now))
        }
    }
}
