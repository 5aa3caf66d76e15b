import P4Model

/// `ct list` and `ct delete` on the node program's connection-tracking pins (`ct_forward`, `ct_reverse`).
public struct ConnectionTracking: Sendable {
    let client: P4RTClient
    let tables: [(direction: String, id: TableID, name: String, fields: [MatchFieldID], params: [ActionParamID],
                  counted: Bool)]

    /// Binds to the node program on the client's device.
    public init(client: P4RTClient) throws(P4RTClientError) {
        self.client = client
        let index = try client.pipelineIndex()
        var tables: [(String, TableID, String, [MatchFieldID], [ActionParamID], Bool)] = []
        let directCounterIDs = Set(index.p4info.directCounters.map(\.preamble.id))
        for (direction, name, fields, action, params) in [
            ("forward", "MainControlImpl.ct_forward", ["hdr.ipv4.src_addr", "hdr.ipv4.dst_addr", "hdr.ipv4.protocol", "meta.l4_src_port", "meta.l4_dst_port"],
             "MainControlImpl.ct_forward_hit", ["backend_addr", "backend_port"]),
            ("reverse", "MainControlImpl.ct_reverse", ["meta.rev_src_addr", "meta.rev_dst_addr", "hdr.ipv4.protocol", "meta.rev_src_port", "meta.rev_dst_port"],
             "MainControlImpl.ct_reverse_hit", ["vip_addr", "vip_port"]),
        ] {
            guard let table = index.table(named: name), let hit = index.action(named: action) else {
                throw .protocolViolation("the installed program has no \(name) (ct needs the node program, programs/node)")
            }
            let fieldIDs = fields.compactMap { index.matchField(named: $0, inTable: table.id)?.id }
            let paramIDs = params.compactMap { index.param(named: $0, inAction: ActionID(hit.preamble.id))?.id }
            guard fieldIDs.count == 5, paramIDs.count == 2 else {
                throw .protocolViolation("\(name) does not have the node program's key and action parameters")
            }
            let counted = table.directResourceIds.contains { directCounterIDs.contains($0) }
            tables.append((direction, table.id, name, fieldIDs, paramIDs, counted))
        }
        self.tables = tables
    }

    /// Every tracked flow matching `filter`, forward pins first, in the server's order.
    public func list(_ filter: FlowFilter = FlowFilter()) throws(P4RTClientError) -> [TrackedFlow] {
        var flows: [TrackedFlow] = []
        for table in tables {
            let profiles = profileNames(table.name)
            var request = TableEntry(tableId: table.id)
            request.timeSinceLastHit = TableEntry.IdleTimeout()
            if table.counted { request.counterData = CounterData() }
            let entities: [Entity]
            do {
                entities = try client.read(ReadRequest(deviceId: client.deviceId, entities: [Entity(.tableEntry(request))]))
            } catch .server(let error, _) where error.code == .invalidArgument || error.details.first?.canonicalCode == .invalidArgument {
                // Tables without idle-time support answer INVALID_ARGUMENT to timeSinceLastHit: read without it.
                entities = try client.read(ReadRequest(deviceId: client.deviceId, entities: [Entity(.tableEntry(TableEntry(tableId: table.id)))]))
            }
            for entity in entities {
                guard case .tableEntry(let entry)? = entity.kind, !entry.isDefaultAction,
                      case .action(let action)? = entry.action?.kind else { continue }
                let key = table.fields.map { id -> UInt64 in
                    guard case .exact(let bytes)? = entry.match.first(where: { $0.fieldId == id })?.kind else { return 0 }
                    return Bytestring.uint64(bytes) ?? 0
                }
                let params = table.params.map { id in Bytestring.uint64(action.params.first { $0.paramId == id }?.value ?? []) ?? 0 }
                var key0 = entry
                key0.action = nil
                key0.timeSinceLastHit = nil
                let flow = TrackedFlow(
                    direction: table.direction, source: UInt32(truncatingIfNeeded: key[0]), destination: UInt32(truncatingIfNeeded: key[1]),
                    ipProtocol: UInt8(truncatingIfNeeded: key[2]), sourcePort: UInt16(truncatingIfNeeded: key[3]),
                    destinationPort: UInt16(truncatingIfNeeded: key[4]), translatedAddress: UInt32(truncatingIfNeeded: params[0]),
                    translatedPort: UInt16(truncatingIfNeeded: params[1]), idleNanoseconds: entry.timeSinceLastHit?.elapsedNs,
                    timeoutNanoseconds: entry.idleTimeoutNs > 0 ? entry.idleTimeoutNs : nil,
                    state: entry.idleTimeoutNs > 0 ? profiles[entry.idleTimeoutNs / 1_000_000_000] : nil,
                    counters: entry.counterData, entry: key0)
                if filter.matches(flow) { flows.append(flow) }
            }
        }
        return flows
    }

    /// The profile names of learner `table` by timeout in seconds (the first profile with a given timeout names
    /// it); empty when the server has no expire-time profiles for it.
    private func profileNames(_ table: String) -> [Int64: String] {
        guard let timeouts = try? client.learnerTimeouts(table: table) else { return [:] }
        let names = ConntrackTimeouts.profileNames[table] ?? []
        var byTimeout: [Int64: String] = [:]
        for profile in timeouts.timeouts where byTimeout[Int64(profile.seconds)] == nil {
            byTimeout[Int64(profile.seconds)] = profile.profile < names.count ? names[profile.profile] : "profile\(profile.profile)"
        }
        return byTimeout
    }

    /// Deletes every tracked flow matching `filter` (in one ROLLBACK_ON_ERROR batch); returns how many.
    public func delete(_ filter: FlowFilter) throws(P4RTClientError) -> Int {
        let flows = try list(filter)
        if flows.isEmpty { return 0 }
        try client.write(WriteRequest(updates: flows.map { Update(type: .delete, entity: Entity(.tableEntry($0.entry))) }, atomicity: .rollbackOnError))
        return flows.count
    }
}
