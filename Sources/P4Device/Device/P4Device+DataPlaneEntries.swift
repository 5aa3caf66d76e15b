import P4Model

extension P4Device {
    /// Devices whose data-plane entries carry no counters, and that cannot select them by action or key, read
    /// them as `readDataPlaneEntries(_:_:)` does.
    public func readDataPlaneEntries(_ table: TableID, counterData: Bool, action: Action?, match: [FieldMatch]?,
                                     _ body: (TableEntry) -> Bool) throws(P4RuntimeError) {
        try readDataPlaneEntries(table, body)
    }
}
