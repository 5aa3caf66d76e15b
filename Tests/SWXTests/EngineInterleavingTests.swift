import SWX
import Testing

/// Bursts interleaved over several packet contexts (split lookups on big tables and learners) must give exactly
/// what running the same packets one after another gives: the same outputs, in packet order, the same entry ids,
/// the same learned flows and counters.
@Suite struct EngineInterleavingTests {
    /// Port 0: exact table on the IPv4 addresses; port 1: learner on the same key; port 2: no lookup at all (so
    /// its packets end before those waiting on memory). Hits write the entry id into the IPv4 identification.
    static let spec = """
        struct ethernet_h {
            bit<48> dst_addr
            bit<48> src_addr
            bit<16> ethertype
        }
        struct ipv4_h {
            bit<8> ver_ihl
            bit<8> diffserv
            bit<16> total_len
            bit<16> identification
            bit<16> flags_offset
            bit<8> ttl
            bit<8> protocol
            bit<16> hdr_checksum
            bit<32> src_addr
            bit<32> dst_addr
        }
        header ethernet instanceof ethernet_h
        header ipv4 instanceof ipv4_h
        struct metadata_t {
            bit<32> port_in
            bit<32> port_out
            bit<32> src_addr
            bit<32> dst_addr
            bit<32> learn_port
            bit<32> timeout_id
            bit<32> entry
        }
        metadata instanceof metadata_t
        struct fwd_args_t {
            bit<32> port
        }
        action fwd args instanceof fwd_args_t {
            mov m.port_out t.port
            entryid m.entry
            mov h.ipv4.identification m.entry
            return
        }
        action miss args none {
            mov m.port_out 1
            return
        }
        action learn_hit args instanceof fwd_args_t {
            mov m.port_out t.port
            entryid m.entry
            mov h.ipv4.identification m.entry
            return
        }
        action learn_miss args none {
            mov m.port_out 1
            mov m.learn_port 2
            learn learn_hit m.learn_port m.timeout_id
            return
        }
        table flows {
            key {
                m.src_addr exact
                m.dst_addr exact
            }
            actions {
                fwd
                miss
            }
            default_action miss args none
            size TABLE_SIZE
        }
        learner learned {
            key {
                m.src_addr
                m.dst_addr
            }
            actions {
                learn_hit @tableonly
                learn_miss @defaultonly
            }
            default_action learn_miss args none
            size 4096
            timeout {
                60
            }
        }
        apply {
            rx m.port_in
            extract h.ethernet
            extract h.ipv4
            jmpeq DIRECT m.port_in 2
            mov m.src_addr h.ipv4.src_addr
            mov m.dst_addr h.ipv4.dst_addr
            jmpeq LEARNER m.port_in 1
            table flows
            emit h.ethernet
            emit h.ipv4
            tx m.port_out
            LEARNER : table learned
            emit h.ethernet
            emit h.ipv4
            tx m.port_out
            DIRECT : mov m.port_out 3
            emit h.ethernet
            emit h.ipv4
            tx m.port_out
        }
        """

