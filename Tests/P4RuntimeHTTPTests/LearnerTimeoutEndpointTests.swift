import Foundation
import Testing
import TestSupport

/// `GET`/`PUT /v1/tables/{table}/timeouts` on the real p4rtd running the node program on the software target.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct LearnerTimeoutEndpointTests {
    let json = [("Content-Type", "application/json")]

    func start(target: Bool = true) throws -> P4RTDProcess {
        var arguments = ["--p4info", Fixtures.project("p4info/node.p4info.txt").path]
        if target {
            arguments += ["--spec", Fixtures.project("programs/node/node.spec").path,
                          "--context", Fixtures.project("programs/node/context.json").path]
        }
        return try P4RTDProcess(arguments: arguments)
    }

    @Test func getAndPutByNameAndAlias() throws {
        let server = try start()
        let client = try server.client()
        let initial = try client.request("GET", "/v1/tables/ct_forward/timeouts")
        #expect(initial.status == 200)
        #expect(initial.text.hasPrefix(#"{"table":"MainControlImpl.ct_forward","timeouts":[{"profile":0,"seconds":120},{"profile":1,"seconds":8000},"#))
        let put = try client.request("PUT", "/v1/tables/MainControlImpl.ct_reverse/timeouts", headers: json,
                                     body: Array(#"{"timeouts":[{"profile":1,"seconds":3600,"name":"tcp"},{"profile":0,"seconds":45}]}"#.utf8))
        #expect(put.status == 200, "\(put.text)")
        #expect(put.text.hasPrefix(#"{"table":"MainControlImpl.ct_reverse","timeouts":[{"profile":0,"seconds":45},{"profile":1,"seconds":3600},"#))
        let again = try client.request("GET", "/v1/tables/ct_reverse/timeouts")
        #expect(again.text == put.text)
        // ct_forward is a separate learner: unchanged.
        #expect(try client.request("GET", "/v1/tables/ct_forward/timeouts").text == initial.text)
    }

    @Test func errorsCarryTheirCodeAndPath() throws {
        let server = try start()
        let client = try server.client()
        func put(_ table: String, _ body: String) throws -> (Int, String) {
            let response = try client.request("PUT", "/v1/tables/\(table)/timeouts", headers: json, body: Array(body.utf8))
            return (response.status, response.text)
        }
        let zero = try put("ct_forward", #"{"timeouts":[{"profile":1,"seconds":0}]}"#)
        #expect(zero.0 == 400 && zero.1.contains("timeouts[0].seconds: 0 is out of range"))
        let range = try put("ct_forward", #"{"timeouts":[{"profile":1,"seconds":10},{"profile":8,"seconds":10}]}"#)
        #expect(range.0 == 400 && range.1.contains("timeouts[1].profile: 8"))
        #expect(try client.request("GET", "/v1/tables/ct_forward/timeouts").text.contains(#"{"profile":1,"seconds":8000}"#))
        let unknownKey = try put("ct_forward", #"{"timeouts":[{"profile":1,"seconds":10}],"ttl":1}"#)
        #expect(unknownKey.0 == 400 && unknownKey.1.contains("ttl: unknown key"))
        let notLearner = try client.request("GET", "/v1/tables/forward/timeouts")
        #expect(notLearner.status == 400 && notLearner.text.contains("not an add-on-miss table"))
        #expect(try client.request("GET", "/v1/tables/nothing/timeouts").status == 404)
        let otherTable = try put("ct_forward", #"{"table":"ct_reverse","timeouts":[{"profile":1,"seconds":10}]}"#)
        #expect(otherTable.0 == 400 && otherTable.1.contains("differs from the table in the path"))
    }

    @Test func theP4InfoOnlyDeviceAnswersUnimplemented() throws {
        let server = try start(target: false)
        let response = try server.client().request("GET", "/v1/tables/ct_forward/timeouts")
        #expect(response.status == 501, "\(response.text)")
        #expect(response.text.contains("UNIMPLEMENTED") || response.text.contains(#""code":12"#))
    }
}
