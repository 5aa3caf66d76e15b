import Foundation
import JSONCore
import P4RTClient
import Testing
import TestSupport

/// `lb apply --partial`: only the given Services' frontends are reconciled; every other frontend stays.
extension LoadBalancerApplyTests {
    /// The example objects of one service only (its Service and, with `slices`, its EndpointSlices).
    func only(_ name: String, _ all: KubernetesObjects, slices: Bool = true) -> KubernetesObjects {
        var objects = all
        objects.services.removeAll { $0.name != name }
        objects.endpointSlices.removeAll { !slices || $0.serviceName != name }
        return objects
    }

    @Test func partialApplyReconcilesOnlyTheGivenServices() throws {
        let server = try P4RTDProcess(arguments: ["--p4info", Fixtures.project("p4info/node.p4info.txt").path])
        let client = P4RTClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!)
        let sync = try LoadBalancerSync(client: client)
        _ = try sync.apply(LoadBalancerPlan(try objects()))
        let before = try sync.currentState()
        let web = LoadBalancerState.FrontendKey(address: 0x0A60_2D7B, ipProtocol: 6, port: 80)
        let webID = try #require(before.services[web])
        func others(_ state: LoadBalancerState) -> [LoadBalancerState.FrontendKey: [LoadBalancerState.BackendValue?]] {
            Dictionary(uniqueKeysWithValues: state.services.filter { $0.key != web }.map { ($0.key, state.buckets[$0.value] ?? []) })
        }

        // One web pod replaced, given with the web Service and its slice only: its 32 buckets, nothing else.
        let moved = try String(contentsOfFile: examples + "/endpointslices.json", encoding: .utf8)
            .replacingOccurrences(of: "\"10.244.2.7\"", with: "\"10.244.2.8\"")
        let change = try sync.apply(LoadBalancerPlan(only("web", try objects(moved))), partial: true)
        #expect(change.updates == 32 && change.bucketsModified == 32 && change.frontendsDeleted == 0)
        let after = try sync.currentState()
        #expect(others(after) == others(before) && others(after).count == 2)
        #expect(after.services[web] == webID)
        #expect(after.backends(of: web).map { LoadBalancerState.text($0.address) } == ["10.244.1.5", "10.244.2.8"])
        #expect(try sync.apply(LoadBalancerPlan(only("web", try objects(moved))), partial: true).updates == 0)

        // A new service alone: it gets a service id no other frontend holds, and the others stay.
        var api = KubernetesObjects()
        try api.add(json: Array(#"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"api","namespace":"default"},
             "spec":{"clusterIP":"10.96.7.7","ports":[{"name":"https","port":443,"protocol":"TCP"}]}}
            """#.utf8), source: "api.json")
        try api.add(json: Array(#"""
            {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","addressType":"IPv4",
             "metadata":{"name":"api-x1","namespace":"default","labels":{"kubernetes.io/service-name":"api"}},
             "endpoints":[{"addresses":["10.244.3.3"],"conditions":{"ready":true}}],
             "ports":[{"name":"https","port":8443,"protocol":"TCP"}]}
            """#.utf8), source: "api-slice.json")
        let added = try sync.apply(LoadBalancerPlan(api), partial: true)
        #expect(added.frontendsInserted == 1 && added.bucketsInserted == 64 && added.frontendsDeleted == 0)
        let withAPI = try sync.currentState()
        let apiKey = LoadBalancerState.FrontendKey(address: 0x0A60_0707, ipProtocol: 6, port: 443)
        let apiID = try #require(withAPI.services[apiKey])
        #expect(!after.services.values.contains(apiID))
        #expect(withAPI.services.count == 4)

        // The web Service given without its slices: its frontend and buckets go, nothing else.
        let removal = try sync.apply(LoadBalancerPlan(only("web", try objects(moved), slices: false)), partial: true)
        #expect(removal.frontendsDeleted == 1 && removal.bucketsDeleted == 64 && removal.updates == 65)
        let final = try sync.currentState()
        #expect(final.services.count == 3 && final.services[web] == nil && final.buckets[webID] == nil)
        #expect(final.services[apiKey] == apiID)
    }
}

/// Conntrack pins go per frontend: a backend that leaves one service keeps the flows another service pinned to it.
extension ClientEndToEndTests {
    @Test func aBackendLeavingOneServiceKeepsThePinsOfAnother() throws {
        let server = try startNode()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lb-partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func service(_ name: String, _ vip: String, _ pods: [String]) throws -> [String] {
            let svc = directory.appendingPathComponent("\(name).json")
            try #"""
                {"apiVersion":"v1","kind":"Service","metadata":{"name":"\#(name)","namespace":"default"},
                 "spec":{"clusterIP":"\#(vip)","ports":[{"name":"http","port":80,"protocol":"TCP"}]}}
                """#.write(to: svc, atomically: true, encoding: .utf8)
            let endpoints = pods.map { #"{"addresses":["\#($0)"],"conditions":{"ready":true}}"# }.joined(separator: ",")
            let slice = directory.appendingPathComponent("\(name)-slice.json")
            try #"""
                {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","addressType":"IPv4",
                 "metadata":{"name":"\#(name)-s","namespace":"default","labels":{"kubernetes.io/service-name":"\#(name)"}},
                 "endpoints":[\#(endpoints)],"ports":[{"name":"http","port":8080,"protocol":"TCP"}]}
                """#.write(to: slice, atomically: true, encoding: .utf8)
            return [svc.path, slice.path]
        }
        // Two services on one pod (10.244.9.9), so every new flow of either is pinned to it.
        let first = try p4rtctl(server, ["lb", "apply"] + (try service("a", "10.96.0.100", ["10.244.9.9"]))
                                    + (try service("b", "10.96.0.101", ["10.244.9.9"])))
        #expect(first.status == 0, "\(first.err)")
        // The README's SYN (10.1.0.5:4000x → VIP:80), once to each VIP, each from its own client port so the two
        // reverse pins (backend → client) differ (the parser does not check the IPv4 checksum).
        for (vip, sourcePort) in [("0a600064", "9c40"), ("0a600065", "9c41")] {
            let syn = "02000000000102000000000a08004500002800000000400638f00a010005\(vip)\(sourcePort)005000000001000000005002ffffd1700000"
            let sent = try p4rtctl(server, ["packet", "send", "0", syn])
            #expect(sent.status == 0, "\(sent.err)")
        }
        #expect(try p4rtctl(server, ["ct", "list", "--address", "10.244.9.9"]).out.split(separator: "\n").count == 4)

        // The pod leaves service a only (a partial apply of a): a's two pins go, b's two stay.
        let change = try p4rtctl(server, ["lb", "apply", "--partial", "--output", "json"]
                                     + (try service("a", "10.96.0.100", ["10.244.9.8"])))
        #expect(change.status == 0, "\(change.err)")
        let summary = try JSONValue.parse(Array(change.out.utf8))
        #expect(summary["bucketsModified"] == .integer(64) && summary["pinsDeleted"] == .integer(2), "\(change.out)")
        let left = try p4rtctl(server, ["ct", "list", "--address", "10.244.9.9"]).out.split(separator: "\n")
        #expect(left.count == 2, "\(left)")
        #expect(left.contains { $0.contains("forward") && $0.contains("dst=10.96.0.101") }, "\(left)")
        let shown = try p4rtctl(server, ["lb", "show"]).out
        #expect(shown.contains("10.96.0.101:80") && shown.contains("10.244.9.9:8080") && shown.contains("10.244.9.8:8080"), "\(shown)")
    }
}
