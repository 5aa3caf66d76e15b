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
        let addresses = Self.pairAll([Self.move((m, 40), (h, 12), bits: 32, swapped: true),
                                           Self.move((m, 44), (h, 16), bits: 32, swapped: true)])
        #expect(addresses.map(\.kind) == [.swapPair32])
        #expect(addresses.first?.destination.offset == 40)
        #expect(addresses.first?.source.offset == 12)
        let ports = Self.pairAll([Self.move((m, 48), (m, 4), bits: 16), Self.move((m, 50), (m, 6), bits: 16)])
        #expect(ports.map(\.kind) == [.copy32])
        let swapped = Self.pairAll([Self.move((m, 4), (h, 0), bits: 16, swapped: true),
                                         Self.move((m, 6), (h, 2), bits: 16, swapped: true)])
        #expect(swapped.map(\.kind) == [.swapPair16])
        // Eight byte copies pair up three times over.
        let bytes = Self.pairAll((0..<8).map { Self.move((m, 20 + $0), (h, 3 + $0), bits: 8) })
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
            #expect(Self.pairAll(run).count == 2, "\(why)")
        }
        // A header source with a metadata destination (or the reverse) is never overlapping.
        #expect(Self.pairAll([Self.move((h, 0), (m, 0), bits: 16), Self.move((h, 2), (m, 2), bits: 16)]).count
                == 1)
        // Nor is a header the program never parses: it stays in its own storage.
        let unparsed = EngineSlotAliasing(parsedHeaderSlots: [h + 1])
        #expect(Self.pairAll(cases.last!.1, aliasing: unparsed).count == 1)
    }

    @Test func parsedHeadersAreThoseExtractedOrLookedAhead() throws {
        let compiled = try EngineSamples.compiled(EngineMovePairOpTests.tag + "\n" + """
            struct scratch_h {
                bit<16> x
            }
            header scratch instanceof scratch_h
            """, apply: """
                rx m.port_in
                lookahead h.tag
                extract h.ethernet
                validate h.scratch
                emit h.ethernet
                tx m.port_in
            """)
        let aliasing = EngineSlotAliasing(ops: compiled.ops)
        let first = EngineProgram.firstHeaderSlot
        #expect(aliasing.parsedHeaderSlots == [first, first + 1])     // ethernet and tag, not scratch
        #expect(aliasing.mayOverlap(UInt16(first), 0, 2, UInt16(first + 1), 8, 2))
        #expect(!aliasing.mayOverlap(UInt16(first), 0, 2, UInt16(first + 2), 0, 2))
        #expect(!aliasing.mayOverlap(UInt16(first + 2), 0, 2, UInt16(first + 2), 2, 2))
        #expect(aliasing.mayOverlap(UInt16(EngineProgram.metadataSlot), 0, 4, UInt16(EngineProgram.metadataSlot), 3, 1))
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
            let paired = Self.pairAll(run)
            pairs += run.count - paired.count
            let memory = generator.bytes(Self.structBytes * 4)
            #expect(Self.run(paired, on: memory) == Self.run(run, on: memory), "\(run.map(\.kind))")
        }
        #expect(pairs > 300)
    }

    static let structBytes = 40

    /// Pairs adjacent moves of `run` until none pair, as the compiler does with adjacent `mov` ops.
    /// The aliasing of a program that parses both header slots the tests use (so they may overlap).
    static let parsed = EngineSlotAliasing(parsedHeaderSlots: [header, header + 1])

    static func pairAll(_ run: [EngineMove], aliasing: EngineSlotAliasing = parsed) -> [EngineMove] {
        var moves = run
        while true {
            var out: [EngineMove] = []
            var k = 0
            while k < moves.count {
                if k + 1 < moves.count, let both = moves[k].paired(with: moves[k + 1], aliasing: aliasing) {
                    out.append(both)
                    k += 2
                } else {
                    out.append(moves[k])
                    k += 1
                }
            }
            if out.count == moves.count { return out }
            moves = out
        }
    }

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
            for m in moves { EngineRuntime.move(b.baseAddress!, m.kind, m.destination, m.source) }
        }
        return (0..<size).map { storage.load(fromByteOffset: $0, as: UInt8.self) }
    }
}

