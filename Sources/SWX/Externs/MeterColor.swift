/// The colours of DPDK's meters (`enum rte_color`), as the `meter` instruction reads and writes them.
public enum MeterColor: UInt8, Sendable, CaseIterable {
    /// Conforming to the committed rate.
    case green = 0
    /// Above the committed rate, within the peak rate.
    case yellow = 1
    /// Above the peak rate.
    case red = 2
}
