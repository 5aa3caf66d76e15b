extension SWXPipeline {
    /// The id (`entryid` value) of the live entry of regular table `table` with this match, or nil when absent.
    /// Exact tables look up `match.key`; wildcard tables the exact key, mask and priority.
    public func entryID(ofTable table: String, match: SpecEntryMatch) throws(SWXPipelineError) -> UInt32? {
        let t = try tableIndex(table)
        return try lock.withLock { _ throws(SWXPipelineError) -> UInt32? in
            do throws(SWXRuntimeError) {
                if let exact = runtime.exactTables[t] {
                    let id = try exact.entryID(key: match.key)
                    return id == 0 ? nil : id
                }
                if let wildcard = runtime.wildcardTables[t] {
                    return try wildcard.entryID(key: match.key, mask: match.mask, priority: match.priority)
                }
                return nil
            } catch {
                throw SWXPipelineError(error, context: "table \(table)")
            }
        }
    }
}
