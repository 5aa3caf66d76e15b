import Foundation
import Testing
import TestSupport

/// The name-based endpoints of the real server: the same state as the canonical API, human values in and out.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct FriendlyEndpointTests {
    let json = [("Content-Type", "application/json")]

    func start() throws -> P4RTDProcess {
        try P4RTDProcess(arguments: ["--p4info", try SampleProgram.writeP4Info()])
    }

    @Test func listsTablesWithTheirFields() throws {
        let server = try start()
        let tables = try server.client().request("GET", "/v1/tables")
        #expect(tables.status == 200)
        #expect(tables.text.contains(#""name":"ingress.ipv4_lpm","alias":"ipv4_lpm","id":33554433"#))
        #expect(tables.text.contains(#""matchType":"LPM","bitwidth":32"#))
    }

    @Test func insertByNameReadsBackCanonicallyAndByName() throws {
        let server = try start()
        let client = try server.client()
        let insert = try client.request(
            "POST", "/v1/tables/ipv4_lpm/entries", headers: json,
            body: Array(#"{"match":{"hdr.ipv4.dstAddr":"10.0.0.0/8"},"action":"set_nhop","params":{"dmac":"00:11:22:33:44:55","port":1}}"#.utf8))
        #expect(insert.status == 200)
        // The same entry through the canonical API: 10.0.0.0 is CgAAAA==, the MAC canonical ESIzRFU=.
        let canonical = try client.request(
            "POST", "/v1/read", headers: json, body: Array(#"{"deviceId":"1","entities":[{"tableEntry":{"tableId":33554433}}]}"#.utf8))
        #expect(canonical.text.contains(#""lpm":{"value":"CgAAAA==","prefixLen":8}"#))
        #expect(canonical.text.contains(#""value":"ESIzRFU=""#))
        let friendly = try client.request("GET", "/v1/tables/ingress.ipv4_lpm/entries")
        #expect(friendly.status == 200)
        #expect(friendly.text.contains(#""match":{"hdr.ipv4.dstAddr":"10.0.0.0/8"}"#))
        let delete = try client.request(
            "DELETE", "/v1/tables/ipv4_lpm/entries", headers: json, body: Array(#"{"match":{"hdr.ipv4.dstAddr":"10.0.0.0/8"}}"#.utf8))
        #expect(delete.status == 200)
        #expect(try client.request("GET", "/v1/tables/ipv4_lpm/entries").text == #"{"entities":[]}"#)
    }

    @Test func badHumanValuesNameTheField() throws {
        let server = try start()
        let client = try server.client()
        let tooLong = try client.request(
            "POST", "/v1/tables/ipv4_lpm/entries", headers: json,
            body: Array(#"{"match":{"hdr.ipv4.dstAddr":"10.0.0.0/33"},"action":"drop"}"#.utf8))
        #expect(tooLong.status == 400)
        #expect(tooLong.text.contains("hdr.ipv4.dstAddr"))
        let unknownTable = try client.request("GET", "/v1/tables/nope/entries")
        #expect(unknownTable.status == 400 || unknownTable.status == 404)
        #expect(unknownTable.text.contains("nope"))
    }

    @Test func counterCellsByNameAndIndex() throws {
        let server = try start()
        let client = try server.client()
        let set = try client.request("PUT", "/v1/counters/port_packets/3", headers: json, body: Array(#"{"data":{"packetCount":"5","byteCount":"640"}}"#.utf8))
        #expect(set.status == 200)
        let cell = try client.request("GET", "/v1/counters/port_packets/3")
        #expect(cell.text.contains(#""index":3"#))
        #expect(cell.text.contains(#""packetCount":"5""#))
        let all = try client.request("GET", "/v1/counters/port_packets")
        let entities = (try JSONSerialization.jsonObject(with: Data(all.body)) as? [String: Any])?["entities"] as? [Any]
        #expect(entities?.count == 8)
        let outOfRange = try client.request("GET", "/v1/counters/port_packets/8")
        #expect(outOfRange.status == 400)
    }

    @Test func friendlyWriteAndReadRequests() throws {
        let server = try start()
        let client = try server.client()
        let write = """
            {"updates":[{"type":"INSERT","entity":{"tableEntry":{"table":"ipv4_lpm","match":{"hdr.ipv4.dstAddr":"192.168.0.0/16"},\
            "action":"drop"}}}]}
            """
        #expect(try client.request("POST", "/v1/friendly/write", headers: json, body: Array(write.utf8)).status == 200)
        let read = try client.request("POST", "/v1/friendly/read", headers: json, body: Array(#"{"entities":[{"tableEntry":{}}]}"#.utf8))
        #expect(read.status == 200)
        #expect(read.text.contains("192.168.0.0/16"))
    }
}
