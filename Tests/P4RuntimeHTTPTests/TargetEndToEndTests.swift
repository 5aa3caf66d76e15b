import Foundation
import Testing
import TestSupport

/// issue 4: the real `p4rtd` running k8s_dp on the software target, programmed and driven over HTTP alone
/// (friendly writes, `POST /v1/packets/{port}`, reads).
@Suite(.enabled(if: P4RTDProcess.available && Fixtures.sharedAvailable,
                Comment(rawValue: "needs the built p4rtd and ../shared/fixtures")))
struct TargetEndToEndTests {
    let json = [("Content-Type", "application/json")]

    static func update(_ entity: String) -> String { #"{"type":"INSERT","entity":\#(entity)}"# }

    static let clusterIP: String = {
        var updates: [String] = []
        for (index, backend) in ["10.244.1.2", "10.244.2.3"].enumerated() {
            let dnat = index + 1, snat = index + 11
            updates.append(update(#"{"actionProfileMember":{"actionProfile":"as_sl3_tcp","memberId":\#(100 + index),"action":"set_default_lb_dest","params":{"ptr":\#(dnat)}}}"#))
            updates.append(update(#"{"tableEntry":{"table":"write_dest_ip_table","match":{"meta.mod_blob_ptr_dnat":\#(dnat)},"action":"update_dst_ip","params":{"new_ip":"\#(backend)","new_port":8080}}}"#))
            updates.append(update(#"{"tableEntry":{"table":"set_meta_tcp","match":{"hdr.ipv4.dst_addr":"\#(backend)","hdr.tcp.dst_port":8080},"action":"set_key_for_reverse_ct","params":{"ptr":\#(snat)}}}"#))
            updates.append(update(#"{"tableEntry":{"table":"write_source_ip_table","match":{"meta.mod_blob_ptr_snat":\#(snat)},"action":"update_src_ip","params":{"new_ip":"10.96.0.10","new_port":80}}}"#))
            updates.append(update(#"{"tableEntry":{"table":"ipv4_to_port_table","match":{"hdr.ipv4.dst_addr":"\#(backend)"},"action":"set_dest_mac_vport","params":{"p":\#(index + 2),"new_dmac":"0x0200000000b0"}}}"#))
        }
        updates.append(update(#"{"tableEntry":{"table":"ipv4_to_port_table","match":{"hdr.ipv4.dst_addr":"10.0.0.1"},"action":"set_dest_mac_vport","params":{"p":0,"new_dmac":"0x020000000001"}}}"#))
        updates.append(update(#"{"actionProfileGroup":{"actionProfile":"as_sl3_tcp","groupId":7,"members":[{"memberId":100,"weight":1},{"memberId":101,"weight":1}]}}"#))
        updates.append(update(#"{"tableEntry":{"table":"tx_balance_tcp","match":{"hdr.ipv4.dst_addr":"10.96.0.10","hdr.tcp.dst_port":80},"group":7}}"#))
        return #"{"deviceId":1,"atomicity":"ROLLBACK_ON_ERROR","updates":[\#(updates.joined(separator: ","))]}"#
    }()

    /// Ethernet/IPv4/TCP SYN 10.0.0.1:40000 → 10.96.0.10:80 with valid checksums, as hex.
    static func synFrame() -> String {
        func sum(_ bytes: [UInt8]) -> UInt16 {
            var total: UInt32 = 0
            for i in stride(from: 0, to: bytes.count, by: 2) { total += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) }
            while total > 0xFFFF { total = (total & 0xFFFF) + (total >> 16) }
            return ~UInt16(total)
        }
        var ip: [UInt8] = [0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 96, 0, 10]
        let ipSum = sum(ip)
        ip[10] = UInt8(ipSum >> 8)
        ip[11] = UInt8(ipSum & 0xFF)
        var tcp: [UInt8] = [0x9C, 0x40, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xFF, 0xFF, 0, 0, 0, 0]
        let tcpSum = sum([10, 0, 0, 1, 10, 96, 0, 10, 0, 6, 0, 20] + tcp)
        tcp[16] = UInt8(tcpSum >> 8)
        tcp[17] = UInt8(tcpSum & 0xFF)
        let frame: [UInt8] = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0] + ip + tcp
        return frame.map { String(format: "%02x", $0) }.joined()
    }

    @Test func clusterIPScenarioOverHTTP() throws {
        let server = try P4RTDProcess(arguments: [
            "--p4info", Fixtures.shared("swx/k8s_dp/p4Info.txt").path,
            "--device-config", Fixtures.shared("swx/k8s_dp/k8s_dp.pb.bin").path,
            "--direction", "2=host-to-net", "--direction", "3=host-to-net",
        ])
        let client = try server.client()
        let write = try client.request("POST", "/v1/friendly/write", headers: json, body: Array(Self.clusterIP.utf8))
        #expect(write.status == 200, "\(write.text)")

        let injected = try client.request("POST", "/v1/packets/0", headers: [("Content-Type", "text/plain")],
                                          body: Array(Self.synFrame().utf8))
        #expect(injected.status == 200, "\(injected.text)")
        let answer = try JSONSerialization.jsonObject(with: Data(injected.body)) as? [String: Any]
        let outputs = answer?["outputs"] as? [[String: Any]] ?? []
        try #require(outputs.count == 1)
        let port = outputs[0]["port"] as? Int
        #expect(port == 2 || port == 3)
        let hex = outputs[0]["hex"] as? String ?? ""
        // The destination is now a backend (0a f4 01 02 or 0a f4 02 03) on port 8080 (1f 90).
        #expect(hex.contains("0af40102") || hex.contains("0af40203"))
        #expect(hex.dropFirst(2 * 36).hasPrefix("1f90"))

        let learned = try client.request("POST", "/v1/friendly/read", headers: json,
                                         body: Array(#"{"entities":[{"tableEntry":{"table":"pinned_flows"}}]}"#.utf8))
        #expect(learned.status == 200)
        #expect(learned.text.contains("10.96.0.10"))
        #expect(learned.text.contains("pinned_flows_hit"))

        let metrics = try client.request("GET", "/metrics")
        #expect(metrics.text.contains(#"p4rtd_learner_learned_total{table="k8s_dp_control.pinned_flows"} 1"#))
        #expect(metrics.text.contains(#"p4rtd_table_entries{table="k8s_dp_control.tx_balance_tcp"} 1"#))
        #expect(metrics.text.contains(#"p4rtd_port_rx_packets_total{port="0"} 1"#))
        // k8s_dp counts every packet in pkt_cntr cell 10 (regadd pkt_cntr_0 0xA 1), per pass.
        #expect(metrics.text.contains(#"p4rtd_counter_cell_packets_total{counter="k8s_dp_control.pkt_cntr",index="10"}"#))

        // The same packet as JSON base64 (a new source port: a new flow, balanced again).
        var frame = Self.synFrame()
        frame = String(frame.prefix(68)) + "9c41" + String(frame.dropFirst(72))
        let bytes = stride(from: 0, to: frame.count, by: 2).map { offset -> UInt8 in
            let start = frame.index(frame.startIndex, offsetBy: offset)
            return UInt8(frame[start..<frame.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
        let asJSON = #"{"base64":"\#(Data(bytes).base64EncodedString())"}"#
        let second = try client.request("POST", "/v1/packets/0", headers: json, body: Array(asJSON.utf8))
        #expect(second.status == 200)
        #expect(second.text.contains(#""outputs":[{"port":"#))

        let badPort = try client.request("POST", "/v1/packets/99", body: Array(Self.synFrame().utf8))
        #expect(badPort.status == 400)
        #expect(badPort.text.contains("in-memory"))
        #expect(server.stop() == 0)
    }
}
