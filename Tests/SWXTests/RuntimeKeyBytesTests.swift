import Testing
@testable import SWX

/// The packet path's small-byte helpers (`KeyBytes.tail`, `copy`, `zero`, `equal`) take overlapping loads and stores for the tail of a key or of action
/// data; every size from 0 to 24 bytes is checked against a plain byte loop, with guard bytes around the
/// destination to show that nothing outside the `n` bytes is touched.
@Suite struct RuntimeKeyBytesTests {
    static let sizes = Array(0...24)

    /// Bytes 1, 2, 3, … (never zero, so a missed byte shows).
    static func pattern(_ n: Int, start: UInt8 = 1) -> [UInt8] { (0..<n).map { start &+ UInt8($0) } }

    @Test(arguments: sizes) func loadTailIsTheLittleEndianValueOfTheBytes(n: Int) {
        guard n < 8 else { return }
        let bytes = RuntimeKeyBytesTests.pattern(n) + [0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE, 0xEE]
        var expected: UInt64 = 0
        for i in 0..<n { expected |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        #expect(bytes.withUnsafeBytes { KeyBytes.tail($0.baseAddress!, n) } == expected)
    }

    @Test(arguments: sizes) func copySmallCopiesExactlyTheBytes(n: Int) {
        let source = RuntimeKeyBytesTests.pattern(n)
        var destination = [UInt8](repeating: 0xEE, count: n + 16)
        source.withUnsafeBytes { s in
            destination.withUnsafeMutableBytes { d in
                KeyBytes.copy(d.baseAddress! + 8, s.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, n)
            }
        }
        #expect(Array(destination[0..<8]) == [UInt8](repeating: 0xEE, count: 8))
        #expect(Array(destination[8..<(8 + n)]) == source)
        #expect(Array(destination[(8 + n)...]) == [UInt8](repeating: 0xEE, count: 8))
    }

    @Test(arguments: sizes) func zeroSmallZeroesExactlyTheBytes(n: Int) {
        var destination = [UInt8](repeating: 0xEE, count: n + 16)
        destination.withUnsafeMutableBytes { KeyBytes.zero($0.baseAddress! + 8, n) }
        #expect(Array(destination[0..<8]) == [UInt8](repeating: 0xEE, count: 8))
        #expect(Array(destination[8..<(8 + n)]) == [UInt8](repeating: 0, count: n))
        #expect(Array(destination[(8 + n)...]) == [UInt8](repeating: 0xEE, count: 8))
    }

    /// Keys that differ in one byte, at every position, compare unequal; equal keys compare equal.
    @Test(arguments: sizes) func equalSeesEveryByte(n: Int) {
        let a = RuntimeKeyBytesTests.pattern(n)
        a.withUnsafeBytes { pa in
            let base = pa.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!
            #expect(a.withUnsafeBytes { KeyBytes.equal(base, $0.baseAddress ?? base, n) })
            for i in 0..<n {
                var b = a
                b[i] ^= 0x80
                #expect(!b.withUnsafeBytes { KeyBytes.equal(base, $0.baseAddress!, n) }, "byte \(i) of \(n)")
            }
        }
    }

    @Test func fixedSizeLoadsAndStoresWorkAtAnyAlignmentAndTouchOnlyTheirBytes() {
        for offset in 0..<8 {
            var bytes = [UInt8](repeating: 0xAA, count: 24)
            bytes.withUnsafeMutableBytes { raw in
                let p = raw.baseAddress! + offset
                KeyBytes.store64(p, 0x0807_0605_0403_0201)
                #expect(KeyBytes.load64(p) == 0x0807_0605_0403_0201)
                #expect(KeyBytes.load32(p + 1) == 0x0504_0302)
                #expect(KeyBytes.load16(p + 6) == 0x0807)
                #expect(KeyBytes.load8(p + 7) == 0x08)
                KeyBytes.store32(p + 8, 0x0C0B_0A09)
                KeyBytes.store8(p + 12, 0x0D)
            }
            #expect(Array(bytes[..<offset]) == [UInt8](repeating: 0xAA, count: offset))
            #expect(Array(bytes[offset..<offset + 13]) == Array(1...13))
            #expect(bytes[(offset + 13)...].allSatisfy { $0 == 0xAA })
        }
    }

    @Test func blockCopyAndZeroTouchExactlyTheirBytes() {
        var target = [UInt8](repeating: 0xAA, count: 300)
        let source = (0..<300).map { UInt8(truncatingIfNeeded: $0 * 7) }
        target.withUnsafeMutableBytes { t in
            source.withUnsafeBytes { KeyBytes.copyBlock(t.baseAddress! + 3, $0.baseAddress!, 257) }
            KeyBytes.zeroBlock(t.baseAddress! + 100, 50)
        }
        #expect(Array(target[..<3]) == [0xAA, 0xAA, 0xAA])
        #expect(Array(target[3..<100]) == Array(source[..<97]))
        #expect(target[100..<150].allSatisfy { $0 == 0 })
        #expect(Array(target[150..<260]) == Array(source[147..<257]))
        #expect(target[260...].allSatisfy { $0 == 0xAA })
    }

    /// Every size on both sides of the inline paths' limits (16, 32, 64, 128 and 256 bytes), at odd alignments:
    /// the block copy and zeroing write exactly their bytes.
    @Test(arguments: Array(0...300))
    func blockMovesOfEverySizeTouchExactlyTheirBytes(n: Int) {
        let source = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) | 1 }
        var copied = [UInt8](repeating: 0xAA, count: n + 40)
        var zeroed = [UInt8](repeating: 0xAA, count: n + 40)
        source.withUnsafeBytes { s in
            let from = s.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!
            copied.withUnsafeMutableBytes { KeyBytes.copyBlock($0.baseAddress! + 19, from, n) }
        }
        zeroed.withUnsafeMutableBytes { KeyBytes.zeroBlock($0.baseAddress! + 19, n) }
        #expect(Array(copied[19..<(19 + n)]) == source)
        #expect(zeroed[19..<(19 + n)].allSatisfy { $0 == 0 })
        for outside in [copied, zeroed] {
            #expect(outside[..<19].allSatisfy { $0 == 0xAA })
            #expect(outside[(19 + n)...].allSatisfy { $0 == 0xAA })
        }
    }
}
