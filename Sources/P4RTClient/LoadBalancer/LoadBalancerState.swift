import P4Model

/// The node program's load-balancer state as the server holds it (or as the plan wants it): frontends mapped to
/// service ids (`services` → `set_service`), and each service id's buckets mapped to backends (`backends` exact on
/// (service id, bucket) → `dnat`).
public struct LoadBalancerState: Sendable, Hashable {
    /// Buckets per service, B: the node program picks bucket `hash(5-tuple) & (B - 1)` of a new flow's service
    /// (programs/node/node.p4, `LB_BUCKETS`). A service balances over at most B distinct endpoints.
    public static let bucketCount = 64

    /// A frontend key: virtual IPv4 address, IP protocol, port.
    public struct FrontendKey: Sendable, Hashable, Comparable {
        public var address: UInt32
        public var ipProtocol: UInt8
        public var port: UInt16
        /// A frontend key.
        public init(address: UInt32, ipProtocol: UInt8, port: UInt16) {
            self.address = address
            self.ipProtocol = ipProtocol
            self.port = port
        }
        public static func < (a: FrontendKey, b: FrontendKey) -> Bool {
            (a.address, a.ipProtocol, a.port) < (b.address, b.ipProtocol, b.port)
        }
    }

    /// A backend as the `dnat` action carries it.
    public struct BackendValue: Sendable, Hashable, Comparable {
        public var address: UInt32
        public var port: UInt16
        public var mac: UInt64
        /// A backend; `mac` defaults to the derived one (`02:42:` + address).
        public init(address: UInt32, port: UInt16, mac: UInt64? = nil) {
            self.address = address
            self.port = port
            self.mac = mac ?? Self.derivedMAC(address)
        }
        public static func < (a: BackendValue, b: BackendValue) -> Bool { (a.address, a.port, a.mac) < (b.address, b.port, b.mac) }
    }

    /// Frontend → service id (the `set_service` argument).
    public var services: [FrontendKey: UInt16] = [:]
    /// Service id → its buckets: element i is the backend of bucket i, nil where the server has no entry.
    /// Always `bucketCount` elements.
    public var buckets: [UInt16: [BackendValue?]] = [:]
    /// Frontend → its services-table entry's direct counter (packets and bytes sent to the service), when read
    /// with counters from a program that has one; empty otherwise.
    public var counters: [FrontendKey: CounterData] = [:]

    /// An empty state.
    public init() {}

    /// The distinct backends a frontend's buckets hold, sorted.
    public func backends(of frontend: FrontendKey) -> [BackendValue] {
        guard let id = services[frontend], let slots = buckets[id] else { return [] }
        return Set(slots.compactMap { $0 }).sorted()
    }
}

extension LoadBalancerState.BackendValue {
    /// The MAC p4rtd uses for a backend: `02:42:` followed by its IPv4 address, the convention Docker uses for
    /// container interfaces, so the rewrite needs nothing Kubernetes does not provide.
    static func derivedMAC(_ address: UInt32) -> UInt64 { 0x0242_0000_0000 | UInt64(address) }
}

/// Text forms of the values involved.
enum IPv4Text {
    static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    static func format(_ value: UInt32) -> String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }
}

extension LoadBalancerState {
    /// Dotted-quad text of an IPv4 address.
    public static func text(_ address: UInt32) -> String { IPv4Text.format(address) }
}
