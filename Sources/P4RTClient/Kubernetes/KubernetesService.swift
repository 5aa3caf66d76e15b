/// The parts of a Kubernetes `Service` (core/v1) that the node load balancer needs, as `kubectl get -o json`
/// prints them.
public struct KubernetesService: Sendable, Hashable {
    /// One `spec.ports[]` entry.
    public struct Port: Sendable, Hashable {
        /// The port's name (empty for an unnamed single port); EndpointSlice ports are matched by it.
        public var name: String
        /// `TCP` (default), `UDP` or `SCTP`.
        public var l4Protocol: String
        /// The service port.
        public var port: UInt16
        /// The node port, for NodePort and LoadBalancer services.
        public var nodePort: UInt16?
    }

    /// `metadata.namespace` (default `default`).
    public var namespace: String
    /// `metadata.name`.
    public var name: String
    /// `spec.type`: `ClusterIP` (default), `NodePort`, `LoadBalancer`, `ExternalName`.
    public var type: String
    /// `spec.clusterIPs` (or `spec.clusterIP`); empty for headless services.
    public var clusterIPs: [String]
    /// `spec.externalIPs`.
    public var externalIPs: [String]
    /// `status.loadBalancer.ingress[].ip`.
    public var loadBalancerIPs: [String]
    /// `spec.ports`.
    public var ports: [Port]
    /// `spec.sessionAffinity`: `None` or `ClientIP`.
    public var sessionAffinity: String
    /// `metadata.labels["service.kubernetes.io/service-proxy-name"]`: another proxy owns the service when set.
    public var serviceProxyName: String?

    /// `namespace/name`.
    public var key: String { "\(namespace)/\(name)" }

    /// Why the node load balancer leaves this service alone, or nil when it programs it.
    public var skipReason: String? {
        if type == "ExternalName" { return "ExternalName service" }
        if serviceProxyName != nil { return "handled by service proxy '\(serviceProxyName!)'" }
        if clusterIPs.isEmpty { return "headless service (clusterIP None)" }
        return nil
    }

    /// Every virtual IP the service answers on: cluster IPs, external IPs and load-balancer ingress IPs.
    public var virtualIPs: [String] {
        var seen = Set<String>()
        return (clusterIPs + externalIPs + loadBalancerIPs).filter { seen.insert($0).inserted }
    }
}

/// The parts of an `EndpointSlice` (discovery.k8s.io/v1) that the node load balancer needs.
public struct KubernetesEndpointSlice: Sendable, Hashable {
    /// One `endpoints[]` entry (only the first address counts, as in kube-proxy).
    public struct Endpoint: Sendable, Hashable {
        /// `addresses[0]`.
        public var address: String
        /// `conditions.ready` (absent = true).
        public var ready: Bool
        /// `conditions.serving` (absent = true).
        public var serving: Bool
        /// `conditions.terminating` (absent = false).
        public var terminating: Bool
        /// `nodeName`.
        public var nodeName: String?
    }

    /// One `ports[]` entry.
    public struct Port: Sendable, Hashable {
        /// Matches `Service.spec.ports[].name`.
        public var name: String
        /// `TCP` (default), `UDP`, `SCTP`.
        public var l4Protocol: String
        /// The backend port; nil for slices without one.
        public var port: UInt16?
    }

    /// `metadata.namespace`.
    public var namespace: String
    /// `metadata.name`.
    public var name: String
    /// `metadata.labels["kubernetes.io/service-name"]`.
    public var serviceName: String
    /// `IPv4`, `IPv6` or `FQDN`.
    public var addressType: String
    /// `endpoints`.
    public var endpoints: [Endpoint]
    /// `ports`.
    public var ports: [Port]
}
