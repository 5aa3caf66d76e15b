import Foundation
import Testing
import TestSupport

/// `classifier` served by the real p4rtd: an exact 5-tuple rule written as canonical P4Runtime JSON, a QUIC VIP, a
/// CID rule with a flow mark and a ternary rule through the friendly endpoints; QUIC short- and long-header packets,
/// an unknown CID, an exact hit and the default rule injected on port 0 and compared byte for byte (the mark as the
/// 6-byte shim after the MAC addresses); hit counters read back.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct ClassifierEndToEndTests {
    static let client = Frame.address("192.168.1.10")
    static let quicVIP = Frame.address("10.96.0.20")
    static let cid: [UInt8] = [0xC1, 0xD2, 0xE3, 0xF4, 0x05, 0x16, 0x27, 0x38]

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// A QUIC packet to the VIP: a short header (fixed bit, then the DCID) or a long header (version, DCID length).
    static func quic(_ cid: [UInt8], long: Bool, sourcePort: UInt16 = 50000) -> Frame {
        let header: [UInt8] = long ? [0xC3, 0, 0, 0, 1, UInt8(cid.count)] : [0x41]
        let payload = header + cid + (0..<24).map { UInt8($0 * 7 & 0xFF) }
        return Frame(source: client, destination: quicVIP, ipProtocol: Frame.udp, sourcePort: sourcePort,
                     destinationPort: 443, payload: payload)
    }

    /// `frame` as delivered with `mark`: the shim (EtherType 0x88B5, mark, original EtherType) after the MACs.
    static func marked(_ frame: [UInt8], _ mark: UInt32) -> [UInt8] {
        Array(frame[0..<12]) + [0x88, 0xB5] + TestPackets.be32(mark) + Array(frame[12...])
    }

    @Test func steeringByCIDExactTernaryAndDefaultWithCounters() throws {
        let classifier = try ProgramServer(program: "classifier")
        let table = try classifier.id("tables", "flows_exact"), toPort = try classifier.id("actions", "to_port")
        let key = [UInt64(Self.client), UInt64(Frame.address("10.0.0.2")), 6, 5000, 80].enumerated().map {
            #"{"fieldId":\#($0.offset + 1),"exact":{"value":"\#(ProgramServer.base64($0.element))"}}"#
        }.joined(separator: ",")
        try classifier.writeCanonical([
            #"{"tableEntry":{"tableId":\#(table),"match":[\#(key)],"action":{"action":{"actionId":\#(toPort),"params":[{"paramId":1,"value":"\#(ProgramServer.base64(2))"}]}}}}"#,
        ])
        try classifier.call("POST", "/v1/tables/quic_vips/entries",
                            #"{"match":{"hdr.ipv4.dst_addr":"10.96.0.20","hdr.udp.dst_port":443},"action":"quic_vip","params":{"short_cid_len":8}}"#)
        let value = Self.hex(Self.cid + [UInt8](repeating: 0, count: 12))
        let mask = Self.hex([UInt8](repeating: 0xFF, count: 8) + [UInt8](repeating: 0, count: 12))
        try classifier.call("POST", "/v1/tables/quic_cids/entries",
                            #"{"match":{"hdr.ipv4.dst_addr":"10.96.0.20","hdr.udp.dst_port":443,"meta.cid_len":8,"hdr.quic_dcid.dcid":"0x\#(value)&&&0x\#(mask)"},"action":"mark_to_port","params":{"port":3,"mark":"0xabcd1234"},"priority":10}"#)
        try classifier.call("POST", "/v1/tables/flows_ternary/entries",
                            #"{"match":{"meta.dst_addr":"10.96.0.0/16","meta.protocol":17},"action":"to_port","params":{"port":4},"priority":5}"#)

        // QUIC short header with the configured CID length: port 3 with the mark shim.
        let short = Self.quic(Self.cid, long: false).bytes
        let shortOut = try classifier.inject(short, port: 0)
        #expect(shortOut.map(\.port) == [3])
        #expect(shortOut.first?.bytes == Self.marked(short, 0xABCD_1234))
        // Long header: the CID length comes from the packet, the same rule matches.
        let long = Self.quic(Self.cid, long: true, sourcePort: 50001).bytes
        let longOut = try classifier.inject(long, port: 0)
        #expect(longOut.map(\.port) == [3])
        #expect(longOut.first?.bytes == Self.marked(long, 0xABCD_1234))
        // Unknown CID: no CID rule; the ternary rule (UDP to 10.96/16) sends it to port 4 unchanged.
        let unknown = Self.quic([1, 2, 3, 4, 5, 6, 7, 8], long: false).bytes
        let unknownOut = try classifier.inject(unknown, port: 0)
        #expect(unknownOut.map(\.port) == [4] && unknownOut.first?.bytes == unknown)

        // The exact 5-tuple rule (canonical write): port 2, unchanged.
        let exact = Frame(source: Self.client, destination: Frame.address("10.0.0.2"), ipProtocol: Frame.tcp,
                          sourcePort: 5000, destinationPort: 80)
        let exactOut = try classifier.inject(exact.bytes, port: 0)
        #expect(exactOut.map(\.port) == [2] && exactOut.first?.bytes == exact.bytes)
        // Default rule: anything else leaves on port 0 unchanged.
        var other = exact
        other.sourcePort = 5001
        let otherOut = try classifier.inject(other.bytes, port: 0)
        #expect(otherOut.map(\.port) == [0] && otherOut.first?.bytes == other.bytes)

        // rule_hits: [0] CID rules, [1] exact rules, [2] ternary rules, [3] the default rule.
        for (index, packets) in [(0, 2), (1, 1), (2, 1), (3, 1)] {
            let cell = LoadBalancerEndToEndTests.cellData(try classifier.call("GET", "/v1/counters/rule_hits/\(index)"))
            #expect(ProgramServer.counts(cell).packets == packets, "rule_hits[\(index)]")
        }
        // exact_hits, the direct counter of flows_exact, counted the one exact hit.
        let read = try classifier.call("POST", "/v1/friendly/read",
                                       #"{"entities":[{"tableEntry":{"table":"flows_exact","counterData":{}}}]}"#) as? [String: Any]
        let entry = (read?["entities"] as? [[String: Any]])?.first?["tableEntry"] as? [String: Any]
        #expect(ProgramServer.counts(entry?["counterData"]) == (1, exact.totalLength))
    }
}
