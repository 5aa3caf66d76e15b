/// The node load balancer's desired state computed from Services and their EndpointSlices: one frontend per
/// (virtual IP, protocol, port) with the backends kube-proxy would use.
///
/// Endpoint usability follows kube-proxy (domain.md §1.5): the ready endpoints of the union of the service's
/// slices; when none is ready, those that are serving and terminating; never one that is not serving. Order is
/// deterministic (frontends by VIP, protocol, port; backends by address, port), so applying the same input twice
/// computes the same plan and writes nothing.
public struct LoadBalancerPlan: Sendable, Hashable {
    /// A backend address and port.
    public struct Backend: Sendable, Hashable, Comparable {
        /// The endpoint's IP address.
        public var address: String
        /// The backend port.
        public var port: UInt16

        /// A backend.
        public init(address: String, port: UInt16) {
            self.address = address
            self.port = port
        }

        public static func < (a: Backend, b: Backend) -> Bool { (a.address, a.port) < (b.address, b.port) }
    }

    /// One virtual service address.
    public struct Frontend: Sendable, Hashable {
        /// The service (`namespace/name`) and its port name.
        public var service: String
        /// The `spec.ports[].name`.
        public var portName: String
        /// The virtual IP.
        public var virtualIP: String
        /// `TCP`, `UDP` or `SCTP`.
        public var l4Protocol: String
        /// The service port.
        public var port: UInt16
        /// The usable backends, sorted.
        public var backends: [Backend]
        /// True when the backends came from the terminating-but-serving fallback.
        public var usesTerminatingFallback: Bool
    }

    /// The frontends, sorted by VIP, protocol and port.
    public var frontends: [Frontend]
    /// Services left alone, with the reason (`default/db: headless service (clusterIP None)`).
    public var skipped: [String]

    /// Computes the plan.
    public init(_ objects: KubernetesObjects) {
        var frontends: [Frontend] = []
        var skipped: [String] = []
        let slicesByService = Dictionary(grouping: objects.endpointSlices) { "\($0.namespace)/\($0.serviceName)" }
        for service in objects.services {
            if let reason = service.skipReason {
                skipped.append("\(service.key): \(reason)")
                continue
            }
            let slices = slicesByService[service.key] ?? []
            for port in service.ports {
                let (backends, fallback) = Self.backends(for: port, in: slices)
                for vip in service.virtualIPs {
                    frontends.append(Frontend(service: service.key, portName: port.name, virtualIP: vip,
                                              l4Protocol: port.l4Protocol, port: port.port, backends: backends,
                                              usesTerminatingFallback: fallback))
                }
            }
        }
        self.frontends = frontends.sorted { ($0.virtualIP, $0.l4Protocol, $0.port) < ($1.virtualIP, $1.l4Protocol, $1.port) }
        self.skipped = skipped
    }

    /// The usable backends of one service port across its slices (deduplicated, sorted), and whether they came
    /// from the terminating fallback.
    static func backends(for port: KubernetesService.Port, in slices: [KubernetesEndpointSlice]) -> ([Backend], Bool) {
        var ready = Set<Backend>()
        var fallback = Set<Backend>()
        for slice in slices where slice.addressType != "FQDN" {
            guard let slicePort = slice.ports.first(where: { $0.name == port.name && $0.l4Protocol == port.l4Protocol }),
                  let number = slicePort.port else { continue }
            for endpoint in slice.endpoints where endpoint.serving {
                let backend = Backend(address: endpoint.address, port: number)
                if endpoint.ready {
                    ready.insert(backend)
                } else if endpoint.terminating {
                    fallback.insert(backend)
                }
            }
        }
        if !ready.isEmpty { return (ready.sorted(), false) }
        return (fallback.sorted(), !fallback.isEmpty)
    }
}
