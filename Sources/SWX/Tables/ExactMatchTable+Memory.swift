extension ExactMatchTable {
    /// Bytes this table holds: the entry records (`capacity` of them), their free-list links and the slot index
    /// (with its record copies when records are inlined).
    public var memoryFootprint: Int {
        capacity * (recordStride + 4) + (slotMask + 1) * (8 + inlineStride)
    }
}
