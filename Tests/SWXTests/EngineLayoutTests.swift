@testable import SWX
import Testing

/// A compiled program's ops and lowered instructions, copied out while the program is alive: `EngineProgram`
/// frees its buffers when released, which Swift may do right after the last use of the object, before a
/// buffer read through it.
struct CompiledSample {
    let ops: [EngineOp]
    let instructions: [EngineInstruction]
}

extension EngineSamples {
    /// The compiled program of `spec(body, apply: apply)` (the compiler's ops and their lowered instructions).
    static func compiled(_ body: String = "", apply: String) throws -> CompiledSample {
        var compiler = EngineCompiler(program: try SpecLoader.load(spec(body, apply: apply)))
        let program = try compiler.compile()
        return withExtendedLifetime(program) {
            CompiledSample(ops: Array(program.ops), instructions: Array(program.instructions))
        }
    }
}

/// The packet path depends on ops being small POD values (swift-notes §5: stride 24 in the measured designs).
@Suite struct EngineLayoutTests {
    @Test func opsAndFieldsStaySmall() {
        #expect(MemoryLayout<EngineField>.size == 8)
        #expect(MemoryLayout<EngineBytes>.size == 8)
        #expect(MemoryLayout<EngineOp>.stride <= 24)
        #expect(_isPOD(EngineOp.self))
        #expect(MemoryLayout<EngineInstruction>.stride == 32)
        #expect(_isPOD(EngineInstruction.self))
        #expect(_isPOD(EngineTableSlot.self))
    }

    /// The executor reads these enums from an instruction's `kind` byte with a bit cast.
    @Test func kindEnumsRawValuesAreTheirCaseIndices() {
        let alu: [EngineALU] = [.add, .sub, .and, .or, .xor, .shl, .shr]
        for k in alu { #expect(unsafeBitCast(k.rawValue, to: EngineALU.self) == k) }
        let comparisons: [EngineComparison] = [.equal, .notEqual, .less, .greater]
        for k in comparisons { #expect(unsafeBitCast(k.rawValue, to: EngineComparison.self) == k) }
        for k in HashFunction.allCases { #expect(unsafeBitCast(k.rawValue, to: HashFunction.self) == k) }
        let moves: [EngineMoveKind] = [.copy8, .copy16, .copy32, .copy64, .swap16, .swap32, .swap64, .swapPair16,
                                       .swapPair32, .general]
        for k in moves { #expect(unsafeBitCast(k.rawValue, to: EngineMoveKind.self) == k) }
    }

    /// A chain of jumps to `tx 1`, with `between` before it.
    static func jumpChain(_ between: String) throws -> CompiledSample {
        try EngineSamples.compiled(apply: """
                rx m.port_in
                extract h.ethernet
                jmpeq A h.ethernet.ethertype 0x800
                jmp B
                A : jmp B
                B : jmp C
                \(between)
                C : tx 1
            """)
    }

    @Test func jumpsToJumpsAreThreaded() throws {
        let compiled = try Self.jumpChain("tx 2")
        guard case .jmpCompareImmediate(let t, _, _, _) = compiled.ops[2], case .jmp(let u) = compiled.ops[3] else {
            Issue.record("unexpected ops: \(Array(compiled.ops.prefix(4)))")
            return
        }
        #expect(t == 7)
        #expect(u == 7)
    }

    @Test func jumpsToTheNextOpGo() throws {
        let compiled = try Self.jumpChain("")
        // Every jmp ends up at `tx 1`, right after the compare-and-jump once they are gone.
        guard case .jmpCompareImmediate(let t, _, _, _) = compiled.ops[2], case .txImmediate = compiled.ops[3] else {
            Issue.record("unexpected ops: \(Array(compiled.ops.prefix(4)))")
            return
        }
        #expect(t == 3)
    }
}

/// Compare-and-jump against a constant: `jmpeq` and `jmpneq` lower to their own codes (no dispatch on the
/// comparison), `jmplt` and `jmpgt` keep the general one; all four take the jump exactly when the comparison holds.
@Suite struct EngineCompareJumpTests {
    static let apply = """
            rx m.port_in
            extract h.ethernet
            jmpeq EQ h.ethernet.ethertype 0x800
            jmpneq NE h.ethernet.ethertype 0x86dd
            jmplt LT h.ethernet.ethertype 0x86dd
            jmpgt GT h.ethernet.ethertype 0x86dd
            tx 0
            EQ : tx 1
            NE : tx 2
            LT : tx 3
            GT : tx 3
        """

    @Test func equalityTestsGetTheirOwnCodes() throws {
        let compiled = try EngineSamples.compiled(apply: Self.apply)
        let codes = (2..<6).map { compiled.instructions[$0].code }
        #expect(codes == [.jmpEqualImmediate, .jmpNotEqualImmediate, .jmpCompareImmediate, .jmpCompareImmediate])
    }

    @Test(arguments: [(UInt16(0x0800), UInt32(1)), (0x86dd, 0), (0x0801, 2)])
    func jumpsAreTakenExactlyWhenTheComparisonHolds(ethertype: UInt16, port: UInt32) throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: Self.apply),
                                           configuration: SWXPipelineConfiguration(inputPorts: 1, outputPorts: 4))
        var packet = EngineSamples.packet(to: "001122334455")
        packet[12] = UInt8(ethertype >> 8)
        packet[13] = UInt8(ethertype & 0xff)
        #expect(p.process(packet, port: 0).map(\.port) == [port])
    }
}

/// Fused extract and emit pairs behave like the two ops, also when a jump lands on the second one.
@Suite struct EngineFusionTests {
    @Test func aJumpOntoTheSecondOfAFusedPairRunsItAlone() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec("""
            struct tag_h {
                bit<32> value
            }
            header tag instanceof tag_h
            """, apply: """
                rx m.port_in
                jmpeq SECOND m.port_in 1
                extract h.ethernet
                SECOND : extract h.tag
                mov h.tag.value 0xffffffff
                emit h.ethernet
                emit h.tag
                tx 0
            """), configuration: SWXPipelineConfiguration(inputPorts: 2))
        let packet = EngineSamples.packet(to: "001122334455") + [1, 2, 3, 4]
        var viaBoth = packet
        viaBoth.replaceSubrange(14..<18, with: [0xff, 0xff, 0xff, 0xff])
        var viaSecond = packet
        viaSecond.replaceSubrange(0..<4, with: [0xff, 0xff, 0xff, 0xff])
        #expect(p.process(packet, port: 0).map(\.bytes) == [viaBoth])
        #expect(p.process(packet, port: 1).map(\.bytes) == [viaSecond])
        #expect(p.process(Array(packet.prefix(16)), port: 0).isEmpty)
    }
}

