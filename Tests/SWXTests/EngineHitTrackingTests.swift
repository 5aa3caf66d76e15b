import SWX
import Testing

/// Per-entry last-hit times (idle timeouts): recorded only where enabled, reset on id reuse, carried through
/// commits, failed commits and table copies.
@Suite struct EngineHitTrackingTests {
    let a = "001122334455", b = "001122334466"

    /// An LPM table on the destination MAC (a wildcard table).
    static let routed = EngineSamples.spec("""
        struct port_args_t {
            bit<32> port_out
        }
        action fwd args instanceof port_args_t {
            mov m.port_out t.port_out
            return
        }
        action flood args none {
            mov m.port_out 3
            return
        }
        table route {
            key {
                h.ethernet.dst_addr lpm
            }
            actions {
                fwd
                flood
            }
            default_action flood args none
            size 64
        }
        """, apply: """
            rx m.port_in
            extract h.ethernet
            table route
            emit h.ethernet
            tx m.port_out
        """)

    private func id(_ p: SWXPipeline, _ table: String, _ mac: String) throws -> UInt32 {
        let key = EngineSamples.hexBytes(mac)
        return try #require(try p.entryID(ofTable: table, match: SpecEntryMatch(key: key, mask: key.map { _ in 0xFF },
                                                                                priority: 0)))
    }

    @Test func hitsAreRecordedWithTheBurstClockOnlyWhenEnabled() throws {
        let clock = SWXManualClock(nanoseconds: 5_000)
        let p = try EngineSamples.pipeline(EngineSamples.forwarding, clock: clock)
        try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 1\nmatch 0x\(b) action fwd port_out 2\n")
        let ida = try id(p, "mac", a), idb = try id(p, "mac", b)
        #expect(try !p.isTrackingHits(table: "mac"))
        #expect(throws: SWXPipelineError.self) { try p.lastHit(table: "mac", entryID: ida) }
        _ = p.process(EngineSamples.packet(to: a), port: 0)

        try p.enableHitTracking(table: "mac")
        #expect(try p.isTrackingHits(table: "mac"))
        // A hit before tracking was enabled is not remembered.
        #expect(try p.lastHit(table: "mac", entryID: ida) == nil)
        clock.set(nanoseconds: 7_000)
        _ = p.process(EngineSamples.packet(to: a), port: 0)
        _ = p.process(EngineSamples.packet(to: "00000000beef"), port: 0)  // a miss touches nothing
        #expect(try p.lastHit(table: "mac", entryID: ida) == 7_000)
        #expect(try p.lastHit(table: "mac", entryID: idb) == nil)
        clock.set(nanoseconds: 9_000)
        _ = p.process(EngineSamples.packet(to: b), port: 0)

        let ids: [UInt32] = [idb, 0, ida, 999]
        var hits = [UInt64](repeating: 42, count: ids.count)
        try ids.withUnsafeBufferPointer { ids in
            try hits.withUnsafeMutableBufferPointer { try p.lastHits(table: "mac", entryIDs: ids, into: $0) }
        }
        #expect(hits == [9_000, 0, 7_000, 0])

        try p.disableHitTracking(table: "mac")
        #expect(try !p.isTrackingHits(table: "mac"))
        var code: SWXPipelineError.Code?
        do { try p.enableHitTracking(table: "nothing") } catch { code = error.code }
        #expect(code == .notFound)
    }

    @Test func aReusedIDStartsNeverHitAndModifyKeepsTheTime() throws {
        let clock = SWXManualClock(nanoseconds: 1_000)
        let p = try EngineSamples.pipeline(EngineSamples.forwarding, clock: clock)
        try p.enableHitTracking(table: "mac")
        try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 1\n")
        let first = try id(p, "mac", a)
        _ = p.process(EngineSamples.packet(to: a), port: 0)
        try p.stage(table: "mac", .modify, entriesText: "match 0x\(a) action fwd port_out 2")
        try p.commit()
        #expect(try p.lastHit(table: "mac", entryID: first) == 1_000)
        try p.stage(table: "mac", .delete, entriesText: "match 0x\(a)")
        try p.commit()
        #expect(try p.lastHit(table: "mac", entryID: first) == nil)
        try p.importEntries(table: "mac", text: "match 0x\(b) action fwd port_out 1\n")
        #expect(try id(p, "mac", b) == first)  // the freed id is reused for another key
        #expect(try p.lastHit(table: "mac", entryID: first) == nil)
    }

    @Test func aFailedCommitRestoresTheTimeOfADeletedEntry() throws {
        let clock = SWXManualClock(nanoseconds: 3_000)
        let p = try EngineSamples.pipeline(EngineSamples.forwarding, clock: clock)
        try p.enableHitTracking(table: "mac")
        try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 1\n")
        _ = p.process(EngineSamples.packet(to: a), port: 0)
        try p.stage(table: "mac", .delete, entriesText: "match 0x\(a)")
        try p.stage(table: "mac", .modify, entriesText: "match 0x\(b) action fwd port_out 0")  // fails: absent
        #expect(throws: SWXPipelineError.self) { try p.commit() }
        let restored = try id(p, "mac", a)
        #expect(try p.lastHit(table: "mac", entryID: restored) == 3_000)
        // The match-based form used by device-level undo agrees.
        let key = EngineSamples.hexBytes(a)
        let match = SpecEntryMatch(key: key, mask: key.map { _ in 0xFF }, priority: 0)
        #expect(p.lastHit(ofTable: "mac", match: match) == 3_000)
        p.setLastHit(ofTable: "mac", match: match, 4_000)
        #expect(try p.lastHit(table: "mac", entryID: restored) == 4_000)
    }

    @Test func wildcardTablesTrackTheWinningEntry() throws {
        let clock = SWXManualClock(nanoseconds: 10)
        let p = try EngineSamples.pipeline(Self.routed, clock: clock)
        try p.enableHitTracking(table: "route")
        try p.importEntries(table: "route", text: """
            match 0x001122000000/0xffffff000000 action fwd port_out 1
            match 0x001122334400/0xffffffffff00 action fwd port_out 2

            """)
        let entries = try p.entries(ofTable: "route")
        #expect(entries.count == 2)
        _ = p.process(EngineSamples.packet(to: a), port: 0)  // the /40 wins
        clock.set(nanoseconds: 20)
        _ = p.process(EngineSamples.packet(to: "001122000001"), port: 0)  // only the /24
        // LPM priority is 48 − prefix: the /24 has the larger number.
        let short = try #require(entries.max { ($0.entry.match?.priority ?? 0) < ($1.entry.match?.priority ?? 0) })
        let long = try #require(entries.first { $0.id != short.id })
        #expect(try p.lastHit(table: "route", entryID: long.id) == 10)
        #expect(try p.lastHit(table: "route", entryID: short.id) == 20)
    }

    @Test func tableCopiesCarryTheTimes() throws {
        let table = try ExactMatchTable(keySize: 4, actionDataSize: 0, capacity: 8)
        let id = try table.add(key: [1, 2, 3, 4], actionID: 0)
        #expect(!table.isTrackingHits)
        table.recordHit(id, now: 5)
        #expect(table.lastHit(ofEntry: id) == nil)
        table.enableHitTracking()
        table.recordHit(id, now: 6)
        table.recordHit(9, now: 7)  // beyond the capacity: ignored
        let copy = table.copy()
        #expect(copy.isTrackingHits)
        #expect(copy.lastHit(ofEntry: id) == 6)
        copy.recordHit(id, now: 8)
        #expect(table.lastHit(ofEntry: id) == 6)  // independent

        let wildcard = try WildcardTable(keySize: 1, actionDataSize: 0, capacity: 200)
        wildcard.enableHitTracking()
        var last: UInt32 = 0
        for k in 0..<100 { last = try wildcard.add(key: [UInt8(k)], mask: [0xFF], priority: 0, actionID: 0) }
        wildcard.recordHit(last, now: 11)  // an id past the initial 64 records: the times grew with them
        #expect(wildcard.copy().lastHit(ofEntry: last) == 11)
    }
}
