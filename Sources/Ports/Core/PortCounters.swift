import Synchronization

/// The live counters behind `PortStatistics`: updated by the port's I/O threads once per burst with relaxed
/// atomic adds, read by any thread.
public final class PortCounters: Sendable {
    private let rxPackets = Atomic<UInt64>(0)
    private let rxBytes = Atomic<UInt64>(0)
    private let rxDropped = Atomic<UInt64>(0)
    private let rxErrors = Atomic<UInt64>(0)
    private let txPackets = Atomic<UInt64>(0)
    private let txBytes = Atomic<UInt64>(0)
    private let txDropped = Atomic<UInt64>(0)
    private let txErrors = Atomic<UInt64>(0)

    /// All counters zero.
    public init() {}

    /// Adds a burst's receive results (zeros are skipped, so an idle poll costs no atomic operation).
    public func recordReceive(packets: Int, bytes: Int, dropped: Int = 0, errors: Int = 0) {
        Self.add(packets, to: rxPackets)
        Self.add(bytes, to: rxBytes)
        Self.add(dropped, to: rxDropped)
        Self.add(errors, to: rxErrors)
    }

    /// Adds a burst's transmit results.
    public func recordTransmit(packets: Int, bytes: Int, dropped: Int = 0, errors: Int = 0) {
        Self.add(packets, to: txPackets)
        Self.add(bytes, to: txBytes)
        Self.add(dropped, to: txDropped)
        Self.add(errors, to: txErrors)
    }

    /// The current values (each counter is read atomically; the set is not one atomic snapshot).
    public var snapshot: PortStatistics {
        var statistics = PortStatistics()
        statistics.rxPackets = rxPackets.load(ordering: .relaxed)
        statistics.rxBytes = rxBytes.load(ordering: .relaxed)
        statistics.rxDropped = rxDropped.load(ordering: .relaxed)
        statistics.rxErrors = rxErrors.load(ordering: .relaxed)
        statistics.txPackets = txPackets.load(ordering: .relaxed)
        statistics.txBytes = txBytes.load(ordering: .relaxed)
        statistics.txDropped = txDropped.load(ordering: .relaxed)
        statistics.txErrors = txErrors.load(ordering: .relaxed)
        return statistics
    }

    private static func add(_ amount: Int, to counter: borrowing Atomic<UInt64>) {
        if amount > 0 { counter.wrappingAdd(UInt64(amount), ordering: .relaxed) }
    }
}
