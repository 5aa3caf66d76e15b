import Foundation
import JSONCore
import Synchronization
import P4JSON
import P4Model
import P4RTClient
import Testing
import TestSupport

/// The client library and `p4rtctl` against a real p4rtd serving the README tour program.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct ClientEndToEndTests {
    static let tourP4Info = Fixtures.project("examples/tour.p4info.txt").path

    func start() throws -> P4RTDProcess { try P4RTDProcess(arguments: ["--p4info", Self.tourP4Info]) }

    func client(_ server: P4RTDProcess) -> P4RTClient {
        P4RTClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!)
    }

    /// Runs p4rtctl with `arguments` against `server`; returns exit status, stdout and stderr.
    func p4rtctl(_ server: P4RTDProcess?, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = P4RTDProcess.executable.deletingLastPathComponent().appendingPathComponent("p4rtctl")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["P4RTCTL_SERVER"] = server.map { "http://127.0.0.1:\($0.port)" } ?? "http://127.0.0.1:1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func capabilitiesAndPipeline() throws {
        let server = try start()
        let client = client(server)
        #expect(try client.capabilities().p4runtimeApiVersion == "1.5.0")
        let pipeline = try client.getPipeline(.p4infoAndCookie)
        #expect(pipeline.config?.p4info?.tables.first?.preamble.name == "ingress.ipv4_lpm")
    }

    @Test func writeAndReadThroughTheLibrary() throws {
        let server = try start()
        let client = client(server)
        var entry = TableEntry(tableId: 0x0200_0001)
        entry.match = [FieldMatch(fieldId: 1, .lpm(value: [10, 0, 0, 0], prefixLen: 8))]
        entry.action = TableAction(.action(Action(actionId: 0x0100_0002)))
        try client.write(WriteRequest(updates: [Update(type: .insert, entity: Entity(.tableEntry(entry)))]))
        let read = try client.read(ReadRequest(deviceId: 0, entities: [Entity(.tableEntry(TableEntry(tableId: 0x0200_0001)))]))
        #expect(read.count == 1)
        // The same write again fails with the server's code, per update.
        #expect {
            try client.write(WriteRequest(updates: [Update(type: .insert, entity: Entity(.tableEntry(entry)))]))
        } throws: { error in
            guard case .server(let status, let http)? = error as? P4RTClientError else { return false }
            return status.code == .unknown && status.details.first?.canonicalCode == .alreadyExists && http == 409
        }
    }

    @Test func bulkWriteInPartsArrivesAsOneBodyInOrder() throws {
        let server = try start()
        let client = client(server)
        func insert(_ octet: UInt8) -> Update {
            var entry = TableEntry(tableId: 0x0200_0001)
            entry.match = [FieldMatch(fieldId: 1, .lpm(value: [10, octet, 0, 0], prefixLen: 16))]
            entry.action = TableAction(.action(Action(actionId: 0x0100_0002)))
            return Update(type: .insert, entity: Entity(.tableEntry(entry)))
        }
        // Parts of several lines, an empty part, and a part much larger than libcurl's upload buffer.
        let parts = [BulkWrite.encode((1...3).map(insert)), [], BulkWrite.encode([insert(4)]),
                     BulkWrite.encode((5...200).map(insert)) + Array(repeating: UInt8(ascii: "\n"), count: 5 << 20)]
        try client.writeBulk(ndjsonParts: parts, atomicity: .rollbackOnError)
        let read = try client.read(ReadRequest(deviceId: 0, entities: [Entity(.tableEntry(TableEntry(tableId: 0x0200_0001)))]))
        #expect(read.count == 200)
        // A broken line in a later part fails the whole batch: the parts reach the server as one body.
        #expect(throws: P4RTClientError.self) {
            try client.writeBulk(ndjsonParts: [BulkWrite.encode([insert(201)]), Array("{oops\n".utf8)],
                                 atomicity: .rollbackOnError)
        }
        #expect(try client.read(ReadRequest(deviceId: 0, entities: [Entity(.tableEntry(TableEntry(tableId: 0x0200_0001)))])).count == 200)
    }

    @Test func p4rtctlTableCommandsAndExitCodes() throws {
        let server = try start()
        let add = try p4rtctl(server, ["table", "add", "ipv4_lpm", "--match", "hdr.ipv4.dstAddr=10.0.0.0/8",
                                       "--action", "set_nhop", "--param", "dmac=00:11:22:33:44:55", "--param", "port=1"])
        #expect(add.status == 0, "\(add.err)")
        let duplicate = try p4rtctl(server, ["table", "add", "ipv4_lpm", "--match", "hdr.ipv4.dstAddr=10.0.0.0/8", "--action", "drop"])
        #expect(duplicate.status == 1)
        #expect(duplicate.err.contains("ALREADY_EXISTS"))
        let list = try p4rtctl(server, ["table", "list", "ipv4_lpm"])
        #expect(list.status == 0)
        #expect(list.out.contains("hdr.ipv4.dstAddr=10.0.0.0/8"))
        let json = try p4rtctl(server, ["table", "list", "ipv4_lpm", "--output", "json"])
        #expect(json.out.contains(#""10.0.0.0/8""#))
        let delete = try p4rtctl(server, ["table", "delete", "ipv4_lpm", "--match", "hdr.ipv4.dstAddr=10.0.0.0/8"])
        #expect(delete.status == 0)
        let usage = try p4rtctl(server, ["table", "add", "ipv4_lpm", "--match", "nonsense"])
        #expect(usage.status == 64)
        let unreachable = try p4rtctl(nil, ["table", "list"])
        #expect(unreachable.status == 69)
    }

    @Test func p4rtctlCountersAndPipeline() throws {
        let server = try start()
        let counters = try p4rtctl(server, ["counter", "read", "port_packets", "2"])
        #expect(counters.status == 0)
        #expect(counters.out.contains("INDEX"))
        let pipeline = try p4rtctl(server, ["pipeline", "get"])
        #expect(pipeline.out.contains("tables: 1"))
    }
}

