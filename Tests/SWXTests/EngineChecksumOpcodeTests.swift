@testable import SWX
import Testing

/// `ckadd`/`cksub` of a 16- or 32-bit field lower to width-specific opcodes; every width must still update the
/// checksum exactly as the general path (``Checksum/addField(checksum:field:bitWidth:)``) does.
@Suite struct EngineChecksumOpcodeTests {
    static let body = """
        struct l4_h {
            bit<16> csum
            bit<32> addr
            bit<16> port
            bit<8> proto
            bit<24> rest
        }
        header l4 instanceof l4_h
        """
    static let apply = """
            rx m.port_in
            extract h.ethernet
            extract h.l4
            cksub h.l4.csum h.l4.addr
            cksub h.l4.csum h.l4.port
            ckadd h.l4.csum h.l4.port
            ckadd h.l4.csum h.l4.addr
            cksub h.l4.csum h.l4.proto
            ckadd h.l4.csum h.l4.rest
            emit h.ethernet
            emit h.l4
            tx 0
        """

    @Test func lowering16And32BitFieldsPicksTheirOpcodes() throws {
        let codes = try EngineSamples.compiled(Self.body, apply: Self.apply).instructions.map(\.code)
        #expect(Array(codes[3...8]) == [.cksubField32, .cksubField16, .ckaddField16, .ckaddField32, .cksubField,
                                        .ckaddField])
    }

    @Test func everyWidthUpdatesTheChecksumAsTheGeneralPath() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(Self.body, apply: Self.apply))
        var generator = SeededGenerator(seed: 0xC4EC)
        for _ in 0..<64 {
            let l4 = generator.bytes(12)
            let packet = EngineSamples.packet(to: "001122334455").prefix(14) + l4
            // The same updates through Checksum's general field functions, on a copy of the header.
            var expected = Array(packet)
            expected.withUnsafeMutableBytes { b in
                let h = b.baseAddress! + 14
                Checksum.subtractField(checksum: h, field: h + 2, bitWidth: 32)
                Checksum.subtractField(checksum: h, field: h + 6, bitWidth: 16)
                Checksum.addField(checksum: h, field: h + 6, bitWidth: 16)
                Checksum.addField(checksum: h, field: h + 2, bitWidth: 32)
                Checksum.subtractField(checksum: h, field: h + 8, bitWidth: 8)
                Checksum.addField(checksum: h, field: h + 9, bitWidth: 24)
            }
            #expect(p.process(Array(packet), port: 0).map(\.bytes) == [expected])
        }
    }
}
