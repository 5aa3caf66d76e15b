import Foundation
import Testing
import TestSupport

/// The node program's per-service direct counter (`service_stats` on `services`) through the real p4rtd: two
/// services sharing one service id's buckets, packets to one of them, and the counters read per entry (what `p4rtctl lb show` shows).
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct NodeServiceCounterEndToEndTests {
    @Test func servicesEntriesCountTheirPacketsAndBytes() throws {
        let node = try ProgramServer(program: "node")
        // Service 1's 64 buckets all hold one backend; both VIPs lead to service 1.
        let buckets = (0..<64).map { bucket in
            #"{"type":"INSERT","entity":{"tableEntry":{"table":"backends","match":{"meta.service_id":1,"meta.bucket":\#(bucket)},"#
                + #""action":"dnat","params":{"backend_addr":"10.244.1.5","backend_port":8080,"backend_mac":"02:00:0a:f4:01:05"}}}},"#
        }.joined(separator: "\n")
        try node.call("POST", "/v1/friendly/write", #"""
            {"deviceId":1,"atomicity":"ROLLBACK_ON_ERROR","updates":[
            \#(buckets)
             {"type":"INSERT","entity":{"tableEntry":{"table":"services","match":{"hdr.ipv4.dst_addr":"10.96.0.10","hdr.ipv4.protocol":6,"meta.l4_dst_port":80},"action":"set_service","params":{"service_id":1}}}},
             {"type":"INSERT","entity":{"tableEntry":{"table":"services","match":{"hdr.ipv4.dst_addr":"10.96.0.11","hdr.ipv4.protocol":6,"meta.l4_dst_port":80},"action":"set_service","params":{"service_id":1}}}},
             {"type":"INSERT","entity":{"tableEntry":{"table":"forward","match":{"hdr.ipv4.dst_addr":"10.244.1.5"},"action":"set_out_port","params":{"port":1}}}}]}
            """#)
        let syn = Frame(source: Frame.address("10.0.0.1"), destination: Frame.address("10.96.0.10"),
                        ipProtocol: Frame.tcp, sourcePort: 40000, destinationPort: 80)
        var ack = syn
        ack.tcpFlags = Frame.ack
        var dnat = syn
        dnat.destination = Frame.address("10.244.1.5")
        dnat.destinationPort = 8080
        dnat.destinationMAC = 0x0200_0af4_0105
        #expect(try node.inject(syn.bytes, port: 0).map(\.bytes) == [dnat.bytes])
        #expect(try node.inject(ack.bytes, port: 0).map(\.port) == [1])

        let read = try node.call("POST", "/v1/friendly/read",
                                 #"{"entities":[{"tableEntry":{"table":"services","counterData":{}}}]}"#) as? [String: Any]
        let entries = (read?["entities"] as? [[String: Any]] ?? []).compactMap { $0["tableEntry"] as? [String: Any] }
        let counts = Dictionary(uniqueKeysWithValues: entries.map {
            (($0["match"] as? [String: Any])?["hdr.ipv4.dst_addr"] as? String ?? "?", ProgramServer.counts($0["counterData"]))
        })
        #expect(counts["10.96.0.10"]?.packets == 2 && counts["10.96.0.10"]?.bytes == syn.totalLength + ack.totalLength)
        #expect(counts["10.96.0.11"]?.packets == 0 && counts["10.96.0.11"]?.bytes == 0)

        // One entry's counter through a directCounterEntry read.
        let one = try node.call("POST", "/v1/friendly/read", #"""
            {"entities":[{"directCounterEntry":{"table":"services","match":{"hdr.ipv4.dst_addr":"10.96.0.10","hdr.ipv4.protocol":6,"meta.l4_dst_port":80}}}]}
            """#) as? [String: Any]
        let direct = (one?["entities"] as? [[String: Any]])?.first?["directCounterEntry"] as? [String: Any]
        #expect(ProgramServer.counts(direct?["data"]) == (2, syn.totalLength + ack.totalLength))
    }
}
