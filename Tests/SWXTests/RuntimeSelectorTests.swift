import Testing
@testable import SWX

@Suite struct RuntimeSelectorTests {
    /// DPDK's normalisation loop, literally (only for small weights).
    static func literalNormalize(_ w: [UInt64]) -> [UInt64] {
        var n = w
        let smallest = w.min()!
        var d: UInt64 = 2
        while d <= smallest {
            if n.allSatisfy({ $0 % d == 0 }) { n = n.map { $0 / d } }
            d += 1
        }
        return n
    }

    @Test func normalisationMatchesDPDKsLoop() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<3000 {
            let k = Int.random(in: 1...6, using: &rng)
            let base = UInt64.random(in: 1...12, using: &rng)
            let w = (0..<k).map { _ in base * UInt64.random(in: 1...30, using: &rng) }
            #expect(SelectorTable.normalize(w) == Self.literalNormalize(w), "weights \(w)")
        }
        // DPDK divides by each divisor once: 4 and 8 become 2 and 4.
        #expect(SelectorTable.normalize([4, 8]) == [2, 4])
        #expect(SelectorTable.normalize([12, 18]) == [2, 3])
        // Large prime factors finish quickly (DPDK would loop up to the smallest weight).
        let p: UInt64 = 4_294_967_291
        #expect(SelectorTable.normalize([p, 2 * p]) == [1, 2])
        #expect(SelectorTable.normalize([p * 4, p * 8]) == [2, 4])
    }

    @Test func groupArrayFollowsDPDKsReplication() throws {
        let s = try SelectorTable(selectorSize: 4, groupCount: 3, membersPerGroup: 12)
        #expect(s.groupCount == 4 && s.membersPerGroup == 16)
        try s.setGroup(1, members: [SelectorMember(memberID: 5, weight: 4), SelectorMember(memberID: 9, weight: 8)])
        // Normalised 2 and 4 (sum 6): ×2 each, then the remaining 4 slots go 2 to member 5 and 2 to member 9.
        #expect(s.slots(ofGroup: 1) == [UInt32](repeating: 5, count: 6) + [UInt32](repeating: 9, count: 10))
        try s.setGroup(2, members: [SelectorMember(memberID: 1, weight: 1), SelectorMember(memberID: 2, weight: 1),
                                    SelectorMember(memberID: 3, weight: 1)])
        #expect(s.slots(ofGroup: 2) == [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3])
        // Errors leave the group unchanged.
        let before = s.slots(ofGroup: 1)
        #expect(throws: SWXRuntimeError.self) { try s.setGroup(1, members: [SelectorMember(memberID: 1, weight: 9), SelectorMember(memberID: 2, weight: 8)]) }
        #expect(throws: SWXRuntimeError.self) { try s.setGroup(1, members: [SelectorMember(memberID: 16, weight: 1)]) }
        #expect(throws: SWXRuntimeError.self) { try s.setGroup(1, members: [SelectorMember(memberID: 1, weight: 0)]) }
        #expect(throws: SWXRuntimeError.self) { try s.setGroup(1, members: [SelectorMember(memberID: 1, weight: 1), SelectorMember(memberID: 1, weight: 2)]) }
        #expect(throws: SWXRuntimeError.self) { try s.setGroup(4, members: []) }
        #expect(throws: SWXRuntimeError.self) {
            try s.setGroup(1, members: (0..<17).map { SelectorMember(memberID: UInt32($0 % 16), weight: 1) })
        }
        #expect(s.slots(ofGroup: 1) == before)
        #expect(s.members(ofGroup: 1)?.map(\.memberID) == [5, 9])
        // Sixteen members of weight 1 fill the array exactly.
        try s.setGroup(3, members: (0..<16).map { SelectorMember(memberID: UInt32(15 - $0), weight: 1) })
        #expect(s.slots(ofGroup: 3) == (0..<16).map { UInt32(15 - $0) })
        let c = s.copy()
        try c.clearGroup(3)
        #expect(s.slots(ofGroup: 3) == (0..<16).map { UInt32(15 - $0) })
        #expect(c.slots(ofGroup: 3) == [UInt32](repeating: 0, count: 16))
        #expect(c.slots(ofGroup: 1) == s.slots(ofGroup: 1) && c.members(ofGroup: 2) == s.members(ofGroup: 2))
    }

    @Test func selectionUsesTheMaskedHashAndEmptyGroupsGiveMemberZero() throws {
        // A 6-byte selector with a hole at byte 2.
        let mask: [UInt8] = [0xFF, 0xFF, 0x00, 0xFF, 0xFF, 0xFF]
        let s = try SelectorTable(selectorSize: 6, selectorMask: mask, groupCount: 8, membersPerGroup: 8)
        try s.setGroup(7, members: [SelectorMember(memberID: 3, weight: 1), SelectorMember(memberID: 6, weight: 3)])
        var rng = SeededGenerator(seed: 17)
        var picks: [UInt32: Int] = [:]
        for _ in 0..<4000 {
            var sel = rng.bytes(6)
            let h = sel.withUnsafeBytes { k in mask.withUnsafeBytes { SelectorHash.hash(k.baseAddress!, mask: $0.baseAddress!, size: 6) } }
            let expected = s.slots(ofGroup: 7)[Int(h & 7)]
            let got = sel.withUnsafeBytes { s.select(groupID: 7, selector: $0.baseAddress!) }
            #expect(got == expected)
            // The masked-out byte does not change the choice; the group id is masked to 3 bits.
            sel[2] ^= 0xFF
            #expect(sel.withUnsafeBytes { s.select(groupID: 15, selector: $0.baseAddress!) } == got)
            #expect(sel.withUnsafeBytes { s.select(groupID: 0, selector: $0.baseAddress!) } == 0)
            picks[got, default: 0] += 1
        }
        #expect(Set(picks.keys) == [3, 6])
        #expect(picks[6]! > 2 * picks[3]!)
        try s.clearGroup(7)
        #expect(s.members(ofGroup: 7) == nil)
        #expect([UInt8](repeating: 1, count: 6).withUnsafeBytes { s.select(groupID: 7, selector: $0.baseAddress!) } == 0)
        #expect(throws: SWXRuntimeError.self) { try SelectorTable(selectorSize: 65, groupCount: 1, membersPerGroup: 1) }
        #expect(throws: SWXRuntimeError.self) { try SelectorTable(selectorSize: 4, groupCount: 0, membersPerGroup: 1) }
        #expect(throws: SWXRuntimeError.self) { try SelectorTable(selectorSize: 4, selectorMask: [0xFF], groupCount: 1, membersPerGroup: 1) }
    }
}
