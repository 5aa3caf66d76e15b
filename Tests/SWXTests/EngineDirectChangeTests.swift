import SWX
import Testing

/// `SWXPipeline.apply(table:_:entry:)`: one table change applied at once, exactly as stage + commit of it alone.
@Suite struct EngineDirectChangeTests {
    let a = "001122334455", b = "001122334466"

    /// The entry a text line stages, read back from a scratch pipeline.
    func entry(_ line: String) throws -> SpecTableEntry {
        let scratch = try EngineSamples.pipeline(EngineSamples.forwarding)
        try scratch.importEntries(table: "mac", text: line + "\n")
        return try #require(try scratch.entries(ofTable: "mac").first).entry
    }

    @Test func appliedChangesAreVisibleAtOnceAndLeaveStagedChangesAlone() throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        try p.stage(table: "mac", .insert, entriesText: "match 0x\(b) action fwd port_out 1")
        try p.apply(table: "mac", .insert, entry: try entry("match 0x\(a) action fwd port_out 2"))
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [2])
        #expect(p.hasPendingChanges)
        #expect(outputPorts(p, EngineSamples.packet(to: b)) == [3])
        try p.commit()
        #expect(outputPorts(p, EngineSamples.packet(to: b)) == [1])

        try p.apply(table: "mac", .modify, entry: try entry("match 0x\(a) action fwd port_out 0"))
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [0])
        let key = try entry("match 0x\(a) action flood")
        try p.apply(table: "mac", .delete, entry: SpecTableEntry(match: key.match, action: nil))
        #expect(outputPorts(p, EngineSamples.packet(to: a)) == [3])
    }

    @Test func failuresChangeNothingAndReadAsACommitOfTheOneChange() throws {
        let present = try entry("match 0x\(a) action fwd port_out 2")
        let absent = try entry("match 0x\(b) action fwd port_out 1")
        let cases: [(SWXTableOperation, SpecTableEntry)] = [(.insert, present), (.modify, absent), (.delete, absent)]
        for (operation, change) in cases {
            let direct = try EngineSamples.pipeline(EngineSamples.forwarding)
            let staged = try EngineSamples.pipeline(EngineSamples.forwarding)
            for p in [direct, staged] { try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 2\n") }
            let before = try direct.exportEntries(ofTable: "mac")
            let directError = #expect(throws: SWXPipelineError.self) {
                try direct.apply(table: "mac", operation, entry: change)
            }
            try staged.stage(table: "mac", operation, entry: change)
            let stagedError = #expect(throws: SWXPipelineError.self) { try staged.commit() }
            #expect(directError?.code == stagedError?.code)
            #expect(directError?.message == stagedError?.message)
            #expect(try direct.exportEntries(ofTable: "mac") == before)
        }
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        #expect(throws: SWXPipelineError.self) { try p.apply(table: "nope", .insert, entry: present) }
        var wrongWidth = present
        wrongWidth.match?.key.append(0)
        #expect(throws: SWXPipelineError.self) { try p.apply(table: "mac", .insert, entry: wrongWidth) }
        #expect(try p.entries(ofTable: "mac").isEmpty)
    }
}
