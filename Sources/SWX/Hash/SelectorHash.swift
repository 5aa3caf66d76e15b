import CIntrinsics

/// The hash of DPDK's selector table (`hash()` in rte_swx_table_selector.c): a CRC32-C mix over the selector bytes
/// ANDed with the selector mask, the size rounded up to 8, 16, 32 or 64 bytes. The operand order of the CRC steps
/// (key words used as the running CRC, the seed as data) is DPDK's and is kept as is, since it decides which member
/// a flow lands on.
public enum SelectorHash {
    /// The selector hash of `size` bytes at `key` under `mask` (which holds at least `size` bytes), seed 0.
    /// Bytes between `size` and the rounded size count as zero, as DPDK's zero mask bytes make them.
    /// Returns 0 for a size above 64, where DPDK's switch has no case.
    public static func hash(_ key: UnsafeRawPointer, mask: UnsafeRawPointer, size: Int, seed: UInt32 = 0) -> UInt32 {
        @inline(__always) func word(_ i: Int) -> UInt64 {
            let start = 8 * i
            if start + 8 <= size {
                return key.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                    & mask.loadUnaligned(fromByteOffset: start, as: UInt64.self)
            }
            var w: UInt64 = 0
            var j = start
            while j < size {
                let byte = key.load(fromByteOffset: j, as: UInt8.self) & mask.load(fromByteOffset: j, as: UInt8.self)
                w |= UInt64(byte) << UInt64(8 * (j - start))
                j += 1
            }
            return w
        }
        @inline(__always) func crc(_ c: UInt64, _ v: UInt64) -> UInt64 {
            UInt64(CRC32C.update(UInt32(truncatingIfNeeded: c), v))
        }
        let s = UInt64(seed)
        switch roundedSize(size) {
        case 8:
            return UInt32(truncatingIfNeeded: crc(s, word(0)))
        case 16:
            let k0 = word(0)
            let c0 = crc(k0, s) ^ crc(k0 >> 32, word(1))
            return UInt32(truncatingIfNeeded: c0)
        case 32:
            let k0 = word(0), k2 = word(2)
            var c0 = crc(k0, s)
            var c1 = crc(k0 >> 32, word(1))
            let c2 = crc(k2, word(3))
            let c3 = k2 >> 32
            c0 = crc(c0, c1)
            c1 = crc(c2, c3)
            return UInt32(truncatingIfNeeded: c0 ^ c1)
        case 64:
            let k0 = word(0), k2 = word(2), k5 = word(5)
            var c0 = crc(k0, s)
            var c1 = crc(k0 >> 32, word(1))
            let c2 = crc(k2, word(3))
            let c3 = crc(k2 >> 32, word(4))
            let c4 = crc(k5, word(6))
            let c5 = crc(k5 >> 32, word(7))
            c0 = crc(c0, (c1 << 32) ^ c2)
            c1 = crc(c3, (c4 << 32) ^ c5)
            return UInt32(truncatingIfNeeded: c0 ^ c1)
        default:
            return 0
        }
    }

    /// The size DPDK hashes for a selector of `size` bytes: the next power of two, at least 8.
    public static func roundedSize(_ size: Int) -> Int {
        var n = 8
        while n < size { n <<= 1 }
        return n
    }
}
