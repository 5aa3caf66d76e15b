import JSONCore
import P4JSON
import P4Model

/// `classify apply`: makes the classifier program's tables (`quic_vips`, `quic_cids`, `flows_exact`,
/// `flows_ternary` and its default entry) match a rule file, writing only the difference as one ROLLBACK_ON_ERROR
/// batch. Rules whose five fields are all exact values go to the exact table; the others to the ternary table.
public struct ClassifierSync: Sendable {
    /// What an apply did (or would do).
    public struct Summary: Sendable, Hashable {
        public var inserted = 0, modified = 0, deleted = 0, defaultChanged = false
        /// Updates written.
        public var updates = 0
    }

    static let tables = ["MainControlImpl.quic_vips", "MainControlImpl.quic_cids", "MainControlImpl.flows_exact",
                         "MainControlImpl.flows_ternary"]
    let client: P4RTClient
    let index: P4InfoIndex
    let codec: FriendlyCodec
    let tableIDs: [TableID]

    /// Binds to the classifier program installed on the client's device.
    public init(client: P4RTClient) throws(P4RTClientError) {
        self.client = client
        index = try client.pipelineIndex()
        var ids: [TableID] = []
        for name in Self.tables {
            guard let table = index.table(named: name) else {
                throw .protocolViolation("the installed program has no table \(name) (classify needs programs/classifier)")
            }
            ids.append(table.id)
        }
        tableIDs = ids
        codec = FriendlyCodec(index)
    }

    /// The entries the rules ask for, in table order (canonical form), and the default action of the ternary table.
    public func desiredEntries(_ rules: ClassifierRules) throws(P4RTClientError) -> (entries: [TableEntry], defaultEntry: TableEntry?) {
        var friendly: [JSONValue] = []
        func entry(_ table: String, _ match: [(String, JSONValue)], _ verdict: ClassifierRules.Verdict, priority: Int32? = nil) -> JSONValue {
            var members: [(String, JSONValue)] = [("table", .string(table)), ("match", .object(JSONObject(uniqueKeysWithValues: match)))]
            members += Self.action(verdict)
            if let priority { members.append(("priority", .integer(Int64(priority)))) }
            return .object(JSONObject(uniqueKeysWithValues: members))
        }
        for service in rules.quic {
            friendly.append(.object(JSONObject(uniqueKeysWithValues: [
                ("table", .string("MainControlImpl.quic_vips")),
                ("match", .object(JSONObject(uniqueKeysWithValues: [("hdr.ipv4.dst_addr", .string(service.vip)),
                                                                    ("hdr.udp.dst_port", .integer(Int64(service.port)))]))),
                ("action", .string("MainControlImpl.quic_vip")),
                ("params", .object(JSONObject(uniqueKeysWithValues: [("short_cid_len", .integer(Int64(service.shortCIDLength)))]))),
            ])))
            for connection in service.connections {
                let window = connection.cid + [UInt8](repeating: 0, count: 20 - connection.cid.count)
                let mask = [UInt8](repeating: 0xff, count: connection.cid.count) + [UInt8](repeating: 0, count: 20 - connection.cid.count)
                friendly.append(entry("MainControlImpl.quic_cids", [
                    ("hdr.ipv4.dst_addr", .string(service.vip)), ("hdr.udp.dst_port", .integer(Int64(service.port))),
                    ("meta.cid_len", .integer(Int64(connection.cid.count))),
                    ("hdr.quic_dcid.dcid", .string("0x\(Bytestring.hex(window))&&&0x\(Bytestring.hex(mask))")),
                ], connection.verdict, priority: 1))
            }
        }
        let names = ["meta.src_addr", "meta.dst_addr", "meta.protocol", "meta.l4_src_port", "meta.l4_dst_port"]
        for rule in rules.rules {
            let values = [rule.source, rule.destination, rule.ipProtocol, rule.sourcePort, rule.destinationPort]
            let exact = values.allSatisfy { value in value.map { !$0.contains("/") && !$0.contains("&&&") && !$0.contains("..") } ?? false }
            if exact {
                friendly.append(entry("MainControlImpl.flows_exact", zip(names, values).map { ($0, .string($1!)) }, rule.verdict))
            } else {
                var match: [(String, JSONValue)] = []
                for (name, value) in zip(names, values) {
                    guard let value else { continue }
                    match.append((name, .string(try Self.ternary(value, field: name))))
                }
                friendly.append(entry("MainControlImpl.flows_ternary", match, rule.verdict, priority: rule.priority))
            }
        }
        var entries: [TableEntry] = []
        var decoder = ProtoJSONDecoder()
        for (position, value) in friendly.enumerated() {
            do {
                entries.append(Self.canonical(try codec.tableEntry(value, &decoder)))
            } catch {
                throw .server(error.prefixed("rule \(position)"), httpStatus: 0)
            }
        }
        var defaultEntry: TableEntry?
        if let verdict = rules.defaultVerdict {
            var value = entry("MainControlImpl.flows_ternary", [], verdict)
            if case .object(var object) = value { object["isDefaultAction"] = .bool(true); value = .object(object) }
            do {
                defaultEntry = Self.canonical(try codec.tableEntry(value, &decoder))
            } catch {
                throw .server(error.prefixed("default"), httpStatus: 0)
            }
        }
        return (entries, defaultEntry)
    }

