import Foundation
import JSONCore
import P4RTClient
import Testing
import TestSupport

struct LoadBalancerPlanTests {
    func objects(_ files: [String]) throws -> KubernetesObjects {
        var objects = KubernetesObjects()
        for file in files {
            let path = Fixtures.project("examples/kubernetes/\(file)").path
            try objects.add(json: Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: file)
        }
        return objects
    }

    @Test func readsKubectlListsAndAppliesEndpointRules() throws {
        let plan = LoadBalancerPlan(try objects(["services.json", "endpointslices.json"]))
        #expect(plan.skipped == ["default/db: headless service (clusterIP None)"])
        #expect(plan.frontends.map { "\($0.virtualIP) \($0.l4Protocol) \($0.port)" } == [
            "10.96.0.10 TCP 53", "10.96.0.10 UDP 53", "10.96.45.123 TCP 80",
        ])
        let web = try #require(plan.frontends.last)
        // The terminating endpoint is not used while ready ones exist.
        #expect(web.backends == [.init(address: "10.244.1.5", port: 8080), .init(address: "10.244.2.7", port: 8080)])
        #expect(!web.usesTerminatingFallback)
        #expect(plan.frontends[1].backends == [.init(address: "10.244.0.3", port: 53)])
    }

    /// A List's items are parsed one by one on all cores: the objects are those of the items given one at a time,
    /// and a List with a broken item still reports the whole-document parse error.
    @Test func listItemsReadAlikeAsAListAndOneByOne() throws {
        for file in ["services.json", "endpointslices.json"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("examples/kubernetes/\(file)").path)))
            var listed = KubernetesObjects()
            try listed.add(json: bytes, source: file)
            var single = KubernetesObjects()
            for (index, item) in (try JSONValue.parse(bytes))["items"]?.arrayValue?.enumerated() ?? [].enumerated() {
                try single.add(json: item.serialized(), source: "item \(index)")
            }
            #expect(listed == single && !(listed.services.isEmpty && listed.endpointSlices.isEmpty), "\(file)")
        }
        var broken = KubernetesObjects()
        #expect(throws: KubernetesInputError.self) {
            try broken.add(json: Array(#"{"apiVersion":"v1","items":[{"kind":"Service",}],"kind":"List"}"#.utf8), source: "b.json")
        }
        do {
            try broken.add(json: Array(#"{"apiVersion":"v1","items":[{"kind":"Service","metadata":{}}],"kind":"List"}"#.utf8),
                           source: "c.json")
            Issue.record("accepted a Service without a name")
        } catch {
            #expect(error.description == "c.json.items[0].metadata.name: missing")
        }
    }

    @Test func fallsBackToServingTerminatingEndpointsOnly() throws {
        var objects = KubernetesObjects()
        try objects.add(json: Array("""
            {"kind":"Service","metadata":{"name":"s","namespace":"n"},"spec":{"clusterIP":"10.0.0.1","ports":[{"port":80}]}}
            """.utf8), source: "svc")
        try objects.add(json: Array("""
            {"kind":"EndpointSlice","metadata":{"name":"s-1","namespace":"n","labels":{"kubernetes.io/service-name":"s"}},
             "addressType":"IPv4","ports":[{"name":"","port":8080,"protocol":"TCP"}],
             "endpoints":[{"addresses":["10.1.0.1"],"conditions":{"ready":false,"serving":true,"terminating":true}},
                          {"addresses":["10.1.0.2"],"conditions":{"ready":false,"serving":false,"terminating":true}}]}
            """.utf8), source: "slice")
        let plan = LoadBalancerPlan(objects)
        #expect(plan.frontends.first?.backends == [.init(address: "10.1.0.1", port: 8080)])
        #expect(plan.frontends.first?.usesTerminatingFallback == true)
    }

    @Test func unionsSlicesAndIgnoresForeignProxies() throws {
        var objects = KubernetesObjects()
        try objects.add(json: Array("""
            {"kind":"ServiceList","items":[
              {"kind":"Service","metadata":{"name":"a"},"spec":{"clusterIP":"10.0.0.2","ports":[{"name":"p","port":81,"protocol":"UDP"}]}},
              {"kind":"Service","metadata":{"name":"b","labels":{"service.kubernetes.io/service-proxy-name":"other"}},
               "spec":{"clusterIP":"10.0.0.3","ports":[{"port":82}]}}]}
            """.utf8), source: "services")
        for (slice, address) in [("a-1", "10.1.0.9"), ("a-2", "10.1.0.8")] {
            try objects.add(json: Array("""
                {"kind":"EndpointSlice","metadata":{"name":"\(slice)","namespace":"default","labels":{"kubernetes.io/service-name":"a"}},
                 "addressType":"IPv4","ports":[{"name":"p","port":9000,"protocol":"UDP"}],"endpoints":[{"addresses":["\(address)"]}]}
                """.utf8), source: slice)
        }
        let plan = LoadBalancerPlan(objects)
        #expect(plan.frontends.count == 1)
        #expect(plan.frontends[0].backends.map(\.address) == ["10.1.0.8", "10.1.0.9"])
        #expect(plan.skipped == ["default/b: handled by service proxy 'other'"])
    }

    @Test func badInputNamesFileAndPath() {
        var objects = KubernetesObjects()
        #expect(throws: KubernetesInputError.self) {
            try objects.add(json: Array(#"{"kind":"Service","metadata":{"name":"x"},"spec":{"ports":[{"port":70000}]}}"#.utf8), source: "x.json")
        }
        do {
            try objects.add(json: Array(#"{"kind":"List","items":[{"kind":"Service","metadata":{"name":"x"},"spec":{"ports":[{"port":"http"}]}}]}"#.utf8), source: "x.json")
        } catch {
            #expect(error.description.hasPrefix("x.json.items[0].spec.ports[0].port:"))
        }
        #expect(throws: KubernetesInputError.self) { try objects.add(json: Array("{".utf8), source: "y.json") }
    }
}

/// The bucket fill and diff of `lb apply` (LoadBalancerState.fillBuckets, LoadBalancerSync.desiredState), without a
/// server.
struct LoadBalancerBucketTests {
    typealias Backend = LoadBalancerState.BackendValue
    static let b = LoadBalancerState.bucketCount

    func endpoints(_ count: Int, from first: UInt32 = 1) -> [Backend] {
        (0..<UInt32(count)).map { Backend(address: 0x0AF4_0000 + first + $0, port: 8080) }
    }

    func changed(_ a: [Backend?], _ b: [Backend?]) -> Int { zip(a, b).filter { $0 != $1 }.count }

    func shares(_ buckets: [Backend?]) -> [Backend: Int] {
        buckets.reduce(into: [:]) { if let backend = $1 { $0[backend, default: 0] += 1 } }
    }

    @Test func aNewServiceFillsBucketIWithEndpointIModN() {
        let ten = endpoints(10)
        let buckets = LoadBalancerState.fillBuckets(current: nil, endpoints: ten)
        #expect(buckets.count == Self.b)
        #expect(buckets.enumerated().allSatisfy { $0.element == ten[$0.offset % 10] })
        #expect(LoadBalancerState.fillBuckets(current: nil, endpoints: [ten[3]]) == Array(repeating: ten[3], count: Self.b))
    }

    @Test func unchangedEndpointsKeepEveryBucket() {
        for n in [1, 2, 3, 7, 10, 33, 64] {
            let first = LoadBalancerState.fillBuckets(current: nil, endpoints: endpoints(n))
            #expect(LoadBalancerState.fillBuckets(current: first, endpoints: endpoints(n)) == first, "n = \(n)")
        }
    }

    @Test func removingOneOfTenRewritesOnlyItsBucketsAndOneMore() throws {
        let ten = endpoints(10)
        let before = LoadBalancerState.fillBuckets(current: nil, endpoints: ten)
        for gone in [0, 4, 9] {
            var nine = ten
            nine.remove(at: gone)
            let after = LoadBalancerState.fillBuckets(current: before, endpoints: nine)
            // The gone endpoint held 6 or 7 buckets; with 9 endpoints one of them takes an 8th (64 = 7 × 9 + 1).
            let held = before.filter { $0 == ten[gone] }.count
            #expect(changed(before, after) == held, "removing endpoint \(gone)")
            #expect(changed(before, after) <= 7)
            #expect(!after.contains(ten[gone]))
            #expect(Set(shares(after).values).isSubset(of: [7, 8]) && shares(after).count == 9)
            // Buckets of the remaining endpoints never move.
            #expect(zip(before, after).allSatisfy { $0 == ten[gone] || $0 == $1 })
            // And the result is a fixed point.
            #expect(LoadBalancerState.fillBuckets(current: after, endpoints: nine) == after)
        }
    }

    @Test func addingOneRewritesOnlyWhatTheNewcomerTakes() {
        let ten = endpoints(10)
        let before = LoadBalancerState.fillBuckets(current: nil, endpoints: ten)
        let eleven = (ten + [Backend(address: 0x0AF4_0100, port: 8080)]).sorted()
        let after = LoadBalancerState.fillBuckets(current: before, endpoints: eleven)
        let newcomer = after.filter { $0 == eleven.last }.count
        #expect(newcomer == 5)  // 64 = 5 × 11 + 9: the newcomer gets a ⌊64/11⌋ share
        #expect(changed(before, after) == newcomer)
        #expect(Set(shares(after).values).isSubset(of: [5, 6]))
        #expect(LoadBalancerState.fillBuckets(current: after, endpoints: eleven) == after)
    }

    @Test func replacingAnEndpointMovesOnlyItsBuckets() {
        let two = endpoints(2)
        let before = LoadBalancerState.fillBuckets(current: nil, endpoints: two)
        let replaced = [two[0], Backend(address: 0x0AF4_0200, port: 8080)]
        let after = LoadBalancerState.fillBuckets(current: before, endpoints: replaced)
        #expect(changed(before, after) == 32)
        #expect(after.enumerated().allSatisfy { $0.element == replaced[$0.offset % 2] })
    }

    func plan(_ services: [(String, String, [String])]) throws -> LoadBalancerPlan {
        var objects = KubernetesObjects()
        for (name, vip, addresses) in services {
            try objects.add(json: Array("""
                {"kind":"Service","metadata":{"name":"\(name)","namespace":"n"},"spec":{"clusterIP":"\(vip)","ports":[{"port":80}]}}
                """.utf8), source: name)
            let list = addresses.map { #"{"addresses":["\#($0)"]}"# }.joined(separator: ",")
            try objects.add(json: Array("""
                {"kind":"EndpointSlice","metadata":{"name":"\(name)-1","namespace":"n","labels":{"kubernetes.io/service-name":"\(name)"}},
                 "addressType":"IPv4","ports":[{"name":"","port":8080,"protocol":"TCP"}],"endpoints":[\(list)]}
                """.utf8), source: name + "-slice")
        }
        return LoadBalancerPlan(objects)
    }

    @Test func serviceIdsAreStableAndNewOnesSkipIdsInUse() throws {
        let first = LoadBalancerSync.desiredState(try plan([("a", "10.0.0.1", ["10.1.0.1"]), ("b", "10.0.0.2", ["10.1.0.2"])]),
                                                  current: LoadBalancerState())
        #expect(first.state.services.values.sorted() == [1, 2])
        // a goes, c comes: c does not reuse a's id in the same apply (no cross-talk while the batch lands).
        let second = LoadBalancerSync.desiredState(try plan([("b", "10.0.0.2", ["10.1.0.2"]), ("c", "10.0.0.3", ["10.1.0.3"])]),
                                                   current: first.state)
        let b = LoadBalancerState.FrontendKey(address: 0x0A00_0002, ipProtocol: 6, port: 80)
        let c = LoadBalancerState.FrontendKey(address: 0x0A00_0003, ipProtocol: 6, port: 80)
        #expect(second.state.services[b] == first.state.services[b])
        #expect(second.state.services[c] == 3)
        #expect(second.state.buckets[3]?.allSatisfy { $0?.address == 0x0A01_0003 } == true)
    }

    @Test func servicesWithMoreEndpointsThanBucketsUseTheFirstSixtyFour() throws {
        let addresses = (1...70).map { "10.1.0.\($0)" }
        let result = LoadBalancerSync.desiredState(try plan([("big", "10.0.0.9", addresses)]), current: LoadBalancerState())
        #expect(result.limited == ["n/big 10.0.0.9 TCP/80: 70 endpoints, new flows use the first 64 (sorted)"])
        let key = LoadBalancerState.FrontendKey(address: 0x0A00_0009, ipProtocol: 6, port: 80)
        let used = result.state.backends(of: key)
        #expect(used.count == 64 && used.first?.address == 0x0A01_0001 && used.last?.address == 0x0A01_0040)
    }

    @Test func twoServicesSharingABackendEachFillTheirOwnBuckets() throws {
        let result = LoadBalancerSync.desiredState(
            try plan([("a", "10.0.0.1", ["10.1.0.1", "10.1.0.2"]), ("b", "10.0.0.2", ["10.1.0.2"])]), current: LoadBalancerState())
        #expect(result.state.buckets[1]?.filter { $0?.address == 0x0A01_0002 }.count == 32)
        #expect(result.state.buckets[2]?.allSatisfy { $0?.address == 0x0A01_0002 } == true)
    }
}