extension ClientEndToEndTests {
    @Test func watchPrintsArbitrationAsJSONLines() throws {
        let server = try start()
        let watch = try p4rtctl(server, ["watch", "--election-id", "3", "--count", "1", "--output", "json"])
        #expect(watch.status == 0, "\(watch.err)")
        #expect(watch.out.hasPrefix(#"{"event":"arbitration","data":{"arbitration":{"deviceId":"1","electionId":{"low":"3"}"#))
    }

    @Test func subscriptionDeliversEventsInOrder() throws {
        let server = try start()
        let client = client(server)
        let received = Mutex<[String]>([])
        let arrived = DispatchSemaphore(value: 0)
        let subscription = client.subscribe(electionId: Uint128Text(low: 5), onEvent: { event in
            received.withLock { $0.append(event.event) }
            if event.event == "arbitration" { arrived.signal() }
        })
        #expect(arrived.wait(timeout: .now() + 10) == .success)
        subscription.close()
        #expect(received.withLock { $0 }.prefix(2) == ["session", "arbitration"])
    }
}

/// `lb apply` against the node program's P4Info.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct LoadBalancerApplyTests {
    let examples = Fixtures.project("examples/kubernetes").path

    func objects(_ slices: String? = nil) throws -> KubernetesObjects {
        var objects = KubernetesObjects()
        try objects.add(json: Array(try Data(contentsOf: URL(fileURLWithPath: examples + "/services.json"))), source: "services.json")
        let slicesText = try slices ?? String(contentsOfFile: examples + "/endpointslices.json", encoding: .utf8)
        try objects.add(json: Array(slicesText.utf8), source: "endpointslices.json")
        return objects
    }

    @Test func appliesOnceThenWritesNothingThenOnlyTheChange() throws {
        let server = try P4RTDProcess(arguments: ["--p4info", Fixtures.project("p4info/node.p4info.txt").path])
        let client = P4RTClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!)
        let sync = try LoadBalancerSync(client: client)
        let first = try sync.apply(LoadBalancerPlan(try objects()))
        // Three frontends, each with 64 buckets.
        #expect(first.frontendsInserted == 3 && first.bucketsInserted == 3 * 64 && first.bucketsModified == 0)
        #expect(first.updates == 3 + 3 * 64)
        #expect(try sync.apply(LoadBalancerPlan(try objects())).updates == 0)
        let state = try sync.currentState()
        let web = LoadBalancerState.FrontendKey(address: 0x0A60_2D7B, ipProtocol: 6, port: 80)
        let webID = try #require(state.services[web])
        #expect(state.backends(of: web).map { LoadBalancerState.text($0.address) } == ["10.244.1.5", "10.244.2.7"])
        // Bucket i holds endpoint i mod 2 of the sorted endpoints.
        #expect(state.buckets[webID]?.prefix(4).map { $0.map { LoadBalancerState.text($0.address) } }
                == ["10.244.1.5", "10.244.2.7", "10.244.1.5", "10.244.2.7"])
        // One pod replaced: only its 32 buckets change, nothing else.
        let moved = try String(contentsOfFile: examples + "/endpointslices.json", encoding: .utf8)
            .replacingOccurrences(of: "\"10.244.2.7\"", with: "\"10.244.2.8\"")
        let change = try sync.apply(LoadBalancerPlan(try objects(moved)))
        #expect(change.updates == 32)
        #expect(change.bucketsModified == 32 && change.frontendsInserted == 0)
        let after = try sync.currentState()
        #expect(after.services[web] == webID)
        #expect(after.buckets[webID]?.enumerated().allSatisfy { bucket, backend in
            LoadBalancerState.text(backend?.address ?? 0) == (bucket % 2 == 0 ? "10.244.1.5" : "10.244.2.8")
        } == true)
        // The service gone: its frontend and buckets go too.
        var withoutWeb = try objects()
        withoutWeb.services.removeAll { $0.name == "web" }
        let removal = try sync.apply(LoadBalancerPlan(withoutWeb))
        #expect(removal.frontendsDeleted == 1 && removal.bucketsDeleted == 64 && removal.updates == 65)
        let final = try sync.currentState()
        #expect(final.services.count == 2 && final.buckets.count == 2 && final.buckets[webID] == nil)
    }
}

