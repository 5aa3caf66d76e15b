extension Learner {
    /// Bytes this learner holds: its buckets and their occupancy bits, every home record (counted in full,
    /// although the kernel backs only the pages that hold some), and the pool records up to the highest one ever
    /// used (the rest of the pool is reserved address space that no page backs until a record is taken from it).
    public var memoryFootprint: Int {
        bucketCount * Learner.bucketStride + occupiedWords * 8 + Int(pool.pointee.highWater) * recordStride
            + 16 * 8
    }

    /// The number of entries live at `now` (a full scan of the buckets: for the control plane and benchmarks).
    public func liveCount(now: UInt64) -> Int {
        var n = 0
        forEachOccupiedBucket { bi in
            let b = bucket(bi)
            for i in 0..<Learner.keysPerBucket where expiry(b, i) > now {
                n += 1
            }
        }
        return n
    }
}
