import Foundation
import Testing
import TestSupport

/// The real `p4rtd` binary on an ephemeral port, driven over HTTP.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct ServerEndToEndTests {
    let json = [("Content-Type", "application/json")]

    func start(_ extra: [String] = []) throws -> P4RTDProcess {
        try P4RTDProcess(arguments: ["--p4info", try SampleProgram.writeP4Info()] + extra)
    }

    @Test func printsReadyLineAndStopsCleanlyOnSIGTERM() throws {
        let server = try start()
        #expect(server.readyLine.hasPrefix("p4rtd listening on http://127.0.0.1:"))
        #expect(server.port != 0)
        let response = try server.client().request("GET", "/v1/capabilities")
        #expect(response.status == 200)
        #expect(response.text == #"{"p4runtimeApiVersion":"1.5.0"}"#)
        #expect(server.stop() == 0)
    }

    @Test func writeThenReadIsSymmetricAndCanonical() throws {
        let server = try start()
        let client = try server.client()
        let write = try client.request("POST", "/v1/write", headers: json, body: Array(SampleProgram.insertRoute.utf8))
        #expect(write.status == 200)
        #expect(write.text == "{}")
        let read = try client.request(
            "POST", "/v1/read", headers: json, body: Array(#"{"deviceId":"1","entities":[{"tableEntry":{"tableId":33554433}}]}"#.utf8))
        #expect(read.status == 200)
        // The padded MAC 00:11:22:33:44:55 reads back in canonical (shortest) form.
        #expect(read.text.contains(#""value":"ESIzRFU=""#))
        #expect(read.text.contains(#""prefixLen":8"#))
    }

    @Test func duplicateInsertReportsAlreadyExistsPerUpdate() throws {
        let server = try start()
        let client = try server.client()
        _ = try client.request("POST", "/v1/write", headers: json, body: Array(SampleProgram.insertRoute.utf8))
        let again = try client.request("POST", "/v1/write", headers: json, body: Array(SampleProgram.insertRoute.utf8))
        #expect(again.status == 409)
        #expect(again.header("P4rt-Status") == "UNKNOWN")
        let status = try JSONSerialization.jsonObject(with: Data(again.body)) as? [String: Any]
        #expect(status?["code"] as? Int == 2)
        let details = status?["details"] as? [[String: Any]]
        #expect(details?.count == 1)
        #expect(details?.first?["canonicalCode"] as? Int == 6)
        #expect(details?.first?["@type"] as? String == "type.googleapis.com/p4.v1.Error")
    }

    @Test func streamedReadIsNDJSONWithTrailingStatus() throws {
        let server = try start()
        let client = try server.client()
        _ = try client.request("POST", "/v1/write", headers: json, body: Array(SampleProgram.insertRoute.utf8))
        let body = #"{"deviceId":"1","entities":[{"tableEntry":{}},{"counterEntry":{"counterId":5}}]}"#
        let read = try client.request(
            "POST", "/v1/read", headers: json + [("Accept", "application/x-ndjson")], body: Array(body.utf8))
        #expect(read.status == 200)
        #expect(read.header("Transfer-Encoding")?.lowercased() == "chunked")
        let lines = read.text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"{"entities":[{"tableEntry""#) == true)
        #expect(lines.last?.hasPrefix(#"{"status":{"code":2"#) == true)
        #expect(lines.last?.contains("entities[1].counterEntry.counterId") == true)
    }

    @Test func badInputGetsClearErrors() throws {
        let server = try start(["--max-body", "2048"])
        let client = try server.client()
        let malformed = try client.request("POST", "/v1/write", headers: json, body: Array(#"{"updates":[{"type":"#.utf8))
        #expect(malformed.status == 400)
        #expect(malformed.text.contains("invalid JSON"))
        #expect(malformed.text.contains("line 1"))
        let wrongType = try client.request("POST", "/v1/write", headers: [("Content-Type", "text/plain")], body: Array("{}".utf8))
        #expect(wrongType.status == 400)
        #expect(wrongType.text.contains("Content-Type"))
        let badField = try client.request(
            "POST", "/v1/write", headers: json,
            body: Array(#"{"deviceId":"1","updates":[{"type":"INSERT","entity":{"tableEntry":{"tableId":"x"}}}]}"#.utf8))
        #expect(badField.status == 400)
        #expect(badField.text.contains("updates[0].entity.tableEntry.tableId"))
        let unknownPath = try client.request("GET", "/v1/nothing")
        #expect(unknownPath.status == 404)
        let wrongMethod = try client.request("DELETE", "/v1/write")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
        let huge = try server.client().request("POST", "/v1/write", headers: json, body: [UInt8](repeating: 0x20, count: 4096))
        #expect(huge.status == 413)
        // The server is still serving after all of that.
        #expect(try server.client().request("GET", "/v1/capabilities").status == 200)
    }

    @Test func rollbackOnErrorBatchChangesNothing() throws {
        let server = try start()
        let client = try server.client()
        let batch = """
            {"deviceId":"1","atomicity":"ROLLBACK_ON_ERROR","updates":[\
            {"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":[{"fieldId":1,"lpm":{"value":"CgAAAA==","prefixLen":8}}],\
            "action":{"action":{"actionId":16777218}}}}},\
            {"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":[{"fieldId":1,"lpm":{"value":"CgAAAA==","prefixLen":33}}],\
            "action":{"action":{"actionId":16777218}}}}}]}
            """
        let write = try client.request("POST", "/v1/write", headers: json, body: Array(batch.utf8))
        #expect(write.status == 400)
        #expect(write.text.contains("prefixLen"))
        let read = try client.request(
            "POST", "/v1/read", headers: json, body: Array(#"{"deviceId":"1","entities":[{"tableEntry":{"tableId":33554433}}]}"#.utf8))
        #expect(read.text == #"{"entities":[]}"#)
    }

    @Test func streamArbitrationMakesThePrimaryAndGuardsWrites() throws {
        let server = try start()
        let stream = try server.client()
        try stream.send("GET /v1/stream?deviceId=1&electionId=5 HTTP/1.1\r\nHost: test\r\n\r\n")
        let head = try stream.readHead()
        #expect(head.status == 200)
        #expect(head.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        let events = try stream.readEvents { $0.contains("event: arbitration") && $0.hasSuffix("\n\n") }
        #expect(events.contains("event: session"))
        #expect(events.contains(#""electionId":{"low":"5"}"#))
        // With a primary present, a write without an election id is refused.
        let write = try server.client().request("POST", "/v1/write", headers: json, body: Array(SampleProgram.insertRoute.utf8))
        #expect(write.status == 403)
        // The primary's election id is accepted.
        let withId = SampleProgram.insertRoute.replacingOccurrences(of: #"{"deviceId":"1","#, with: #"{"deviceId":"1","electionId":{"low":"5"},"#)
        let accepted = try server.client().request("POST", "/v1/write", headers: json, body: Array(withId.utf8))
        #expect(accepted.status == 200)
    }
}