/// `classify apply` against the classifier program's P4Info.
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct ClassifierApplyTests {
    @Test func yamlRulesApplyOnceAndChangesAreMinimal() throws {
        let server = try P4RTDProcess(arguments: ["--p4info", Fixtures.project("p4info/classifier.p4info.txt").path])
        let client = P4RTClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!)
        let yaml = try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("examples/classifier-rules.yaml").path))
        let rules = try ClassifierRules(try RuleDocument.parse(Array(yaml), source: "rules.yaml"))
        #expect(rules.quic.first?.connections.count == 2)
        let sync = try ClassifierSync(client: client)
        let first = try sync.apply(rules)
        #expect(first.inserted == 6 && first.defaultChanged)
        #expect(try sync.apply(rules).updates == 0)
        var changed = rules
        changed.rules[0].verdict = .drop
        changed.rules.removeLast()
        let second = try sync.apply(changed)
        #expect(second.modified == 1 && second.deleted == 1 && second.inserted == 0)
    }

    @Test func badRuleFilesNameThePath() {
        #expect(throws: KubernetesInputError.self) {
            _ = try ClassifierRules(try RuleDocument.parse(Array("rules:\n  - match: {src: 10.0.0.1}\n    to: {port: -1}\n".utf8), source: "r.yaml"))
        }
        do {
            _ = try ClassifierRules(try RuleDocument.parse(Array(#"{"quic":[{"vip":"10.0.0.1","port":443,"shortCidLength":30}]}"#.utf8), source: "r.json"))
            Issue.record("accepted a CID length of 30")
        } catch {
            #expect(error.description.contains("quic[0].shortCidLength"))
        }
    }
}

/// `ct list` / `ct delete` on the node program's pins (written here through P4Runtime; on the software target the
/// data plane learns them).
@Suite(.enabled(if: P4RTDProcess.available, Comment(rawValue: P4RTDProcess.executableMissing)))
struct ConnectionTrackingTests {
    @Test func listsFiltersAndDeletesPins() throws {
        let server = try P4RTDProcess(arguments: ["--p4info", Fixtures.project("p4info/node.p4info.txt").path])
        let client = P4RTClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!)
        let pins = #"""
            [{"match":{"hdr.ipv4.src_addr":"10.1.0.5","hdr.ipv4.dst_addr":"10.96.45.123","hdr.ipv4.protocol":6,"meta.l4_src_port":40000,"meta.l4_dst_port":80},
              "action":"ct_forward_hit","params":{"backend_addr":"10.244.1.5","backend_port":8080,"backend_mac":"02:42:0a:f4:01:05"}},
             {"match":{"hdr.ipv4.src_addr":"10.1.0.6","hdr.ipv4.dst_addr":"10.96.0.10","hdr.ipv4.protocol":17,"meta.l4_src_port":5353,"meta.l4_dst_port":53},
              "action":"ct_forward_hit","params":{"backend_addr":"10.244.0.3","backend_port":53,"backend_mac":"02:42:0a:f4:00:03"}}]
            """#
        _ = try client.friendly("POST", "tables/ct_forward/entries", body: try JSONValue.parse(pins))
        let ct = try ConnectionTracking(client: client)
        let all = try ct.list()
        #expect(all.count == 2)
        #expect(all.first?.line.hasPrefix("tcp   6 forward src=10.1.0.5 dst=10.96.45.123 sport=40000 dport=80 backend=10.244.1.5:8080") == true)
        #expect(try ct.list(FlowFilter(address: "10.244.0.3", port: nil, ipProtocol: nil)).count == 1)
        #expect(try ct.list(FlowFilter(address: nil, port: nil, ipProtocol: "tcp")).count == 1)
        #expect(try ct.delete(FlowFilter(address: nil, port: 53, ipProtocol: "udp")) == 1)
        #expect(try ct.list().map(\.protocolName) == ["tcp"])
    }
}

/// The README walkthrough: the node program on the software target, driven with p4rtctl as a user would.
extension ClientEndToEndTests {
    @Test func readmeWalkthroughOnTheNodeProgram() throws {
        let server = try P4RTDProcess(arguments: [
            "--p4info", Fixtures.project("p4info/node.p4info.txt").path,
            "--spec", Fixtures.project("programs/node/node.spec").path,
            "--context", Fixtures.project("programs/node/context.json").path,
        ])
        let examples = Fixtures.project("examples/kubernetes").path
        let apply = try p4rtctl(server, ["lb", "apply", examples + "/services.json", examples + "/endpointslices.json"])
        #expect(apply.status == 0, "\(apply.err)")
        #expect(apply.out.contains("wrote 195 updates"))
        for (pod, port) in [("10.244.1.5", "1"), ("10.244.2.7", "2")] {
            let add = try p4rtctl(server, ["table", "add", "forward", "--match", "hdr.ipv4.dst_addr=\(pod)",
                                           "--action", "set_out_port", "--param", "port=\(port)"])
            #expect(add.status == 0, "\(add.err)")
        }
        let syn = "02000000000102000000000a08004500002800000000400638f00a0100050a602d7b9c40005000000001000000005002ffffd1700000"
        let sent = try p4rtctl(server, ["packet", "send", "0", syn])
        #expect(sent.status == 0, "\(sent.err)")
        // One packet out, on a pod port, DNATed to that pod (02:42:<pod IP> MAC, destination <pod IP>:8080).
        let lines = sent.out.split(separator: "\n")
        #expect(lines.count == 1)
        let backend = lines.first?.hasPrefix("port 1 ") == true ? "0af40105" : "0af40207"
        #expect(lines.first?.contains("0242\(backend)") == true)
        #expect(lines.first?.contains("0a010005\(backend)9c401f90") == true)
        let flows = try p4rtctl(server, ["ct", "list", "--protocol", "tcp"])
        #expect(flows.status == 0)
        #expect(flows.out.contains("forward src=10.1.0.5 dst=10.96.45.123 sport=40000 dport=80"))
        #expect(flows.out.contains("reverse"))
        // Learned pins carry their expire-time profile (node.p4: tcp) and the time left of its timeout.
        let tcpSeconds = try #require(flows.out.split(separator: "\n").first { $0.contains("forward") }
            .flatMap { $0.range(of: "state=tcp timeout=") != nil ? $0 : nil })
        #expect(tcpSeconds.hasSuffix("s"))
        let json = try p4rtctl(server, ["ct", "list", "--protocol", "tcp", "--output", "json"])
        let listed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]] ?? []
        let forward = try #require(listed.first { $0["direction"] as? String == "forward" })
        #expect(forward["state"] as? String == "tcp")
        #expect((forward["timeoutNs"] as? String).flatMap { Int64($0) }.map { $0 > 0 } == true)
        let deleted = try p4rtctl(server, ["ct", "delete", "--address", "10.1.0.5"])
        #expect(deleted.out.hasPrefix("2 flow entries have been deleted"), "\(deleted.err)")
    }
}
