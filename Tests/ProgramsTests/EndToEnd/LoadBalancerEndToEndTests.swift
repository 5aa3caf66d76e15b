import Foundation
import Testing
import TestSupport

/// `lb` served by the real p4rtd: a TCP service programmed through canonical P4Runtime JSON (members, a group, a
/// frontend), a UDP service through the friendly endpoints, packets injected on in-memory port 0 and compared byte
/// for byte with frames built from scratch (DNAT of MAC, address and port with valid checksums).
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct LoadBalancerEndToEndTests {
    static let vip = Frame.address("10.96.0.10")
    static let client = Frame.address("10.0.0.1")
    static let backendA = (address: Frame.address("10.244.1.5"), mac: UInt64(0x0200_0af4_0105))
    static let backendB = (address: Frame.address("10.244.2.6"), mac: UInt64(0x0200_0af4_0206))

    func program(_ lb: ProgramServer) throws {
        let profile = try lb.id("actionProfiles", "backends")
        let setBackend = try lb.id("actions", "set_backend")
        func member(_ id: Int, _ backend: (address: UInt32, mac: UInt64), port: UInt64, service: UInt64) -> String {
            let params = [UInt64(backend.address), port, backend.mac, service].enumerated().map {
                #"{"paramId":\#($0.offset + 1),"value":"\#(ProgramServer.base64($0.element))"}"#
            }.joined(separator: ",")
            return #"{"actionProfileMember":{"actionProfileId":\#(profile),"memberId":\#(id),"action":{"actionId":\#(setBackend),"params":[\#(params)]}}}"#
        }
        let services = try lb.id("tables", "services")
        try lb.writeCanonical([
            member(1, Self.backendA, port: 8080, service: 7),
            member(2, Self.backendB, port: 8080, service: 7),
            #"{"actionProfileGroup":{"actionProfileId":\#(profile),"groupId":1,"members":[{"memberId":1,"weight":1},{"memberId":2,"weight":1}]}}"#,
            #"{"tableEntry":{"tableId":\#(services),"match":[{"fieldId":1,"exact":{"value":"\#(ProgramServer.base64(UInt64(Self.vip)))"}},{"fieldId":2,"exact":{"value":"\#(ProgramServer.base64(6))"}},{"fieldId":3,"exact":{"value":"\#(ProgramServer.base64(80))"}}],"action":{"actionProfileGroupId":1}}}"#,
        ])
        // The UDP service through the friendly endpoints: one member used directly.
        try lb.call("POST", "/v1/action-profiles/backends/members",
                    #"{"memberId":3,"action":"set_backend","params":{"backend_addr":"10.244.2.6","backend_port":5353,"backend_mac":"02:00:0a:f4:02:06","service_id":8}}"#)
        try lb.call("POST", "/v1/tables/services/entries",
                    #"{"match":{"hdr.ipv4.dst_addr":"10.96.0.10","hdr.ipv4.protocol":17,"meta.l4_dst_port":53},"member":3}"#)
    }

    @Test func dnatOfTCPAndUDPServicesAndPerServiceCounters() throws {
        let lb = try ProgramServer(program: "lb")
        try program(lb)

        // TCP: the selector picks A or B; the frame is that backend's DNAT, byte for byte, out of port 1.
        let syn = Frame(source: Self.client, destination: Self.vip, ipProtocol: Frame.tcp, sourcePort: 40000, destinationPort: 80)
        let out = try lb.inject(syn.bytes, port: 0)
        try #require(out.count == 1)
        #expect(out[0].port == 1)
        let chosen = TestPackets.destinationAddress(out[0].bytes) == Self.backendA.address ? Self.backendA : Self.backendB
        var expected = syn
        expected.destination = chosen.address
        expected.destinationPort = 8080
        expected.destinationMAC = chosen.mac
        #expect(out[0].bytes == expected.bytes)
        // The same flow again takes the same backend (the selector hashes the 5-tuple).
        #expect(try lb.inject(syn.bytes, port: 0).first?.bytes == expected.bytes)

        // UDP to the member-backed service, from the other side of the wire (port 1 → port 0).
        let query = Frame(source: Self.client, destination: Self.vip, ipProtocol: Frame.udp, sourcePort: 33000,
                          destinationPort: 53, payload: Array("dns?".utf8))
        var dnat = query
        dnat.destination = Self.backendB.address
        dnat.destinationPort = 5353
        dnat.destinationMAC = Self.backendB.mac
        let udpOut = try lb.inject(query.bytes, port: 1)
        #expect(udpOut.map(\.port) == [0])
        #expect(udpOut.first?.bytes == dnat.bytes)
        #expect(udpOut.first.map { TestPackets.checksumsValid($0.bytes) } == true)

        // UDP checksum 0 ("none") stays 0 through DNAT.
        var bare = query
        bare.noUDPChecksum = true
        var bareDNAT = dnat
        bareDNAT.noUDPChecksum = true
        #expect(try lb.inject(bare.bytes, port: 0).first?.bytes == bareDNAT.bytes)

        // Miss: another VIP passes unchanged (bump in the wire).
        let other = Frame(source: Self.client, destination: Frame.address("10.96.0.11"), ipProtocol: Frame.tcp,
                          sourcePort: 40001, destinationPort: 80)
        let missed = try lb.inject(other.bytes, port: 0)
        #expect(missed.map(\.port) == [1])
        #expect(missed.first?.bytes == other.bytes)

        // Per-service counters (indexed by service_id): 2 TCP packets for service 7, 2 UDP packets for service 8.
        let seven = try lb.call("GET", "/v1/counters/service_stats/7")
        let eight = try lb.call("GET", "/v1/counters/service_stats/8")
        #expect(ProgramServer.counts(Self.cellData(seven)) == (2, 2 * syn.totalLength))
        #expect(ProgramServer.counts(Self.cellData(eight)) == (2, query.totalLength + bare.totalLength))
        #expect(ProgramServer.counts(Self.cellData(try lb.call("GET", "/v1/counters/service_stats/0"))) == (0, 0))
    }

    /// The `data` of the one counter cell in a friendly counter answer (an entity, a list, or `{"entities": […]}`).
    static func cellData(_ answer: Any?) -> Any? {
        if let object = answer as? [String: Any] {
            if let data = object["data"] { return data }
            if let entry = object["counterEntry"] { return cellData(entry) }
            if let entities = object["entities"] { return cellData(entities) }
        }
        if let list = answer as? [Any], list.count == 1 { return cellData(list[0]) }
        return nil
    }
}
