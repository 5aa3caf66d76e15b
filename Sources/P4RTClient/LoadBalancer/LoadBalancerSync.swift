import JSONCore
import P4JSON
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
        self.init(client: client, binding: try NodeProgramBinding(try client.pipelineIndex()))
    }

    /// Binds to the node program of an already known P4Info.
    init(client: P4RTClient, binding: NodeProgramBinding) {
        self.client = client
        self.binding = binding
    }

    /// The key of a plan frontend, or nil and why the node program cannot balance it.
    static func frontendKey(_ frontend: LoadBalancerPlan.Frontend) -> (key: LoadBalancerState.FrontendKey?, problem: String) {
        let label = "\(frontend.service) \(frontend.virtualIP) \(frontend.l4Protocol)/\(frontend.port)"
        guard let vip = IPv4Text.parse(frontend.virtualIP) else { return (nil, "\(label): not IPv4") }
        switch frontend.l4Protocol {
        case "TCP": return (LoadBalancerState.FrontendKey(address: vip, ipProtocol: 6, port: frontend.port), "")
        case "UDP": return (LoadBalancerState.FrontendKey(address: vip, ipProtocol: 17, port: frontend.port), "")
        default: return (nil, "\(label): \(frontend.l4Protocol) is not load-balanced by the node program")
        }
    }

    /// The keys of every frontend of `plan` the node program can balance (with or without usable endpoints).
    static func frontendKeys(_ plan: LoadBalancerPlan) -> Set<LoadBalancerState.FrontendKey> {
        Set(plan.frontends.compactMap { frontendKey($0).key })
    }

    /// The desired state of a plan, reusing the service ids and buckets of `current`; also the skipped and the
    /// limited frontends (see `Summary`).
    ///
    /// `usedIDs` are service ids held by frontends outside `current` (a partial apply reads only the frontends it
    /// reconciles); a new frontend takes none of them.
    public static func desiredState(_ plan: LoadBalancerPlan, current: LoadBalancerState, usedIDs: Set<UInt16> = [])
        -> (state: LoadBalancerState, skipped: [String], limited: [String]) {
        var skipped: [String] = [], limited: [String] = []
        var wanted: [LoadBalancerState.FrontendKey: (label: String, backends: [LoadBalancerState.BackendValue])] = [:]
        for frontend in plan.frontends {
            let label = "\(frontend.service) \(frontend.virtualIP) \(frontend.l4Protocol)/\(frontend.port)"
            let (valid, problem) = frontendKey(frontend)
            guard let key = valid else { skipped.append(problem); continue }
            let backends = frontend.backends.compactMap { backend -> LoadBalancerState.BackendValue? in
                IPv4Text.parse(backend.address).map { LoadBalancerState.BackendValue(address: $0, port: backend.port) }
            }
            if backends.isEmpty { skipped.append("\(label): no usable endpoint"); continue }
            let merged = Set(backends).union(wanted[key]?.backends ?? [])
            wanted[key] = (wanted[key]?.label ?? label, merged.sorted())
        }
        var state = LoadBalancerState()
        var used = Set(current.services.values).union(usedIDs)
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
        for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: [
            Entity(.tableEntry(TableEntry(tableId: binding.backends))),
            Entity(.tableEntry(services)),
        ])) {
            add(entity, to: &state, counters: counters)
        }
        return state
    }

    /// The part of the server's state a partial apply reconciles: the given frontends (read by key) and their
    /// buckets (read by key, not by reading every bucket of the node); and, when a frontend is new and needs a
    /// service id, the ids every other frontend holds (which takes reading the whole services table).
    public func currentState(ofFrontends keys: Set<LoadBalancerState.FrontendKey>) throws(P4RTClientError)
        -> (state: LoadBalancerState, otherIDs: Set<UInt16>) {
        var state = LoadBalancerState()
        let frontends = keys.sorted().map { key in
            Entity(.tableEntry(TableEntry(tableId: binding.services, match: frontendMatch(key))))
        }
        if !frontends.isEmpty {
            for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: frontends)) {
                add(entity, to: &state, counters: false)
            }
        }
        var otherIDs = Set<UInt16>()
        if state.services.count < keys.count {
            var all = LoadBalancerState()
            for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: [
                Entity(.tableEntry(TableEntry(tableId: binding.services))),
            ])) {
                add(entity, to: &all, counters: false)
            }
            otherIDs = Set(all.services.filter { state.services[$0.key] == nil }.values)
        }
        let buckets = Set(state.services.values).sorted().flatMap { id in
            (0..<LoadBalancerState.bucketCount).map { bucket -> Entity in
                var entry = TableEntry(tableId: binding.backends)
                entry.match = bucketMatch(id, bucket)
                return Entity(.tableEntry(entry))
            }
        }
        if !buckets.isEmpty {
            for entity in try client.read(ReadRequest(deviceId: client.deviceId, entities: buckets)) {
                add(entity, to: &state, counters: false)
            }
        }
        return (state, otherIDs)
    }

    /// Adds one read `services` or `backends` entry to `state`; other entities are ignored.
    private func add(_ entity: Entity, to state: inout LoadBalancerState, counters: Bool) {
        guard case .tableEntry(let entry)? = entity.kind, !entry.isDefaultAction,
              case .action(let action)? = entry.action?.kind else { return }
        let match = { (id: MatchFieldID) -> UInt64 in
            guard case .exact(let bytes)? = entry.match.first(where: { $0.fieldId == id })?.kind else { return 0 }
            return Bytestring.uint64(bytes) ?? 0
        }
        let param = { (id: ActionParamID) in Bytestring.uint64(action.params.first { $0.paramId == id }?.value ?? []) ?? 0 }
        if entry.tableId == binding.backends && action.actionId == binding.dnat {
            let bucket = Int(match(binding.backendsBucket))
            guard bucket < LoadBalancerState.bucketCount else { return }
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

    /// Applies `plan`: computes the difference to the server's state and writes it as one ROLLBACK_ON_ERROR batch
    /// (nothing when there is no difference). With `dryRun` only the summary is computed.
    ///
    /// With `partial`, only the plan's frontends are reconciled (added, changed, or removed when the plan gives them
    /// no usable endpoint) and every other frontend is left as it is: the plan then holds just the Services that
    /// changed, with all their EndpointSlices, and the apply reads only their entries. A frontend the plan no
    /// longer has (a port removed from a Service) is out of its sight: a full apply removes it.
    public func apply(_ plan: LoadBalancerPlan, dryRun: Bool = false, partial: Bool = false) throws(P4RTClientError)
        -> Summary {
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
        let current: LoadBalancerState
        var otherIDs = Set<UInt16>()
        if partial {
            (current, otherIDs) = try currentState(ofFrontends: Self.frontendKeys(plan))
        } else {
            current = try currentState()
        }
        phase("read")
        let (desired, skipped, limited) = Self.desiredState(plan, current: current, usedIDs: otherIDs)
        summary.skipped = skipped
        summary.limited = limited
        // Buckets before the services entries that lead to them; deletions the other way round. The bucket
        // upserts (640,000 for 10,000 new services) are built and encoded on all cores, in order.
        let empty = [LoadBalancerState.BackendValue?](repeating: nil, count: LoadBalancerState.bucketCount)
        let upserts = Self.inParallel(desired.buckets.keys.sorted()) { ids in
            var lines = BucketUpsertLines(self)
            var ndjson: [UInt8] = []
            ndjson.reserveCapacity(ids.count * LoadBalancerState.bucketCount * 300)
            var count = 0, inserted = 0
            for id in ids {
                let now = current.buckets[id] ?? empty
                let service = lines.serviceMatch(id)
                for (bucket, backend) in (desired.buckets[id] ?? empty).enumerated() {
                    guard let backend, now[bucket] != backend else { continue }
                    lines.append(now[bucket] == nil ? .insert : .modify, service: service, bucket: bucket,
                                 backend: backend, to: &ndjson)
                    count += 1
                    if now[bucket] == nil { inserted += 1 }
                }
            }
            return (ndjson, count, inserted)
        }
        // The body goes in these parts, unjoined: joining would copy its 190 MB (10,000 services) once or twice.
        var body: [[UInt8]] = []
        body.reserveCapacity(upserts.count + 1)
        for (ndjson, count, inserted) in upserts {
            body.append(ndjson)
            summary.bucketsInserted += inserted
            summary.bucketsModified += count - inserted
        }
        var updates: [Update] = []
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
        // A backend leaves a frontend when the frontend's buckets no longer name it (or the frontend goes): only
        // that frontend's flows to it lose their pins, so a backend that stays behind another service keeps its own.
        var removed = Set<Pin>()
        for (key, id) in current.services {
            let now = Set((current.buckets[id] ?? []).compactMap { $0 })
            let wanted = Set(desired.services[key].flatMap { desired.buckets[$0] }?.compactMap { $0 } ?? [])
            for backend in now.subtracting(wanted) { removed.insert(Pin(frontend: key, address: backend.address, port: backend.port)) }
        }
        phase("diff")
        let pins = removed.isEmpty ? [] : try pinsTo(removed)
        summary.pinsDeleted = pins.count
        updates += pins.map { Update(type: .delete, entity: Entity(.tableEntry($0))) }
        summary.updates = summary.bucketsInserted + summary.bucketsModified + updates.count
        body.append(BulkWrite.encode(updates))
        phase("pins")
        if !dryRun && summary.updates > 0 {
            // One bulk NDJSON request (parsed on the server's cores), still one ROLLBACK_ON_ERROR batch.
            try client.writeBulk(ndjsonParts: body, atomicity: .rollbackOnError)
        }
        phase("write")
        return summary
    }

    /// `work` over consecutive slices of `items` on all cores; the results in slice order.
    static func inParallel<T: Sendable, R>(_ items: [T], _ work: @Sendable ([T]) -> R) -> [R] {
        let perSlice = 256
        return parallelMap(count: (items.count + perSlice - 1) / perSlice, perChunk: 1, parallel: true) { slice in
            work(Array(items[slice * perSlice..<min((slice + 1) * perSlice, items.count)]))
        }
    }

    /// The most removed backends whose pins `pinsTo` selects by filtered and keyed reads; with more, it reads both
    /// conntrack tables whole once instead.
    static let maximumPinFilters = 32

    /// A backend (address and port), as the forward pins' action names it.
    struct BackendKey: Hashable, Comparable {
        var address: UInt32
        var port: UInt16

        static func < (a: BackendKey, b: BackendKey) -> Bool { (a.address, a.port) < (b.address, b.port) }
    }

    /// A frontend's flows to one backend: what the conntrack pins of a removed backend are found by.
    struct Pin: Hashable {
        var frontend: LoadBalancerState.FrontendKey
        var address: UInt32
        var port: UInt16
    }

    /// The connection-tracking entries of the given frontend-backend pairs: client → VIP flows pinned to the backend
    /// (forward) and the backend's replies translated back to the VIP (reverse), as keys to delete.
    func pinsTo(_ removed: Set<Pin>) throws(P4RTClientError) -> [TableEntry] {
        var pins: [TableEntry] = []
        func value(_ entry: TableEntry, _ field: MatchFieldID) -> UInt64 {
            guard case .exact(let bytes)? = entry.match.first(where: { $0.fieldId == field })?.kind else { return 0 }
            return Bytestring.uint64(bytes) ?? 0
        }
        func value(_ action: Action, _ param: ActionParamID) -> UInt64 {
            Bytestring.uint64(action.params.first { $0.paramId == param }?.value ?? []) ?? 0
        }
        func pin(_ vip: UInt64, _ ipProtocol: UInt64, _ vipPort: UInt64, _ address: UInt64, _ port: UInt64) -> Pin {
            Pin(frontend: .init(address: UInt32(truncatingIfNeeded: vip), ipProtocol: UInt8(truncatingIfNeeded: ipProtocol),
                                port: UInt16(truncatingIfNeeded: vipPort)),
                address: UInt32(truncatingIfNeeded: address), port: UInt16(truncatingIfNeeded: port))
        }
        // The entries that `entities` read whose action is `hit` and whose frontend-backend pair was removed,
        // each kept once (several filters may select one entry); the pair is checked here whatever the server did.
        func collect(_ entities: [Entity], _ hit: ActionID, _ pair: (TableEntry, Action) -> Pin)
            throws(P4RTClientError) -> [TableEntry] {
            var found: [TableEntry] = []
            var seen = Set<[FieldMatch]>()
            try client.read(ReadRequest(deviceId: client.deviceId, entities: entities)) { entity in
                guard case .tableEntry(let entry)? = entity.kind, !entry.isDefaultAction,
                      case .action(let action)? = entry.action?.kind, action.actionId == hit else { return }
                if removed.contains(pair(entry, action)), seen.insert(entry.match).inserted { found.append(entry) }
            }
            return found
        }
        // Few removed backends: the server selects their forward pins by action parameters (one filtered wildcard
        // read per backend), and each forward pin names its reverse pin's key (backend → client), read by key. So
        // only the flows of removed backends cross the wire, however many flows the node tracks. Past
        // `maximumPinFilters` backends, both tables are read whole once.
        let backends = Set(removed.map { BackendKey(address: $0.address, port: $0.port) }).sorted()
        let filtered = backends.count <= Self.maximumPinFilters
        var forwardPins: [TableEntry] = []
        if let forward = binding.forwardPins {
            let entities = filtered
                ? backends.map { backend in
                    Entity(.tableEntry(TableEntry(tableId: forward.table, action: .action(Action(actionId: forward.hit, params: [
                        Action.Param(paramId: forward.backendAddress, value: Bytestring.encode(UInt64(backend.address))),
                        Action.Param(paramId: forward.backendPort, value: Bytestring.encode(UInt64(backend.port))),
                    ])))))
                }
                : [Entity(.tableEntry(TableEntry(tableId: forward.table)))]
            forwardPins = try collect(entities, forward.hit) { entry, action in
                pin(value(entry, forward.vip), value(entry, forward.ipProtocol), value(entry, forward.vipPort),
                    value(action, forward.backendAddress), value(action, forward.backendPort))
            }
            pins += forwardPins
        }
        if let reverse = binding.reversePins {
            var entities = [Entity(.tableEntry(TableEntry(tableId: reverse.table)))]
            if filtered, let forward = binding.forwardPins {
                entities = forwardPins.compactMap { entry in
                    guard case .action(let action)? = entry.action?.kind else { return nil }
                    return Entity(.tableEntry(TableEntry(tableId: reverse.table, match: [
                        Self.exact(reverse.backendAddress, value(action, forward.backendAddress)),
                        Self.exact(reverse.client, value(entry, forward.client)),
                        Self.exact(reverse.ipProtocol, value(entry, forward.ipProtocol)),
                        Self.exact(reverse.backendPort, value(action, forward.backendPort)),
                        Self.exact(reverse.clientPort, value(entry, forward.clientPort)),
                    ])))
                }
            }
            if !entities.isEmpty {
                pins += try collect(entities, reverse.hit) { entry, action in
                    pin(value(action, reverse.vip), value(entry, reverse.ipProtocol), value(action, reverse.vipPort),
                        value(entry, reverse.backendAddress), value(entry, reverse.backendPort))
                }
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
        Entity(.tableEntry(TableEntry(tableId: binding.backends, match: bucketMatch(service, bucket),
                                      action: dnatAction(backend))))
    }

    /// The `backends` action sending a bucket's flows to `backend`.
    func dnatAction(_ backend: LoadBalancerState.BackendValue) -> TableAction {
        TableAction(.action(Action(actionId: binding.dnat, params: [
            Action.Param(paramId: binding.backendAddress, value: Bytestring.encode(UInt64(backend.address))),
            Action.Param(paramId: binding.backendPort, value: Bytestring.encode(UInt64(backend.port))),
            Action.Param(paramId: binding.backendMAC, value: Bytestring.encode(backend.mac)),
        ])))
    }

    func bucketMatch(_ service: UInt16, _ bucket: Int) -> [FieldMatch] {
        [Self.exact(binding.backendsService, UInt64(service)), Self.exact(binding.backendsBucket, UInt64(bucket))]
    }

    func frontendMatch(_ key: LoadBalancerState.FrontendKey) -> [FieldMatch] {
        [Self.exact(binding.servicesVIP, UInt64(key.address)), Self.exact(binding.servicesProtocol, UInt64(key.ipProtocol)),
         Self.exact(binding.servicesPort, UInt64(key.port))]
    }

    /// An exact match of `field` on `value` (canonical).
    static func exact(_ field: MatchFieldID, _ value: UInt64) -> FieldMatch {
        FieldMatch(fieldId: field, .exact(value: Bytestring.encode(value)))
    }

    func frontend(_ key: LoadBalancerState.FrontendKey, service: UInt16) -> Entity {
        var entry = TableEntry(tableId: binding.services)
        entry.match = frontendMatch(key)
        entry.action = TableAction(.action(Action(actionId: binding.setService, params: [
            Action.Param(paramId: binding.serviceID, value: Bytestring.encode(UInt64(service))),
        ])))
        return Entity(.tableEntry(entry))
    }
}
