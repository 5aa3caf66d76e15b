import P4Model

/// `lb apply`: makes the node program's load-balancer tables match a `LoadBalancerPlan` by diffing against what the
/// server holds and writing only the difference, as one ROLLBACK_ON_ERROR batch (all of it or none of it).
///
/// Ids are stable: an existing backend keeps its member id and an existing frontend its group id; new ones take the
/// smallest free ids. Removing a backend also deletes the connection-tracking pins to it (`ct_forward` entries whose
/// action points at it, `ct_reverse` entries keyed by it), so stale UDP flows do not keep using a gone pod.
public struct LoadBalancerSync: Sendable {
    /// What an apply did (or would do, for a dry run).
    public struct Summary: Sendable, Hashable {
        public var membersInserted = 0, membersModified = 0, membersDeleted = 0
        public var groupsInserted = 0, groupsModified = 0, groupsDeleted = 0
        public var frontendsInserted = 0, frontendsDeleted = 0
        public var pinsDeleted = 0
        /// Frontends left out, with the reason (IPv6, SCTP, no usable endpoint).
        public var skipped: [String] = []
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

    /// The desired state of a plan, reusing the ids of `current`.
    public func desiredState(_ plan: LoadBalancerPlan, current: LoadBalancerState) -> (LoadBalancerState, [String]) {
        var skipped: [String] = []
        var wanted: [(LoadBalancerState.FrontendKey, [LoadBalancerState.BackendValue])] = []
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
                guard let address = IPv4Text.parse(backend.address) else { return nil }
                return .init(address: address, port: backend.port, mac: LoadBalancerState.BackendValue.derivedMAC(address))
            }
            if backends.isEmpty { skipped.append("\(label): no usable endpoint"); continue }
            wanted.append((.init(address: vip, ipProtocol: proto, port: frontend.port), backends))
        }
        var state = LoadBalancerState()
        let existingMembers = Dictionary(current.members.map { ($0.value, $0.key) }, uniquingKeysWith: min)
        var usedMembers = Set<UInt32>()
        var memberOf: [LoadBalancerState.BackendValue: UInt32] = [:]
        for backend in Set(wanted.flatMap(\.1)).sorted() {
            if let id = existingMembers[backend] { memberOf[backend] = id; usedMembers.insert(id) }
        }
        var nextMember: UInt32 = 1
        for backend in Set(wanted.flatMap(\.1)).sorted() where memberOf[backend] == nil {
            while usedMembers.contains(nextMember) { nextMember += 1 }
            memberOf[backend] = nextMember
            usedMembers.insert(nextMember)
        }
        for (backend, id) in memberOf { state.members[id] = backend }
        var usedGroups = Set(wanted.compactMap { current.frontends[$0.0] })
        var nextGroup: UInt32 = 1
        for (key, backends) in wanted.sorted(by: { $0.0 < $1.0 }) {
            let group: UInt32
            if let existing = current.frontends[key] {
                group = existing
            } else {
                while usedGroups.contains(nextGroup) { nextGroup += 1 }
                group = nextGroup
                usedGroups.insert(group)
            }
            state.frontends[key] = group
            state.groups[group] = Set(backends.compactMap { memberOf[$0] })
        }
        return (state, skipped)
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
            Entity(.actionProfileMember(ActionProfileMember(actionProfileId: binding.backends))),
            Entity(.actionProfileGroup(ActionProfileGroup(actionProfileId: binding.backends))),
            Entity(.tableEntry(services)),
        ]))
        for entity in entities {
            switch entity.kind {
            case .actionProfileMember(let member)?:
                guard let action = member.action, action.actionId == binding.setBackend else { continue }
                let value = { (id: ActionParamID) in Bytestring.uint64(action.params.first { $0.paramId == id }?.value ?? []) ?? 0 }
                state.members[member.memberId.rawValue] = .init(
                    address: UInt32(truncatingIfNeeded: value(binding.backendAddress)),
                    port: UInt16(truncatingIfNeeded: value(binding.backendPort)), mac: value(binding.backendMAC))
            case .actionProfileGroup(let group)?:
                state.groups[group.groupId.rawValue] = Set(group.members.map(\.memberId.rawValue))
            case .tableEntry(let entry)? where !entry.isDefaultAction:
                guard case .actionProfileGroupId(let group)? = entry.action?.kind else { continue }
                let value = { (id: MatchFieldID) -> UInt64 in
                    guard case .exact(let bytes)? = entry.match.first(where: { $0.fieldId == id })?.kind else { return 0 }
                    return Bytestring.uint64(bytes) ?? 0
                }
                let key = LoadBalancerState.FrontendKey(
                    address: UInt32(truncatingIfNeeded: value(binding.servicesVIP)),
                    ipProtocol: UInt8(truncatingIfNeeded: value(binding.servicesProtocol)),
                    port: UInt16(truncatingIfNeeded: value(binding.servicesPort)))
                state.frontends[key] = group.rawValue
                if counters, let data = entry.counterData { state.counters[key] = data }
            default:
                continue
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
        let (desired, skipped) = desiredState(plan, current: current)
        summary.skipped = skipped
        var updates: [Update] = []
        // Members first (groups refer to them), then groups, then table entries; deletions in reverse order.
        for id in desired.members.keys.sorted() where current.members[id] != desired.members[id] {
            updates.append(Update(type: current.members[id] == nil ? .insert : .modify, entity: member(id, desired.members[id]!)))
            if current.members[id] == nil { summary.membersInserted += 1 } else { summary.membersModified += 1 }
        }
        for id in desired.groups.keys.sorted() where current.groups[id] != desired.groups[id] {
            let exists = current.groups[id] != nil
            updates.append(Update(type: exists ? .modify : .insert, entity: group(id, desired.groups[id]!)))
            if exists { summary.groupsModified += 1 } else { summary.groupsInserted += 1 }
        }
        for key in desired.frontends.keys.sorted() where current.frontends[key] != desired.frontends[key] {
            let exists = current.frontends[key] != nil
            updates.append(Update(type: exists ? .modify : .insert, entity: frontend(key, group: desired.frontends[key]!)))
            if !exists { summary.frontendsInserted += 1 }
        }
        for key in current.frontends.keys.sorted() where desired.frontends[key] == nil {
            updates.append(Update(type: .delete, entity: frontend(key, group: current.frontends[key]!)))
            summary.frontendsDeleted += 1
        }
        for id in current.groups.keys.sorted() where desired.groups[id] == nil {
            updates.append(Update(type: .delete, entity: group(id, [])))
            summary.groupsDeleted += 1
        }
        let removed = Set(current.members.filter { desired.members[$0.key] != $0.value }.map(\.value))
        for id in current.members.keys.sorted() where desired.members[id] == nil {
            updates.append(Update(type: .delete, entity: member(id, current.members[id]!)))
            summary.membersDeleted += 1
        }
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

    func member(_ id: UInt32, _ backend: LoadBalancerState.BackendValue) -> Entity {
        Entity(.actionProfileMember(ActionProfileMember(
            actionProfileId: binding.backends, memberId: ActionProfileMemberID(id),
            action: Action(actionId: binding.setBackend, params: [
                Action.Param(paramId: binding.backendAddress, value: Bytestring.encode(UInt64(backend.address))),
                Action.Param(paramId: binding.backendPort, value: Bytestring.encode(UInt64(backend.port))),
                Action.Param(paramId: binding.backendMAC, value: Bytestring.encode(backend.mac)),
            ]))))
    }

    func group(_ id: UInt32, _ members: Set<UInt32>) -> Entity {
        Entity(.actionProfileGroup(ActionProfileGroup(
            actionProfileId: binding.backends, groupId: ActionProfileGroupID(id),
            members: members.sorted().map { ActionProfileGroup.Member(memberId: ActionProfileMemberID($0), weight: 1) })))
    }

    func frontend(_ key: LoadBalancerState.FrontendKey, group: UInt32) -> Entity {
        var entry = TableEntry(tableId: binding.services)
        entry.match = [
            FieldMatch(fieldId: binding.servicesVIP, .exact(value: Bytestring.encode(UInt64(key.address)))),
            FieldMatch(fieldId: binding.servicesProtocol, .exact(value: Bytestring.encode(UInt64(key.ipProtocol)))),
            FieldMatch(fieldId: binding.servicesPort, .exact(value: Bytestring.encode(UInt64(key.port)))),
        ]
        entry.action = TableAction(.actionProfileGroupId(ActionProfileGroupID(group)))
        return Entity(.tableEntry(entry))
    }
}
