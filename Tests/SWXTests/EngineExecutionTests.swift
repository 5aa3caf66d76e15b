import Foundation
import SWX
import Testing
import TestSupport

/// Packet-path behaviour beyond the conformance cases: learner control plane and clock, loop and recirculation
/// bounds, DPDK defects not reproduced, and robustness over every program of the corpus.
@Suite struct EngineExecutionTests {
    static let learnerSpec = EngineSamples.spec("""
        struct port_args_t {
            bit<32> port_out
        }
        action hit args instanceof port_args_t {
            mov m.port_out t.port_out
            return
        }
        action miss args none {
            mov m.port_out 3
            mov m.scratch 2
            learn hit m.scratch m.timeout_id
            return
        }
        learner flows {
            key {
                h.ethernet.dst_addr
            }
            actions {
                hit @tableonly
                miss @defaultonly
            }
            default_action miss args none
            size 16
            timeout {
                5
                60
            }
        }
        """, apply: """
            rx m.port_in
            extract h.ethernet
            table flows
            emit h.ethernet
            tx m.port_out
        """)

    @Test func learnerEntriesAreListedAddedDeletedAndExpire() throws {
        let clock = SWXManualClock()
        let p = try EngineSamples.pipeline(Self.learnerSpec, clock: clock)
        let a = EngineSamples.packet(to: "00000000000a")
        #expect(outputPorts(p, a) == [3])
        #expect(outputPorts(p, a) == [2])
        var entries = try p.learnerEntries("flows")
        #expect(entries.count == 1)
        #expect(entries.first?.key == [0, 0, 0, 0, 0, 0x0a])
        #expect(entries.first?.expiresAt == 5_000_000_000)
        let hit = try #require(p.program.actionIndex(named: "hit"))
        try p.addLearnerEntry("flows", key: [0, 0, 0, 0, 0, 0x0b], action: SpecEntryAction(actionIndex: hit,
                              actionData: [1, 0, 0, 0]), timeoutID: 1)
        #expect(outputPorts(p, EngineSamples.packet(to: "00000000000b")) == [1])
        clock.set(seconds: 6)
        entries = try p.learnerEntries("flows")
        #expect(entries.map(\.key) == [[0, 0, 0, 0, 0, 0x0b]])
        #expect(outputPorts(p, a) == [3])
        try p.deleteLearnerEntry("flows", key: [0, 0, 0, 0, 0, 0x0b])
        #expect(outputPorts(p, EngineSamples.packet(to: "00000000000b")) == [3])
        let stats = try p.tableStatistics("flows")
        #expect(stats.hits == 2 && stats.misses == 3)
        #expect(try p.learnerStatistics("flows").learnOK == 3)
        var code: SWXPipelineError.Code?
        do { try p.deleteLearnerEntry("flows", key: [0, 0, 0, 0, 0, 0x0c]) } catch { code = error.code }
        #expect(code == .notFound)
    }

    @Test func aLoopingProgramIsDroppedNotHung() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: """
                rx m.port_in
                extract h.ethernet
                LOOP : add m.scratch 1
                jmp LOOP
                tx 0
            """))
        #expect(outputPorts(p, EngineSamples.packet(to: "000000000001")) == [])
        #expect(p.portStatistics().drops[.loopLimit] == 1)
    }

    @Test func endlessRecirculationIsBounded() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec(apply: """
                rx m.port_in
                extract h.ethernet
                recirculate
                emit h.ethernet
                tx 1
            """), configuration: SWXPipelineConfiguration(maximumRecirculations: 8))
        #expect(outputPorts(p, EngineSamples.packet(to: "000000000001")) == [])
        #expect(p.portStatistics().drops[.recirculationLimit] == 1)
    }

    @Test func hashDestinationBeyondByte31IsWrittenInPlace() throws {
        // DPDK truncates the destination's bit offset to 8 bits; the engine writes the field the program names.
        let text = """
            struct ethernet_h {
                bit<48> dst_addr
                bit<48> src_addr
                bit<16> ethertype
            }
            header ethernet instanceof ethernet_h
            struct metadata_t {
                bit<32> port_in
                bit<256> pad
                bit<32> h
            }
            metadata instanceof metadata_t
            apply {
                rx m.port_in
                extract h.ethernet
                hash jhash m.h h.ethernet.dst_addr h.ethernet.src_addr
                mov h.ethernet.ethertype m.h
                emit h.ethernet
                tx 0
            }
            """
        let p = try EngineSamples.pipeline(text)
        let packet = EngineSamples.packet(to: "001122334455")
        let expected = packet.withUnsafeBytes { HashFunction.jhash.hash($0.baseAddress!, count: 12, seed: 0) }
        let out = try #require(p.process(packet, port: 0).first)
        #expect(out.bytes[12] == UInt8(truncatingIfNeeded: expected >> 8))
        #expect(out.bytes[13] == UInt8(truncatingIfNeeded: expected))
    }

    @Test func headerStorageAndMetadataStartZeroed() throws {
        let p = try EngineSamples.pipeline(EngineSamples.spec("""
            struct tag_h {
                bit<32> value
            }
            header tag instanceof tag_h
            """, apply: """
                rx m.port_in
                extract h.ethernet
                validate h.tag
                add h.tag.value 1
                add m.scratch 1
                add h.tag.value m.scratch
                emit h.tag
                emit h.ethernet
                tx 0
            """))
        let packet = EngineSamples.packet(to: "000000000001")
        for _ in 0..<3 {
            #expect(p.process(packet, port: 0).first?.bytes == [0, 0, 0, 2] + packet)
        }
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func everyLoadableCorpusProgramRunsRandomPackets() throws {
        var generator = SeededGenerator(seed: 7)
        var built = 0
        for url in Fixtures.files(under: Fixtures.shared("swx"), endingWith: [".spec"]) {
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let program = try? SpecLoader.load(text) else { continue }
            let p = try SWXPipeline(program: program, clock: SWXManualClock())
            built += 1
            let wellFormed = [
                "00112233445566778899aabb08004500002000000000401166cb0a0000010a00000203e807d0000c0000deadbeef",
                "00112233445566778899aabb08004500002800000000400600000a0000010a0000020457005000000001000000005002040000000000",
                "00112233445566778899aabb86dd6000000000083b4000112233445566778899aabbccddeeffffeeddccbbaa99887766554433221100deadbeef",
            ].map(EngineSamples.hexBytes)
            for length in [0, 1, 14, 20, 34, 54, 60, 64, 128, 1500, -1, -2, -3] {
                let packet = length < 0 ? wellFormed[-length - 1] : generator.bytes(length)
                for out in p.process(packet, port: 0) {
                    #expect(out.port < 4)
                    #expect(out.bytes.count <= packet.count + 1024)
                }
            }
        }
        #expect(built > 40)
    }
}
