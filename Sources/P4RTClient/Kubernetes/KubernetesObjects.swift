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
    ///
    /// The document is read straight from the parser's tree (no `JSONValue` per node), and the items of a `List`
    /// are decoded on all cores, in input order: `kubectl get -A -o json` for 10,000 services is ~90 MB.
    public mutating func add(json bytes: [UInt8], source: String) throws(KubernetesInputError) {
        var decoded = try Self.listItems(bytes, source: source)
        if decoded == nil { decoded = try Self.document(bytes, source: source) }
        for item in decoded ?? [] {
            switch item {
            case .service(let service): services.append(service)
            case .endpointSlice(let slice): endpointSlices.append(slice)
            case .ignored(let label): ignored.append(label)
            }
        }
    }

    /// The objects of a `List` document whose items are parsed one by one on all cores (`kubectl get -A -o json`
    /// prints one big List); nil when the document is not such a List or an item is not valid JSON (the
    /// whole-document parse then reports the error with its position).
    static func listItems(_ bytes: [UInt8], source: String) throws(KubernetesInputError) -> [Item]? {
        let listed = bytes.withUnsafeBytes { buffer -> Result<[Item], KubernetesInputError>? in
            guard let split = JSONObjectSplit(buffer, arrayMember: "items"),
                  let kind = split.strings["kind"], Self.listKinds.contains(kind) else { return nil }
            let parsed = JSONParser().parseEach(buffer, ranges: split.elements) { index, item in
                item.map { Self.items($0, path: "\(source).items[\(index)]", parallel: false) }
            }
            var all: [Item] = []
            all.reserveCapacity(parsed.count)
            for result in parsed {
                guard case .success(let items) = result else { return nil }
                switch items {
                case .success(let more): all += more
                case .failure(let error): return .failure(error)
                }
            }
            return .success(all)
        }
        return try listed?.get()
    }

    static let listKinds: Set<String> = ["List", "ServiceList", "EndpointSliceList"]

    /// The objects of a document parsed whole.
    static func document(_ bytes: [UInt8], source: String) throws(KubernetesInputError) -> [Item] {
        let decoded: Result<[Item], KubernetesInputError>
        do {
            decoded = try bytes.withUnsafeBytes { buffer throws(JSONParseError) in
                try JSONParser().withDocument(buffer) { root in Self.items(root, path: source, parallel: true) }
            }
        } catch {
            throw KubernetesInputError("\(source): not JSON: \(error)")
        }
        return try decoded.get()
    }

    /// One decoded object.
    enum Item: Sendable {
        case service(KubernetesService)
        case endpointSlice(KubernetesEndpointSlice)
        case ignored(String)
    }

    /// The objects of one value (an object or a List of them), in order, or the first error.
    static func items(_ value: JSONNode, path: String, parallel: Bool) -> Result<[Item], KubernetesInputError> {
        guard let kind = value["kind"]?.text else {
            return .failure(KubernetesInputError("\(path): no \"kind\" (expected a Service, EndpointSlice or List)"))
        }
        do throws(KubernetesInputError) {
            switch kind {
            case _ where listKinds.contains(kind):
                guard let items = value["items"], items.isArray else {
                    throw KubernetesInputError("\(path).items: expected an array")
                }
                let decoded = items.mapElements(parallel: parallel) { index, item in
                    Self.items(item, path: "\(path).items[\(index)]", parallel: false)
                }
                var all: [Item] = []
                all.reserveCapacity(decoded.count)
                for result in decoded { all += try result.get() }
                return .success(all)
            case "Service":
                return .success([.service(try service(value, path: path))])
            case "EndpointSlice":
                return .success([.endpointSlice(try endpointSlice(value, path: path))])
            default:
                let metadata = value["metadata"]
                return .success([.ignored("\(kind) \(metadata?["namespace"]?.text ?? "default")/\(metadata?["name"]?.text ?? "?")")])
            }
        } catch {
            return .failure(error)
        }
    }

    static func service(_ value: JSONNode, path: String) throws(KubernetesInputError) -> KubernetesService {
        let metadata = value["metadata"]
        guard let name = metadata?["name"]?.text else { throw KubernetesInputError("\(path).metadata.name: missing") }
        let spec = value["spec"]
        var clusterIPs = spec?["clusterIPs"]?.texts ?? []
        if clusterIPs.isEmpty, let single = spec?["clusterIP"]?.text, !single.isEmpty { clusterIPs = [single] }
        clusterIPs.removeAll { $0 == "None" || $0.isEmpty }
        var ports: [KubernetesService.Port] = []
        if let list = spec?["ports"] {
            for index in 0..<list.count {
                guard let port = list[index] else { continue }
                let where_ = "\(path).spec.ports[\(index)]"
                ports.append(KubernetesService.Port(
                    name: port["name"]?.text ?? "",
                    l4Protocol: port["protocol"]?.text ?? "TCP",
                    port: try portNumber(port["port"], path: where_ + ".port", required: true) ?? 0,
                    nodePort: try portNumber(port["nodePort"], path: where_ + ".nodePort", required: false)))
            }
        }
        var loadBalancerIPs: [String] = []
        if let ingress = value["status"]?["loadBalancer"]?["ingress"] {
            for index in 0..<ingress.count { if let ip = ingress[index]?["ip"]?.text { loadBalancerIPs.append(ip) } }
        }
        return KubernetesService(
            namespace: metadata?["namespace"]?.text ?? "default", name: name,
            type: spec?["type"]?.text ?? "ClusterIP", clusterIPs: clusterIPs,
            externalIPs: spec?["externalIPs"]?.texts ?? [], loadBalancerIPs: loadBalancerIPs,
            ports: ports, sessionAffinity: spec?["sessionAffinity"]?.text ?? "None",
            serviceProxyName: metadata?["labels"]?["service.kubernetes.io/service-proxy-name"]?.text)
    }

    static func endpointSlice(_ value: JSONNode, path: String) throws(KubernetesInputError) -> KubernetesEndpointSlice {
        let metadata = value["metadata"]
        guard let name = metadata?["name"]?.text else { throw KubernetesInputError("\(path).metadata.name: missing") }
        guard let service = metadata?["labels"]?["kubernetes.io/service-name"]?.text else {
            throw KubernetesInputError("\(path).metadata.labels: no \"kubernetes.io/service-name\" label (not a Service's slice)")
        }
        var endpoints: [KubernetesEndpointSlice.Endpoint] = []
        if let list = value["endpoints"] {
            endpoints.reserveCapacity(list.count)
            for index in 0..<list.count {
                guard let endpoint = list[index], let address = endpoint["addresses"]?[0]?.text else { continue }
                let conditions = endpoint["conditions"]
                endpoints.append(KubernetesEndpointSlice.Endpoint(
                    address: address,
                    ready: conditions?["ready"]?.bool ?? true,
                    serving: conditions?["serving"]?.bool ?? true,
                    terminating: conditions?["terminating"]?.bool ?? false,
                    nodeName: endpoint["nodeName"]?.text))
            }
        }
        var ports: [KubernetesEndpointSlice.Port] = []
        if let list = value["ports"] {
            for index in 0..<list.count {
                guard let port = list[index] else { continue }
                ports.append(KubernetesEndpointSlice.Port(
                    name: port["name"]?.text ?? "", l4Protocol: port["protocol"]?.text ?? "TCP",
                    port: try portNumber(port["port"], path: "\(path).ports[\(index)].port", required: false)))
            }
        }
        return KubernetesEndpointSlice(
            namespace: metadata?["namespace"]?.text ?? "default", name: name, serviceName: service,
            addressType: value["addressType"]?.text ?? "IPv4", endpoints: endpoints, ports: ports)
    }

    static func portNumber(_ value: JSONNode?, path: String, required: Bool) throws(KubernetesInputError) -> UInt16? {
        guard let value, !value.isNull else {
            if required { throw KubernetesInputError("\(path): missing") }
            return nil
        }
        guard let number = value.integer, (1...65535).contains(number) else {
            throw KubernetesInputError("\(path): \(String(decoding: value.value.serialized(), as: UTF8.self)) is not a port number 1-65535")
        }
        return UInt16(number)
    }
}

extension JSONNode {
    /// The member `key` of an object node (first match), nil when absent or not an object.
    subscript(key: StaticString) -> JSONNode? {
        for member in members where member.key == key { return member.value }
        return nil
    }

    /// A string node's text; nil for any other node.
    var text: String? { stringBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The string elements of an array node (other elements skipped); empty for any other node.
    var texts: [String] { (0..<count).compactMap { self[$0]?.text } }
}

/// Kubernetes input that cannot be used, with the file and JSON path of the offending value.
public struct KubernetesInputError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, and where.
    public let description: String
    init(_ description: String) { self.description = description }
}
