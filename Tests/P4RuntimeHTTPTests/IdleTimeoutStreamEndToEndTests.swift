import Foundation
import Testing
import TestSupport

/// Idle-timeout notifications over HTTP alone: the real `p4rtd` runs bench/idle (one exact NOTIFY_CONTROL table) on
/// the software target, a controller holds the primary role through `GET /v1/stream`, writes an entry with a short
/// `idleTimeoutNs`, and receives the IdleTimeoutNotification as a Server-Sent Event. The test waits for the event
/// itself (every socket read has a deadline), never for a fixed time.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct IdleTimeoutStreamEndToEndTests {
    let json = [("Content-Type", "application/json")]

    /// INSERT of flows[10.0.0.1] → send(port 1) with a 200 ms idle timeout, as the primary (election id 5).
    static let insert = #"""
    {"deviceId":"1","electionId":{"low":"5"},"updates":[{"type":"INSERT","entity":{"tableEntry":{
    "tableId":33554433,"match":[{"fieldId":1,"exact":{"value":"CgAAAQ=="}}],
    "action":{"action":{"actionId":16777217,"params":[{"paramId":1,"value":"AQ=="}]}},
    "idleTimeoutNs":"200000000"}}}]}
    """#

    @Test func expiredEntryArrivesAsAnIdleTimeoutNotificationEvent() throws {
        let server = try P4RTDProcess(arguments: [
            "--p4info", Fixtures.project("bench/idle/idle.p4info.txt").path,
            "--spec", Fixtures.project("bench/idle/idle.spec").path,
        ])
        let stream = try server.client()
        try stream.send("GET /v1/stream?deviceId=1&electionId=5 HTTP/1.1\r\nHost: test\r\n\r\n")
        #expect(try stream.readHead().status == 200)
        let arbitration = try stream.readEvents { $0.contains("event: arbitration") && $0.hasSuffix("\n\n") }
        #expect(arbitration.contains(#""electionId":{"low":"5"}"#))

        let write = try server.client().request("POST", "/v1/write", headers: json, body: Array(Self.insert.utf8))
        #expect(write.status == 200, "\(write.text)")

        // No traffic: the entry expires 200 ms after the insert and the next tick (100 ms) reports it.
        let events = try stream.readEvents { $0.contains("idleTimeoutNotification") && $0.hasSuffix("\n\n") }
        let line = try #require(events.split(separator: "\n").first { $0.hasPrefix("data:") && $0.contains("idleTimeoutNotification") })
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(line.dropFirst(5).utf8)) as? [String: Any])
        let note = try #require(payload["idleTimeoutNotification"] as? [String: Any])
        let entries = note["tableEntry"] as? [[String: Any]] ?? []
        try #require(entries.count == 1)
        #expect(entries[0]["tableId"] as? Int == 33554433)
        #expect(entries[0]["idleTimeoutNs"] as? String == "200000000")
        let match = entries[0]["match"] as? [[String: Any]] ?? []
        #expect((match.first?["exact"] as? [String: Any])?["value"] as? String == "CgAAAQ==")
        #expect(note["timestamp"] != nil)
    }
}
