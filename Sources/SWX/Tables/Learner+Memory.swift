extension Learner {
    /// Bytes this learner holds: its buckets.
    public var memoryFootprint: Int { bucketCount * bucketStride }

    /// The number of entries live at `now` (a full scan of the buckets: for the control plane and benchmarks).
    public func liveCount(now: UInt64) -> Int {
        var n = 0
        for bi in 0..<bucketCount {
            let b = bucket(bi)
            for i in 0..<Learner.keysPerBucket where b.load(fromByteOffset: Learner.expireOffset + 8 * i, as: UInt64.self) > now {
                n += 1
            }
        }
        return n
    }
}
