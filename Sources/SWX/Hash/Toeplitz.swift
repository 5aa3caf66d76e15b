/// The Toeplitz hash as DPDK's `rte_softrss` computes it (the NIC RSS function): `input` is a sequence of 32-bit
/// words in host order, and the key is read as big-endian 32-bit words, so the byte key published with a NIC
/// (e.g. the Microsoft verification key) is used as given.
///
/// The `rss` instruction does not use this function; it uses ``RSSKey/hash(_:byteCount:)``, which reads the key
/// in host order. This one is kept as the reference the instruction's behaviour is tested against.
public enum Toeplitz {
    /// `rte_softrss(input, wordCount, key)`. The key must hold at least `4 * (wordCount + 1)` bytes.
    public static func softRSS(_ input: UnsafePointer<UInt32>, wordCount: Int, key: UnsafeRawPointer) -> UInt32 {
        var result: UInt32 = 0
        for j in 0..<wordCount {
            let k0 = UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 4 * j, as: UInt32.self))
            let k1 = UInt64(UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 4 * (j + 1), as: UInt32.self)))
            var map = input[j]
            while map != 0 {
                let i = UInt32(map.trailingZeroBitCount)
                result ^= (k0 << (31 - i)) | UInt32(truncatingIfNeeded: k1 >> UInt64(i + 1))
                map &= map &- 1
            }
        }
        return result
    }
}