/// The compiler pairs adjacent `mov` ops: moves between side-by-side fields, and immediates into side-by-side
/// fields, but never across a jump target nor when the second reads what the first writes.
@Suite struct EngineMovePairOpTests {
    static let apply = """
            rx m.port_in
            extract h.ethernet
            jmpeq SECOND m.port_in 1
            mov m.scratch 0x5
            SECOND : mov m.timeout_id 0x6
            mov m.port_out m.scratch
            mov m.scratch m.timeout_id
            mov h.ethernet.ethertype m.port_out
            mov m.port_out m.port_in
            mov m.scratch m.port_out
            emit h.ethernet
            tx m.scratch
        """

    @Test func adjacentMovesPairUnlessAJumpLandsBetweenOrTheyDepend() throws {
        let compiled = try EngineSamples.compiled(apply: Self.apply)
        guard case .movImmediate = compiled.ops[3], case .movImmediate = compiled.ops[4],
              case .movePair(let pair) = compiled.ops[5], case .mov = compiled.ops[6], case .mov = compiled.ops[7],
              case .mov = compiled.ops[8], case .emit = compiled.ops[9] else {
            Issue.record("unexpected ops: \(Array(compiled.ops.prefix(11)))")
            return
        }
        // m.port_out and m.scratch from m.scratch and m.timeout_id: one 8-byte copy.
        #expect(pair.kind == .copy64)
        #expect(pair.destination.offset == 4)
        #expect(pair.source.offset == 8)
    }

    @Test func bothPathsStoreWhatTheMovsStore() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: Self.apply),
                                           configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 2))
        let packet = EngineSamples.packet(to: "001122334455")
        // Port 0: m.port_out = 5 goes into the ethertype; m.scratch = the new m.port_out = m.port_in = 0.
        // Port 1: m.scratch was never set, so m.port_out = 0; m.scratch = m.port_in = 1.
        for (port, ethertype) in [(UInt32(0), UInt8(5)), (1, 0)] {
            let outputs = p.process(packet, port: port)
            #expect(outputs.map(\.bytes) == [EngineSamples.packet(to: "001122334455", ethertype: ethertype)])
            #expect(outputs.map(\.port) == [port])
        }
    }

    static let tag = """
        struct tag_h {
            bit<16> a
            bit<16> b
            bit<8> c
            bit<8> d
        }
        header tag instanceof tag_h
        """

    @Test func immediatesIntoSideBySideFieldsBecomeOneStore() throws {
        let apply = """
                rx m.port_in
                extract h.ethernet
                extract h.tag
                mov h.tag.a 0x1234
                mov h.tag.b 0x5678
                mov h.tag.c 0x9a
                mov h.tag.d 0xbc
                mov m.port_out 0x1
                mov m.scratch 0x2
                mov h.ethernet.ethertype m.scratch
                emit h.ethernet
                emit h.tag
                tx m.port_out
            """
        let compiled = try EngineSamples.compiled(Self.tag, apply: apply)
        let immediates = compiled.ops.compactMap { op -> Int? in
            if case .movImmediate(let d, _) = op { d.bitWidth } else { nil }
        }
        #expect(immediates == [32, 16, 64])
        let p = try EngineSamples.pipeline(EngineSamples.spec(Self.tag, apply: apply),
                                           configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 2))
        let packet = EngineSamples.packet(to: "001122334455") + [0, 0, 0, 0, 0, 0]
        var expected = EngineSamples.packet(to: "001122334455", ethertype: 2) + [0, 0, 0, 0, 0, 0]
        expected.replaceSubrange(14..<20, with: [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc])
        let outputs = p.process(packet, port: 0)
        #expect(outputs.map(\.bytes) == [expected])
        #expect(outputs.map(\.port) == [1])
    }
}
