@testable import SWX
import Testing

/// Adjacent moves of a fused run between side-by-side fields are paired into one wider move
/// (`EngineMove.paired`), which must store exactly what the two moves store one after the other.
@Suite struct EngineMovePairingTests {
    static let metadata = EngineProgram.metadataSlot
    static let header = EngineProgram.firstHeaderSlot

    static func move(_ d: (slot: Int, offset: Int), _ s: (slot: Int, offset: Int), bits: Int,
                     swapped: Bool = false) -> EngineMove {
        EngineMove(destination: EngineField(slot: d.slot, byteOffset: d.offset, bitWidth: bits, bigEndian: false),
                   source: EngineField(slot: s.slot, byteOffset: s.offset, bitWidth: bits, bigEndian: swapped))
    }

    @Test func sideBySideFieldsPair() {
        let m = Self.metadata, h = Self.header
        // A 5-tuple key: addresses (swapped out of the header), then ports copied within metadata.
        let addresses = EngineMove.paired([Self.move((m, 40), (h, 12), bits: 32, swapped: true),
                                           Self.move((m, 44), (h, 16), bits: 32, swapped: true)])
        #expect(addresses.map(\.kind) == [.swapPair32])
        #expect(addresses.first?.destination.offset == 40)
        #expect(addresses.first?.source.offset == 12)
        let ports = EngineMove.paired([Self.move((m, 48), (m, 4), bits: 16), Self.move((m, 50), (m, 6), bits: 16)])
        #expect(ports.map(\.kind) == [.copy32])
        let swapped = EngineMove.paired([Self.move((m, 4), (h, 0), bits: 16, swapped: true),
                                         Self.move((m, 6), (h, 2), bits: 16, swapped: true)])
        #expect(swapped.map(\.kind) == [.swapPair16])
        // Eight byte copies pair up three times over.
        let bytes = EngineMove.paired((0..<8).map { Self.move((m, 20 + $0), (h, 3 + $0), bits: 8) })
        #expect(bytes.map(\.kind) == [.copy64])
    }

    @Test func movesThatAreNotSideBySideOrThatDependStayApart() {
        let m = Self.metadata, h = Self.header
        let cases: [(String, [EngineMove])] = [
            ("a gap in the destination", [Self.move((m, 0), (h, 0), bits: 16), Self.move((m, 3), (h, 2), bits: 16)]),
            ("a gap in the source", [Self.move((m, 0), (h, 0), bits: 16), Self.move((m, 2), (h, 4), bits: 16)]),
            ("different widths", [Self.move((m, 0), (h, 0), bits: 16), Self.move((m, 2), (h, 2), bits: 32)]),
            ("a copy then a swap", [Self.move((m, 0), (h, 0), bits: 16),
                                    Self.move((m, 2), (h, 2), bits: 16, swapped: true)]),
            ("64-bit moves", [Self.move((m, 0), (h, 0), bits: 64), Self.move((m, 8), (h, 8), bits: 64)]),
            // The second reads what the first writes.
            ("a dependency in metadata", [Self.move((m, 4), (m, 0), bits: 32), Self.move((m, 8), (m, 4), bits: 32)]),
            // Two headers may overlap in the packet.
            ("a dependency between headers", [Self.move((h, 0), (h + 1, 0), bits: 16),
                                              Self.move((h, 2), (h + 1, 2), bits: 16)]),
        ]
        for (why, run) in cases {
            #expect(EngineMove.paired(run).count == 2, "\(why)")
        }
        // A header source with a metadata destination (or the reverse) is never overlapping.
        #expect(EngineMove.paired([Self.move((h, 0), (m, 0), bits: 16), Self.move((h, 2), (m, 2), bits: 16)]).count
                == 1)
    }

    /// Random runs over five structs (action data, metadata, constants and two headers, the second of which
    /// overlaps the first as a `lookahead` header does): the paired run leaves every byte as the moves one by one.
    @Test func pairedRunsStoreWhatTheMovesStore() {
        var generator = SeededGenerator(seed: 0xba1d)
        let kinds: [(bits: Int, swapped: Bool)] = [(8, false), (16, false), (32, false), (64, false),
                                                   (16, true), (32, true), (64, true)]
        let destinations = [Self.metadata, Self.header, Self.header + 1]
        var pairs = 0
        for _ in 0..<400 {
            var run: [EngineMove] = []
            let kind = kinds.randomElement(using: &generator)!
            var d = (slot: destinations.randomElement(using: &generator)!, offset: 0)
            var s = (slot: Int.random(in: 0...Self.header + 1, using: &generator), offset: 0)
            d.offset = Int.random(in: 0...12, using: &generator)
            s.offset = Int.random(in: 0...12, using: &generator)
            for _ in 0..<Int.random(in: 2...6, using: &generator) {
                run.append(Self.move(d, s, bits: kind.bits, swapped: kind.swapped))
                #expect(run.last!.kind != .general)
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    d.offset = Int.random(in: 0...12, using: &generator)
                    s.offset = Int.random(in: 0...12, using: &generator)
                } else {
                    d.offset += kind.bits / 8
                    s.offset += kind.bits / 8
                }
                if d.offset > 16 || s.offset > 16 { break }
            }
            let paired = EngineMove.paired(run)
            pairs += run.count - paired.count
            let memory = generator.bytes(Self.structBytes * 4)
            #expect(Self.run(paired, on: memory) == Self.run(run, on: memory), "\(run.map(\.kind))")
        }
        #expect(pairs > 300)
    }

    static let structBytes = 40

    /// Runs `moves` over structs filled from `bytes` (slot `i` at `i * structBytes`; the last header slot 2 bytes
    /// into the one before it) and returns the bytes afterwards.
    static func run(_ moves: [EngineMove], on bytes: [UInt8]) -> [UInt8] {
        let size = bytes.count
        let storage = UnsafeMutableRawPointer.allocate(byteCount: size + 16, alignment: 8)
        defer { storage.deallocate() }
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: size + 16)
        storage.copyMemory(from: bytes, byteCount: size)
        var bases = (0...Self.header).map { storage + $0 * structBytes }
        bases.append(bases[Self.header] + 2)
        bases.withUnsafeBufferPointer { b in
            for m in moves { EngineRuntime.move(b.baseAddress!, m.kind, { m.destination }, { m.source }) }
        }
        return (0..<size).map { storage.load(fromByteOffset: $0, as: UInt8.self) }
    }
}

