import SWX
import Testing

/// Behaviour the case format cannot express: selector spreading and stickiness across many flows, and the
/// learner statistics that count refused flows.
@Suite struct ProgramPipelineTests {
    static let client: UInt32 = 0xC0A8_0114     // 192.168.1.20
    static let vip: UInt32 = 0x0A60_000A        // 10.96.0.10
    static let backendA: UInt32 = 0x0AF4_0105   // 10.244.1.5
    static let backendB: UInt32 = 0x0AF4_0206   // 10.244.2.6

    /// lb with one service whose group holds two backends.
    static func twoBackendLB() throws -> SWXPipeline {
        let pipeline = try SWXPipeline(specText: ProgramFiles.text("programs/lb/lb.spec"),
                                       configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 2))
        try pipeline.stage(table: "backends", .insert, entriesText: """
            match 1 action set_backend backend_addr 0x0af40105 backend_port 5353 backend_mac 0x02000af40105 service_id 7
            match 2 action set_backend backend_addr 0x0af40206 backend_port 5353 backend_mac 0x02000af40206 service_id 7
            """)
        try pipeline.stage(table: "services", .insert, entriesText: "match 0x0a60000a 0x11 53 action services_set_group_id group_id 1")
        try pipeline.commit()
        try pipeline.addSelectorGroup("backends_sel", group: 0)
        try pipeline.addSelectorGroup("backends_sel", group: 1)
        try pipeline.setSelectorGroup("backends_sel", group: 1, members: [
            SelectorMember(memberID: 1, weight: 1), SelectorMember(memberID: 2, weight: 1),
        ])
        return pipeline
    }

    @Test func lbSpreadsFlowsOverGroupMembersAndKeepsEachFlowOnOneBackend() throws {
        let pipeline = try Self.twoBackendLB()
        var firstPass: [UInt32] = []
        for pass in 0..<2 {
            for flow in 0..<64 {
                let packet = TestPackets.udp(source: Self.client, destination: Self.vip,
                                             sourcePort: UInt16(20_000 + flow * 13), destinationPort: 53,
                                             payload: [UInt8(flow), 1, 2, 3])
                let out = pipeline.process(packet, port: 0)
                try #require(out.count == 1 && out[0].port == 1)
                #expect(TestPackets.checksumsValid(out[0].bytes), "flow \(flow): checksums after DNAT")
                let backend = TestPackets.destinationAddress(out[0].bytes)
                #expect(backend == Self.backendA || backend == Self.backendB)
                if pass == 0 { firstPass.append(backend) } else { #expect(firstPass[flow] == backend, "flow \(flow) moved") }
            }
        }
        let onA = firstPass.filter { $0 == Self.backendA }.count
        #expect(onA > 8 && onA < 56, "64 flows should spread over both backends, \(onA) went to A")
        #expect(try pipeline.readRegister("service_stats_0_packets", index: 7) == 128)
    }

    @Test func ctCountsRefusedFlowsInTheLearnerStatistics() throws {
        let clock = SWXManualClock()
        let pipeline = try SWXPipeline(specText: ProgramFiles.text("programs/ct/cases/ct_size1.spec"),
                                       configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 2),
                                       clock: clock)
        for flow in 0..<6 {
            let packet = TestPackets.udp(source: Self.client, destination: Self.vip, sourcePort: UInt16(1000 + flow),
                                         destinationPort: 53, payload: [1])
            #expect(pipeline.process(packet, port: 0).count == 1, "UDP passes whether or not it is tracked")
        }
        let stats = try pipeline.learnerStatistics("conntrack")
        #expect(stats.learnOK == 4 && stats.learnFailed == 2, "one bucket of 4 keys: \(stats)")
        #expect(try pipeline.learnerEntries("conntrack").count == 4)
    }

    @Test func ctPerFlowCountersFollowTheEntry() throws {
        let clock = SWXManualClock()
        let pipeline = try SWXPipeline(specText: ProgramFiles.text("programs/ct/ct.spec"),
                                       configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 2),
                                       clock: clock)
        let forward = TestPackets.udp(source: Self.client, destination: Self.vip, sourcePort: 1000,
                                      destinationPort: 53, payload: [1, 2])
        let reply = TestPackets.udp(source: Self.vip, destination: Self.client, sourcePort: 53,
                                    destinationPort: 1000, payload: [3, 4, 5, 6])
        for (packet, port) in [(forward, UInt32(0)), (reply, 1), (forward, 0)] {
            #expect(pipeline.process(packet, port: port).count == 1)
        }
        let entries = try pipeline.learnerEntries("conntrack")
        let entry = try #require(entries.first)
        #expect(entries.count == 1, "both directions share one entry")
        #expect(entry.timeoutID == 4, "a reply makes the UDP flow assured")
        #expect(try pipeline.readRegister("flow_stats_0_packets", index: UInt64(entry.id)) == 2)
        #expect(try pipeline.readRegister("flow_stats_0_bytes", index: UInt64(entry.id)) == UInt64(reply.count - 14 + forward.count - 14))
        #expect(try pipeline.readRegister("flow_stats_0_packets", index: 0) == 1, "the first packet counts on the miss entry")
    }
}

/// The example topology in programs/node/example (what docs/programs.md describes) loads into node and serves a
/// service flow end to end.
@Suite struct NodeExampleTopologyTests {
    @Test func exampleEntriesLoadAndServeTheVIP() throws {
        let pipeline = try SWXPipeline(specText: ProgramFiles.text("programs/node/node.spec"),
                                       configuration: SWXPipelineConfiguration(inputPorts: 4, outputPorts: 4),
                                       clock: SWXManualClock())
        for table in ["forward", "backends", "services", "classify"] {
            try pipeline.importEntries(table: table, text: ProgramFiles.text("programs/node/example/\(table).txt"))
        }
        let request = TestPackets.udp(source: ProgramPipelineTests.client, destination: ProgramPipelineTests.vip,
                                      sourcePort: 5000, destinationPort: 53, payload: [1, 2, 3])
        let out = pipeline.process(request, port: 0)
        try #require(out.count == 1)
        #expect(out[0].port == 2 && TestPackets.destinationAddress(out[0].bytes) == ProgramPipelineTests.backendB)
        #expect(TestPackets.checksumsValid(out[0].bytes))
        let reply = TestPackets.udp(source: ProgramPipelineTests.backendB, destination: ProgramPipelineTests.client,
                                    sourcePort: 5353, destinationPort: 5000, payload: [4])
        let back = pipeline.process(reply, port: 2)
        try #require(back.count == 1)
        #expect(back[0].port == 0 && Array(back[0].bytes[26..<30]) == TestPackets.be32(ProgramPipelineTests.vip))
        #expect(Array(back[0].bytes[34..<36]) == TestPackets.be16(53) && TestPackets.checksumsValid(back[0].bytes))
    }
}
