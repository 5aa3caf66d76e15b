/// The identity of a table entry within its table: its canonical match and priority encoded as fixed-width bytes
/// (see `EntryKeyBuilder`), with a precomputed hash so dictionary lookups hash one word instead of every byte.
struct EntryKey: Hashable, Sendable {
    let hash: UInt64
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // FNV-1a, 64-bit: cheap and deterministic; it also picks the store shard.
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        self.hash = value
    }

    static func == (lhs: EntryKey, rhs: EntryKey) -> Bool { lhs.hash == rhs.hash && lhs.bytes == rhs.bytes }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
