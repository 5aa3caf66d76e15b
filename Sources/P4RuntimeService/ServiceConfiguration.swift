/// Tunables of a `P4RuntimeService`.
public struct ServiceConfiguration: Sendable, Hashable {
    /// Events a stream session holds before dropping (and counting) new ones.
    public var sessionQueueCapacity: Int
    /// Most stream sessions open at once; more answer RESOURCE_EXHAUSTED.
    public var maxSessions: Int
    /// The vendor error space put in `p4.v1.Error.space` of per-update errors; empty to omit it.
    public var errorSpace: String

    /// Creates a configuration (defaults: 4096 events per session, 1024 sessions, no error space).
    public init(sessionQueueCapacity: Int = 4096, maxSessions: Int = 1024, errorSpace: String = "") {
        self.sessionQueueCapacity = sessionQueueCapacity
        self.maxSessions = maxSessions
        self.errorSpace = errorSpace
    }
}
