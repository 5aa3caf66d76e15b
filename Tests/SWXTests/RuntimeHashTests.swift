import Testing
import TestSupport
@testable import SWX

@Suite struct RuntimeHashTests {
    // MARK: jhash

    @Test func jhashMatchesLookup3KnownAnswers() {
        // Known answers printed by lookup3.c's driver5 (hashlittle == rte_jhash with the second seed 0).
        func h(_ s: String, _ seed: UInt32) -> UInt32 {
            Array(s.utf8).withUnsafeBytes { JHash.hash($0.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, count: $0.count, seed: seed) }
        }
        #expect(h("", 0) == 0xdead_beef)
        #expect(h("", 0xdead_beef) == 0xbd5b_7dde)
        #expect(h("Four score and seven years ago", 0) == 0x1777_0551)
        #expect(h("Four score and seven years ago", 1) == 0xcd62_8161)
    }

    @Test func jhashReadsOnlyItsBytes() {
        // Every length 0...40 must hash the same whatever follows the key in memory.
        var rng = SeededGenerator(seed: 7)
        for n in 0...40 {
            let key = rng.bytes(n)
            let a = (key + [0, 0, 0, 0]).withUnsafeBytes { JHash.hash($0.baseAddress!, count: n, seed: 3) }
            let b = (key + [0xff, 0xff, 0xff, 0xff]).withUnsafeBytes { JHash.hash($0.baseAddress!, count: n, seed: 3) }
            #expect(a == b, "length \(n)")
        }
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func jhashReproducesHashFuncGoldenPorts() throws {
        // hash_func.spec: port = jhash(m.src_addr..m.dst_port, little-endian metadata layout, seed 0) & 3.
        let packets = try casePackets("hash_func.case")
        var checked = 0
        for i in stride(from: 0, to: packets.count - 1, by: 2) where packets[i].kind == "in" {
            let p = packets[i].packet
            var tuple: [UInt8] = []
            tuple += withUnsafeBytes(of: p.u32be(26).littleEndian, Array.init)
            tuple += withUnsafeBytes(of: p.u32be(30).littleEndian, Array.init)
            tuple.append(p[23])
            tuple += withUnsafeBytes(of: p.u16be(34).littleEndian, Array.init)
            tuple += withUnsafeBytes(of: p.u16be(36).littleEndian, Array.init)
            let port = tuple.withUnsafeBytes { HashFunction.jhash.hash($0.baseAddress!, count: 13) } & 3
            #expect(Int(port) == packets[i + 1].port, "packet \(i / 2 + 1)")
            checked += 1
        }
        #expect(checked == 5)
    }

    // MARK: CRC32-C

    @Test func crc32MatchesCastagnoliCheckValue() {
        // The CRC-32C check value of "123456789" is 0xE3069283 with init and final inversion; rte_hash_crc
        // applies neither, so seed 0xFFFFFFFF gives the complement.
        let v = Array("123456789".utf8).withUnsafeBytes { CRC32C.hash($0.baseAddress!, count: 9, seed: 0xFFFF_FFFF) }
        #expect(~v == 0xE306_9283)
        #expect(HashFunction.crc32.hash([UInt8](repeating: 0, count: 32), count: 32, seed: 0xFFFF_FFFF) == ~0x8A91_36AA)
    }

    @Test func crc32HardwareAndSoftwareAgree() {
        var rng = SeededGenerator(seed: 11)
        let buffer = rng.bytes(300)
        buffer.withUnsafeBytes { raw in
            for offset in 0..<9 {
                for n in [0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 31, 64, 255] {
                    let seed = UInt32.random(in: 0...UInt32.max, using: &rng)
                    let p = raw.baseAddress! + offset
                    let sw = CRC32C.softwareHash(p, count: n, seed: seed)
                    #expect(CRC32C.hash(p, count: n, seed: seed) == sw, "offset \(offset) length \(n)")
                    #if arch(x86_64)
                    #expect(CRC32C.hardwareHash(p, count: n, seed: seed) == sw)
                    #endif
                }
            }
            let w = raw.loadUnaligned(as: UInt64.self)
            #expect(CRC32C.update(5, w) == CRC32C.softwareUpdate(5, w))
        }
    }

    @Test func hashFunctionNames() {
        #expect(HashFunction(name: "jhash") == .jhash)
        #expect(HashFunction(name: "crc32") == .crc32)
        #expect(HashFunction(name: "crc16") == nil)
        #expect(HashFunction.crc32.name == "crc32")
    }

    // MARK: Toeplitz

    /// The RSS verification suite of the Intel 82599 datasheet (also DPDK app/test/test_thash.c).
    static let msKey: [UInt8] = [
        0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0,
        0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c,
        0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
    ]
    static let vectors: [(dst: UInt32, src: UInt32, dport: UInt16, sport: UInt16, l3: UInt32, l4: UInt32)] = [
        (0xA18E_6450, 0x4209_95BB, 1766, 2794, 0x323e_8fc2, 0x51cc_c178),
        (0x4145_8C53, 0xC75C_6F02, 4739, 14230, 0xd718_262a, 0xc626_b0ea),
        (0x0C16_CFB8, 0x1813_C65F, 38024, 12898, 0xd2d0_a5de, 0x5c2b_394a),
        (0xD18E_A306, 0x261B_CD1E, 2217, 48228, 0x8298_9176, 0xafc7_327f),
        (0xCABC_7F02, 0x9927_A3BF, 1303, 44251, 0x5d18_09c5, 0x10e8_28a2),
    ]

    @Test func softRSSMatchesDatasheetVectors() {
        for v in Self.vectors {
            let words: [UInt32] = [v.src, v.dst, UInt32(v.sport) << 16 | UInt32(v.dport)]
            let l3 = words.withUnsafeBufferPointer { w in
                Self.msKey.withUnsafeBytes { Toeplitz.softRSS(w.baseAddress!, wordCount: 2, key: $0.baseAddress!) }
            }
            let l4 = words.withUnsafeBufferPointer { w in
                Self.msKey.withUnsafeBytes { Toeplitz.softRSS(w.baseAddress!, wordCount: 3, key: $0.baseAddress!) }
            }
            #expect(l3 == v.l3)
            #expect(l4 == v.l4)
        }
    }

    @Test func rssInstructionIsToeplitzOverHostWordsWithDPDKsTopBitShift() throws {
        // The `rss` instruction reads its key in host order: a key whose 32-bit words are byte-swapped gives the
        // datasheet key's words. The only other difference is DPDK's shift by 32 when an input word has bit 31
        // set, which ORs the following key word into the term.
        var swapped: [UInt8] = []
        for i in stride(from: 0, to: Self.msKey.count, by: 4) { swapped += Self.msKey[i..<i + 4].reversed() }
        let key = RSSKey()
        try key.setKey(swapped)
        let keyWords = (0..<10).map { Self.msKey.u32be(4 * $0) }
        for v in Self.vectors {
            let words: [UInt32] = [v.src, v.dst, UInt32(v.sport) << 16 | UInt32(v.dport)]
            var expected = v.l4
            for (i, w) in words.enumerated() where w & 0x8000_0000 != 0 {
                // key[i] | key[i+1] is XORed in where Toeplitz XORs key[i].
                expected ^= keyWords[i + 1] & ~keyWords[i]
            }
            let got = words.withUnsafeBytes { key.hash($0.baseAddress!, byteCount: 12) }
            #expect(got == expected)
            // Trailing bytes beyond a multiple of 4 are ignored.
            let got13 = (words.withUnsafeBytes(Array.init) + [0xff]).withUnsafeBytes { key.hash($0.baseAddress!, byteCount: 13) }
            #expect(got13 == expected)
        }
    }

    @Test func rssKeyDefaultsAndWraps() throws {
        let key = RSSKey()
        #expect(key.bytes == [0, 0, 0, 0])
        let data: [UInt32] = [0x0000_0001, 0x0000_0001]
        #expect(data.withUnsafeBytes { key.hash($0.baseAddress!, byteCount: 8) } == 0)
        // One-word key: every data word uses key[0] and (wrapping) key[0] again.
        try key.setKey(withUnsafeBytes(of: UInt32(0x8000_0001).littleEndian, Array.init))
        // bit 0 of each word: key0 << 31 | key0 >> 1 = 0x80000000 | 0x40000000.
        #expect(data.withUnsafeBytes { key.hash($0.baseAddress!, byteCount: 8) } == 0)
        #expect(data.withUnsafeBytes { key.hash($0.baseAddress!, byteCount: 4) } == 0xC000_0000)
        #expect(throws: SWXRuntimeError.self) { try key.setKey([1, 2, 3]) }
    }

    // MARK: Selector hash

    @Test func selectorHashFollowsDPDKsMix() {
        var rng = SeededGenerator(seed: 5)
        let key = rng.bytes(64)
        let ones = [UInt8](repeating: 0xff, count: 64)
        func w(_ i: Int) -> UInt64 { key.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self) } }
        func crc(_ c: UInt64, _ v: UInt64) -> UInt64 { UInt64(CRC32C.softwareUpdate(UInt32(truncatingIfNeeded: c), v)) }
        func sel(_ n: Int, _ mask: [UInt8] = ones) -> UInt32 {
            key.withUnsafeBytes { k in mask.withUnsafeBytes { SelectorHash.hash(k.baseAddress!, mask: $0.baseAddress!, size: n) } }
        }
        #expect(sel(8) == UInt32(crc(0, w(0))))
        #expect(sel(16) == UInt32(truncatingIfNeeded: crc(w(0), 0) ^ crc(w(0) >> 32, w(1))))
        let c32a = crc(crc(w(0), 0), crc(w(0) >> 32, w(1)))
        let c32b = crc(crc(w(2), w(3)), w(2) >> 32)
        #expect(sel(32) == UInt32(truncatingIfNeeded: c32a ^ c32b))
        let c0 = crc(crc(w(0), 0), (crc(w(0) >> 32, w(1)) << 32) ^ crc(w(2), w(3)))
        let c1 = crc(crc(w(2) >> 32, w(4)), (crc(w(5), w(6)) << 32) ^ crc(w(5) >> 32, w(7)))
        #expect(sel(64) == UInt32(truncatingIfNeeded: c0 ^ c1))
        // A 13-byte selector hashes as 16 bytes whose last 3 are zero; masked-out bytes do not matter.
        var padded = Array(key[0..<13]) + [0, 0, 0]
        let p16 = padded.withUnsafeBytes { k in ones.withUnsafeBytes { SelectorHash.hash(k.baseAddress!, mask: $0.baseAddress!, size: 16) } }
        #expect(sel(13) == p16)
        var mask = ones
        mask[2] = 0
        padded[2] = 0
        let masked = padded.withUnsafeBytes { k in ones.withUnsafeBytes { SelectorHash.hash(k.baseAddress!, mask: $0.baseAddress!, size: 13) } }
        #expect(sel(13, mask) == masked)
        #expect(SelectorHash.roundedSize(1) == 8 && SelectorHash.roundedSize(9) == 16 && SelectorHash.roundedSize(33) == 64)
    }

    // MARK: Vectors from DPDK's own code

    /// Outputs of DPDK @38f72e500b3b code compiled with gcc -O2 -msse4.2 on x86-64: `rte_jhash` (rte_jhash.h
    /// unchanged), the selector `hash()` of rte_swx_table_selector.c and `rss_func` of rte_swx_pipeline_internal.h.
    /// Input: `buf[i] = i * 7 + 3`; selector mask byte i is 0x0f when i mod 5 == 2, else 0xff.
    static let dpdkJHash: [String] = [
        "0:deadbeef:f0e21567 1:06ea41b7:c8385b36 2:cec34504:ad94068f 3:f39f696b:073086c4 4:97aae1e3:5cafe19d 5:a2d9aa3d:ce8f9529",
        "6:362f26e4:31dfe821 7:d9d0c589:04b7323b 8:a88c5dbc:85b94453 9:ef119fbc:a9c3390b 10:6f34c39d:8364b493 11:5f8000b1:97ad834b",
        "12:cbd79b18:57a4da27 13:96559348:832f0bec 14:5f282360:04f1d1d2 15:f5c415d1:f29901c6 16:94fbe63a:eee07523 17:85850a0b:aa6c9eed",
        "18:baf3e344:bda720d1 19:cb453ab7:32f8333d 20:733bbbca:73b26f32 21:09d3a9c8:d4294f0d 22:9587a474:9e0e1ade 23:073188ce:44b40568",
        "24:0d31520c:f779b336 25:26594906:ca545a8b 26:414c6dc5:23463e97 27:6dfd2528:2dee926a 28:6b3827f1:df99ade0 29:0f7db55f:9a84eab9",
        "30:39ed04d9:20786b4d 31:8eba4616:ef2bb909 32:8b71ba1c:a5713e86 33:f58e9eff:7db42dbf 34:49d64510:ccba61cb 35:fd9361a9:1ad59449",
        "36:7d8a567d:7e58f1ce 37:5d8b251d:5ce7c011 38:01a4fc0b:bca72585 39:724b8905:276adf68 40:36e88c11:27b24153",
    ]
    static let dpdkSelector = "8:aee20bed 16:f92e469b 32:9ffc2ab3 64:012f9a82"
    static let dpdkRSS = "4:899248a4 8:d0c50f4c 12:ab02a82d 16:0f63e16d 20:00cee588 24:290e439c 28:79525be8 32:4d8a6fc4 36:5b0f99ba 40:0f4ffe77"

    static let pattern: [UInt8] = (0..<128).map { UInt8(truncatingIfNeeded: $0 * 7 + 3) }

    @Test func jhashMatchesDPDKForEveryLengthUpTo40() {
        var checked = 0
        for item in Self.dpdkJHash.joined(separator: " ").split(separator: " ") {
            let f = item.split(separator: ":")
            let n = Int(f[0])!
            Self.pattern.withUnsafeBytes { raw in
                #expect(JHash.hash(raw.baseAddress! + 1, count: n, seed: 0) == UInt32(f[1], radix: 16)!, "length \(n)")
                #expect(JHash.hash(raw.baseAddress! + 1, count: n, seed: 0x1234_5678) == UInt32(f[2], radix: 16)!, "length \(n)")
            }
            checked += 1
        }
        #expect(checked == 41)
    }

    @Test func selectorHashMatchesDPDK() {
        let mask: [UInt8] = (0..<64).map { $0 % 5 == 2 ? 0x0f : 0xff }
        for item in Self.dpdkSelector.split(separator: " ") {
            let f = item.split(separator: ":")
            let n = Int(f[0])!
            let got = Self.pattern.withUnsafeBytes { k in mask.withUnsafeBytes { SelectorHash.hash(k.baseAddress!, mask: $0.baseAddress!, size: n) } }
            #expect(got == UInt32(f[1], radix: 16)!, "size \(n)")
        }
    }

    @Test func rssMatchesDPDKIncludingKeyWrapAndTopBit() throws {
        let key = RSSKey()
        try key.setKey(Array(Self.pattern[40..<52]))
        for item in Self.dpdkRSS.split(separator: " ") {
            let f = item.split(separator: ":")
            let n = Int(f[0])!
            let got = Self.pattern.withUnsafeBytes { key.hash($0.baseAddress!, byteCount: n) }
            #expect(got == UInt32(f[1], radix: 16)!, "\(n) bytes")
        }
    }
}
