@testable import SWX
import Testing

/// `mov` between whole-byte fields takes a fast path picked at compile time; it must store exactly what the
/// general path (read the source as a number, write it in the destination's store kind) stores.
@Suite struct EngineMoveKindTests {
    static let layouts: [(bitWidth: Int, bigEndian: Bool)] = [
        (8, false), (16, false), (16, true), (24, false), (24, true), (32, false), (32, true),
        (48, false), (48, true), (64, false), (64, true), (12, false), (12, true),
    ]

    @Test func kindsFollowWidthAndByteOrder() {
        func kind(_ d: (Int, Bool), _ s: (Int, Bool)) -> EngineMoveKind {
            EngineMoveKind(destination: EngineField(slot: 0, byteOffset: 0, bitWidth: d.0, bigEndian: d.1),
                           source: EngineField(slot: 1, byteOffset: 0, bitWidth: s.0, bigEndian: s.1))
        }
        #expect(kind((32, false), (32, true)) == .swap32)      // header address into a metadata key
        #expect(kind((16, true), (16, false)) == .swap16)      // metadata port into a header
        #expect(kind((16, true), (16, true)) == .copy16)
        #expect(kind((8, false), (8, true)) == .copy8)
        #expect(kind((64, false), (64, false)) == .copy64)
        #expect(kind((16, false), (64, false)) == .copy16)     // a constant, or a wider metadata field, truncated
        #expect(kind((32, true), (64, false)) == .swap32)
        #expect(kind((16, false), (32, true)) == .general)     // a narrower big-endian destination: low bytes last
        #expect(kind((32, false), (16, false)) == .general)    // zero extension
        #expect(kind((48, true), (48, false)) == .general)     // not 1, 2, 4 or 8 bytes
        #expect(kind((8, false), (12, false)) == .general)     // a source of part bytes
    }

    @Test func fastMovesStoreWhatTheGeneralPathStores() {
        var generator = SeededGenerator(seed: 0x5eed)
        var fast = 0
        for d in Self.layouts {
            for s in Self.layouts {
                let destination = EngineField(slot: 0, byteOffset: 3, bitWidth: d.bitWidth, bigEndian: d.bigEndian)
                let source = EngineField(slot: 1, byteOffset: 5, bitWidth: s.bitWidth, bigEndian: s.bigEndian)
                let kind = EngineMoveKind(destination: destination, source: source)
                if kind != .general { fast += 1 }
                for _ in 0..<8 {
                    let bytes = generator.bytes(48)
                    let expected = Self.run(bytes) { bases in destination.write(bases, source.read(bases)) }
                    let actual = Self.run(bytes) { bases in
                        EngineRuntime.move(bases, kind, destination, source)
                    }
                    #expect(actual == expected, "mov \(d) ← \(s) as \(kind)")
                }
            }
        }
        #expect(fast == 30)
    }

    /// Runs `body` over two 24-byte structs (slots 0 and 1, with 8 bytes of slack each) filled from `bytes`;
    /// returns both structs' bytes afterwards.
    static func run(_ bytes: [UInt8], _ body: (UnsafePointer<UnsafeMutableRawPointer>) -> Void) -> [UInt8] {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
        defer { storage.deallocate() }
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: 64)
        for (i, b) in bytes.enumerated() { storage.storeBytes(of: b, toByteOffset: i < 24 ? i : i + 8, as: UInt8.self) }
        let bases = [storage, storage + 32]
        bases.withUnsafeBufferPointer { body($0.baseAddress!) }
        return (0..<24).map { storage.load(fromByteOffset: $0, as: UInt8.self) }
            + (32..<56).map { storage.load(fromByteOffset: $0, as: UInt8.self) }
    }
}

/// A lone `mov` (not in a fused run) of a fast kind gets an opcode of its own and stores what the general path
/// would: here a header field into metadata and back, with jumps between them so no two movs are adjacent.
@Suite struct EngineLoneMoveTests {
    static let apply = """
            rx m.port_in
            extract h.ethernet
            mov m.scratch h.ethernet.ethertype
            jmpeq A m.port_in 7
            A : mov m.learned_mac h.ethernet.src_addr
            jmpeq B m.port_in 7
            B : mov h.ethernet.ethertype m.port_in
            jmpeq C m.port_in 7
            C : mov h.ethernet.dst_addr m.learned_mac
            jmpeq D m.port_in 7
            D : mov m.port_out m.port_in
            jmpeq E m.port_in 7
            E : emit h.ethernet
            tx m.port_out
        """

    @Test func loneMovesGetTheirKindsOpcode() throws {
        let compiled = try EngineSamples.compiled(apply: Self.apply)
        let codes = compiled.instructions.map(\.code)
        #expect(codes[2] == .mov)          // 16 bits into 32: zero extension, the general path
        #expect(codes[4] == .mov)          // 48 bits: not 1, 2, 4 or 8 bytes
        #expect(codes[6] == .movSwap16)    // the low 16 bits of a 32-bit metadata field into a header
        #expect(codes[8] == .mov)
        #expect(codes[10] == .movCopy32)   // metadata into metadata of the same width
    }

    @Test func loneMovesStoreTheirValues() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: Self.apply),
                                           configuration: SWXPipelineConfiguration(inputPorts: 4, outputPorts: 4))
        let packet = EngineSamples.packet(to: "001122334455")
        var expected = EngineSamples.packet(to: "001122334455", ethertype: 3)
        expected.replaceSubrange(0..<6, with: packet[6..<12])
        let outputs = p.process(packet, port: 3)
        #expect(outputs.map(\.bytes) == [expected])
        #expect(outputs.map(\.port) == [3])
    }
}

/// Dead zero stores are removed from the op list, with every jump renumbered: here two dead stores right at a
/// jump's target, and a branch with a `jmp` over the other.
@Suite struct EngineCompactionTests {
    static let apply = """
            rx m.port_in
            extract h.ethernet
            jmpeq DEAD m.port_in 7
            DEAD : mov m.port_out 0x0
            mov m.scratch 0x0
            jmpeq ELSE m.port_in 1
            mov m.scratch 0x2
            mov m.port_out 0x2
            jmp END
            ELSE : mov m.scratch 0x3
            mov m.port_out 0x3
            END : mov h.ethernet.ethertype m.scratch
            emit h.ethernet
            tx m.port_out
        """

    @Test func deadStoresGoAndJumpsAreRenumbered() throws {
        let compiled = try EngineSamples.compiled(apply: Self.apply)
        // Ops 3-4 are gone: everything after them moves up two places.
        guard case .jmpCompareImmediate(let dead, _, _, _) = compiled.ops[2],
              case .jmpCompareImmediate(let otherwise, _, _, _) = compiled.ops[3],
              case .jmp(let end) = compiled.ops[6],
              case .tx = compiled.ops[11] else {
            Issue.record("unexpected ops: \(Array(compiled.ops.prefix(12)))")
            return
        }
        #expect(dead == 3)
        #expect(otherwise == 7)
        #expect(end == 9)
    }

    @Test func bothBranchesStoreTheirValues() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: Self.apply),
                                           configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 4))
        let packet = EngineSamples.packet(to: "001122334455")
        for (port, value) in [(UInt32(0), UInt8(2)), (1, 3)] {
            let outputs = p.process(packet, port: port)
            #expect(outputs.map(\.bytes) == [EngineSamples.packet(to: "001122334455", ethertype: value)])
            #expect(outputs.map(\.port) == [UInt32(value)])
        }
    }
}
