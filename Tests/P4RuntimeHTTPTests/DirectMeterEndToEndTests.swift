import Foundation
import Testing
import TestSupport

/// Direct meters over HTTP alone: the real `p4rtd` runs the policer PNA program (a ternary + range table with a
/// direct meter) on the software target. The meter refills at 1 byte/s, so the colours below do not depend on
/// how long the test takes (the first 40 bytes of refill take 40 s).
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct DirectMeterEndToEndTests {
    let json = [("Content-Type", "application/json")]
    static let program = "Tests/SoftwareTargetTests/Resources/policer/"
    /// The police entry's key in the friendly form.
    static let key = #""table":"police_table","match":{"hdr.ipv4.src_addr":"10.0.0.0&&&255.0.0.0","hdr.tcp.dst_port":"80..90"},"priority":10"#
    /// 40-byte packets: one green (cburst), one more yellow (pburst), then red.
    static let config = #"{"cir":"1","cburst":"40","pir":"1","pburst":"80"}"#

    /// Ethernet/IPv4/TCP 10.1.2.3:1234 → 192.0.2.1:80, IPv4 total length 40, as hex (checksums do not matter here).
    static let frame: String = {
        let ip: [UInt8] = [0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 1, 2, 3, 192, 0, 2, 1]
        let tcp: [UInt8] = [0x04, 0xD2, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xFF, 0xFF, 0, 0, 0, 0]
        let bytes: [UInt8] = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0] + ip + tcp
        return bytes.map { String(format: "%02x", $0) }.joined()
    }()

    /// The PNA colour stamped in diffserv of the one output (nil when the packet was dropped).
    func send(_ client: RawHTTPClient) throws -> Int? {
        let answer = try client.request("POST", "/v1/packets/0", headers: [("Content-Type", "text/plain")],
                                        body: Array(Self.frame.utf8))
        let object = try JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any]
        let outputs = object?["outputs"] as? [[String: Any]] ?? []
        guard let hex = outputs.first?["hex"] as? String else { return nil }
        return Int(String(hex.dropFirst(30).prefix(2)), radix: 16)
    }

    @Test func directMeterOverHTTP() throws {
        let server = try P4RTDProcess(arguments: [
            "--p4info", Fixtures.project(Self.program + "policer.p4info.txt").path,
            "--spec", Fixtures.project(Self.program + "policer.spec").path,
        ])
        let client = try server.client()
        func write(_ type: String, _ entity: String) throws -> RawHTTPClient.Response {
            try client.request("POST", "/v1/friendly/write", headers: json, body: Array(
                #"{"updates":[{"type":"\#(type)","entity":\#(entity)}]}"#.utf8))
        }

        let insert = try write("INSERT", #"{"tableEntry":{\#(Self.key),"action":"police","params":{"port":2},"meterConfig":\#(Self.config)}}"#)
        #expect(insert.status == 200, "\(insert.text)")
        // PNA colours: GREEN 1, YELLOW 2; red is dropped.
        #expect(try (0..<4).map { _ in try send(client) } == [1, 2, nil, nil])

        let read = try client.request("POST", "/v1/friendly/read", headers: json, body: Array(
            #"{"entities":[{"directMeterEntry":{\#(Self.key),"counterData":{}}}]}"#.utf8))
        #expect(read.status == 200, "\(read.text)")
        let cell = try #require(try Self.directMeterEntry(read.body))
        let config = cell["config"] as? [String: Any]
        #expect(config?["cir"] as? String == "1" && config?["pburst"] as? String == "80")
        let counters = cell["counterData"] as? [String: Any]
        #expect((counters?["red"] as? [String: Any])?["packetCount"] as? String == "2")
        #expect((counters?["green"] as? [String: Any])?["byteCount"] as? String == "40")

        // MODIFY without a config: back to the default, every packet green.
        let reset = try write("MODIFY", #"{"directMeterEntry":{\#(Self.key)}}"#)
        #expect(reset.status == 200, "\(reset.text)")
        #expect(try (0..<3).map { _ in try send(client) } == [1, 1, 1])

        // A table without a direct meter, and an entry that does not exist.
        let routed = try write("INSERT", #"{"tableEntry":{"table":"route","match":{"hdr.ipv4.dst_addr":"10.0.0.0/8"},"action":"forward","params":{"port":3}}}"#)
        #expect(routed.status == 200, "\(routed.text)")
        let route = try write("MODIFY", #"{"directMeterEntry":{"table":"route","match":{"hdr.ipv4.dst_addr":"10.0.0.0/8"},"config":\#(Self.config)}}"#)
        #expect(route.status == 400)
        #expect(route.text.contains("has no direct meter"))
        let stale = try write("MODIFY", #"{"directMeterEntry":{"table":"police_table","match":{"hdr.ipv4.src_addr":"11.0.0.0&&&255.0.0.0"},"priority":10,"config":\#(Self.config)}}"#)
        #expect(stale.status == 404, "\(stale.text)")
        #expect(server.stop() == 0)
    }

    /// The first `directMeterEntry` object of a friendly read answer (an array, NDJSON lines or an object with
    /// `entities`).
    static func directMeterEntry(_ body: [UInt8]) throws -> [String: Any]? {
        let text = String(decoding: body, as: UTF8.self)
        for line in text.split(separator: "\n") {
            guard let data = line.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data) else { continue }
            if let found = find(value) { return found }
        }
        return nil
    }

    static func find(_ value: Any) -> [String: Any]? {
        if let object = value as? [String: Any] {
            if let cell = object["directMeterEntry"] as? [String: Any] { return cell }
            for member in object.values { if let found = find(member) { return found } }
        } else if let array = value as? [Any] {
            for element in array { if let found = find(element) { return found } }
        }
        return nil
    }
}
