/// Something besides the API that adds metric families to `GET /metrics` (the software target's tables,
/// learners and ports). Called once per scrape; it must be cheap and never block on the packet path for long.
public protocol MetricsContributor: Sendable {
    /// Writes whole metric families (HELP, TYPE, samples) to `writer`.
    func writeMetrics(to writer: inout PrometheusWriter)
}
