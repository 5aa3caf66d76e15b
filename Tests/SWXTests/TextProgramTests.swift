import Foundation
import SWX
import TestSupport
import Testing

/// `SpecProgram.specText` prints a program that loads back to the same program.
@Suite struct TextProgramTests {
    /// The program with every source position (lines, label names) cleared.
    static func normalized(_ program: SpecProgram) -> SpecProgram {
        var p = program
        func clear(_ block: SpecInstructionBlock) -> SpecInstructionBlock {
            SpecInstructionBlock(instructions: block.instructions, lines: [], labels: [:])
        }
        for i in p.structs.indices { p.structs[i].line = 0 }
        for i in p.headers.indices { p.headers[i].line = 0 }
        for i in p.actions.indices {
            p.actions[i].line = 0
            p.actions[i].body = clear(p.actions[i].body)
        }
        for i in p.tables.indices { p.tables[i].line = 0 }
        for i in p.selectors.indices { p.selectors[i].line = 0 }
        for i in p.learners.indices { p.learners[i].line = 0 }
        for i in p.registerArrays.indices { p.registerArrays[i].line = 0 }
        for i in p.meterArrays.indices { p.meterArrays[i].line = 0 }
        for i in p.rssObjects.indices { p.rssObjects[i].line = 0 }
        for i in p.externObjects.indices { p.externObjects[i].line = 0 }
        for i in p.warnings.indices { p.warnings[i].line = 0 }
        p.apply = clear(p.apply)
        p.applyLine = 0
        return p
    }

    static func expectRoundTrip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let program = try SpecLoader.load(text)
        let printed = program.specText
        let reloaded = try SpecLoader.load(printed)
        #expect(normalized(reloaded) == normalized(program), sourceLocation: sourceLocation)
        #expect(reloaded.specText == printed, sourceLocation: sourceLocation)
    }

    @Test func inlineSpecsRoundTrip() throws {
        try Self.expectRoundTrip(SpecSamples.applying("""
                extract h.ipv4
                jmpeq SKIP h.ipv4.proto 6
                hash crc32 m.a h.ipv4.sa h.ipv4.da
                ckadd h.ipv4.csum h.ipv4
            SKIP : regadd r m.c 0x10
                mov m.wide h.v6.sa
                movh h.v6.hi m.wide
            """, declarations: """
            struct v6_t {
                bit<128> sa
                bit<64> hi
            }
            header v6 instanceof v6_t
            regarray r size 3 initval 0xff

            """))
    }

    @Test func instructionTextUsesSourceNames() throws {
        let program = try SpecLoader.load(SpecSamples.applying("    L1 : jmpgt L1X m.a h.eth.type\n    L1X : mov m.b 5"))
        let block = program.apply
        #expect(program.text(of: block.instructions[1], in: block) == "jmpgt L1X m.a h.eth.type")
        #expect(program.text(of: block.instructions[2], in: block) == "mov m.b 0x5")
        #expect(program.fieldName(block.instructions[0].fieldOperands[0]) == "m.port")
    }
}

@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct TextProgramCorpusTests {
    static func loadableSpecs() -> [String] {
        SpecCorpusTests.expectations().filter(\.loads).map(\.path) + ["k8s_dp/pipe/k8s_dp.spec",
                                                                     "_quirks/metadata-offset-256/off256.spec"]
    }

    @Test(arguments: TextProgramCorpusTests.loadableSpecs())
    func corpusSpecRoundTrips(_ path: String) throws {
        try TextProgramTests.expectRoundTrip(try String(contentsOf: Fixtures.shared("swx/" + path), encoding: .utf8))
    }
}
