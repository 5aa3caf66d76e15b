import Synchronization

/// Request counts and latency histograms of the HTTP API, labelled by route pattern (never by raw path, so the
/// label set stays bounded), method and status.
public final class APIMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    public static let bucketBounds: [Double] = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                0.25, 0.5, 1, 2.5, 5, 10]

    private struct Key: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int
        static func < (a: Key, b: Key) -> Bool {
            (a.route, a.method, a.status) < (b.route, b.method, b.status)
        }
    }

    private struct Series {
        var count: UInt64 = 0
        var sum: Double = 0
        var buckets = [UInt64](repeating: 0, count: APIMetrics.bucketBounds.count)
    }

    private let series = Mutex<[Key: Series]>([:])

    /// Creates an empty registry.
    public init() {}

    /// Records one answered request.
    public func record(route: String, method: String, status: Int, seconds: Double) {
        let key = Key(route: route, method: method, status: status)
        let bucket = Self.bucketBounds.firstIndex(where: { seconds <= $0 })
        // Mutated in place: a copied-out `Series` would copy its bucket array on every request.
        series.withLock { all in
            all[key, default: Series()].count &+= 1
            all[key, default: Series()].sum += seconds
            if let bucket { all[key, default: Series()].buckets[bucket] &+= 1 }
        }
    }

    /// Writes `p4rtd_http_requests_total` and `p4rtd_http_request_duration_seconds` in a stable order.
    public func write(to writer: inout PrometheusWriter) {
        let snapshot = series.withLock { $0 }.sorted { $0.key < $1.key }
        writer.family("p4rtd_http_requests_total", type: "counter", help: "HTTP API requests answered, by route pattern, method and status.")
        for (key, value) in snapshot {
            writer.sample("p4rtd_http_requests_total", labels(key), value.count)
        }
        writer.family("p4rtd_http_request_duration_seconds", type: "histogram", help: "Time from a complete request to its answer being queued.")
        var byRoute: [(route: String, method: String, series: Series)] = []
        for (key, value) in snapshot {
            if let last = byRoute.last, last.route == key.route, last.method == key.method {
                var merged = last.series
                merged.count &+= value.count
                merged.sum += value.sum
                for index in merged.buckets.indices { merged.buckets[index] &+= value.buckets[index] }
                byRoute[byRoute.count - 1].series = merged
            } else {
                byRoute.append((key.route, key.method, value))
            }
        }
        for entry in byRoute {
            let base = [("route", entry.route), ("method", entry.method)]
            var cumulative: UInt64 = 0
            for (index, bound) in Self.bucketBounds.enumerated() {
                cumulative &+= entry.series.buckets[index]
                writer.sample("p4rtd_http_request_duration_seconds_bucket", base + [("le", PrometheusWriter.format(bound))], cumulative)
            }
            writer.sample("p4rtd_http_request_duration_seconds_bucket", base + [("le", "+Inf")], entry.series.count)
            writer.sample("p4rtd_http_request_duration_seconds_sum", base, entry.series.sum)
            writer.sample("p4rtd_http_request_duration_seconds_count", base, entry.series.count)
        }
    }

    private func labels(_ key: Key) -> [(String, String)] {
        [("route", key.route), ("method", key.method), ("status", String(key.status))]
    }
}