    /// Applies the rules (nothing is written when the server already matches).
    public func apply(_ rules: ClassifierRules, dryRun: Bool = false) throws(P4RTClientError) -> Summary {
        let (desired, defaultEntry) = try desiredEntries(rules)
        var current: [TableEntry] = []
        var currentDefault: TableEntry?
        for table in tableIDs {
            for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: [Entity(.tableEntry(TableEntry(tableId: table)))])) {
                guard case .tableEntry(let entry)? = entity.kind else { continue }
                if entry.isDefaultAction { continue }
                current.append(Self.canonical(entry))
            }
        }
        if defaultEntry != nil {
            let read = try client.read(ReadRequest(deviceId: client.deviceId, entities: [
                Entity(.tableEntry(TableEntry(tableId: tableIDs[3], isDefaultAction: true)))]))
            if case .tableEntry(let entry)? = read.first?.kind { currentDefault = Self.canonical(entry) }
        }
        var summary = Summary()
        var updates: [Update] = []
        let currentByKey = Dictionary(current.map { (Self.key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let desiredKeys = Set(desired.map(Self.key))
        for entry in desired {
            if let existing = currentByKey[Self.key(entry)] {
                if existing.action != entry.action {
                    updates.append(Update(type: .modify, entity: Entity(.tableEntry(entry))))
                    summary.modified += 1
                }
            } else {
                updates.append(Update(type: .insert, entity: Entity(.tableEntry(entry))))
                summary.inserted += 1
            }
        }
        for entry in current where !desiredKeys.contains(Self.key(entry)) {
            var key = entry
            key.action = nil
            updates.append(Update(type: .delete, entity: Entity(.tableEntry(key))))
            summary.deleted += 1
        }
        if let defaultEntry, currentDefault?.action != defaultEntry.action {
            updates.append(Update(type: .modify, entity: Entity(.tableEntry(defaultEntry))))
            summary.defaultChanged = true
        }
        summary.updates = updates.count
        if !dryRun && !updates.isEmpty { try client.write(WriteRequest(updates: updates, atomicity: .rollbackOnError)) }
        return summary
    }

    /// The canonical identity of an entry: table, sorted matches, priority.
    static func key(_ entry: TableEntry) -> String {
        "\(entry.tableId.rawValue)|\(entry.priority)|" + entry.match.sorted { $0.fieldId < $1.fieldId }.map { "\($0.fieldId.rawValue)=\($0.kind.map { "\($0)" } ?? "")" }.joined(separator: ",")
    }

    /// The entry with canonical bytestrings and only the fields `classify apply` manages.
    static func canonical(_ entry: TableEntry) -> TableEntry {
        var result = TableEntry(tableId: entry.tableId, priority: entry.priority, isDefaultAction: entry.isDefaultAction)
        result.match = entry.match.sorted { $0.fieldId < $1.fieldId }.map { field in
            var field = field
            switch field.kind {
            case .exact(let value)?: field.kind = .exact(value: Bytestring.canonical(value))
            case .ternary(let value, let mask)?: field.kind = .ternary(value: Bytestring.canonical(value), mask: Bytestring.canonical(mask))
            case .lpm(let value, let length)?: field.kind = .lpm(value: Bytestring.canonical(value), prefixLen: length)
            case .range(let low, let high)?: field.kind = .range(low: Bytestring.canonical(low), high: Bytestring.canonical(high))
            case .optional(let value)?: field.kind = .optional(value: Bytestring.canonical(value))
            default: break
            }
            return field
        }
        if case .action(var action)? = entry.action?.kind {
            action.params = action.params.sorted { $0.paramId < $1.paramId }.map { Action.Param(paramId: $0.paramId, value: Bytestring.canonical($0.value)) }
            result.action = TableAction(.action(action))
        } else {
            result.action = entry.action
        }
        return result
    }

    static func action(_ verdict: ClassifierRules.Verdict) -> [(String, JSONValue)] {
        switch verdict {
        case .drop:
            return [("action", .string("MainControlImpl.drop_packet"))]
        case .port(let port, nil):
            return [("action", .string("MainControlImpl.to_port")),
                    ("params", .object(JSONObject(uniqueKeysWithValues: [("port", .integer(Int64(port)))])))]
        case .port(let port, let mark?):
            return [("action", .string("MainControlImpl.mark_to_port")),
                    ("params", .object(JSONObject(uniqueKeysWithValues: [("port", .integer(Int64(port))), ("mark", .integer(Int64(mark)))])))]
        }
    }

    /// A value for a ternary field: `a.b.c.d/len` becomes value&&&mask; a plain value an all-ones mask.
    static func ternary(_ value: String, field: String) throws(P4RTClientError) -> String {
        if value.contains("&&&") { return value }
        if value.contains("..") {
            throw .protocolViolation("\(field): ranges (\(value)) are not supported by the ternary rule table; use value&&&mask")
        }
        let width = field.hasSuffix("addr") ? 32 : field.hasSuffix("protocol") ? 8 : 16
        if let slash = value.firstIndex(of: "/"), let length = Int(value[value.index(after: slash)...]), (0...width).contains(length) {
            let mask: UInt64 = length == 0 ? 0 : ((1 << UInt64(width)) - 1) ^ ((1 << UInt64(width - length)) - 1)
            return "\(value[..<slash])&&&0x\(String(mask, radix: 16))"
        }
        return "\(value)&&&0x\(String((1 << UInt64(width)) - 1, radix: 16))"
    }
}
