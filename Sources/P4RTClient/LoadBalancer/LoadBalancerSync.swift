import P4Model

/// `lb apply`: makes the node program's load-balancer tables (`services`, `backends`) match a `LoadBalancerPlan` by
/// diffing against what the server holds and writing only the difference, as one ROLLBACK_ON_ERROR batch (all of it
/// or none of it).
///
/// Each frontend is a service id (an existing frontend keeps its id; a new one takes the smallest id unused before
/// the apply) with `LoadBalancerState.bucketCount` buckets filled from its sorted endpoints by
/// `LoadBalancerState.fillBuckets`, so a change rewrites only the buckets whose endpoint changes. A frontend with more
/// endpoints than buckets balances over the first `bucketCount` (sorted), reported in `Summary.limited`.
/// Removing a backend also deletes the connection-tracking pins to it (`ct_forward` entries whose action points at
/// it, `ct_reverse` entries keyed by it), so stale UDP flows do not keep using a gone pod.
public struct LoadBalancerSync: Sendable {
    /// What an apply did (or would do, for a dry run).
    public struct Summary: Sendable, Hashable {
        /// `services` entries inserted and deleted (one per frontend).
        public var frontendsInserted = 0, frontendsDeleted = 0
        /// `backends` entries (service buckets) inserted, modified and deleted.
        public var bucketsInserted = 0, bucketsModified = 0, bucketsDeleted = 0
        public var pinsDeleted = 0
        /// Frontends left out, with the reason (IPv6, SCTP, no usable endpoint, no free service id).
        public var skipped: [String] = []
        /// Frontends with more endpoints than buckets: only the first `bucketCount` (sorted) receive new flows.
        public var limited: [String] = []
        /// Updates written (0 when the server already matched).
        public var updates = 0
        /// Where the time went, in order: `read` (the server's state), `diff`, `pins` (conntrack pins of removed
        /// backends), `write`.
        public var phases: [Phase] = []
    }

    /// One timed step of an apply.
    public struct Phase: Sendable, Hashable {
        /// `read`, `diff`, `pins` or `write`.
        public var name: String
        /// Wall-clock seconds.
        public var seconds: Double
    }

    let client: P4RTClient
    let binding: NodeProgramBinding

    /// Binds to the node program installed on the client's device.
    public init(client: P4RTClient) throws(P4RTClientError) {
        self.client = client
        binding = try NodeProgramBinding(try client.pipelineIndex())
    }

    /// The desired state of a plan, reusing the service ids and buckets of `current`; also the skipped and the
    /// limited frontends (see `Summary`).
    public static func desiredState(_ plan: LoadBalancerPlan, current: LoadBalancerState)
        -> (state: LoadBalancerState, skipped: [String], limited: [String]) {
        var skipped: [String] = [], limited: [String] = []
        var wanted: [LoadBalancerState.FrontendKey: (label: String, backends: [LoadBalancerState.BackendValue])] = [:]
        for frontend in plan.frontends {
            let label = "\(frontend.service) \(frontend.virtualIP) \(frontend.l4Protocol)/\(frontend.port)"
            guard let vip = IPv4Text.parse(frontend.virtualIP) else { skipped.append("\(label): not IPv4"); continue }
            let proto: UInt8
            switch frontend.l4Protocol {
            case "TCP": proto = 6
            case "UDP": proto = 17
            default: skipped.append("\(label): \(frontend.l4Protocol) is not load-balanced by the node program"); continue
            }
            let backends = frontend.backends.compactMap { backend -> LoadBalancerState.BackendValue? in
                IPv4Text.parse(backend.address).map { LoadBalancerState.BackendValue(address: $0, port: backend.port) }
            }
            if backends.isEmpty { skipped.append("\(label): no usable endpoint"); continue }
            let key = LoadBalancerState.FrontendKey(address: vip, ipProtocol: proto, port: frontend.port)
            let merged = Set(backends).union(wanted[key]?.backends ?? [])
            wanted[key] = (wanted[key]?.label ?? label, merged.sorted())
        }
        var state = LoadBalancerState()
        var used = Set(current.services.values)
        var next: UInt16 = 1
        for key in wanted.keys.sorted() {
            guard let (label, all) = wanted[key] else { continue }
            let id: UInt16
            if let existing = current.services[key] {
                id = existing
            } else {
                while used.contains(next) && next < UInt16.max { next += 1 }
                guard !used.contains(next) else { skipped.append("\(label): no free service id"); continue }
                id = next
                used.insert(id)
            }
            var endpoints = all
            if endpoints.count > LoadBalancerState.bucketCount {
                limited.append("\(label): \(endpoints.count) endpoints, new flows use the first "
                               + "\(LoadBalancerState.bucketCount) (sorted)")
                endpoints = Array(endpoints.prefix(LoadBalancerState.bucketCount))
            }
            state.services[key] = id
            state.buckets[id] = LoadBalancerState.fillBuckets(current: current.services[key] == nil ? nil : current.buckets[id],
                                                              endpoints: endpoints)
        }
        return (state, skipped, limited)
    }

