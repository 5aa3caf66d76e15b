import P4Model

extension P4Device {
    /// Devices whose data-plane entries carry no counters read them as `readDataPlaneEntries(_:_:)` does.
    public func readDataPlaneEntries(_ table: TableID, counterData: Bool, _ body: (TableEntry) -> Bool)
        throws(P4RuntimeError) {
        try readDataPlaneEntries(table, body)
    }
}
