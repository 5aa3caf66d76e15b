#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// The time source of the service and of devices: a monotonic clock for timers (idle timeouts, digest buffering)
/// and a wall clock for the timestamps P4Runtime puts in notifications.
///
/// Production uses `SystemClock`; tests use `ManualClock` and advance it explicitly instead of sleeping.
public protocol Clock: Sendable {
    /// Nanoseconds on a monotonic clock with an arbitrary origin; never decreases.
    func monotonicNanoseconds() -> UInt64
    /// Nanoseconds since the Unix epoch (for `IdleTimeoutNotification.timestamp`, `DigestList.timestamp`).
    func epochNanoseconds() -> Int64
}

/// The operating system's clocks (`CLOCK_MONOTONIC`, `CLOCK_REALTIME`).
public struct SystemClock: Clock {
    /// Creates the system clock.
    public init() {}

    /// `CLOCK_MONOTONIC` in nanoseconds.
    public func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// `CLOCK_REALTIME` in nanoseconds since the epoch.
    public func epochNanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) &* 1_000_000_000 &+ Int64(spec.tv_nsec)
    }
}

/// A clock that only moves when told to: both readings advance together by `advance(byNanoseconds:)`.
public final class ManualClock: Clock {
    private let state: Mutex<(monotonic: UInt64, epoch: Int64)>

    /// Creates a clock at the given readings (defaults: monotonic 1 s, epoch 2026-01-01T00:00:00Z).
    public init(monotonicNanoseconds: UInt64 = 1_000_000_000, epochNanoseconds: Int64 = 1_767_225_600_000_000_000) {
        state = Mutex((monotonicNanoseconds, epochNanoseconds))
    }

    /// The current monotonic reading.
    public func monotonicNanoseconds() -> UInt64 { state.withLock { $0.monotonic } }

    /// The current wall-clock reading.
    public func epochNanoseconds() -> Int64 { state.withLock { $0.epoch } }

    /// Moves both readings forward by `nanoseconds`.
    public func advance(byNanoseconds nanoseconds: UInt64) {
        state.withLock {
            $0.monotonic &+= nanoseconds
            $0.epoch &+= Int64(truncatingIfNeeded: nanoseconds)
        }
    }

    /// Moves both readings forward by `milliseconds`.
    public func advance(byMilliseconds milliseconds: UInt64) { advance(byNanoseconds: milliseconds * 1_000_000) }
}