/// A jump into the middle of a run starts a run of its own, and a run that ends in a forward `jmp` to another run
/// takes that run's moves, so an `if` whose branches end in the same moves (p4c's key assembly) is one dispatch.
@Suite struct EngineRunChainingTests {
    static let apply = """
            rx m.port_in
            extract h.ethernet
            jmpeq OTHER m.port_in 1
            mov m.scratch 0x5
            mov m.timeout_id 0x6
            jmp COMMON
            OTHER : mov m.scratch 0x7
            mov m.timeout_id 0x8
            COMMON : mov m.port_out m.scratch
            mov m.scratch m.timeout_id
            mov h.ethernet.ethertype m.port_out
            mov m.port_out m.port_in
            mov m.scratch m.port_out
            emit h.ethernet
            tx m.scratch
        """

    @Test func runsChainAndJumpTargetsStartRuns() throws {
        let compiled = try EngineSamples.compiled(apply: Self.apply)
        func run(_ i: Int) -> (count: Int32, span: Int32)? {
            guard case .moveRun(_, let count, let span) = compiled.ops[i] else { return nil }
            return (count, span)
        }
        // Op 3: its two moves, then COMMON's five with the first two paired (port_out and scratch side by
        // side, reading scratch and timeout_id side by side); the last two are side by side too, but the second
        // reads what the first writes.
        #expect(run(3)?.count == 6)
        #expect(run(3)?.span == 10)     // to the emit at op 13
        #expect(run(6)?.count == 6)
        #expect(run(6)?.span == 7)
        #expect(run(8)?.count == 4)     // COMMON, a jump target inside op 6's run
        #expect(run(8)?.span == 5)
    }

    @Test func bothBranchesStoreTheirValues() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: Self.apply),
                                           configuration: SWXPipelineConfiguration(inputPorts: 8, outputPorts: 8))
        let packet = EngineSamples.packet(to: "001122334455")
        for (port, scratch) in [(UInt32(0), UInt8(5)), (1, 7)] {
            var expected = packet
            expected.replaceSubrange(12..<14, with: [0, scratch])
            let outputs = p.process(packet, port: port)
            #expect(outputs.map(\.bytes) == [expected])
            #expect(outputs.map(\.port) == [port])     // m.scratch = the new m.port_out = m.port_in
        }
    }
}
