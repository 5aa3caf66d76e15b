extension WildcardTable {
    /// Bytes this table holds: entry records and their links, the group array and order, and each live group's
    /// mask and index.
    public var memoryFootprint: Int {
        var bytes = recordCapacity * (recordStride + 4)
        bytes += groupCapacity * (MemoryLayout<Group>.stride + 4)
        for g in 0..<groupSlots where groupLive[g] {
            bytes += keyStride + groups[g].index.slotCount * 8
        }
        return bytes
    }
}
