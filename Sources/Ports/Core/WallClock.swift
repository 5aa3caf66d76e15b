import Glibc

/// The realtime clock in nanoseconds since the Unix epoch, for packet timestamps (pcap files record wall time).
/// Read once per burst, never per packet.
enum WallClock {
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
