import Foundation
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