    /// The unit of the per-service counters (`lb show`), nil when the program has no direct counter on its
    /// services table.
    public var serviceCounterUnit: P4Info.CounterSpec.Unit? { binding.servicesCounterUnit }

    /// The server's current load-balancer state; with `counters`, also each frontend's direct counter when the
    /// program has one.
    public func currentState(counters: Bool = false) throws(P4RTClientError) -> LoadBalancerState {
        var state = LoadBalancerState()
        var services = TableEntry(tableId: binding.services)
        if counters && binding.servicesCounterUnit != nil { services.counterData = CounterData() }
        let entities = try client.read(ReadRequest(deviceId: client.deviceId, entities: [
            Entity(.tableEntry(TableEntry(tableId: binding.backends))),
            Entity(.tableEntry(services)),
        ]))
        for entity in entities {
            guard case .tableEntry(let entry)? = entity.kind, !entry.isDefaultAction,
                  case .action(let action)? = entry.action?.kind else { continue }
            let match = { (id: MatchFieldID) -> UInt64 in
                guard case .exact(let bytes)? = entry.match.first(where: { $0.fieldId == id })?.kind else { return 0 }
                return Bytestring.uint64(bytes) ?? 0
            }
            let param = { (id: ActionParamID) in Bytestring.uint64(action.params.first { $0.paramId == id }?.value ?? []) ?? 0 }
            if entry.tableId == binding.backends && action.actionId == binding.dnat {
                let bucket = Int(match(binding.backendsBucket))
                guard bucket < LoadBalancerState.bucketCount else { continue }
                let id = UInt16(truncatingIfNeeded: match(binding.backendsService))
                state.buckets[id, default: [LoadBalancerState.BackendValue?](repeating: nil, count: LoadBalancerState.bucketCount)][bucket] =
                    .init(address: UInt32(truncatingIfNeeded: param(binding.backendAddress)),
                          port: UInt16(truncatingIfNeeded: param(binding.backendPort)), mac: param(binding.backendMAC))
            } else if entry.tableId == binding.services && action.actionId == binding.setService {
                let key = LoadBalancerState.FrontendKey(
                    address: UInt32(truncatingIfNeeded: match(binding.servicesVIP)),
                    ipProtocol: UInt8(truncatingIfNeeded: match(binding.servicesProtocol)),
                    port: UInt16(truncatingIfNeeded: match(binding.servicesPort)))
                state.services[key] = UInt16(truncatingIfNeeded: param(binding.serviceID))
                if counters, let data = entry.counterData { state.counters[key] = data }
            }
        }
        return state
    }

    /// Applies `plan`: computes the difference to the server's state and writes it as one ROLLBACK_ON_ERROR batch
    /// (nothing when there is no difference). With `dryRun` only the summary is computed.
    public func apply(_ plan: LoadBalancerPlan, dryRun: Bool = false) throws(P4RTClientError) -> Summary {
        var summary = Summary()
        let clock = ContinuousClock()
        var mark = clock.now
        func phase(_ name: String) {
            let now = clock.now
            let elapsed = now - mark
            summary.phases.append(Phase(name: name, seconds: Double(elapsed.components.seconds)
                + Double(elapsed.components.attoseconds) / 1e18))
            mark = now
        }
        let current = try currentState()
        phase("read")
        let (desired, skipped, limited) = Self.desiredState(plan, current: current)
        summary.skipped = skipped
        summary.limited = limited
        var updates: [Update] = []
        // Buckets before the services entries that lead to them; deletions the other way round.
        let empty = [LoadBalancerState.BackendValue?](repeating: nil, count: LoadBalancerState.bucketCount)
        for id in desired.buckets.keys.sorted() {
            let now = current.buckets[id] ?? empty
            for (bucket, backend) in (desired.buckets[id] ?? empty).enumerated() {
                guard let backend, now[bucket] != backend else { continue }
                updates.append(Update(type: now[bucket] == nil ? .insert : .modify, entity: bucketEntry(id, bucket, backend)))
                if now[bucket] == nil { summary.bucketsInserted += 1 } else { summary.bucketsModified += 1 }
            }
        }
        for key in desired.services.keys.sorted() where current.services[key] != desired.services[key] {
            let exists = current.services[key] != nil
            updates.append(Update(type: exists ? .modify : .insert, entity: frontend(key, service: desired.services[key] ?? 0)))
            if !exists { summary.frontendsInserted += 1 }
        }
        for key in current.services.keys.sorted() where desired.services[key] == nil {
            updates.append(Update(type: .delete, entity: frontend(key, service: current.services[key] ?? 0)))
            summary.frontendsDeleted += 1
        }
        for id in current.buckets.keys.sorted() {
            let wanted = desired.buckets[id] ?? empty
            for (bucket, backend) in (current.buckets[id] ?? empty).enumerated() {
                guard let backend, wanted[bucket] == nil else { continue }
                updates.append(Update(type: .delete, entity: bucketEntry(id, bucket, backend)))
                summary.bucketsDeleted += 1
            }
        }
        let kept = Set(desired.buckets.values.joined().compactMap { $0 })
        let removed = Set(current.buckets.values.joined().compactMap { $0 }).subtracting(kept)
        phase("diff")
        let pins = removed.isEmpty ? [] : try pinsTo(removed)
        summary.pinsDeleted = pins.count
        updates += pins.map { Update(type: .delete, entity: Entity(.tableEntry($0))) }
        summary.updates = updates.count
        phase("pins")
        if !dryRun && !updates.isEmpty {
            // One bulk NDJSON request (parsed on the server's cores), still one ROLLBACK_ON_ERROR batch.
            try client.writeBulk(updates, atomicity: .rollbackOnError)
        }
        phase("write")
        return summary
    }

