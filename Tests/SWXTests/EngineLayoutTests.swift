@testable import SWX
import Testing

/// The packet path depends on ops being small POD values (swift-notes §5: stride 24 in the measured designs).
@Suite struct EngineLayoutTests {
    @Test func opsAndFieldsStaySmall() {
        #expect(MemoryLayout<EngineField>.size == 8)
        #expect(MemoryLayout<EngineBytes>.size == 8)
        #expect(MemoryLayout<EngineOp>.stride <= 24)
        #expect(_isPOD(EngineOp.self))
        #expect(_isPOD(EngineTableSlot.self))
    }

    @Test func jumpsToJumpsAreThreaded() throws {
        let program = try SpecLoader.load(EngineSamples.spec(apply: """
                rx m.port_in
                extract h.ethernet
                jmpeq A h.ethernet.ethertype 0x800
                jmp B
                A : jmp B
                B : jmp C
                C : tx 1
            """))
        var compiler = EngineCompiler(program: program)
        let compiled = try compiler.compile()
        guard case .jmpCompareImmediate(let t, _, _, _) = compiled.ops[2] else {
            Issue.record("op 2 is not a compare-and-jump")
            return
        }
        #expect(t == 6)
        guard case .jmp(let u) = compiled.ops[3] else {
            Issue.record("op 3 is not a jump")
            return
        }
        #expect(u == 6)
    }
}
