/// The ones'-complement checksum updates of the `ckadd` and `cksub` instructions, computed exactly as DPDK does
/// on raw memory (`__instr_alu_ckadd_field_exec`, `__instr_alu_cksub_field_exec`, `__instr_alu_ckadd_struct_exec`).
///
/// DPDK never converts byte order here: the 16-bit checksum is loaded as a host (little-endian) word, the source
/// field as a little-endian 64-bit word masked to its width, a whole header as little-endian 32-bit words; the sum is
/// folded to 16 bits and stored back the same way. Ones'-complement sums commute with byte swapping, so a
/// checksum over big-endian header bytes comes out right, and a field that does not start on an even byte
/// contributes as if it did (an 8-bit field `p` adds the big-endian word `p << 8`). A result of 0 is stored as
/// 0xFFFF.
///
/// The `raw` values below are those little-endian loads; the pointer forms do the loads and the store.
public enum Checksum {
    /// `ckadd` of a field: the new raw checksum after adding the raw source value `field` (already masked to its
    /// width, at most 64 bits) to the raw checksum `checksum`.
    @inline(__always)
    public static func add(raw checksum: UInt16, field: UInt64) -> UInt16 {
        var r = UInt64(~checksum)
        r &+= (field >> 32) &+ (field & 0xFFFF_FFFF)
        return finish(r)
    }

    /// `cksub` of a field: the new raw checksum after removing `field` from `checksum` (ones'-complement
    /// subtraction, computed as DPDK does with a 0xFFFF00000 bias so no intermediate underflows).
    @inline(__always)
    public static func subtract(raw checksum: UInt16, field: UInt64) -> UInt16 {
        var r = UInt64(~checksum)
        r &+= 0xF_FFF0_0000
        r &-= (field >> 32) &+ (field & 0xFFFF_FFFF)
        return finish(r)
    }

    /// `ckadd` of a whole header: adds the `byteCount / 4` little-endian 32-bit words at `header` (trailing bytes
    /// beyond a multiple of 4 are ignored, as in DPDK) to the raw checksum.
    @inline(__always)
    public static func add(raw checksum: UInt16, header: UnsafeRawPointer, byteCount: Int) -> UInt16 {
        var r = UInt64(~checksum)
        var i = 0
        let words = byteCount >> 2
        while i < words {
            r &+= UInt64(KeyBytes.load32(header + (i &<< 2)))
            i &+= 1
        }
        return finish(r)
    }

    /// The raw source value of a field of `bitWidth` bits (1...64) at `field`: its bytes loaded little-endian and
    /// masked to the width. Reads only the field's own bytes.
    @inline(__always)
    public static func load(field: UnsafeRawPointer, bitWidth: Int) -> UInt64 {
        // Ports, checksums and IPv4 addresses: one load of exactly their bytes, nothing to mask.
        if bitWidth == 16 { return UInt64(KeyBytes.load16(field)) }
        if bitWidth == 32 { return UInt64(KeyBytes.load32(field)) }
        let n = (bitWidth &+ 7) >> 3
        let v: UInt64 = n >= 8 ? KeyBytes.load64(field) : KeyBytes.tail(field, n)
        return bitWidth >= 64 ? v : v & ((1 &<< UInt64(bitWidth)) &- 1)
    }

    /// `ckadd h.D h.F`: updates the 16-bit checksum at `checksum` with the field at `field`. (With a constant
    /// width of 16 or 32 bits, as the executor's width-specific opcodes pass, the load is one plain load.)
    @inline(__always)
    public static func addField(checksum: UnsafeMutableRawPointer, field: UnsafeRawPointer, bitWidth: Int) {
        let raw = load(field: field, bitWidth: bitWidth)
        KeyBytes.store16(checksum, add(raw: KeyBytes.load16(checksum), field: raw))
    }

    /// `cksub h.D h.F`: updates the 16-bit checksum at `checksum` by removing the field at `field`.
    @inline(__always)
    public static func subtractField(checksum: UnsafeMutableRawPointer, field: UnsafeRawPointer, bitWidth: Int) {
        let raw = load(field: field, bitWidth: bitWidth)
        KeyBytes.store16(checksum, subtract(raw: KeyBytes.load16(checksum), field: raw))
    }

    /// `ckadd h.D h.H`: updates the 16-bit checksum at `checksum` with the `byteCount`-byte header at `header`.
    /// (The checksum may lie inside the header: the header is read before the store, as in DPDK.)
    @inline(__always)
    public static func addHeader(checksum: UnsafeMutableRawPointer, header: UnsafeRawPointer, byteCount: Int) {
        KeyBytes.store16(checksum, add(raw: KeyBytes.load16(checksum), header: header, byteCount: byteCount))
    }

    /// Folds a sum of at most 47 bits to 16 bits, complements it and maps 0 to 0xFFFF.
    @inline(__always)
    static func finish(_ sum: UInt64) -> UInt16 {
        var r = (sum & 0xFFFF) &+ (sum >> 16)
        r = (r & 0xFFFF) &+ (r >> 16)
        r = (r & 0xFFFF) &+ (r >> 16)
        let c = UInt16(truncatingIfNeeded: ~r)
        return c == 0 ? 0xFFFF : c
    }
}
