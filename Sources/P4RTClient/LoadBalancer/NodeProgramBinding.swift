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
    let forwardPins: TableID?
    let reversePins: TableID?
    let reverseSourceAddress: MatchFieldID?
    let reverseSourcePort: MatchFieldID?
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
        forwardPins = index.table(named: "MainControlImpl.ct_forward")?.id
        let reverse = index.table(named: "MainControlImpl.ct_reverse")
        reversePins = reverse?.id
        reverseSourceAddress = reverse.flatMap { index.matchField(named: "meta.rev_src_addr", inTable: $0.id)?.id }
        reverseSourcePort = reverse.flatMap { index.matchField(named: "meta.rev_src_port", inTable: $0.id)?.id }
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
