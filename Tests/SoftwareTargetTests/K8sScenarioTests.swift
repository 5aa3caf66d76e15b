import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing
import TestSupport

/// issue 4 deliverable 5: k8s_dp (p4Info.txt + k8s_dp.pb.bin) through the service, a ClusterIP service with two
/// backends programmed with P4Runtime entities only, and traffic through the software target.
@Suite(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
struct K8sScenarioTests {
    typealias K = K8sDataplane

    func send(_ k8s: K8sDataplane, _ frame: [UInt8], port: UInt32) throws -> [(port: UInt32, packet: TestPackets.Parsed)] {
        try k8s.device.inject(frame, port: port).outputs.map { ($0.port, try #require(TestPackets.parse($0.bytes))) }
    }

    @Test func synToTheVIPIsDNATedStickyAndTheReplyIsSNATed() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()

        let syn = TestPackets.tcp(src: K.client, dst: K.vip, sport: 40000, dport: 80, flags: 0x02)
        let first = try send(k8s, syn, port: 0)
        try #require(first.count == 1)
        let (outPort, out) = first[0]
        let backendIndex = try #require(K.backends.firstIndex(of: out.dst))
        #expect(outPort == UInt32(backendIndex + 2))
        #expect(out.dport == 8080)
        #expect(out.src == K.client && out.sport == 40000)
        #expect(out.ipChecksumValid)
        #expect(out.tcpChecksumValid)

        // The rest of the flow (not SYN) sticks to the same backend through the pinned_flows learner.
        for flags: UInt8 in [0x10, 0x18, 0x10] {
            let next = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: 40000, dport: 80, flags: flags),
                                port: 0)
            try #require(next.count == 1)
            #expect(next[0].port == outPort)
            #expect(next[0].packet.dst == out.dst && next[0].packet.dport == 8080)
            #expect(next[0].packet.ipChecksumValid && next[0].packet.tcpChecksumValid)
        }

        // The backend's reply leaves SNATed back to the VIP, towards the client.
        let reply = TestPackets.tcp(src: out.dst, dst: K.client, sport: 8080, dport: 40000, flags: 0x12)
        let back = try send(k8s, reply, port: outPort)
        try #require(back.count == 1)
        #expect(back[0].port == 0)
        #expect(back[0].packet.src == K.vip && back[0].packet.sport == 80)
        #expect(back[0].packet.dst == K.client && back[0].packet.dport == 40000)
        #expect(back[0].packet.ipChecksumValid && back[0].packet.tcpChecksumValid)

        // The learned flows are readable through P4Runtime.
        let pinned = try k8s.read(Entity(.tableEntry(TableEntry(tableId: k8s.table("pinned_flows")))))
        try #require(pinned.count == 1)
        guard case .tableEntry(let learned)? = pinned[0].kind else { Issue.record("not a table entry"); return }
        #expect(learned.match == k8s.exact([TestPackets.ipv4(K.client), TestPackets.ipv4(K.vip), [6],
                                            K.bytes(40000, width: 2), [80]]))
        guard case .action(let action)? = learned.action?.kind else { Issue.record("no action"); return }
        #expect(action.actionId == k8s.action("pinned_flows_hit"))
        #expect(action.params.first?.value == [UInt8(backendIndex + 1)])
        let reverse = try k8s.read(Entity(.tableEntry(TableEntry(tableId: k8s.table("pinned_flows_reverse")))))
        #expect(reverse.count == 1)

        // They age out on the clock (timeout profile 2: 60 s).
        k8s.clock.advance(byNanoseconds: 61_000_000_000)
        #expect(try k8s.read(Entity(.tableEntry(TableEntry(tableId: k8s.table("pinned_flows"))))).isEmpty)
    }

    @Test func learnedAndExpiredFlowsReachTheStream() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()
        let session = try k8s.service.openSession()
        try k8s.service.handle(StreamMessageRequest(.arbitration(MasterArbitrationUpdate(
            deviceId: K.deviceId, electionId: Uint128(low: 1)))), from: session)
        _ = session.poll()
        _ = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: 40000, dport: 80, flags: 0x02), port: 0)
        k8s.device.sweepLearners()
        let learned = session.poll().compactMap { event -> (TableID, [TableEntry])? in
            if case .entriesLearned(let table, let entries) = event { return (table, entries) }
            return nil
        }
        #expect(Set(learned.map(\.0)) == [k8s.table("pinned_flows"), k8s.table("pinned_flows_reverse")])
        #expect(learned.allSatisfy { $0.1.count == 1 })
        k8s.device.sweepLearners()
        #expect(session.poll().isEmpty)

        // The expiry sweep visits 1 / learnerExpirySlices of a big learner per call: a full pass reports them once.
        k8s.clock.advance(byNanoseconds: 61_000_000_000)
        for _ in 0..<k8s.device.configuration.learnerExpirySlices { k8s.device.sweepLearners() }
        let removed = session.poll().compactMap { event -> TableID? in
            if case .entriesRemoved(let table, let entries) = event, entries.count == 1 { return table }
            return nil
        }
        #expect(Set(removed) == [k8s.table("pinned_flows"), k8s.table("pinned_flows_reverse")])
        #expect(removed.count == 2)
        for _ in 0..<k8s.device.configuration.learnerExpirySlices { k8s.device.sweepLearners() }
        #expect(session.poll().isEmpty)
    }

    @Test func oneShotActionSetsBalanceAndAreFreedOnDelete() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP(oneShot: true)
        var seen: Set<String> = []
        for sport in UInt16(30000)..<30032 {
            let out = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: sport, dport: 80, flags: 0x02),
                               port: 0)
            try #require(out.count == 1)
            #expect(out[0].packet.dport == 8080 && out[0].packet.tcpChecksumValid)
            seen.insert(out[0].packet.dst)
        }
        #expect(seen == Set(K.backends))
        // Reads return the one-shot action set as written.
        let read = try k8s.read(Entity(.tableEntry(TableEntry(tableId: k8s.table("tx_balance_tcp")))))
        guard case .tableEntry(let entry)? = read.first?.kind, case .actionProfileActionSet(let set)? = entry.action?.kind
        else { Issue.record("no one-shot entry read back"); return }
        #expect(set.actionProfileActions.count == 2)
        // Deleting the entry frees the hidden group and members: the VIP is no longer balanced.
        try k8s.write([Entity(.tableEntry(entry))], type: .delete)
        let after = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: 40001, dport: 80, flags: 0x02),
                             port: 0)
        #expect(after.allSatisfy { $0.packet.dst == K.vip })
    }

    @Test func modifiedMembersSteerNewFlows() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()
        try k8s.write([Entity(.actionProfileMember(ActionProfileMember(
            actionProfileId: k8s.profile("as_sl3_tcp"), memberId: 100,
            action: k8s.act("set_default_lb_dest", [K.bytes(2, width: 3)]))))], type: .modify)
        for sport in UInt16(31000)..<31016 {
            let next = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: sport, dport: 80, flags: 0x02),
                                port: 0)
            #expect(next.first?.packet.dst == K.backends[1])
        }
        // A group may not be deleted while an entry uses it; a member may not be deleted while a group holds it.
        #expect(throws: P4RuntimeError.self) {
            try k8s.write([Entity(.actionProfileMember(ActionProfileMember(actionProfileId: k8s.profile("as_sl3_tcp"),
                                                                            memberId: 100)))], type: .delete)
        }
    }

    @Test func learnerEntriesCanBeWrittenReadAndDeletedThroughP4Runtime() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()
        let ip = TestPackets.ipv4
        // Pin client:40000 → VIP:80 to backend 2 (ptr 2) before any traffic.
        let pin = k8s.entry("pinned_flows", [ip(K.client), ip(K.vip), [6], K.bytes(40000, width: 2), [80]],
                            .action(k8s.act("pinned_flows_hit", [[2]])))
        try k8s.write([pin])
        let table = Entity(.tableEntry(TableEntry(tableId: k8s.table("pinned_flows"))))
        #expect(try k8s.read(table).count == 1)
        // A non-SYN packet of that flow follows the pinned entry.
        let ack = TestPackets.tcp(src: K.client, dst: K.vip, sport: 40000, dport: 80, flags: 0x10)
        let out = try send(k8s, ack, port: 0)
        #expect(out.count == 1 && out.first?.packet.dst == K.backends[1])
        // The controller's entry is listed once (not again as a data-plane entry).
        #expect(try k8s.read(table).count == 1)
        try k8s.write([pin], type: .delete)
        #expect(try k8s.read(table).isEmpty)
        let after = try send(k8s, ack, port: 0)
        #expect(after.allSatisfy { $0.packet.dst == K.vip })
    }

    @Test func groupWeightsShareFlowsAndOversizedGroupsAreRefused() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()
        let profile = k8s.profile("as_sl3_tcp")
        try k8s.write([Entity(.actionProfileGroup(ActionProfileGroup(
            actionProfileId: profile, groupId: 7,
            members: [.init(memberId: 100, weight: 3), .init(memberId: 101, weight: 1)])))], type: .modify)
        var counts: [String: Int] = [:]
        for sport in UInt16(20000)..<20400 {
            let out = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: sport, dport: 80, flags: 0x02),
                               port: 0)
            if let dst = out.first?.packet.dst { counts[dst, default: 0] += 1 }
        }
        let heavy = counts[K.backends[0]] ?? 0
        let light = counts[K.backends[1]] ?? 0
        #expect(heavy + light == 400)
        #expect(heavy > 2 * light && light > 0, "weights 3:1 gave \(heavy):\(light)")

        #expect {
            try k8s.write([Entity(.actionProfileGroup(ActionProfileGroup(
                actionProfileId: profile, groupId: 8,
                members: [.init(memberId: 100, weight: 1000), .init(memberId: 101, weight: 101)])))])
        } throws: { error in
            let failure = error as? P4RuntimeError
            return failure?.details.first?.canonicalCode == .resourceExhausted
                || failure?.code == .resourceExhausted
        }
    }

    @Test func bothBackendsReceiveFlows() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()
        var seen: Set<String> = []
        for sport in UInt16(30000)..<30064 {
            let out = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: sport, dport: 80, flags: 0x02),
                               port: 0)
            try #require(out.count == 1)
            seen.insert(out[0].packet.dst)
        }
        #expect(seen == Set(K.backends))
    }

    @Test func theSameProgramLoadsFromTheJSONFormAndTheBareSpec() throws {
        let spec = try String(contentsOf: Fixtures.shared("swx/k8s_dp/pipe/k8s_dp.spec"), encoding: .utf8)
        let context = try String(contentsOf: Fixtures.shared("swx/k8s_dp/pipe/context.json"), encoding: .utf8)
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let json = "{\"spec\": \(quoted(spec)), \"context\": \(context)}"
        let k8s = try K8sDataplane(deviceConfig: Array(json.utf8))
        try k8s.programClusterIP()
        let out = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: 40000, dport: 80, flags: 0x02),
                           port: 0)
        #expect(out.count == 1 && K.backends.contains(out[0].packet.dst))

        // Without context.json the naming rules bind it too.
        let bare = try K8sDataplane(deviceConfig: Array(spec.utf8))
        try bare.programClusterIP()
        let bareOut = try send(bare, TestPackets.tcp(src: K.client, dst: K.vip, sport: 40000, dport: 80, flags: 0x02),
                               port: 0)
        #expect(bareOut.count == 1 && K.backends.contains(bareOut[0].packet.dst))
    }
}

extension K8sScenarioTests {
    @Test func aLearnedFlowCanBeDeletedThroughP4Runtime() throws {
        let k8s = try K8sDataplane()
        try k8s.programClusterIP()
        _ = try send(k8s, TestPackets.tcp(src: K.client, dst: K.vip, sport: 40001, dport: 80, flags: 0x02), port: 0)
        let pinned = try k8s.read(Entity(.tableEntry(TableEntry(tableId: k8s.table("pinned_flows")))))
        try #require(pinned.count == 1)
        guard case .tableEntry(var learned)? = pinned[0].kind else { Issue.record("not a table entry"); return }
        learned.action = nil
        try k8s.service.write(WriteRequest(deviceId: K.deviceId, updates: [Update(type: .delete, entity: Entity(.tableEntry(learned)))]))
        #expect(try k8s.read(Entity(.tableEntry(TableEntry(tableId: k8s.table("pinned_flows"))))).isEmpty)
        // Deleting it again: NOT_FOUND for that update.
        #expect(throws: P4RuntimeError.self) {
            try k8s.service.write(WriteRequest(deviceId: K.deviceId, updates: [Update(type: .delete, entity: Entity(.tableEntry(learned)))]))
        }
    }
}
