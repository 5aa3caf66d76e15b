import Foundation
import JSONCore
import P4RTClient
import Testing
import TestSupport

/// `p4rtctl lb show` with the per-service counters of the node program's services table (its direct counter),
/// after traffic to a VIP through the real p4rtd.
extension ClientEndToEndTests {
    @Test func lbShowCountsPacketsSentToAVIP() throws {
        let (server, _) = try startNodeWithExamples()
        let before = try p4rtctl(server, ["lb", "show"])
        #expect(before.status == 0, "\(before.err)")
        #expect(before.out.hasPrefix("FRONTEND"))
        #expect(before.out.split(separator: "\n").first?.contains("PACKETS") == true)

        // Two packets of one TCP flow to the web VIP 10.96.45.123:80 (the README's SYN, then the same flow again).
        let syn = "02000000000102000000000a08004500002800000000400638f00a0100050a602d7b9c40005000000001000000005002ffffd1700000"
        for _ in 0..<2 {
            let sent = try p4rtctl(server, ["packet", "send", "0", syn])
            #expect(sent.status == 0, "\(sent.err)")
        }
        let shown = try p4rtctl(server, ["lb", "show", "--output", "json"])
        #expect(shown.status == 0, "\(shown.err)")
        let services = try JSONValue.parse(Array(shown.out.utf8)).arrayValue ?? []
        let web = try #require(services.first { $0["frontend"] == .string("10.96.45.123:80") })
        #expect(web["packets"] == .integer(2))
        #expect((web["bytes"]?.int64Value ?? 0) >= 80)
        let dns = try #require(services.first { $0["frontend"] == .string("10.96.0.10:53") && $0["protocol"] == .string("UDP") })
        #expect(dns["packets"] == .integer(0))
        let table = try p4rtctl(server, ["lb", "show"])
        let webRow = table.out.split(separator: "\n").first { $0.hasPrefix("10.96.45.123:80 ") }
        let cells = webRow.map { $0.split(separator: " ").map(String.init) } ?? []
        #expect(cells.count >= 4 && cells[0] == "10.96.45.123:80" && cells[1] == "TCP" && cells[3] == "2", "\(cells)")
    }

    @Test func lbShowHasNoCounterColumnsWithoutADirectCounter() throws {
        // The node P4Info without its direct counter (and the table's reference to it), on the P4Info-only device.
        let original = try String(contentsOfFile: Fixtures.project("p4info/node.p4info.txt").path, encoding: .utf8)
        let text = original.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("direct_resource_ids: 323869266") }.joined(separator: "\n")
        let start = try #require(text.range(of: "direct_counters {"))
        var depth = 0
        var end = start.lowerBound
        for index in text[start.lowerBound...].indices {
            if text[index] == "{" { depth += 1 }
            if text[index] == "}" {
                depth -= 1
                if depth == 0 { end = text.index(after: index); break }
            }
        }
        let stripped = text.replacingCharacters(in: start.lowerBound..<end, with: "")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("node-no-counter-\(UUID().uuidString).p4info.txt")
        try stripped.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let server = try P4RTDProcess(arguments: ["--p4info", file.path])
        let examples = Fixtures.project("examples/kubernetes").path
        #expect(try p4rtctl(server, ["lb", "apply", examples + "/services.json", examples + "/endpointslices.json"]).status == 0)
        let shown = try p4rtctl(server, ["lb", "show"])
        #expect(shown.out.split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } == ["FRONTEND", "PROTO", "SERVICE", "BACKENDS"])
        let json = try p4rtctl(server, ["lb", "show", "--output", "json"])
        #expect(json.status == 0 && !json.out.contains("packets"))
    }
}

/// `lb apply` after a backend leaves: its buckets are refilled and the conntrack pins the data plane learned for
/// it go, through the real p4rtd on the software target.
extension ClientEndToEndTests {
    @Test func removingABackendRefillsItsBucketsAndDeletesItsPins() throws {
        let (server, examples) = try startNodeWithExamples()
        // The README's SYN to the web VIP: pinned both ways to one of its two backends.
        let syn = "02000000000102000000000a08004500002800000000400638f00a0100050a602d7b9c40005000000001000000005002ffffd1700000"
        let sent = try p4rtctl(server, ["packet", "send", "0", syn])
        #expect(sent.status == 0, "\(sent.err)")
        let chosen = sent.out.contains("0a0100050af40105") ? "10.244.1.5" : "10.244.2.7"
        let other = chosen == "10.244.1.5" ? "10.244.2.7" : "10.244.1.5"
        #expect(try p4rtctl(server, ["ct", "list", "--address", chosen]).out.split(separator: "\n").count == 2)

        // The chosen pod leaves the web service (its address replaced by the other pod's in the slice).
        let slices = try String(contentsOfFile: examples + "/endpointslices.json", encoding: .utf8)
            .replacingOccurrences(of: "\"\(chosen)\"", with: "\"\(other)\"")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("slices-\(UUID().uuidString).json")
        try slices.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let change = try p4rtctl(server, ["lb", "apply", "--output", "json", examples + "/services.json", file.path])
        #expect(change.status == 0, "\(change.err)")
        let summary = try JSONValue.parse(Array(change.out.utf8))
        #expect(summary["bucketsModified"] == .integer(32) && summary["pinsDeleted"] == .integer(2), "\(change.out)")
        #expect(try p4rtctl(server, ["ct", "list", "--address", chosen]).out.split(separator: "\n").isEmpty)
        let shown = try p4rtctl(server, ["lb", "show"])
        let web = shown.out.split(separator: "\n").first { $0.hasPrefix("10.96.45.123:80 ") } ?? ""
        #expect(web.hasSuffix(" \(other):8080"), "\(shown.out)")
        // A new flow now lands on the remaining pod.
        let again = try p4rtctl(server, ["packet", "send", "0", syn])
        #expect(again.out.contains("0a010005" + (other == "10.244.1.5" ? "0af40105" : "0af40207")), "\(again.out)")
    }
}
