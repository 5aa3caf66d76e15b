/// How a program's own code numbers meter colours (the values it passes as `meter` colour-in and compares the
/// colour-out against).
///
/// DPDK's meters use GREEN=0, YELLOW=1, RED=2. p4c-dpdk remaps PSA's colour enum to that, but not PNA's, whose
/// declaration order gives RED=0, GREEN=1, YELLOW=2. A `.pna` program therefore needs its colours translated at
/// the `meter` instruction to run as its P4 source intends.
public enum SpecMeterColorEncoding: String, Sendable, Hashable {
    /// The program uses DPDK's numbering (DPDK examples, PSA programs).
    case dpdk
    /// The program uses PNA's numbering (p4c-dpdk PNA programs).
    case pna

    /// Converts a colour from this encoding to DPDK's (GREEN=0, YELLOW=1, RED=2); other values pass through.
    public func toDPDK(_ color: UInt64) -> UInt64 {
        guard self == .pna else { return color }
        switch color {
        case 0: return 2
        case 1: return 0
        case 2: return 1
        default: return color
        }
    }

    /// Converts a colour from DPDK's numbering to this encoding; other values pass through.
    public func fromDPDK(_ color: UInt64) -> UInt64 {
        guard self == .pna else { return color }
        switch color {
        case 0: return 1
        case 1: return 2
        case 2: return 0
        default: return color
        }
    }
}
