import JSONCore

/// A classifier rule file (`p4rtctl classify apply`): QUIC connection-id steering per VIP:port, 5-tuple rules, and
/// the default rule, in JSON or YAML (docs/p4rtctl.md has the format).
public struct ClassifierRules: Sendable, Hashable {
    /// Where a matching packet goes.
    public enum Verdict: Sendable, Hashable {
        /// To a container port (or queue), optionally stamped with a 32-bit flow mark.
        case port(UInt32, mark: UInt32?)
        /// Dropped.
        case drop
    }

    /// QUIC steering for one UDP VIP:port.
    public struct QUICService: Sendable, Hashable {
        public var vip: String
        public var port: UInt16
        /// The destination connection id length of short headers (1-20 bytes), which they do not carry.
        public var shortCIDLength: Int
        /// Connection ids (hex) and where they go.
        public var connections: [(cid: [UInt8], verdict: Verdict)]

        public static func == (a: QUICService, b: QUICService) -> Bool {
            a.vip == b.vip && a.port == b.port && a.shortCIDLength == b.shortCIDLength
                && a.connections.map(\.cid) == b.connections.map(\.cid) && a.connections.map(\.verdict) == b.connections.map(\.verdict)
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(vip); hasher.combine(port) }
    }

    /// A 5-tuple rule; absent fields match anything. Values use the friendly syntax (`10.0.0.0/8`, `80`, `1000..2000`).
    public struct FlowRule: Sendable, Hashable {
        public var source: String?
        public var destination: String?
        public var ipProtocol: String?
        public var sourcePort: String?
        public var destinationPort: String?
        /// Higher wins among overlapping wildcard rules.
        public var priority: Int32
        public var verdict: Verdict
    }

    public var quic: [QUICService] = []
    public var rules: [FlowRule] = []
    /// The default rule (when nothing matched); nil leaves the program's own default.
    public var defaultVerdict: Verdict?

    /// Reads the rules from a parsed JSON or YAML document; errors name the path (`rules[2].to.port: …`).
    public init(_ value: JSONValue) throws(KubernetesInputError) {
        for (index, service) in (value["quic"]?.arrayValue ?? []).enumerated() {
            let path = "quic[\(index)]"
            guard let vip = service["vip"]?.stringValue else { throw KubernetesInputError("\(path).vip: missing") }
            let port = try Self.integer(service["port"], "\(path).port", 1...65535)
            let length = try Self.integer(service["shortCidLength"], "\(path).shortCidLength", 1...20)
            var connections: [(cid: [UInt8], verdict: Verdict)] = []
            for (position, connection) in (service["cids"]?.arrayValue ?? []).enumerated() {
                let where_ = "\(path).cids[\(position)]"
                guard let text = connection["cid"]?.stringValue, let cid = Self.hex(text), (1...20).contains(cid.count) else {
                    throw KubernetesInputError("\(where_).cid: expected 1 to 20 bytes of hex")
                }
                connections.append((cid, try Self.verdict(connection["to"], "\(where_).to")))
            }
            quic.append(QUICService(vip: vip, port: UInt16(port), shortCIDLength: Int(length), connections: connections))
        }
        for (index, rule) in (value["rules"]?.arrayValue ?? []).enumerated() {
            let path = "rules[\(index)]"
            let match = rule["match"] ?? .object(JSONObject())
            func field(_ name: String) -> String? {
                guard let value = match[name] else { return nil }
                switch value {
                case .string(let text): return text == "*" ? nil : text
                case .integer(let number): return String(number)
                default: return nil
                }
            }
            rules.append(FlowRule(
                source: field("src"), destination: field("dst"), ipProtocol: field("protocol").map(Self.protocolNumber),
                sourcePort: field("srcPort"), destinationPort: field("dstPort"),
                priority: Int32(try Self.integer(rule["priority"] ?? .integer(1), "\(path).priority", 1...Int64(Int32.max))),
                verdict: try Self.verdict(rule["to"], "\(path).to")))
        }
        if let fallback = value["default"] { defaultVerdict = try Self.verdict(fallback, "default") }
    }

    static func verdict(_ value: JSONValue?, _ path: String) throws(KubernetesInputError) -> Verdict {
        guard let value else { throw KubernetesInputError("\(path): missing (give {port: N[, mark: M]} or {drop: true})") }
        if value["drop"]?.boolValue == true { return .drop }
        let port = try integer(value["port"], "\(path).port", 0...Int64(UInt32.max))
        let mark = try value["mark"].map { (v) throws(KubernetesInputError) in UInt32(try integer(v, "\(path).mark", 0...Int64(UInt32.max))) }
        return .port(UInt32(port), mark: mark)
    }

    static func integer(_ value: JSONValue?, _ path: String, _ range: ClosedRange<Int64>) throws(KubernetesInputError) -> Int64 {
        var number: Int64?
        switch value {
        case .integer(let n)?: number = n
        case .string(let text)?: number = text.hasPrefix("0x") ? Int64(text.dropFirst(2), radix: 16) : Int64(text)
        default: number = nil
        }
        guard let number, range.contains(number) else {
            throw KubernetesInputError("\(path): expected an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }

    static func hex(_ text: String) -> [UInt8]? {
        var digits = Substring(text)
        if digits.hasPrefix("0x") { digits = digits.dropFirst(2) }
        digits = Substring(digits.filter { $0 != ":" && $0 != "-" })
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            guard let byte = UInt8(digits[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    static func protocolNumber(_ text: String) -> String {
        switch text.lowercased() {
        case "tcp": "6"
        case "udp": "17"
        case "icmp": "1"
        default: text
        }
    }
}
