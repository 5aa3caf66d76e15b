import JSONCore

/// Services and EndpointSlices read from `kubectl get -o json` output: single objects, `List`, `ServiceList`
/// and `EndpointSliceList` forms; other kinds are ignored.
public struct KubernetesObjects: Sendable, Hashable {
    /// The services, in input order.
    public var services: [KubernetesService] = []
    /// The endpoint slices, in input order.
    public var endpointSlices: [KubernetesEndpointSlice] = []
    /// Objects of other kinds that were skipped (`Kind namespace/name`), for the user's information.
    public var ignored: [String] = []

    /// An empty set.
    public init() {}

    /// Adds the objects in one JSON document; `source` names it in errors (`web.json: items[2].spec.ports[0].port: …`).
    public mutating func add(json bytes: [UInt8], source: String) throws(KubernetesInputError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw KubernetesInputError("\(source): not JSON: \(error)")
        }
        try add(value, path: source)
    }

    private mutating func add(_ value: JSONValue, path: String) throws(KubernetesInputError) {
        guard let kind = value["kind"]?.stringValue else {
            throw KubernetesInputError("\(path): no \"kind\" (expected a Service, EndpointSlice or List)")
        }
        switch kind {
        case "List", "ServiceList", "EndpointSliceList":
            guard let items = value["items"]?.arrayValue else { throw KubernetesInputError("\(path).items: expected an array") }
            for (index, item) in items.enumerated() { try add(item, path: "\(path).items[\(index)]") }
        case "Service":
            services.append(try Self.service(value, path: path))
        case "EndpointSlice":
            endpointSlices.append(try Self.endpointSlice(value, path: path))
        default:
            ignored.append("\(kind) \(value["metadata"]?["namespace"]?.stringValue ?? "default")/\(value["metadata"]?["name"]?.stringValue ?? "?")")
        }
    }

    static func service(_ value: JSONValue, path: String) throws(KubernetesInputError) -> KubernetesService {
        let metadata = value["metadata"]
        guard let name = metadata?["name"]?.stringValue else { throw KubernetesInputError("\(path).metadata.name: missing") }
        let spec = value["spec"] ?? .object(JSONObject())
        var clusterIPs = spec["clusterIPs"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if clusterIPs.isEmpty, let single = spec["clusterIP"]?.stringValue, !single.isEmpty { clusterIPs = [single] }
        clusterIPs.removeAll { $0 == "None" || $0.isEmpty }
        var ports: [KubernetesService.Port] = []
        for (index, port) in (spec["ports"]?.arrayValue ?? []).enumerated() {
            let where_ = "\(path).spec.ports[\(index)]"
            ports.append(KubernetesService.Port(
                name: port["name"]?.stringValue ?? "",
                l4Protocol: port["protocol"]?.stringValue ?? "TCP",
                port: try portNumber(port["port"], path: where_ + ".port", required: true)!,
                nodePort: try portNumber(port["nodePort"], path: where_ + ".nodePort", required: false)))
        }
        return KubernetesService(
            namespace: metadata?["namespace"]?.stringValue ?? "default", name: name,
            type: spec["type"]?.stringValue ?? "ClusterIP", clusterIPs: clusterIPs,
            externalIPs: spec["externalIPs"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            loadBalancerIPs: value["status"]?["loadBalancer"]?["ingress"]?.arrayValue?.compactMap { $0["ip"]?.stringValue } ?? [],
            ports: ports, sessionAffinity: spec["sessionAffinity"]?.stringValue ?? "None",
            serviceProxyName: metadata?["labels"]?["service.kubernetes.io/service-proxy-name"]?.stringValue)
    }

    static func endpointSlice(_ value: JSONValue, path: String) throws(KubernetesInputError) -> KubernetesEndpointSlice {
        let metadata = value["metadata"]
        guard let name = metadata?["name"]?.stringValue else { throw KubernetesInputError("\(path).metadata.name: missing") }
        guard let service = metadata?["labels"]?["kubernetes.io/service-name"]?.stringValue else {
            throw KubernetesInputError("\(path).metadata.labels: no \"kubernetes.io/service-name\" label (not a Service's slice)")
        }
        var endpoints: [KubernetesEndpointSlice.Endpoint] = []
        for endpoint in value["endpoints"]?.arrayValue ?? [] {
            guard let address = endpoint["addresses"]?[0]?.stringValue else { continue }
            let conditions = endpoint["conditions"]
            endpoints.append(KubernetesEndpointSlice.Endpoint(
                address: address,
                ready: conditions?["ready"]?.boolValue ?? true,
                serving: conditions?["serving"]?.boolValue ?? true,
                terminating: conditions?["terminating"]?.boolValue ?? false,
                nodeName: endpoint["nodeName"]?.stringValue))
        }
        var ports: [KubernetesEndpointSlice.Port] = []
        for (index, port) in (value["ports"]?.arrayValue ?? []).enumerated() {
            ports.append(KubernetesEndpointSlice.Port(
                name: port["name"]?.stringValue ?? "", l4Protocol: port["protocol"]?.stringValue ?? "TCP",
                port: try portNumber(port["port"], path: "\(path).ports[\(index)].port", required: false)))
        }
        return KubernetesEndpointSlice(
            namespace: metadata?["namespace"]?.stringValue ?? "default", name: name, serviceName: service,
            addressType: value["addressType"]?.stringValue ?? "IPv4", endpoints: endpoints, ports: ports)
    }

    static func portNumber(_ value: JSONValue?, path: String, required: Bool) throws(KubernetesInputError) -> UInt16? {
        guard let value, !value.isNull else {
            if required { throw KubernetesInputError("\(path): missing") }
            return nil
        }
        guard let number = value.int64Value, (1...65535).contains(number) else {
            throw KubernetesInputError("\(path): \(String(decoding: value.serialized(), as: UTF8.self)) is not a port number 1-65535")
        }
        return UInt16(number)
    }
}

/// Kubernetes input that cannot be used, with the file and JSON path of the offending value.
public struct KubernetesInputError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, and where.
    public let description: String
    init(_ description: String) { self.description = description }
}
