import Testing
import TestSupport
@testable import SWX

@Suite struct RuntimeChecksumTests {
    /// The standard Internet checksum of `bytes` (RFC 1071, big-endian words), as an independent reference.
    static func reference(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var i = 0
        while i + 1 < bytes.count { sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]); i += 2 }
        if i < bytes.count { sum += UInt32(bytes[i]) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func wholeHeaderReproducesEveryIPv4ChecksumInTheGoldenPackets() throws {
        var checked = 0
        for name in ["l2fwd_macswp.case", "vxlan.case", "hash_func.case", "learner.case", "varbit.case"] {
            for (_, _, packet) in try casePackets(name) {
                var offset = 12
                while offset + 22 <= packet.count, packet.u16be(offset) == 0x0800, packet[offset + 2] >> 4 == 4 {
                    let start = offset + 2
                    let ihl = Int(packet[start] & 15) * 4
                    var header = Array(packet[start..<start + ihl])
                    let recorded = [header[10], header[11]]
                    header[10] = 0
                    header[11] = 0
                    header.withUnsafeMutableBytes { h in
                        Checksum.addHeader(checksum: h.baseAddress! + 10, header: h.baseAddress!, byteCount: ihl)
                    }
                    #expect([header[10], header[11]] == recorded, "\(name) header at \(start)")
                    checked += 1
                    // An encapsulated packet (vxlan) carries the inner Ethernet frame after IPv4(20)+UDP(8)+VXLAN(8).
                    offset = start + ihl + 16 + 12
                }
            }
        }
        #expect(checked >= 10)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func fieldAddReproducesVxlanGolden() throws {
        // vxlan.spec: outer checksum = table arg 0xe926, then `ckadd h.outer_ipv4.hdr_checksum h.ipv4.total_len`.
        let text = try String(contentsOf: Fixtures.shared("swx/dpdk-examples/vxlan_table.txt"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("match 0xaabbccdd0001 ") })
        let tokens = line.split(separator: " ")
        let argIndex = try #require(tokens.firstIndex(of: "ipv4_hdr_checksum"))
        let initial = try #require(UInt16(tokens[argIndex + 1].dropFirst(2), radix: 16))
        let packets = try casePackets("vxlan.case")
        let input = packets[0].packet, output = packets[1].packet
        var checksum = [UInt8(initial >> 8), UInt8(initial & 0xff)]
        let totalLen = Array(input[16..<18])
        checksum.withUnsafeMutableBytes { c in
            totalLen.withUnsafeBytes { Checksum.addField(checksum: c.baseAddress!, field: $0.baseAddress!, bitWidth: 16) }
        }
        #expect(checksum == Array(output[24..<26]))
    }

    @Test func incrementalUpdatesMatchRecomputation() {
        var rng = SeededGenerator(seed: 99)
        for _ in 0..<500 {
            var header = rng.bytes(20)
            header[10] = 0
            header[11] = 0
            let fresh = Self.reference(header)
            header[10] = UInt8(fresh >> 8)
            header[11] = UInt8(fresh & 0xff)
            // Rewrite a 32-bit field at an even offset and a 16-bit one, DNAT-style: cksub old, ckadd new.
            for (offset, width) in [(16, 32), (4, 16), (12, 32)] {
                let n = width / 8
                let newValue = rng.bytes(n)
                header.withUnsafeMutableBytes { h in
                    let c = h.baseAddress! + 10
                    Checksum.subtractField(checksum: c, field: h.baseAddress! + offset, bitWidth: width)
                    newValue.withUnsafeBytes { Checksum.addField(checksum: c, field: $0.baseAddress!, bitWidth: width) }
                    h.baseAddress!.advanced(by: offset).copyMemory(from: newValue.withUnsafeBytes { $0.baseAddress! }, byteCount: n)
                }
                var zeroed = header
                zeroed[10] = 0
                zeroed[11] = 0
                let expected = Self.reference(zeroed)
                let got = header.u16be(10)
                // Ones' complement has two zeros; DPDK never stores 0x0000, the reference may.
                #expect(got == expected || (got == 0xFFFF && expected == 0) || (got == 0 && expected == 0xFFFF))
            }
        }
    }

    @Test func oddWidthAndOddOffsetFieldsContributeAsDPDKLoadsThem() {
        // An 8-bit field p adds the big-endian word p << 8, wherever it sits.
        var c: [UInt8] = [0, 0]
        let p: [UInt8] = [0x11]
        c.withUnsafeMutableBytes { cb in p.withUnsafeBytes { Checksum.addField(checksum: cb.baseAddress!, field: $0.baseAddress!, bitWidth: 8) } }
        // ~0 = 0xFFFF (ones'-complement zero) + 0x1100 folds to 0x1100; complement 0xEEFF.
        #expect(c == [0xEE, 0xFF])
        // A 48-bit field is summed as three 16-bit words.
        let mac: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55]
        var d: [UInt8] = [0, 0]
        d.withUnsafeMutableBytes { db in mac.withUnsafeBytes { Checksum.addField(checksum: db.baseAddress!, field: $0.baseAddress!, bitWidth: 48) } }
        #expect(d.u16be(0) == Self.reference(mac))
        // The raw load masks to the width and reads no byte beyond it.
        let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        bytes.withUnsafeBytes {
            #expect(Checksum.load(field: $0.baseAddress!, bitWidth: 24) == 0x03_0201)
            #expect(Checksum.load(field: $0.baseAddress!, bitWidth: 64) == 0x0807_0605_0403_0201)
        }
    }

    @Test func zeroResultIsStoredAsAllOnes() {
        // ~0xFFFF = 0; adding 0 gives 0, whose complement 0xFFFF… and a sum that complements to 0 becomes 0xFFFF.
        #expect(Checksum.add(raw: 0x0000, field: 0xFFFF) == 0xFFFF)
        #expect(Checksum.finish(0xFFFF) == 0xFFFF)
        #expect(Checksum.subtract(raw: 0xFFFF, field: 0) == 0xFFFF)
        // Adding then subtracting the same value returns the original checksum.
        for v: UInt64 in [1, 0x1234, 0xFFFF_FFFF, 0xDEAD_BEEF_0000_0001] {
            #expect(Checksum.subtract(raw: Checksum.add(raw: 0x5A5A, field: v), field: v) == 0x5A5A)
        }
        // Trailing header bytes beyond a multiple of 4 are ignored.
        let h: [UInt8] = [1, 2, 3, 4, 9]
        let a = h.withUnsafeBytes { Checksum.add(raw: 0, header: $0.baseAddress!, byteCount: 5) }
        let b = h.withUnsafeBytes { Checksum.add(raw: 0, header: $0.baseAddress!, byteCount: 4) }
        #expect(a == b)
    }
}
