import Foundation
import TestSupport

/// Deterministic pseudo-random numbers for the runtime tests (SplitMix64; no global seeding).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8.random(in: 0...255, using: &self) } }
}

/// Bytes of a lowercase/uppercase hex string (no separators, optional 0x).
func bytes(hex: String) -> [UInt8] {
    var s = Substring(hex)
    if s.hasPrefix("0x") { s = s.dropFirst(2) }
    if s.count % 2 == 1 { s = "0" + s }
    var out: [UInt8] = []
    var i = s.startIndex
    while i < s.endIndex {
        let j = s.index(i, offsetBy: 2)
        out.append(UInt8(s[i..<j], radix: 16) ?? 0)
        i = j
    }
    return out
}

/// The `in`/`out` packet lines of a `.case` file under `dpdk-examples/` as (directive, port, bytes).
func casePackets(_ name: String) throws -> [(kind: String, port: Int, packet: [UInt8])] {
    let text = try String(contentsOf: Fixtures.shared("swx/dpdk-examples/\(name)"), encoding: .utf8)
    var out: [(String, Int, [UInt8])] = []
    for line in text.split(separator: "\n") {
        let t = line.split(separator: " ")
        if t.count == 3, t[0] == "in" || t[0] == "out", let port = Int(t[1]) {
            out.append((String(t[0]), port, bytes(hex: String(t[2]))))
        }
    }
    return out
}

extension Array where Element == UInt8 {
    func u16be(_ offset: Int) -> UInt16 { UInt16(self[offset]) << 8 | UInt16(self[offset + 1]) }
    func u32be(_ offset: Int) -> UInt32 {
        UInt32(u16be(offset)) << 16 | UInt32(u16be(offset + 2))
    }
}
