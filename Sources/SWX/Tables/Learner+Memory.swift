extension Learner {
    /// Bytes this learner holds: its blocks (buckets with their home records, counted in full although the kernel
    /// backs only the pages touched) and their occupancy bits, and the pool records up to the highest one ever used
    /// (the rest of the pool is reserved address space that no page backs until a record is taken from it).
    public var memoryFootprint: Int {
        bucketBytes + occupiedWords * 8 + Int(pool.pointee.highWater &- homeCount) * recordStride + 16 * 8
    }

    /// Bytes of the bucket array with the home records inside it: what a lookup reads from.
    public var bucketBytes: Int { bucketCount << blockShift }

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
