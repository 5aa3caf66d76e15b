import CIntrinsics

/// CRC32-C (Castagnoli, reflected polynomial 0x82F63B78) exactly as DPDK's `rte_hash_crc` computes it: the running
/// value starts at the caller's seed, bytes are consumed in memory order, and there is no final inversion.
///
/// DPDK feeds the data in 8/4/2/1-byte chunks (and aligns the pointer first); because CRC32-C is a byte-stream
/// function and the SSE4.2 instructions consume their operand little-endian, the chunking never changes the result.
/// The hardware path (SSE4.2 `crc32`, inlined through `CIntrinsics`) and the portable table path agree bit for bit.
public enum CRC32C {
    /// `rte_hash_crc(data, count, seed)`: the CRC32-C of `count` bytes at `data`, starting from `seed`.
    @inline(__always)
    public static func hash(_ data: UnsafeRawPointer, count: Int, seed: UInt32) -> UInt32 {
        #if arch(x86_64)
        return hardwareHash(data, count: count, seed: seed)
        #else
        return softwareHash(data, count: count, seed: seed)
        #endif
    }

    /// One 8-byte step (`rte_hash_crc_8byte`): the CRC of the eight bytes of `value` in little-endian order.
    @inline(__always)
    public static func update(_ crc: UInt32, _ value: UInt64) -> UInt32 {
        #if arch(x86_64)
        return p4rt_crc32c_u64(crc, value)
        #else
        return softwareUpdate(crc, value)
        #endif
    }

    /// One 4-byte step (`rte_hash_crc_4byte`).
    @inline(__always)
    public static func update(_ crc: UInt32, _ value: UInt32) -> UInt32 {
        #if arch(x86_64)
        return p4rt_crc32c_u32(crc, value)
        #else
        return softwareUpdate(crc, UInt64(value), byteCount: 4)
        #endif
    }

    #if arch(x86_64)
    /// The SSE4.2 path: 8-byte steps, then one 4-, 2- and 1-byte step for the tail, as DPDK does.
    @inline(__always)
    public static func hardwareHash(_ data: UnsafeRawPointer, count: Int, seed: UInt32) -> UInt32 {
        var crc = seed
        var p = data
        var remaining = count
        while remaining >= 8 {
            crc = p4rt_crc32c_u64(crc, KeyBytes.load64(p))
            p += 8
            remaining &-= 8
        }
        if remaining & 4 != 0 {
            crc = p4rt_crc32c_u32(crc, KeyBytes.load32(p))
            p += 4
        }
        if remaining & 2 != 0 {
            crc = p4rt_crc32c_u16(crc, KeyBytes.load16(p))
            p += 2
        }
        if remaining & 1 != 0 {
            crc = p4rt_crc32c_u8(crc, KeyBytes.load8(p))
        }
        return crc
    }
    #endif

    /// The portable path (DPDK's `crc32c_1byte`/`crc32c_2words` family): a byte-at-a-time table CRC.
    public static func softwareHash(_ data: UnsafeRawPointer, count: Int, seed: UInt32) -> UInt32 {
        var crc = seed
        for i in 0..<count {
            crc = step(crc, data.load(fromByteOffset: i, as: UInt8.self))
        }
        return crc
    }

    /// The portable equivalent of one hardware step over the low `byteCount` bytes of `value`, little-endian.
    public static func softwareUpdate(_ crc: UInt32, _ value: UInt64, byteCount: Int = 8) -> UInt32 {
        var crc = crc
        var v = value
        for _ in 0..<byteCount {
            crc = step(crc, UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
        return crc
    }

    @inline(__always)
    static func step(_ crc: UInt32, _ byte: UInt8) -> UInt32 {
        table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
    }

    /// The 256-entry byte table of the reflected Castagnoli polynomial.
    static let table: [UInt32] = (0..<256).map { (n: Int) -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        return c
    }
}
