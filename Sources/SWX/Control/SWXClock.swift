#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The time source of a pipeline: learner expiry and meters read it once per burst. Nanoseconds on a
/// monotonic scale; tests inject `SWXManualClock` and advance it instead of sleeping.
public protocol SWXClock: Sendable {
    /// The current time in nanoseconds.
    func nanoseconds() -> UInt64
}

/// The system's monotonic clock (`CLOCK_MONOTONIC`).
public struct SWXMonotonicClock: SWXClock {
    /// A monotonic clock.
    public init() {}

    /// Nanoseconds since an arbitrary fixed point (boot).
    public func nanoseconds() -> UInt64 {
        #if canImport(Glibc)
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
        #else
        return 0
        #endif
    }
}

/// A clock that only moves when told to (tests, the conformance runner's `time` directive).
public final class SWXManualClock: SWXClock {
    private let now: Atomic<UInt64>

    /// A clock reading `nanoseconds` (0 by default).
    public init(nanoseconds: UInt64 = 0) {
        now = Atomic(nanoseconds)
    }

    /// The current reading.
    public func nanoseconds() -> UInt64 { now.load(ordering: .relaxed) }

    /// Sets the reading (it may move backwards; learners and meters then see an earlier time).
    public func set(nanoseconds: UInt64) { now.store(nanoseconds, ordering: .relaxed) }

    /// Sets the reading to whole seconds.
    public func set(seconds: UInt64) { set(nanoseconds: seconds &* 1_000_000_000) }

    /// Moves the reading forward by `nanoseconds`.
    public func advance(nanoseconds: UInt64) { now.add(nanoseconds, ordering: .relaxed) }
}
