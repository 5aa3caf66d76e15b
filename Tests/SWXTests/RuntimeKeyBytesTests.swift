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
}
