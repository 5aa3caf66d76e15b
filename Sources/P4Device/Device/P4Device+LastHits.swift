import P4Model

extension P4Device {
    /// `lastHit` per handle (0 for nil): right for devices with few entries or none that are ever hit.
    public func lastHits(_ table: TableID, _ handles: UnsafeBufferPointer<EntryHandle>,
                         into lastHits: UnsafeMutableBufferPointer<UInt64>) {
        for i in 0..<min(handles.count, lastHits.count) { lastHits[i] = lastHit(table, handles[i]) ?? 0 }
    }
}
