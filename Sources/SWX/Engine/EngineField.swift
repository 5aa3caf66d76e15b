/// A field operand resolved for the packet path: which per-packet struct (slot), where, how wide and in which
/// byte order. Plain data (8 bytes), so ops stay POD.
///
/// Reads load 8 bytes at the field's offset and mask or byte-swap them; every struct buffer the engine hands out
/// (metadata, header storage, action data copies, the packet buffer) has at least 8 bytes of slack after it, so
/// such a load never leaves the allocation.
struct EngineField: Sendable, Hashable {
    /// Index into the packet context's struct base pointers.
    var slot: UInt16
    /// `64 - bitWidth` (0 for 64-bit fields).
    var shift: UInt8
    /// How a value is stored back (`StoreKind`).
    var store: StoreKind
    /// Byte offset inside the struct.
    var offset: Int32

    /// How a value is written: exact-width stores for 1/2/4/8 bytes, masked read-modify-write for the others.
    /// Big-endian kinds come last so the byte order is one comparison on the packet path.
    enum StoreKind: UInt8, Sendable, Hashable {
        case byte, le16, le32, le64, leOdd, be16, be32, be64, beOdd
    }

    /// Width in bits.
    var bitWidth: Int { 64 - Int(shift) }
    /// Whether the stored bytes are big-endian.
    @inline(__always)
    var isBigEndian: Bool { store.rawValue >= StoreKind.be16.rawValue }

    init(slot: Int, byteOffset: Int, bitWidth: Int, bigEndian: Bool) {
        self.slot = UInt16(slot)
        self.offset = Int32(byteOffset)
        self.shift = UInt8(64 - bitWidth)
        switch (bitWidth, bigEndian) {
        case (8, _): store = .byte
        case (16, false): store = .le16
        case (32, false): store = .le32
        case (64, false): store = .le64
        case (16, true): store = .be16
        case (32, true): store = .be32
        case (64, true): store = .be64
        case (_, false): store = .leOdd
        case (_, true): store = .beOdd
        }
    }
}

extension EngineField {
    /// The field's value as an unsigned number of its width.
    @inline(__always)
    func read(_ bases: UnsafePointer<UnsafeMutableRawPointer>) -> UInt64 {
        // Through the C loads, as everywhere on the packet path: in the executor's big function the generic
        // `loadUnaligned`/`storeBytes` sometimes stayed out-of-line calls.
        let word = KeyBytes.load64(address(bases))
        if isBigEndian { return word.byteSwapped &>> UInt64(shift) }
        return word & (UInt64.max &>> UInt64(shift))
    }

    /// The address of the field's first byte.
    @inline(__always)
    func address(_ bases: UnsafePointer<UnsafeMutableRawPointer>) -> UnsafeMutableRawPointer {
        bases[Int(slot)] + Int(offset)
    }

    /// The bytes a field of whole bytes holds after storing `value` (its low `bitWidth` bits in the field's byte
    /// order), as a little-endian number: what one plain store of the field's width writes.
    func storedBytes(_ value: UInt64) -> UInt64 {
        let low = value & (UInt64.max &>> UInt64(shift))
        return isBigEndian ? low.byteSwapped &>> UInt64(shift) : low
    }

    /// Stores the low `bitWidth` bits of `value`, leaving the neighbouring bytes untouched.
    @inline(__always)
    func write(_ bases: UnsafePointer<UnsafeMutableRawPointer>, _ value: UInt64) {
        let p = address(bases)
        switch store {
        case .byte: KeyBytes.store8(p, UInt8(truncatingIfNeeded: value))
        case .le16: KeyBytes.store16(p, UInt16(truncatingIfNeeded: value))
        case .le32: KeyBytes.store32(p, UInt32(truncatingIfNeeded: value))
        case .le64: KeyBytes.store64(p, value)
        case .be16: KeyBytes.store16(p, UInt16(truncatingIfNeeded: value).bigEndian)
        case .be32: KeyBytes.store32(p, UInt32(truncatingIfNeeded: value).bigEndian)
        case .be64: KeyBytes.store64(p, value.bigEndian)
        case .leOdd:
            let mask = UInt64.max &>> UInt64(shift)
            let old = KeyBytes.load64(p)
            KeyBytes.store64(p, (old & ~mask) | (value & mask))
        case .beOdd:
            let s = UInt64(shift)
            let old = KeyBytes.load64(p).byteSwapped
            let mask = UInt64.max &<< s
            KeyBytes.store64(p, ((old & ~mask) | (value &<< s)).byteSwapped)
        }
    }
}

/// A run of raw bytes in one struct (big fields, `movh` halves, checksum fields, hash sources): slot, byte count
/// and offset, 8 bytes in all.
struct EngineBytes: Sendable, Hashable {
    var slot: UInt16
    var count: UInt16
    var offset: Int32

    /// The address of the first byte.
    @inline(__always)
    func address(_ bases: UnsafePointer<UnsafeMutableRawPointer>) -> UnsafeMutableRawPointer {
        bases[Int(slot)] + Int(offset)
    }
}
