import Testing
import P4Model

@Suite("Bytestring")
struct BytestringTests {
    @Test func canonicalStripsLeadingZerosAndKeepsOneByteForZero() {
        #expect(Bytestring.canonical([0x00, 0x00, 0x63]) == [0x63])
        #expect(Bytestring.canonical([0x00, 0x00]) == [0x00])
        #expect(Bytestring.canonical([0x00]) == [0x00])
        #expect(Bytestring.canonical([0x10, 0x00]) == [0x10, 0x00])
        #expect(Bytestring.canonical([]) == [])
    }

    @Test func isCanonical() {
        #expect(Bytestring.isCanonical([0x00]))
        #expect(Bytestring.isCanonical([0x01, 0x00]))
        #expect(!Bytestring.isCanonical([0x00, 0x01]))
        #expect(!Bytestring.isCanonical([]))
    }

    // The accept/reject tables of P4Runtime §8.3 for bit<12> and bit<16>.
    @Test func fitsFollowsTheSpecTables() {
        #expect(Bytestring.fits([0x63], bitwidth: 12))
        #expect(Bytestring.fits([0x00, 0x63], bitwidth: 12))
        #expect(Bytestring.fits([0x00, 0x00, 0x63], bitwidth: 12))
        #expect(Bytestring.fits([0x0f, 0xff], bitwidth: 12))
        #expect(!Bytestring.fits([0x10, 0x63], bitwidth: 12))
        #expect(!Bytestring.fits([0x01, 0x00, 0x63], bitwidth: 16))
        #expect(Bytestring.fits([0x00, 0x00, 0x63], bitwidth: 16))
        #expect(!Bytestring.fits([], bitwidth: 16))
        #expect(Bytestring.fits([0x00], bitwidth: 1))
        #expect(Bytestring.fits([0x01], bitwidth: 1))
        #expect(!Bytestring.fits([0x02], bitwidth: 1))
    }

    @Test func significantBits() {
        #expect(Bytestring.significantBits([]) == 0)
        #expect(Bytestring.significantBits([0, 0]) == 0)
        #expect(Bytestring.significantBits([0x01]) == 1)
        #expect(Bytestring.significantBits([0x00, 0x80]) == 8)
        #expect(Bytestring.significantBits([0x01, 0x00]) == 9)
    }

    @Test func validatedReturnsCanonicalOrThrowsOutOfRange() throws {
        #expect(try Bytestring.validated([0x00, 0x50], bitwidth: 16, what: "port") == [0x50])
        #expect(try Bytestring.validated([0x00, 0x00], bitwidth: 16, what: "port") == [0x00])
        let empty = #expect(throws: P4RuntimeError.self) { try Bytestring.validated([], bitwidth: 8, what: "field 1") }
        #expect(empty?.code == .outOfRange)
        #expect(empty?.message == "field 1: empty bytestring (a value needs at least one byte)")
        let wide = #expect(throws: P4RuntimeError.self) {
            try Bytestring.validated([0x01, 0x00], bitwidth: 8, what: "param 2")
        }
        #expect(wide?.code == .outOfRange)
        #expect(wide?.message == "param 2: value 0x0100 needs 9 bits, exceeds bitwidth 8")
    }

    @Test func fixedWidthAndPadding() {
        #expect(Bytestring.fixedWidth([0x63], bitwidth: 12) == [0x00, 0x63])
        #expect(Bytestring.fixedWidth([0x00, 0x00, 0x63], bitwidth: 12) == [0x00, 0x63])
        #expect(Bytestring.fixedWidth([0x10, 0x63], bitwidth: 12) == nil)
        #expect(Bytestring.fixedWidth([0x0a, 0x00, 0x00, 0x01], bitwidth: 32) == [0x0a, 0x00, 0x00, 0x01])
        #expect(Bytestring.padded([0x01], toByteCount: 3) == [0, 0, 1])
        #expect(Bytestring.padded([0x01, 0x02], toByteCount: 1) == nil)
        #expect(Bytestring.byteCount(bitwidth: 1) == 1)
        #expect(Bytestring.byteCount(bitwidth: 48) == 6)
        #expect(Bytestring.byteCount(bitwidth: 9) == 2)
    }

    @Test func integerConversions() {
        #expect(Bytestring.encode(0) == [0x00])
        #expect(Bytestring.encode(80) == [0x50])
        #expect(Bytestring.encode(8080) == [0x1f, 0x90])
        #expect(Bytestring.encode(UInt64.max) == [UInt8](repeating: 0xff, count: 8))
        #expect(Bytestring.encode(3, bitwidth: 32) == [0, 0, 0, 3])
        #expect(Bytestring.encode(0x1ff, bitwidth: 8) == nil)
        #expect(Bytestring.encode(1, bitwidth: 72) == [0, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(Bytestring.uint64([0x00, 0x1f, 0x90]) == 8080)
        #expect(Bytestring.uint64([0x00] + [UInt8](repeating: 0xff, count: 8)) == UInt64.max)
        #expect(Bytestring.uint64([0x01] + [UInt8](repeating: 0, count: 8)) == nil)
        #expect(Bytestring.uint64([]) == nil)
        #expect(Bytestring.hex([0x0a, 0x01, 0xff]) == "0a01ff")
    }

    // int<W> values: leading bytes must be sign extension (§8.3).
    @Test func signedValues() {
        #expect(Bytestring.signedSignificantBits([0xff]) == 1)
        #expect(Bytestring.signedSignificantBits([0x00]) == 1)
        #expect(Bytestring.signedSignificantBits([0x7f]) == 8)
        #expect(Bytestring.signedSignificantBits([0x80]) == 8)
        #expect(Bytestring.signedSignificantBits([0xff, 0x80]) == 8)
        #expect(Bytestring.signedSignificantBits([0xff, 0x7f]) == 9)
        #expect(Bytestring.signedSignificantBits([]) == 0)
        #expect(Bytestring.fits(signed: [0xff, 0xff, 0xf6], bitwidth: 8))
        #expect(Bytestring.fits(signed: [0x00, 0x7f], bitwidth: 8))
        #expect(!Bytestring.fits(signed: [0x00, 0x80], bitwidth: 8))
        #expect(!Bytestring.fits(signed: [0xfe, 0xf6], bitwidth: 8))
        #expect(!Bytestring.fits(signed: [], bitwidth: 8))
        #expect(Bytestring.canonicalSigned([0xff, 0xff, 0xf6]) == [0xf6])
        #expect(Bytestring.canonicalSigned([0x00, 0x00, 0x80]) == [0x00, 0x80])
        #expect(Bytestring.canonicalSigned([0xff, 0x7f]) == [0xff, 0x7f])
        #expect(Bytestring.canonicalSigned([0x00, 0x00]) == [0x00])
        #expect(Bytestring.canonicalSigned([0xff, 0xff]) == [0xff])
        #expect(Bytestring.fixedWidth(signed: [0xf6], bitwidth: 12) == [0xff, 0xf6])
        #expect(Bytestring.fixedWidth(signed: [0x00, 0x00, 0x05], bitwidth: 12) == [0x00, 0x05])
        #expect(Bytestring.fixedWidth(signed: [0x08, 0x00], bitwidth: 12) == nil)
    }
}
