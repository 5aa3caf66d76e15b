import P4Model

/// The ids of the node program's load-balancer objects (programs/node), resolved by name from the server's P4Info,
/// so `lb apply` works with any build of the program whose names match.
public struct NodeProgramBinding: Sendable {
    let services: TableID
    let servicesVIP: MatchFieldID
    let servicesProtocol: MatchFieldID
    let servicesPort: MatchFieldID
    let setService: ActionID
    let serviceID: ActionParamID
    let backends: TableID
    let backendsService: MatchFieldID
    let backendsBucket: MatchFieldID
    let dnat: ActionID
    let backendAddress: ActionParamID
    let backendPort: ActionParamID
    let backendMAC: ActionParamID
    /// The conntrack pins, when the program has them (`lb apply` deletes those of removed backends).
    let forwardPins: ForwardPins?
    let reversePins: ReversePins?
    /// The unit of the services table's direct counter (per-service packets/bytes), nil when the program has none.
    public let servicesCounterUnit: P4Info.CounterSpec.Unit?

    /// Resolves the names; throws naming the first one the P4Info lacks.
    public init(_ index: P4InfoIndex) throws(P4RTClientError) {
        guard let services = index.table(named: "MainControlImpl.services") else {
            throw Self.missing("table MainControlImpl.services")
        }
        guard let backends = index.table(named: "MainControlImpl.backends") else {
            throw Self.missing("table MainControlImpl.backends (service buckets)")
        }
        guard let setService = index.action(named: "MainControlImpl.set_service").map({ ActionID($0.preamble.id) }) else {
            throw Self.missing("action MainControlImpl.set_service")
        }
        guard let dnat = index.action(named: "MainControlImpl.dnat").map({ ActionID($0.preamble.id) }) else {
            throw Self.missing("action MainControlImpl.dnat")
        }
        self.services = services.id
        servicesVIP = try Self.field(index, "hdr.ipv4.dst_addr", services)
        servicesProtocol = try Self.field(index, "hdr.ipv4.protocol", services)
        servicesPort = try Self.field(index, "meta.l4_dst_port", services)
        self.setService = setService
        serviceID = try Self.param(index, "service_id", setService, "set_service")
        self.backends = backends.id
        backendsService = try Self.field(index, "meta.service_id", backends)
        backendsBucket = try Self.field(index, "meta.bucket", backends)
        self.dnat = dnat
        backendAddress = try Self.param(index, "backend_addr", dnat, "dnat")
        backendPort = try Self.param(index, "backend_port", dnat, "dnat")
        backendMAC = try Self.param(index, "backend_mac", dnat, "dnat")
        forwardPins = ForwardPins(index)
        reversePins = ReversePins(index)
        servicesCounterUnit = index.p4info.directCounters.first { $0.directTableId == services.id }
            .map { $0.spec?.unit ?? .both }
    }

    static func missing(_ what: String) -> P4RTClientError {
        .protocolViolation("the installed program has no \(what) (lb apply needs the node program, programs/node)")
    }

    static func field(_ index: P4InfoIndex, _ name: String, _ table: P4Info.Table) throws(P4RTClientError) -> MatchFieldID {
        guard let field = index.matchField(named: name, inTable: table.id) else {
            throw missing("field \(name) in \(table.preamble.name)")
        }
        return field.id
    }

    static func param(_ index: P4InfoIndex, _ name: String, _ action: ActionID, _ actionName: String)
        throws(P4RTClientError) -> ActionParamID {
        guard let param = index.param(named: name, inAction: action) else { throw missing("parameter \(name) of \(actionName)") }
        return param.id
    }
}

/// `ct_forward`: client → VIP flows pinned to a backend (key: the 5-tuple as sent, so the VIP and its port;
/// action `ct_forward_hit`: the backend).
struct ForwardPins: Sendable {
    let table: TableID
    let client: MatchFieldID, clientPort: MatchFieldID
    let vip: MatchFieldID, ipProtocol: MatchFieldID, vipPort: MatchFieldID
    let hit: ActionID
    let backendAddress: ActionParamID, backendPort: ActionParamID

    /// Nil when the program lacks any of the names.
    init?(_ index: P4InfoIndex) {
        guard let table = index.table(named: "MainControlImpl.ct_forward"),
              let client = index.matchField(named: "hdr.ipv4.src_addr", inTable: table.id),
              let clientPort = index.matchField(named: "meta.l4_src_port", inTable: table.id),
              let vip = index.matchField(named: "hdr.ipv4.dst_addr", inTable: table.id),
              let ipProtocol = index.matchField(named: "hdr.ipv4.protocol", inTable: table.id),
              let vipPort = index.matchField(named: "meta.l4_dst_port", inTable: table.id),
              let hit = index.action(named: "MainControlImpl.ct_forward_hit").map({ ActionID($0.preamble.id) }),
              let address = index.param(named: "backend_addr", inAction: hit),
              let port = index.param(named: "backend_port", inAction: hit) else { return nil }
        self.table = table.id
        self.client = client.id
        self.clientPort = clientPort.id
        self.vip = vip.id
        self.ipProtocol = ipProtocol.id
        self.vipPort = vipPort.id
        self.hit = hit
        backendAddress = address.id
        backendPort = port.id
    }
}

/// `ct_reverse`: backend → client replies (key: the backend as source and the client as destination, so a forward
/// pin gives its reverse pin's key; action `ct_reverse_hit`: the VIP and port to rewrite the source back to).
struct ReversePins: Sendable {
    let table: TableID
    let backendAddress: MatchFieldID, ipProtocol: MatchFieldID, backendPort: MatchFieldID
    let client: MatchFieldID, clientPort: MatchFieldID
    let hit: ActionID
    let vip: ActionParamID, vipPort: ActionParamID

    /// Nil when the program lacks any of the names.
    init?(_ index: P4InfoIndex) {
        guard let table = index.table(named: "MainControlImpl.ct_reverse"),
              let address = index.matchField(named: "meta.rev_src_addr", inTable: table.id),
              let ipProtocol = index.matchField(named: "hdr.ipv4.protocol", inTable: table.id),
              let port = index.matchField(named: "meta.rev_src_port", inTable: table.id),
              let client = index.matchField(named: "meta.rev_dst_addr", inTable: table.id),
              let clientPort = index.matchField(named: "meta.rev_dst_port", inTable: table.id),
              let hit = index.action(named: "MainControlImpl.ct_reverse_hit").map({ ActionID($0.preamble.id) }),
              let vip = index.param(named: "vip_addr", inAction: hit),
              let vipPort = index.param(named: "vip_port", inAction: hit) else { return nil }
        self.table = table.id
        backendAddress = address.id
        self.ipProtocol = ipProtocol.id
        backendPort = port.id
        self.client = client.id
        self.clientPort = clientPort.id
        self.hit = hit
        self.vip = vip.id
        self.vipPort = vipPort.id
    }
}
