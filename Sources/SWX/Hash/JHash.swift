/// Bob Jenkins' lookup3 hash as DPDK's `rte_jhash(key, length, initval)` computes it on a little-endian host:
/// 12-byte blocks read as three little-endian 32-bit words, a final partial block whose missing high bytes count
/// as zero, the length folded into the initial state, and `0xdeadbeef` as the golden constant.
///
/// DPDK's x86 path reads whole words past the end of the key and masks them; this implementation reads only the
/// key's own bytes, which gives the same value without touching memory beyond `count`.
public enum JHash {
    /// `rte_jhash(data, count, seed)`.
    public static func hash(_ data: UnsafeRawPointer, count: Int, seed: UInt32) -> UInt32 {
        var a = 0xdead_beef &+ UInt32(truncatingIfNeeded: count) &+ seed
        var b = a
        var c = a
        var p = data
        var remaining = count
        while remaining > 12 {
            a &+= p.loadUnaligned(as: UInt32.self)
            b &+= p.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
            c &+= p.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
            mix(&a, &b, &c)
            p += 12
            remaining &-= 12
        }
        if remaining == 0 { return c }
        a &+= partialWord(p, available: remaining)
        if remaining > 4 { b &+= partialWord(p + 4, available: remaining &- 4) }
        if remaining > 8 { c &+= partialWord(p + 8, available: remaining &- 8) }
        final(&a, &b, &c)
        return c
    }

    /// The little-endian value of up to four bytes at `p` (`available` may exceed 4).
    @inline(__always)
    static func partialWord(_ p: UnsafeRawPointer, available: Int) -> UInt32 {
        if available >= 4 { return p.loadUnaligned(as: UInt32.self) }
        var w: UInt32 = 0
        for i in 0..<available { w |= UInt32(p.load(fromByteOffset: i, as: UInt8.self)) << (8 * UInt32(i)) }
        return w
    }

    @inline(__always)
    static func rot(_ x: UInt32, _ k: UInt32) -> UInt32 { (x << k) | (x >> (32 - k)) }

    @inline(__always)
    static func mix(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        a &-= c; a ^= rot(c, 4); c &+= b
        b &-= a; b ^= rot(a, 6); a &+= c
        c &-= b; c ^= rot(b, 8); b &+= a
        a &-= c; a ^= rot(c, 16); c &+= b
        b &-= a; b ^= rot(a, 19); a &+= c
        c &-= b; c ^= rot(b, 4); b &+= a
    }

    @inline(__always)
    static func final(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        c ^= b; c &-= rot(b, 14)
        a ^= c; a &-= rot(c, 11)
        b ^= a; b &-= rot(a, 25)
        c ^= b; c &-= rot(b, 16)
        a ^= c; a &-= rot(c, 4)
        b ^= a; b &-= rot(a, 14)
        c ^= b; c &-= rot(b, 24)
    }
}