    static func frame(_ flow: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00,
                              0x45, 0x00, 0x00, 0x2e, 0, 0, 0, 0, 64, 17, 0, 0]
        let source = 0x0A00_0000 | flow
        bytes += [UInt8(source >> 24), UInt8(source >> 16 & 0xff), UInt8(source >> 8 & 0xff), UInt8(source & 0xff)]
        bytes += [10, 96, 0, 1]
        return bytes + [UInt8](repeating: UInt8(flow & 0xff), count: 64 - bytes.count)
    }

    /// Table sizes: records out of the index (a split lookup has a middle step), and inlined in it (one step).
    static let tableSizes = [4096, ExactMatchTable.inlineMinimumCapacity]

    /// A pipeline whose table (of `tableSize` entries) and learner are "big" from their first entry when
    /// `contexts` > 1.
    static func pipeline(contexts: Int, tableSize: Int = 4096, maximumPacketSize: Int = 16_384) throws -> SWXPipeline {
        let configuration = SWXPipelineConfiguration(inputPorts: 3, outputPorts: 4,
                                                     maximumPacketSize: maximumPacketSize, packetContexts: contexts,
                                                     interleaveThresholdBytes: 0)
        let text = spec.replacing("TABLE_SIZE", with: String(tableSize))
        let p = try SWXPipeline(specText: text, configuration: configuration, clock: SWXManualClock())
        var lines = ""
        for flow in stride(from: UInt32(0), to: 200, by: 2) {
            lines += "match 0x\(String(0x0A00_0000 | flow, radix: 16)) 0x0a600001 action fwd port \(flow % 3)\n"
        }
        try p.importEntries(table: "flows", text: lines)
        return p
    }

    /// A deterministic mix: table hits and misses, learner misses then hits (the same new flow several times in a
    /// row within a burst), and lookup-free packets in between.
    static func traffic(_ count: Int, seed: UInt32) -> [SWXPacket] {
        var x = seed
        return (0..<count).map { i in
            x = x &* 1_103_515_245 &+ 12_345
            let port = UInt32((x >> 16) % 3)
            let flow = port == 1 ? UInt32(i / 3 % 40) : (x >> 8) % 220
            return SWXPacket(port: port, bytes: frame(flow))
        }
    }

    @Test(arguments: tableSizes)
    func interleavedBurstsGiveTheSequentialOutputsInPacketOrder(tableSize: Int) throws {
        let alone = try Self.pipeline(contexts: 1, tableSize: tableSize)
        let interleaved = try Self.pipeline(contexts: 8, tableSize: tableSize)
        for round in 0..<6 {
            let burst = Self.traffic(64, seed: UInt32(round))
            let expected = alone.process(burst: burst)
            let actual = interleaved.process(burst: burst)
            #expect(actual.count == expected.count)
            #expect(actual == expected, "round \(round)")
        }
        #expect(try interleaved.tableStatistics("flows") == alone.tableStatistics("flows"))
        #expect(try interleaved.learnerStatistics("learned") == alone.learnerStatistics("learned"))
        #expect(interleaved.portStatistics() == alone.portStatistics())
        #expect(try interleaved.learnerEntries("learned").map(\.key) == alone.learnerEntries("learned").map(\.key))
    }

    /// A burst longer than the runtime gathers at once (256 packets) runs in chunks: outputs still leave in packet
    /// order, equal to running the packets one by one, and a flow learned in one chunk hits in the next.
    @Test func burstsLongerThanOneChunkKeepPacketOrder() throws {
        let alone = try Self.pipeline(contexts: 1)
        let interleaved = try Self.pipeline(contexts: 8)
        let expected = Self.expectOneByOneOutputs(of: Self.traffic(600, seed: 99), alone: alone,
                                                  interleaved: interleaved)
        #expect(expected.count > 500)
        #expect(try interleaved.learnerStatistics("learned") == alone.learnerStatistics("learned"))
    }

    /// Runs `burst` through `interleaved` in one call and through `alone` packet by packet, expects the same
    /// outputs and port counters, and returns the outputs.
    static func expectOneByOneOutputs(of burst: [SWXPacket], alone: SWXPipeline,
                                      interleaved: SWXPipeline) -> [SWXPacket] {
        let expected = burst.flatMap { alone.process($0.bytes, port: $0.port) }
        #expect(interleaved.process(burst: burst) == expected)
        #expect(interleaved.portStatistics() == alone.portStatistics())
        return expected
    }

    /// Packets too large to admit are dropped on arrival wherever they fall in a burst (alone, in runs, last):
    /// the contexts they would have taken go to the packets after them, and the outputs and counters are those of
    /// running the packets one by one.
    @Test func packetsDroppedOnArrivalLeaveTheBurstInOrder() throws {
        let alone = try Self.pipeline(contexts: 1, maximumPacketSize: 64)
        let interleaved = try Self.pipeline(contexts: 8, maximumPacketSize: 64)
        let oversized: Set = [0, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 63]
        let burst = Self.traffic(64, seed: 5).enumerated().map { i, packet in
            oversized.contains(i)
                ? SWXPacket(port: packet.port, bytes: packet.bytes + [UInt8](repeating: 0, count: 36)) : packet
        }
        let expected = Self.expectOneByOneOutputs(of: burst, alone: alone, interleaved: interleaved)
        #expect(expected.count == 64 - oversized.count)
        #expect(interleaved.portStatistics().drops[.packetTooLarge] == UInt64(oversized.count))
    }

    @Test func aFlowLearnedByOnePacketHitsForTheNextOfTheSameBurst() throws {
        let p = try Self.pipeline(contexts: 8)
        // Prime the learner with one flow so its population passes the (zero) threshold, then send a burst where
        // each new flow arrives twice in a row: the first learns (output port 1), the second hits (port 2).
        _ = p.process(burst: [SWXPacket(port: 1, bytes: Self.frame(1000))])
        var burst: [SWXPacket] = []
        for flow in UInt32(500)..<UInt32(520) { burst += [SWXPacket(port: 1, bytes: Self.frame(flow)), SWXPacket(port: 1, bytes: Self.frame(flow))] }
        let out = p.process(burst: burst)
        #expect(out.map(\.port) == Array(repeating: [UInt32(1), 2], count: 20).flatMap { $0 })
        let stats = try p.learnerStatistics("learned")
        #expect(stats.learnOK == 21)
        #expect(stats.hits == 20)
    }

    @Test(arguments: tableSizes)
    func loneAndBurstRunsAgreeOnEntryIDs(tableSize: Int) throws {
        let p = try Self.pipeline(contexts: 8, tableSize: tableSize)
        let burst = (0..<32).map { SWXPacket(port: 0, bytes: Self.frame(UInt32($0 * 2))) }
        let together = p.process(burst: burst)
        let oneByOne = burst.flatMap { p.process($0.bytes, port: $0.port) }
        #expect(together == oneByOne)
        // Flow 2k is entry k + 1: the id written into the IPv4 identification.
        #expect(together.enumerated().allSatisfy { i, packet in packet.bytes[18] == 0 && packet.bytes[19] == UInt8(i + 1) })
    }
}
