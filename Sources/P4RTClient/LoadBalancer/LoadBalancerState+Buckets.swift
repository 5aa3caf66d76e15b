extension LoadBalancerState {
    /// The buckets of a service balancing over `endpoints`, given the buckets it has now (`current`, nil for a new
    /// service).
    ///
    /// Contract: `endpoints` are sorted and distinct; only the first `bucketCount` are used, and none leaves every
    /// bucket nil. Otherwise the result has `bucketCount` elements, all set, and each endpoint holds ⌊B/n⌋ or ⌈B/n⌉.
    /// - A new service (or one with no bucket of a current endpoint) gets bucket i → `endpoints[i % n]`.
    /// - A changed one keeps every bucket whose endpoint stays, up to that endpoint's share; only the others move:
    ///   removing one endpoint of 10 rewrites its ~6-7 buckets (plus the one the new ⌈64/9⌉ share takes), adding
    ///   one rewrites only the ~B/(n+1) buckets the newcomer takes. The endpoints that get the ⌈B/n⌉ shares are
    ///   those holding the most buckets now (ties: sorted order), so the result of an unchanged input is `current`
    ///   itself: re-applying writes nothing.
    public static func fillBuckets(current: [BackendValue?]?, endpoints all: [BackendValue]) -> [BackendValue?] {
        let endpoints = Array(all.prefix(bucketCount))
        let n = endpoints.count
        guard n > 0 else { return [BackendValue?](repeating: nil, count: bucketCount) }
        let index = Dictionary(endpoints.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: min)
        var held = [Int](repeating: 0, count: n)
        if let current {
            for case let backend? in current { if let i = index[backend] { held[i] += 1 } }
        }
        guard let current, current.count == bucketCount, held.contains(where: { $0 > 0 }) else {
            return (0..<bucketCount).map { endpoints[$0 % n] }
        }
        // Shares: ⌊B/n⌋ each, the B mod n extra buckets to the endpoints holding the most now.
        var share = [Int](repeating: bucketCount / n, count: n)
        let byHolding = (0..<n).sorted { held[$0] != held[$1] ? held[$0] > held[$1] : $0 < $1 }
        for i in byHolding.prefix(bucketCount % n) { share[i] += 1 }
        var result = [BackendValue?](repeating: nil, count: bucketCount)
        var kept = [Int](repeating: 0, count: n)
        for bucket in 0..<bucketCount {
            guard let backend = current[bucket], let i = index[backend], kept[i] < share[i] else { continue }
            result[bucket] = backend
            kept[i] += 1
        }
        // Free buckets, in order, go to the endpoints short of their share, in sorted order.
        var next = 0
        for bucket in 0..<bucketCount where result[bucket] == nil {
            while next < n && kept[next] >= share[next] { next += 1 }
            guard next < n else { break }
            result[bucket] = endpoints[next]
            kept[next] += 1
        }
        return result
    }
}
