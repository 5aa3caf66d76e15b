import P4Model

/// One connection the node program tracks: a forward pin (client → service VIP, pinned to a backend) or a reverse
/// pin (backend → client, translated back to the VIP), read from the `ct_forward` / `ct_reverse` tables.
public struct TrackedFlow: Sendable, Hashable {
    /// `forward` (original direction) or `reverse` (reply direction).
    public var direction: String
    public var source: UInt32
    public var destination: UInt32
    public var ipProtocol: UInt8
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    /// Forward pins: the backend address and port the flow is pinned to. Reverse pins: the VIP and port replies
    /// are translated back to.
    public var translatedAddress: UInt32
    public var translatedPort: UInt16
    /// Nanoseconds since the entry was last hit (learned flows: since learned or last rearmed), when the server
    /// reports it.
    public var idleNanoseconds: Int64?
    /// The entry's timeout (learned flows: the timeout of their expire-time profile), when the server reports it.
    public var timeoutNanoseconds: Int64?
    /// The expire-time profile's name (`tcp`, `udp`, ... as `ct timeouts get` lists them) for learned flows.
    public var state: String?
    /// The flow's packet and byte counters, when the program counts per flow.
    public var counters: CounterData?
    /// The table entry (its key deletes the flow).
    public var entry: TableEntry

    /// Nanoseconds until the flow expires without further traffic (`conntrack -L`'s timeout column).
    public var remainingNanoseconds: Int64? {
        guard let timeoutNanoseconds, let idleNanoseconds else { return nil }
        return max(0, timeoutNanoseconds - idleNanoseconds)
    }

    /// `tcp`, `udp`, `icmp` or the number.
    public var protocolName: String {
        switch ipProtocol {
        case 6: "tcp"
        case 17: "udp"
        case 1: "icmp"
        default: String(ipProtocol)
        }
    }

    /// A `conntrack -L`-like line.
    public var line: String {
        let translated = direction == "forward" ? "backend" : "vip"
        var text = "\(protocolName.padding(toLength: 5, withPad: " ", startingAt: 0)) \(ipProtocol) \(direction) "
            + "src=\(LoadBalancerState.text(source)) dst=\(LoadBalancerState.text(destination)) "
            + "sport=\(sourcePort) dport=\(destinationPort) "
            + "\(translated)=\(LoadBalancerState.text(translatedAddress)):\(translatedPort)"
        if let idleNanoseconds { text += " idle=\(idleNanoseconds / 1_000_000_000)s" }
        if let state { text += " state=\(state)" }
        if let remainingNanoseconds { text += " timeout=\(remainingNanoseconds / 1_000_000_000)s" }
        if let counters { text += " packets=\(counters.packetCount) bytes=\(counters.byteCount)" }
        return text
    }
}

/// A `conntrack`-style filter on tracked flows; nil fields match anything.
public struct FlowFilter: Sendable, Hashable {
    public var address: UInt32?
    public var port: UInt16?
    public var ipProtocol: UInt8?

    /// A filter.
    public init(address: UInt32? = nil, port: UInt16? = nil, ipProtocol: UInt8? = nil) {
        self.address = address
        self.port = port
        self.ipProtocol = ipProtocol
    }

    /// Parses `--address`, `--port`, `--protocol` values.
    public init(address: String?, port: UInt16?, ipProtocol: String?) throws(KubernetesInputError) {
        if let address {
            guard let value = IPv4Text.parse(address) else { throw KubernetesInputError("--address: '\(address)' is not an IPv4 address") }
            self.address = value
        }
        self.port = port
        if let ipProtocol {
            switch ipProtocol.lowercased() {
            case "tcp": self.ipProtocol = 6
            case "udp": self.ipProtocol = 17
            case "icmp": self.ipProtocol = 1
            default:
                guard let number = UInt8(ipProtocol) else { throw KubernetesInputError("--protocol: '\(ipProtocol)' is not tcp, udp, icmp or a number") }
                self.ipProtocol = number
            }
        }
    }

    /// True when the flow matches: the address and port may be either endpoint or the translated one.
    public func matches(_ flow: TrackedFlow) -> Bool {
        if let ipProtocol, flow.ipProtocol != ipProtocol { return false }
        if let address, ![flow.source, flow.destination, flow.translatedAddress].contains(address) { return false }
        if let port, ![flow.sourcePort, flow.destinationPort, flow.translatedPort].contains(port) { return false }
        return true
    }
}
