/// How a `mov` carries its value, decided once at compile time from both operands' widths and byte orders.
///
/// Most moves of compiled programs go between whole-byte fields of 1, 2, 4 or 8 bytes: a header field into a
/// table key in metadata, metadata into a header, a constant into either. Such a move is one load and one store
/// of the destination's width, with a byte swap when the orders differ; the general path (read the source as a
/// number, write it back in the destination's store kind) costs two dispatches and the shifts of both.
enum EngineMoveKind: UInt8, Sendable {
    /// The destination's bytes come verbatim from the start of the source.
    case copy8, copy16, copy32, copy64
    /// The destination's bytes come from the start of the source in the opposite byte order.
    case swap16, swap32, swap64
    /// Two `swap16` (`swap32`) moves between adjacent fields on both sides, paired by the compiler (one load, one
    /// byte swap of the whole, a rotation by half to put the two values back in place, one store); never the kind
    /// of a single `mov`.
    case swapPair16, swapPair32
    /// Any other pair: zero extension, a narrower big-endian destination, a width that is not 1, 2, 4 or 8 bytes.
    case general

    /// The kind of `mov destination source` with DPDK's semantics (the source's value, truncated or zero
    /// extended to the destination's width). The destination's width must be 8, 16, 32 or 64 bits. The source
    /// must be whole bytes and either as wide (any order) or wider and little-endian: then the destination's
    /// width of low-order bytes starts where the source starts. A constant is a 64-bit little-endian source.
    init(destination d: EngineField, source s: EngineField) {
        let width = d.bitWidth
        let wholeWords = width == 8 || width == 16 || width == 32 || width == 64
        let narrowing = !s.isBigEndian && s.bitWidth % 8 == 0 && s.bitWidth > width
        guard wholeWords, s.bitWidth == width || narrowing else {
            self = .general
            return
        }
        let swapped = width > 8 && s.isBigEndian != d.isBigEndian
        switch (width, swapped) {
        case (8, _): self = .copy8
        case (16, false): self = .copy16
        case (32, false): self = .copy32
        case (64, false): self = .copy64
        case (16, true): self = .swap16
        case (32, true): self = .swap32
        default: self = .swap64
        }
    }
}

extension EngineMoveKind {
    /// Two side-by-side values of half `v`'s width, each byte-swapped in place: a whole byte swap puts the halves'
    /// bytes in reverse order and swaps the halves, a rotation by half swaps them back.
    @inline(__always)
    static func swapPair<T: FixedWidthInteger>(_ v: T) -> T {
        let x = v.byteSwapped
        return x &<< (T.bitWidth / 2) | x &>> (T.bitWidth / 2)
    }

    /// Stores at `to` what a move of this fast kind takes from `from`: one load and one store. The executor calls
    /// it with each fast kind as a constant (its own opcode), so the switch folds away. Does nothing for `general`.
    @inline(__always)
    func perform(to: UnsafeMutableRawPointer, from: UnsafeRawPointer) {
        switch self {
        case .copy8: KeyBytes.store8(to, KeyBytes.load8(from))
        case .copy16: KeyBytes.store16(to, KeyBytes.load16(from))
        case .copy32: KeyBytes.store32(to, KeyBytes.load32(from))
        case .copy64: KeyBytes.store64(to, KeyBytes.load64(from))
        case .swap16: KeyBytes.store16(to, KeyBytes.load16(from).byteSwapped)
        case .swap32: KeyBytes.store32(to, KeyBytes.load32(from).byteSwapped)
        case .swap64: KeyBytes.store64(to, KeyBytes.load64(from).byteSwapped)
        case .swapPair16: KeyBytes.store32(to, EngineMoveKind.swapPair(KeyBytes.load32(from)))
        case .swapPair32: KeyBytes.store64(to, EngineMoveKind.swapPair(KeyBytes.load64(from)))
        case .general: break
        }
    }
}
