extension ExactMatchTable {
    /// Bytes this table holds: the entry records (`capacity` of them), their free-list links and the slot index.
    public var memoryFootprint: Int {
        capacity * (recordStride + 4) + (slotMask + 1) * 8
    }
}
