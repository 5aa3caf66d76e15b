/// The hash functions a `.spec` can name: the `hash` instruction's FUNC operand and the `hash` option of tables and
/// learners. DPDK registers exactly these two under these names (`rte_swx_pipeline_config`).
public enum HashFunction: UInt8, Sendable, CaseIterable {
    /// `rte_jhash` (lookup3).
    case jhash
    /// `rte_hash_crc` (CRC32-C, no final inversion). The default of exact tables and learners.
    case crc32

    /// The function registered under `name` in DPDK, or nil for any other name.
    public init?(name: some StringProtocol) {
        switch name {
        case "jhash": self = .jhash
        case "crc32": self = .crc32
        default: return nil
        }
    }

    /// The name the `.spec` uses.
    public var name: String {
        switch self {
        case .jhash: "jhash"
        case .crc32: "crc32"
        }
    }

    /// The hash of `count` raw bytes at `data` with `seed` (the `hash` instruction and every table use seed 0).
    @inline(__always)
    public func hash(_ data: UnsafeRawPointer, count: Int, seed: UInt32 = 0) -> UInt32 {
        switch self {
        case .jhash: JHash.hash(data, count: count, seed: seed)
        case .crc32: CRC32C.hash(data, count: count, seed: seed)
        }
    }
}
