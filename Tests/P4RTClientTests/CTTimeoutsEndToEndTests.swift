import Foundation
import JSONCore
import P4RTClient
import Testing
import TestSupport

/// `p4rtctl ct timeouts get|set` against the real p4rtd running the node program on the software target.
extension ClientEndToEndTests {
    func startNode() throws -> P4RTDProcess {
        try P4RTDProcess(arguments: [
            "--p4info", Fixtures.project("p4info/node.p4info.txt").path,
            "--spec", Fixtures.project("programs/node/node.spec").path,
            "--context", Fixtures.project("programs/node/context.json").path,
        ])
    }

    /// The node program with examples/kubernetes applied by `p4rtctl lb apply`.
    func startNodeWithExamples() throws -> (server: P4RTDProcess, examples: String) {
        let server = try startNode()
        let examples = Fixtures.project("examples/kubernetes").path
        let apply = try p4rtctl(server, ["lb", "apply", examples + "/services.json", examples + "/endpointslices.json"])
        #expect(apply.status == 0, "\(apply.err)")
        return (server, examples)
    }

    @Test func ctTimeoutsGetAndSetByProfileName() throws {
        let server = try startNode()
        let get = try p4rtctl(server, ["ct", "timeouts", "get"])
        #expect(get.status == 0, "\(get.err)")
        let rows = get.out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.first == ["TABLE", "PROFILE", "NAME", "SECONDS"])
        #expect(rows.contains(["MainControlImpl.ct_forward", "0", "udp", "120"]))
        #expect(rows.contains(["MainControlImpl.ct_reverse", "1", "tcp", "8000"]))
        #expect(rows.count == 1 + 16)

        // A name sets the profile in both pin tables; an id sets it too; units are accepted.
        let set = try p4rtctl(server, ["ct", "timeouts", "set", "tcp=1h", "udp=30", "--output", "json"])
        #expect(set.status == 0, "\(set.err)")
        let tables = try JSONValue.parse(Array(set.out.utf8)).arrayValue ?? []
        #expect(tables.count == 2)
        for table in tables {
            let profiles = table["timeouts"]?.arrayValue ?? []
            #expect(profiles.first?["seconds"] == .integer(30) && profiles.first?["name"] == .string("udp"))
            #expect(profiles.dropFirst().first?["seconds"] == .integer(3600))
        }
        let one = try p4rtctl(server, ["ct", "timeouts", "set", "--table", "ct_reverse", "7=90"])
        #expect(one.status == 0, "\(one.err)")
        #expect(one.out.contains("MainControlImpl.ct_reverse  7        -     90"))
        #expect(!one.out.contains("ct_forward"))
        let client = P4RTClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!)
        #expect(try client.learnerTimeouts(table: "ct_forward").timeouts.map(\.seconds) == [30, 3600, 120, 120, 120, 120, 120, 120])
        #expect(try client.learnerTimeouts(table: "ct_reverse").timeouts.last?.seconds == 90)
    }

    @Test func ctTimeoutsSetRefusesBadInputBeforeWriting() throws {
        let server = try startNode()
        for (arguments, message) in [
            (["established=60"], "no profile named 'established' (profiles: MainControlImpl.ct_forward: udp, tcp, 0-7"),
            (["tcp=0"], "'tcp=0': a profile cannot expire after 0 seconds"),
            (["tcp=-5"], "'tcp=-5': seconds cannot be negative"),
            (["tcp=soon"], "'soon' is not a number of seconds"),
            (["udp=10", "tcp"], "'tcp' is not NAME=SECONDS"),
            (["8=10"], "no profile named '8'"),
        ] {
            let result = try p4rtctl(server, ["ct", "timeouts", "set"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.err.contains(message), "\(arguments): \(result.err)")
        }
        // Nothing was written by the refused commands (udp=10 came before a bad assignment).
        let get = try p4rtctl(server, ["ct", "timeouts", "get", "--output", "json"])
        #expect(get.out.contains(#""seconds": 120"#) && !get.out.contains(#""seconds": 10,"#))
        let unknownTable = try p4rtctl(server, ["ct", "timeouts", "get", "--table", "nothing"])
        #expect(unknownTable.status == 1 && unknownTable.err.contains("no table 'nothing'"))
    }
}