/// p4c's zeroing of metadata at the start of a program is dropped where the metadata is still zero (the engine
/// clears it for every packet), and kept wherever something may have written the field first.
@Suite struct ZeroStoreEliminationTests {
    static func compile(_ apply: String, body: String = "") throws -> CompiledSample {
        try EngineSamples.compiled(body, apply: apply)
    }

    /// Records an issue unless op `index` is still the zero store it was compiled from.
    static func expectKept(_ compiled: CompiledSample, _ index: Int, _ why: String) {
        guard case .movImmediate = compiled.ops[index] else {
            Issue.record("the zero store \(why) was dropped: \(compiled.ops[index])")
            return
        }
    }

    @Test func zeroStoresBeforeAnyWriteAreSkipped() throws {
        let compiled = try Self.compile("""
                rx m.port_in
                mov m.port_out 0x0
                mov m.scratch 0x0
                extract h.ethernet
                mov m.timeout_id 0x0
                mov m.scratch 0x0
                mov m.port_in 0x0
                tx m.port_out
            """)
        // Ops 1-2 are dead, and ops 4-5; op 6 (port_in was written by rx) is kept.
        guard case .rx = compiled.ops[0], case .extract = compiled.ops[1],
              case .movImmediate(let d, _) = compiled.ops[2], case .tx = compiled.ops[3] else {
            Issue.record("the dead stores are not all gone: \(Array(compiled.ops.prefix(4)))")
            return
        }
        #expect(d.offset == 0)    // m.port_in
    }

    @Test func aZeroStoreAfterAWriteOnSomePathIsKept() throws {
        let compiled = try Self.compile("""
                rx m.port_in
                extract h.ethernet
                jmpeq SKIP m.port_in 1
                mov m.scratch 0x5
                SKIP : mov m.scratch 0x0
                tx m.port_out
            """)
        Self.expectKept(compiled, 4, "after a possible write")
    }

    @Test func zeroStoresAfterATableAreKept() throws {
        let compiled = try Self.compile("""
                rx m.port_in
                extract h.ethernet
                table t
                mov m.scratch 0x0
                tx m.port_out
            """, body: """
            action set args none {
                mov m.scratch 0x7
                return
            }
            table t {
                actions {
                    set
                }
                default_action set args none
                size 1
            }
            """)
        Self.expectKept(compiled, 3, "after a table")
    }

    @Test func aRecirculatingProgramKeepsEveryZeroStore() throws {
        let compiled = try Self.compile("""
                rx m.port_in
                mov m.scratch 0x0
                mov m.timeout_id 0x0
                extract h.ethernet
                recirculate
                tx m.port_out
            """)
        // Both kept, as one store (the fields are side by side).
        guard case .movImmediate(let d, let v) = compiled.ops[1], case .extract = compiled.ops[2] else {
            Issue.record("the zero stores of a recirculating program changed: \(compiled.ops[1])")
            return
        }
        #expect(d.bitWidth == 64)
        #expect(v.value == 0)
    }

    /// The packets that come out are those of the program with the stores, on both paths of a branch.
    @Test func packetsAreUnchanged() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: """
                rx m.port_in
                mov m.port_out 0x0
                mov m.scratch 0x0
                extract h.ethernet
                jmpeq ONE m.port_in 1
                mov m.scratch 0x2
                ONE : mov m.port_out 0x0
                add m.port_out m.scratch
                mov h.ethernet.ethertype m.scratch
                emit h.ethernet
                tx m.port_out
            """), configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 4))
        let packet = EngineSamples.packet(to: "001122334455")
        let viaZero = EngineSamples.packet(to: "001122334455", ethertype: 0)
        let viaTwo = EngineSamples.packet(to: "001122334455", ethertype: 2)
        #expect(p.process(packet, port: 1).map(\.bytes) == [viaZero])
        #expect(p.process(packet, port: 1).map(\.port) == [0])
        #expect(p.process(packet, port: 0).map(\.bytes) == [viaTwo])
        #expect(p.process(packet, port: 0).map(\.port) == [2])
    }
}
