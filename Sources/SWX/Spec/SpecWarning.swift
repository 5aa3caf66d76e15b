/// A DPDK defect the loaded program would trigger on stock DPDK. p4rtd executes the correct semantics; the
/// warning tells the user that DPDK itself would behave differently.
public struct SpecWarning: Sendable, Hashable, CustomStringConvertible {
    /// The defect.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An instruction uses a metadata field at byte offset ≥ 256; DPDK encodes operand offsets in 8 bits,
        /// so it would read or write byte `offset mod 256` instead.
        case metadataOffsetAliasing
        /// A `hash` or `rss` destination field lies past metadata byte 31; DPDK computes the destination as
        /// `(uint8_t)bit_offset / 8` and would write the wrong bytes.
        case hashDestinationCast
        /// A PNA program compares meter colours; p4c-dpdk does not remap PNA's colour enum (RED=0, GREEN=1,
        /// YELLOW=2) to DPDK's (GREEN=0, YELLOW=1, RED=2), so the comparisons test the wrong colours.
        case pnaMeterColor
    }

    /// The defect.
    public var kind: Kind
    /// The 1-based line of the instruction or statement concerned.
    public var line: Int
    /// A sentence naming the item and what DPDK would do.
    public var message: String

    /// Creates a warning.
    public init(kind: Kind, line: Int, message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    /// `"warning at line <line> (<kind>): <message>"`.
    public var description: String { "warning at line \(line) (\(kind.rawValue)): \(message)" }
}
