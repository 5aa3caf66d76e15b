/// The key of one `rss` object and the hash the `rss` instruction computes with it (DPDK `rss_func` in
/// rte_swx_pipeline_internal.h).
///
/// Semantics, all as stock DPDK on x86:
/// - the key bytes are read as 32-bit words in **host** order (not big-endian as in `rte_softrss`), and key word
///   `i` is taken modulo the number of key words, so a short key repeats;
/// - the input is read as 32-bit host-order words; trailing bytes beyond a multiple of 4 are ignored;
/// - for every set bit `pos` of input word `i` the result is XORed with `key[i] << (31 - pos) | key[i+1] >> (pos + 1)`.
///   For `pos == 31` the C shift by 32 is undefined; every x86 compiler tried (gcc and clang, -O0 to -O3) emits a
///   shift whose count is taken modulo 32, so DPDK XORs in the whole of `key[i+1]`. This type reproduces that, so
///   results match DPDK bit for bit; it differs from the textbook Toeplitz hash whenever an input word has bit 31 set.
///
/// A new object holds DPDK's default key: 4 zero bytes. The key is replaced by the control plane between bursts.
public final class RSSKey: @unchecked Sendable {
    private var words: UnsafeMutablePointer<UInt32>
    private var wordCount: Int
    /// The key bytes as last set.
    public private(set) var bytes: [UInt8]

    /// A key of 4 zero bytes (DPDK's default).
    public init() {
        words = .allocate(capacity: 1)
        words.initialize(to: 0)
        wordCount = 1
        bytes = [0, 0, 0, 0]
    }

    deinit { words.deallocate() }

    /// Replaces the key (`rte_swx_ctl_pipeline_rss_key_write`). Throws when it has fewer than 4 bytes.
    /// Bytes beyond a multiple of 4 are kept for reads but do not take part in hashing, as in DPDK.
    public func setKey(_ key: [UInt8]) throws(SWXRuntimeError) {
        guard key.count >= 4 else {
            throw .invalidArgument("rss key: \(key.count) bytes, at least 4 are needed")
        }
        let n = key.count / 4
        let fresh = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        key.withUnsafeBytes { raw in
            for i in 0..<n { fresh[i] = raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self) }
        }
        words.deallocate()
        words = fresh
        wordCount = n
        bytes = key
    }

    /// The `rss` instruction: the hash of `byteCount` raw bytes at `data`.
    public func hash(_ data: UnsafeRawPointer, byteCount: Int) -> UInt32 {
        let dataWords = byteCount >> 2
        let keyWords = wordCount
        var result: UInt32 = 0
        var k0Index = 0
        for i in 0..<dataWords {
            var d = data.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
            if d == 0 { k0Index = k0Index &+ 1 == keyWords ? 0 : k0Index &+ 1; continue }
            let k1Index = k0Index &+ 1 == keyWords ? 0 : k0Index &+ 1
            let key0 = words[k0Index]
            let key1 = words[k1Index]
            while d != 0 {
                let pos = UInt32(d.trailingZeroBitCount)
                // `&>>` masks the count to 5 bits, which is what the C code does on x86 for pos == 31.
                result ^= (key0 << (31 - pos)) | (key1 &>> (pos + 1))
                d &= d &- 1
            }
            k0Index = k1Index
        }
        return result
    }
}