    /// Connection-tracking pins that point at (forward) or come from (reverse) the given backends.
    func pinsTo(_ backends: Set<LoadBalancerState.BackendValue>) throws(P4RTClientError) -> [TableEntry] {
        let addresses = Set(backends.map { "\($0.address):\($0.port)" })
        var pins: [TableEntry] = []
        if let forward = binding.forwardPins {
            for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: [Entity(.tableEntry(TableEntry(tableId: forward)))])) {
                guard case .tableEntry(let entry)? = entity.kind, !entry.isDefaultAction,
                      case .action(let action)? = entry.action?.kind else { continue }
                let value = { (id: ActionParamID) in Bytestring.uint64(action.params.first { $0.paramId == id }?.value ?? []) ?? 0 }
                if addresses.contains("\(value(binding.backendAddress)):\(value(binding.backendPort))") { pins.append(entry) }
            }
        }
        if let reverse = binding.reversePins, let sourceAddress = binding.reverseSourceAddress, let sourcePort = binding.reverseSourcePort {
            for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: [Entity(.tableEntry(TableEntry(tableId: reverse)))])) {
                guard case .tableEntry(let entry)? = entity.kind, !entry.isDefaultAction else { continue }
                let value = { (id: MatchFieldID) -> UInt64 in
                    guard case .exact(let bytes)? = entry.match.first(where: { $0.fieldId == id })?.kind else { return 0 }
                    return Bytestring.uint64(bytes) ?? 0
                }
                if addresses.contains("\(value(sourceAddress)):\(value(sourcePort))") { pins.append(entry) }
            }
        }
        return pins.map { pin in
            var key = pin
            key.action = nil
            key.counterData = nil
            key.meterConfig = nil
            key.timeSinceLastHit = nil
            return key
        }
    }

    func bucketEntry(_ service: UInt16, _ bucket: Int, _ backend: LoadBalancerState.BackendValue) -> Entity {
        var entry = TableEntry(tableId: binding.backends)
        entry.match = [
            FieldMatch(fieldId: binding.backendsService, .exact(value: Bytestring.encode(UInt64(service)))),
            FieldMatch(fieldId: binding.backendsBucket, .exact(value: Bytestring.encode(UInt64(bucket)))),
        ]
        entry.action = TableAction(.action(Action(actionId: binding.dnat, params: [
            Action.Param(paramId: binding.backendAddress, value: Bytestring.encode(UInt64(backend.address))),
            Action.Param(paramId: binding.backendPort, value: Bytestring.encode(UInt64(backend.port))),
            Action.Param(paramId: binding.backendMAC, value: Bytestring.encode(backend.mac)),
        ])))
        return Entity(.tableEntry(entry))
    }

    func frontend(_ key: LoadBalancerState.FrontendKey, service: UInt16) -> Entity {
        var entry = TableEntry(tableId: binding.services)
        entry.match = [
            FieldMatch(fieldId: binding.servicesVIP, .exact(value: Bytestring.encode(UInt64(key.address)))),
            FieldMatch(fieldId: binding.servicesProtocol, .exact(value: Bytestring.encode(UInt64(key.ipProtocol)))),
            FieldMatch(fieldId: binding.servicesPort, .exact(value: Bytestring.encode(UInt64(key.port)))),
        ]
        entry.action = TableAction(.action(Action(actionId: binding.setService, params: [
            Action.Param(paramId: binding.serviceID, value: Bytestring.encode(UInt64(service))),
        ])))
        return Entity(.tableEntry(entry))
    }
}
