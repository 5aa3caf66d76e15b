import Foundation
import Testing
import TestSupport

/// `ct` served by the real p4rtd: zones programmed through canonical P4Runtime JSON (port 0) and the friendly
/// endpoints (port 1), a TCP flow opened by a SYN and recognised in both directions, a first non-SYN packet dropped
/// (the miss/default action), UDP learned on its first packet; packets compared byte for byte (ct never rewrites),
/// the event counter and the learned entries read back.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct ConnectionTrackingEndToEndTests {
    static let client = Frame.address("10.0.0.1")
    static let server = Frame.address("10.0.0.2")

    @Test func bothDirectionsOfAFlowWithCounters() throws {
        let ct = try ProgramServer(program: "ct")
        let zones = try ct.id("tables", "zones"), setZone = try ct.id("actions", "set_zone")
        try ct.writeCanonical([
            #"{"tableEntry":{"tableId":\#(zones),"match":[{"fieldId":1,"exact":{"value":"AA=="}}],"action":{"action":{"actionId":\#(setZone),"params":[{"paramId":1,"value":"\#(ProgramServer.base64(3))"}]}}}}"#,
        ])
        try ct.call("POST", "/v1/tables/zones/entries", #"{"match":{"istd.input_port":1},"action":"set_zone","params":{"zone":3}}"#)

        // Miss/default: an ACK with no flow is refused (only a SYN opens a TCP flow).
        let stray = Frame(source: Self.client, destination: Self.server, ipProtocol: Frame.tcp, sourcePort: 5000,
                          destinationPort: 80, tcpFlags: Frame.ack)
        #expect(try ct.inject(stray.bytes, port: 0).isEmpty)

        // The SYN opens the flow; the SYN-ACK from the other side matches it (reply direction); the ACK passes.
        let syn = Frame(source: Self.client, destination: Self.server, ipProtocol: Frame.tcp, sourcePort: 5001, destinationPort: 80)
        var synAck = Frame(source: Self.server, destination: Self.client, ipProtocol: Frame.tcp, sourcePort: 80,
                           destinationPort: 5001, tcpFlags: Frame.syn | Frame.ack)
        synAck.destinationMAC = 0x0200_0000_0001
        synAck.sourceMAC = 0x0200_0000_0002
        var ack = syn
        ack.tcpFlags = Frame.ack
        let first = try ct.inject(syn.bytes, port: 0)
        let reply = try ct.inject(synAck.bytes, port: 1)
        let third = try ct.inject(ack.bytes, port: 0)
        #expect(first.map(\.port) == [1] && first.first?.bytes == syn.bytes)
        #expect(reply.map(\.port) == [0] && reply.first?.bytes == synAck.bytes)
        #expect(third.map(\.port) == [1] && third.first?.bytes == ack.bytes)

        // UDP: the first packet is learned, not dropped.
        let dns = Frame(source: Self.client, destination: Self.server, ipProtocol: Frame.udp, sourcePort: 6000,
                        destinationPort: 53, payload: [1, 2, 3, 4])
        #expect(try ct.inject(dns.bytes, port: 0).first?.bytes == dns.bytes)

        // ct_events: [0] flows learned (TCP + UDP), [1] refused packets, [2] reply-direction packets.
        for (index, packets) in [(0, 2), (1, 1), (2, 1)] {
            let cell = LoadBalancerEndToEndTests.cellData(try ct.call("GET", "/v1/counters/ct_events/\(index)"))
            #expect(ProgramServer.counts(cell).packets == packets, "ct_events[\(index)]")
        }

        // The learned flows: one per flow (both directions share it), in the zone of the ports, canonical order,
        // with their direct counters (flow_stats) and their ageing: idleTimeoutNs is the timeout of the flow's
        // expire-time profile (established after the ACK), timeSinceLastHit the time since its last rearm.
        let read = try ct.call("POST", "/v1/friendly/read",
                               #"{"entities":[{"tableEntry":{"table":"conntrack","counterData":{},"timeSinceLastHit":{}}}]}"#) as? [String: Any]
        let entries = (read?["entities"] as? [[String: Any]] ?? []).compactMap { $0["tableEntry"] as? [String: Any] }
        #expect(entries.count == 2)
        let tcpFlow = entries.first { ($0["match"] as? [String: Any])?["hdr.ipv4.protocol"] as? Int == 6 }
        let match = tcpFlow?["match"] as? [String: Any] ?? [:]
        #expect(match["meta.zone"] as? Int == 3)
        #expect(match["meta.addr_lo"] as? String == "10.0.0.1" && match["meta.addr_hi"] as? String == "10.0.0.2")
        #expect(match["meta.port_lo"] as? Int == 5001 && match["meta.port_hi"] as? Int == 80)
        #expect(tcpFlow?["action"] as? String == "MainControlImpl.ct_flow_hit")
        let counters = tcpFlow?["counterData"] as? [String: Any]
        // A direct counter counts hits: the SYN-ACK and the ACK (the SYN missed and learned), IPv4 bytes (40 each).
        #expect(counters?["packetCount"] as? String == "2", "\(tcpFlow ?? [:])")
        #expect(counters?["byteCount"] as? String == "80")
        let timeouts = try ct.call("GET", "/v1/tables/conntrack/timeouts") as? [String: Any]
        let profiles = timeouts?["timeouts"] as? [[String: Any]] ?? []
        let established = try #require(profiles.first { $0["profile"] as? Int == 1 }?["seconds"] as? Int)
        #expect(tcpFlow?["idleTimeoutNs"] as? String == String(Int64(established) * 1_000_000_000))
        let elapsed = ((tcpFlow?["timeSinceLastHit"] as? [String: Any])?["elapsedNs"] as? String).flatMap { Int64($0) }
        #expect(elapsed.map { $0 >= 0 && $0 < Int64(established) * 1_000_000_000 } == true)

        // One learned flow by its key.
        let one = try ct.call("POST", "/v1/friendly/read", #"{"entities":[{"tableEntry":{"table":"conntrack","match":{"meta.zone":3,"meta.addr_lo":"10.0.0.1","meta.addr_hi":"10.0.0.2","hdr.ipv4.protocol":6,"meta.port_lo":5001,"meta.port_hi":80}}}]}"#) as? [String: Any]
        let oneEntries = (one?["entities"] as? [[String: Any]] ?? []).compactMap { $0["tableEntry"] as? [String: Any] }
        #expect(oneEntries.count == 1, "\(one ?? [:])")
        #expect(oneEntries.first?["action"] as? String == "MainControlImpl.ct_flow_hit")

        // Without counterData / timeSinceLastHit in the request, the answer carries neither (P4Runtime RD5).
        let plain = try ct.call("POST", "/v1/friendly/read", #"{"entities":[{"tableEntry":{"table":"conntrack"}}]}"#) as? [String: Any]
        let plainEntries = (plain?["entities"] as? [[String: Any]] ?? []).compactMap { $0["tableEntry"] as? [String: Any] }
        #expect(plainEntries.count == 2)
        #expect(plainEntries.allSatisfy { $0["counterData"] == nil && $0["timeSinceLastHit"] == nil })
    }
}
