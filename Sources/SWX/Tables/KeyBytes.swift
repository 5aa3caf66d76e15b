import CIntrinsics

/// Raw key helpers shared by the tables: comparison, masking and hashing of fixed-size keys in 8-byte words.
enum KeyBytes {
    /// `size` rounded up to a multiple of 8 (the stride keys and action data are stored with).
    @inline(__always)
    static func stride(_ size: Int) -> Int { (size &+ 7) & ~7 }

    /// The smallest power of two ≥ `n` (and ≥ 1).
    @inline(__always)
    static func powerOfTwo(atLeast n: Int) -> Int {
        var p = 1
        while p < n { p <<= 1 }
        return p
    }

    /// The little-endian value of the `count` (< 8) bytes at `p`.
    @inline(__always)
    static func tail(_ p: UnsafeRawPointer, _ count: Int) -> UInt64 {
        // In C: at most three fixed-size loads and no loop (the Swift byte loop cost ~10 instructions a byte).
        p4rt_load_tail(p, count)
    }

    /// Copies `count` bytes from `source` to `destination` (not overlapping) with plain moves: keys and action data
    /// are a few bytes to a few words, where `memmove`'s call and size dispatch cost more than the copy. Touches
    /// exactly `count` bytes.
    @inline(__always)
    static func copy(_ destination: UnsafeMutableRawPointer, _ source: UnsafeRawPointer, _ count: Int) {
        p4rt_copy_small(destination, source, count)
    }

    /// Zeroes `count` bytes at `destination` the same way.
    @inline(__always)
    static func zero(_ destination: UnsafeMutableRawPointer, _ count: Int) {
        p4rt_zero_small(destination, count)
    }

    /// The 32-bit value at `p` (any alignment), in host order.
    @inline(__always)
    static func load32(_ p: UnsafeRawPointer) -> UInt32 { p4rt_load_u32(p) }

    /// The 16-bit value at `p` (any alignment), in host order.
    @inline(__always)
    static func load16(_ p: UnsafeRawPointer) -> UInt16 { p4rt_load_u16(p) }

    /// The byte at `p`.
    @inline(__always)
    static func load8(_ p: UnsafeRawPointer) -> UInt8 { p4rt_load_u8(p) }

    /// The 64-bit value at `p` (any alignment), in host order.
    @inline(__always)
    static func load64(_ p: UnsafeRawPointer) -> UInt64 { p4rt_load_u64(p) }

    /// Stores `v` at `p` (any alignment), in host order.
    @inline(__always)
    static func store64(_ p: UnsafeMutableRawPointer, _ v: UInt64) { p4rt_store_u64(p, v) }

    /// Stores `v` at `p` (any alignment), in host order.
    @inline(__always)
    static func store32(_ p: UnsafeMutableRawPointer, _ v: UInt32) { p4rt_store_u32(p, v) }

    /// Stores `v` at `p` (any alignment), in host order.
    @inline(__always)
    static func store16(_ p: UnsafeMutableRawPointer, _ v: UInt16) { p4rt_store_u16(p, v) }

    /// Stores the byte `v` at `p`.
    @inline(__always)
    static func store8(_ p: UnsafeMutableRawPointer, _ v: UInt8) { p4rt_store_u8(p, v) }

    /// Copies `count` bytes (a packet, a block of any size; not overlapping): inline moves up to 128 bytes, else
    /// one direct `memcpy`.
    @inline(__always)
    static func copyBlock(_ destination: UnsafeMutableRawPointer, _ source: UnsafeRawPointer, _ count: Int) {
        p4rt_copy_block(destination, source, count)
    }

    /// Zeroes `count` bytes (a block of any size): inline stores up to 256 bytes, else one direct `memset`.
    @inline(__always)
    static func zeroBlock(_ destination: UnsafeMutableRawPointer, _ count: Int) {
        p4rt_zero_block(destination, count)
    }

    /// Whether the `count` bytes at `a` and `b` are equal. A key of 8 bytes or more ends with one word that
    /// overlaps the previous (the 13-byte 5-tuple: bytes 0-7, then 5-12), never reading past either key.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        guard count >= 8 else { return tail(a, count) == tail(b, count) }
        var i = 0
        while i &+ 8 <= count {
            if load64(a + i) != load64(b + i) { return false }
            i &+= 8
        }
        let last = count &- 8
        return i == count || load64(a + last) == load64(b + last)
    }

    /// Whether `stored` (already masked) equals `key & mask` over `count` bytes.
    @inline(__always)
    static func equalMasked(stored: UnsafeRawPointer, key: UnsafeRawPointer, mask: UnsafeRawPointer, _ count: Int) -> Bool {
        var i = 0
        while i &+ 8 <= count {
            if load64(stored + i) != load64(key + i) & load64(mask + i) { return false }
            i &+= 8
        }
        if i == count { return true }
        let n = count &- i
        return tail(stored + i, n) == tail(key + i, n) & tail(mask + i, n)
    }

    /// A CRC32-C hash of `key & mask` over `count` bytes (internal to the wildcard table; not a DPDK function).
    @inline(__always)
    static func maskedHash(_ key: UnsafeRawPointer, mask: UnsafeRawPointer, _ count: Int) -> UInt32 {
        var crc: UInt32 = 0
        var i = 0
        while i &+ 8 <= count {
            crc = CRC32C.update(crc, load64(key + i) & load64(mask + i))
            i &+= 8
        }
        if i < count {
            crc = CRC32C.update(crc, tail(key + i, count &- i) & tail(mask + i, count &- i))
        }
        return crc
    }

    /// Writes `key & mask` (`count` bytes) to `dst`.
    @inline(__always)
    static func copyMasked(_ dst: UnsafeMutableRawPointer, key: UnsafeRawPointer, mask: UnsafeRawPointer, _ count: Int) {
        for i in 0..<count {
            dst.storeBytes(of: key.load(fromByteOffset: i, as: UInt8.self) & mask.load(fromByteOffset: i, as: UInt8.self),
                           toByteOffset: i, as: UInt8.self)
        }
    }
}
