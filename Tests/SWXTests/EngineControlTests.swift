import SWX
import Testing

/// The control API: staged table changes, commit/abort atomicity, reads, text import/export, default entries.
@Suite struct EngineControlTests {
    let a = "001122334455", b = "001122334466"

    @Test func stagedChangesBecomeVisibleOnlyAtCommit() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        try p.stage(table: "mac", .insert, entriesText: "match 0x\(a) action fwd port_out 1")
        #expect(p.hasPendingChanges)
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [3])
        try p.commit()
        #expect(!p.hasPendingChanges)
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [1])
        #expect(outputPorts(p, EngineSamples.packet(to: b)) == [3])
    }

    @Test func abortDiscardsStagedChanges() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        try p.stage(table: "mac", .insert, entriesText: "match 0x\(a) action fwd port_out 1")
        p.abort()
        try p.commit()
        #expect(try p.entries(ofTable: "mac").isEmpty)
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [3])
    }

    @Test func failedCommitLeavesNothingApplied() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        try p.importEntries(table: "mac", text: "match 0x\(b) action fwd port_out 2\n")
        try p.stage(table: "mac", .insert, entriesText: "match 0x\(a) action fwd port_out 1")
        try p.stage(table: "mac", .modify, entriesText: "match 0x\(b) action fwd port_out 0")
        try p.stage(table: "mac", .insert, entriesText: "match 0x\(b) action fwd port_out 1")
        #expect(throws: SWXPipelineError.self) { try p.commit() }
        do {
            try p.commit()
        } catch {
            Issue.record("the staged list must be empty after a failed commit: \(error)")
        }
        let entries = try p.entries(ofTable: "mac")
        #expect(entries.count == 1)
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [3])
        #expect(outputPorts(p, EngineSamples.packet(to: b)) == [2])
    }

    @Test func insertModifyDeleteReportCanonicalCodes() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 1")
        try p.stage(table: "mac", .insert, entriesText: "match 0x\(a) action fwd port_out 2")
        #expect(throws: SWXPipelineError(.alreadyExists, "change 0 (table mac): key 0x\(a) is already entry 1")) {
            try p.commit()
        }
        try p.stage(table: "mac", .modify, entriesText: "match 0x\(b) action fwd port_out 2")
        var code: SWXPipelineError.Code?
        do { try p.commit() } catch { code = error.code }
        #expect(code == .notFound)
        try p.stage(table: "mac", .delete, entriesText: "match 0x\(a)")
        try p.commit()
        #expect(try p.entries(ofTable: "mac").isEmpty)
        #expect(throws: SWXPipelineError.self) { try p.stage(table: "nope", .insert, entriesText: "") }
    }

    @Test func entryIDsAreStableAndExportRoundTrips() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        let text = (1...5).map { "match 0x00000000000\($0) action fwd port_out \($0 % 4)\n" }.joined()
        try p.importEntries(table: "mac", text: text)
        let before = try p.entries(ofTable: "mac")
        #expect(before.map(\.id) == [1, 2, 3, 4, 5])
        try p.stage(table: "mac", .delete, entriesText: "match 0x000000000002")
        try p.commit()
        let after = try p.entries(ofTable: "mac")
        #expect(after.map(\.id) == [1, 3, 4, 5])
        #expect(after.map(\.entry) == before.filter { $0.id != 2 }.map(\.entry))
        let exported = try p.exportEntries(ofTable: "mac")
        let q = try EngineSamples.pipeline(EngineSamples.forwarding)
        try q.importEntries(table: "mac", text: exported)
        #expect(try q.entries(ofTable: "mac").map(\.entry) == after.map(\.entry))
    }

    @Test func defaultEntriesFollowScopesAndConst() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        try p.stageDefault(table: "mac", text: "action drop_packet")
        try p.commit()
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [])
        #expect(p.portStatistics().drops[.dropInstruction] == 1)
        try p.stageDefault(table: "mac", text: "action fwd port_out 2")
        try p.commit()
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [2])
        #expect(try p.defaultEntry(ofTable: "mac").actionData == [2, 0, 0, 0])
        var code: SWXPipelineError.Code?
        do { try p.stageDefault(table: "fixed", text: "action flood") } catch { code = error.code }
        #expect(code == .failedPrecondition)
        code = nil
        do { try p.stage(table: "mac", .insert, entriesText: "match 0x\(a) action drop_packet") } catch {
            code = error.code
        }
        #expect(code == .invalidArgument)
    }

    @Test func statisticsCountLookupsAndPorts() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding,
                                           configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 4))
        try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 1\nmatch 0x\(b) action fwd port_out 9")
        _ = p.process(EngineSamples.packet(to: a), port: 1)
        _ = p.process(EngineSamples.packet(to: a), port: 0)
        _ = p.process(EngineSamples.packet(to: b), port: 0)
        _ = p.process(EngineSamples.packet(to: "ffffffffffff"), port: 0)
        let t = try p.tableStatistics("mac")
        #expect(t.hits == 3 && t.misses == 1)
        #expect(t.actionCounts == [3, 1, 0])
        let s = p.portStatistics()
        #expect(s.rxPackets == [3, 1])
        #expect(s.txPackets == [0, 2, 0, 1])
        #expect(s.txBytes[1] == 36)
        #expect(s.drops[.invalidOutputPort] == 1)
        #expect(s.dropped == 1)
        #expect(s.dropPackets == [1, 0])
    }
}

/// Selector groups from the control plane.
@Suite struct EngineSelectorControlTests {
    static let spec = EngineSamples.spec("""
        selector lb {
            group_id m.scratch
            selector {
                h.ethernet.src_addr
            }
            member_id m.port_out
            n_groups_max 4
            n_members_per_group_max 4
        }
        """, apply: """
            rx m.port_in
            extract h.ethernet
            mov m.scratch h.ethernet.dst_addr
            table lb
            emit h.ethernet
            tx m.port_out
        """)

    @Test func groupMembersImportAndSelect() throws {
        let p = try EngineSamples.pipeline(Self.spec)
        try p.importSelectorMembers("lb", text: "# groups\ngroup 1 member 2 weight 1\ngroup 3 member 1\n")
        #expect(try p.selectorGroupMembers("lb", group: 1) == [SelectorMember(memberID: 2, weight: 1)])
        #expect(outputPorts(p, EngineSamples.packet(to: "000000000001")) == [2])
        #expect(outputPorts(p, EngineSamples.packet(to: "000000000003")) == [1])
        #expect(outputPorts(p, EngineSamples.packet(to: "000000000002")) == [0])
        // A member id at n_members_per_group_max is refused and nothing of the import is applied.
        #expect(throws: SWXPipelineError.self) {
            try p.importSelectorMembers("lb", text: "group 2 member 1\ngroup 1 member 4\n")
        }
        #expect(try p.selectorGroupMembers("lb", group: 2) == [])
        try p.setSelectorGroup("lb", group: 1, members: [])
        #expect(outputPorts(p, EngineSamples.packet(to: "000000000001")) == [0])
    }
}
