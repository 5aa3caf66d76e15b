import P4Model

/// A P4Info checked for internal consistency and indexed by id: what the service validates entities against and
/// what devices size their state from.
///
/// Built once per pipeline (`SetForwardingPipelineConfig`), then shared read-only across threads.
public final class PipelineSchema: Sendable {
    /// The P4Info as given.
    public let p4info: P4Info
    /// The model's validated index of the P4Info (lookups by name and alias, warnings).
    public let index: P4InfoIndex
    /// Tables in P4Info order.
    public let tables: [TableSchema]
    /// Actions by id.
    public let actions: [ActionID: ActionSchema]
    /// Action profiles and selectors by id, in P4Info order in `actionProfileOrder`.
    public let actionProfiles: [ActionProfileID: ActionProfileSchema]
    /// Action profile ids in P4Info order.
    public let actionProfileOrder: [ActionProfileID]
    /// Indirect counters in P4Info order.
    public let counters: [CounterSchema]
    /// Direct counters by id.
    public let directCounters: [DirectCounterID: DirectCounterSchema]
    /// Indirect meters in P4Info order.
    public let meters: [MeterSchema]
    /// Direct meters by id.
    public let directMeters: [DirectMeterID: DirectMeterSchema]
    /// Registers in P4Info order.
    public let registers: [RegisterSchema]
    /// Digests in P4Info order.
    public let digests: [DigestSchema]
    /// Value sets in P4Info order.
    public let valueSets: [ValueSetSchema]
    /// The `packet_out` header, if the program has one.
    public let packetOut: PacketMetadataSchema?
    /// The `packet_in` header, if the program has one.
    public let packetIn: PacketMetadataSchema?

    private let tablePositions: [TableID: Int]
    private let counterPositions: [CounterID: Int]
    private let meterPositions: [MeterID: Int]
    private let registerPositions: [RegisterID: Int]
    private let digestPositions: [DigestID: Int]
    private let valueSetPositions: [ValueSetID: Int]

    /// The table with `id`, or nil.
    public func table(_ id: TableID) -> TableSchema? { tablePositions[id].map { tables[$0] } }
    /// The position of table `id` in `tables`, or nil.
    public func tablePosition(_ id: TableID) -> Int? { tablePositions[id] }
    /// The counter with `id`, or nil.
    public func counter(_ id: CounterID) -> CounterSchema? { counterPositions[id].map { counters[$0] } }
    /// The meter with `id`, or nil.
    public func meter(_ id: MeterID) -> MeterSchema? { meterPositions[id].map { meters[$0] } }
    /// The register with `id`, or nil.
    public func register(_ id: RegisterID) -> RegisterSchema? { registerPositions[id].map { registers[$0] } }
    /// The digest with `id`, or nil.
    public func digest(_ id: DigestID) -> DigestSchema? { digestPositions[id].map { digests[$0] } }
    /// The value set with `id`, or nil.
    public func valueSet(_ id: ValueSetID) -> ValueSetSchema? { valueSetPositions[id].map { valueSets[$0] } }

    /// Checks `p4info` and indexes it.
    ///
    /// The model's `P4InfoIndex` checks come first (every error listed); then the resolution here.
    ///
    /// - Throws: INVALID_ARGUMENT naming the offending object (`p4info.tables[3] 'ingress.t'`) for a zero or
    ///   duplicate id, an id with the wrong prefix, a reference to a missing object, a match field or parameter
    ///   without a usable width, or a missing named type.
    public init(_ p4info: P4Info) throws(P4RuntimeError) {
        self.p4info = p4info
        self.index = try P4InfoIndex(p4info)
        var seenIds: [UInt32: String] = [:]
        func claim(_ id: UInt32, _ prefix: P4IDPrefix, _ path: String, _ name: String) throws(P4RuntimeError) {
            if id == 0 { throw .invalidArgument("\(path) '\(name)': id is 0") }
            if P4IDPrefix(of: id) != prefix {
                throw .invalidArgument("\(path) '\(name)': id \(hexID(id)) does not carry the \(prefix) prefix")
            }
            if let other = seenIds[id] {
                throw .invalidArgument("\(path) '\(name)': id \(hexID(id)) is already used by \(other)")
            }
            seenIds[id] = "\(path) '\(name)'"
        }
        let typeInfo = p4info.typeInfo

        var actions: [ActionID: ActionSchema] = [:]
        for (index, action) in p4info.actions.enumerated() {
            let path = "p4info.actions[\(index)]"
            try claim(action.preamble.id, .action, path, action.preamble.name)
            var params: [ActionSchema.Param] = []
            var positions: [ActionParamID: Int] = [:]
            for (paramIndex, param) in action.params.enumerated() {
                let paramPath = "\(path).params[\(paramIndex)] '\(param.name)'"
                if positions[param.id] != nil || param.id.isUnset {
                    throw .invalidArgument("\(paramPath): id \(param.id.rawValue) is 0 or duplicated")
                }
                let sdnString = try Self.isSDNString(param.typeName, typeInfo: typeInfo, path: paramPath)
                if param.bitwidth <= 0 && !sdnString {
                    throw .invalidArgument("\(paramPath): bitwidth \(param.bitwidth) is not positive")
                }
                positions[param.id] = params.count
                params.append(.init(id: param.id, name: param.name, bitwidth: Int(param.bitwidth),
                                    isSDNString: sdnString))
            }
            actions[action.id] = ActionSchema(id: action.id, name: action.preamble.name, params: params,
                                              paramPositions: positions)
        }
        self.actions = actions

        var directCounters: [DirectCounterID: DirectCounterSchema] = [:]
        for (index, counter) in p4info.directCounters.enumerated() {
            try claim(counter.preamble.id, .directCounter, "p4info.direct_counters[\(index)]", counter.preamble.name)
            directCounters[counter.id] = DirectCounterSchema(
                id: counter.id, name: counter.preamble.name, unit: counter.spec?.unit ?? .unspecified,
                tableId: counter.directTableId)
        }
        self.directCounters = directCounters
        var directMeters: [DirectMeterID: DirectMeterSchema] = [:]
        for (index, meter) in p4info.directMeters.enumerated() {
            try claim(meter.preamble.id, .directMeter, "p4info.direct_meters[\(index)]", meter.preamble.name)
            directMeters[meter.id] = DirectMeterSchema(
                id: meter.id, name: meter.preamble.name, spec: meter.spec ?? P4Info.MeterSpec(),
                tableId: meter.directTableId)
        }
        self.directMeters = directMeters

        let profileById = Dictionary(p4info.actionProfiles.map { ($0.preamble.id, $0) }, uniquingKeysWith: { a, _ in a })
        var tables: [TableSchema] = []
        var tablePositions: [TableID: Int] = [:]
        for (index, table) in p4info.tables.enumerated() {
            let path = "p4info.tables[\(index)] '\(table.preamble.name)'"
            try claim(table.preamble.id, .table, "p4info.tables[\(index)]", table.preamble.name)
            var fields: [MatchFieldSchema] = []
            var fieldIds = Set<MatchFieldID>()
            for (fieldIndex, field) in table.matchFields.enumerated() {
                fields.append(try Self.matchField(field, path: "\(path).match_fields[\(fieldIndex)]",
                                                  typeInfo: typeInfo))
                if !fieldIds.insert(field.id).inserted {
                    throw .invalidArgument("\(path).match_fields[\(fieldIndex)]: field id \(field.id) is duplicated")
                }
            }
            var scopes: [ActionID: P4Info.ActionRef.Scope] = [:]
            for (refIndex, ref) in table.actionRefs.enumerated() {
                guard actions[ref.id] != nil else {
                    throw .invalidArgument("\(path).action_refs[\(refIndex)]: action \(ref.id) does not exist")
                }
                scopes[ref.id] = ref.scope
            }
            let constDefault: ActionID? = table.constDefaultActionId.isUnset ? nil : table.constDefaultActionId
            if let constDefault, actions[constDefault] == nil {
                throw .invalidArgument("\(path): const_default_action_id \(constDefault) does not exist")
            }
            var initialDefault: Action?
            if let call = table.initialDefaultAction {
                initialDefault = Action(actionId: call.actionId, params: call.arguments.map {
                    Action.Param(paramId: $0.paramId, value: Bytestring.canonical($0.value))
                })
            }
            let implementation: TableSchema.Implementation
            if table.implementationId == 0 {
                implementation = .direct
            } else if let profile = profileById[table.implementationId] {
                implementation = profile.withSelector ? .actionSelector(profile.id) : .actionProfile(profile.id)
            } else {
                throw .invalidArgument("\(path): implementation_id \(hexID(table.implementationId)) is not an action profile")
            }
            var directCounter: DirectCounterID?
            var directMeter: DirectMeterID?
            for resource in table.directResourceIds {
                if directCounters[DirectCounterID(resource)] != nil {
                    directCounter = DirectCounterID(resource)
                } else if directMeters[DirectMeterID(resource)] != nil {
                    directMeter = DirectMeterID(resource)
                } else {
                    throw .invalidArgument("\(path): direct_resource_ids names \(hexID(resource)), which is not a direct counter or meter")
                }
            }
            tablePositions[table.id] = tables.count
            tables.append(TableSchema(
                id: table.id, name: table.preamble.name, fields: fields, actionScopes: scopes,
                constDefaultActionId: constDefault, initialDefaultAction: initialDefault,
                implementation: implementation, directCounterId: directCounter, directMeterId: directMeter,
                size: table.size, supportsIdleTimeout: table.idleTimeoutBehavior == .notifyControl,
                isConst: table.isConstTable, hasInitialEntries: table.hasInitialEntries))
        }
        self.tables = tables
        self.tablePositions = tablePositions

        var profiles: [ActionProfileID: ActionProfileSchema] = [:]
        var profileOrder: [ActionProfileID] = []
        for (index, profile) in p4info.actionProfiles.enumerated() {
            let path = "p4info.action_profiles[\(index)]"
            try claim(profile.preamble.id, .actionProfile, path, profile.preamble.name)
            var actionIds = Set<ActionID>()
            for table in profile.tableIds {
                guard let position = tablePositions[table] else {
                    throw .invalidArgument("\(path) '\(profile.preamble.name)': table \(table) does not exist")
                }
                actionIds.formUnion(tables[position].actionScopes.keys)
            }
            // max_group_size > size is only a warning of the model's validation (real P4Infos have it).
            if profile.maxGroupSize < 0 {
                throw .invalidArgument("\(path) '\(profile.preamble.name)': max_group_size \(profile.maxGroupSize) is negative")
            }
            profiles[profile.id] = ActionProfileSchema(
                id: profile.id, name: profile.preamble.name, tableIds: profile.tableIds,
                withSelector: profile.withSelector, size: profile.size, maxGroupSize: profile.maxGroupSize,
                sizeSemantics: profile.selectorSizeSemantics ?? .sumOfWeights,
                weightsDisallowed: profile.weightsDisallowed, actionIds: actionIds)
            profileOrder.append(profile.id)
        }
        self.actionProfiles = profiles
        self.actionProfileOrder = profileOrder

        var counters: [CounterSchema] = []
        var counterPositions: [CounterID: Int] = [:]
        for (index, counter) in p4info.counters.enumerated() {
            try claim(counter.preamble.id, .counter, "p4info.counters[\(index)]", counter.preamble.name)
            counterPositions[counter.id] = counters.count
            counters.append(CounterSchema(id: counter.id, name: counter.preamble.name,
                                          unit: counter.spec?.unit ?? .unspecified, size: counter.size))
        }
        self.counters = counters
        self.counterPositions = counterPositions

        var meters: [MeterSchema] = []
        var meterPositions: [MeterID: Int] = [:]
        for (index, meter) in p4info.meters.enumerated() {
            try claim(meter.preamble.id, .meter, "p4info.meters[\(index)]", meter.preamble.name)
            meterPositions[meter.id] = meters.count
            meters.append(MeterSchema(id: meter.id, name: meter.preamble.name, spec: meter.spec ?? P4Info.MeterSpec(),
                                      size: meter.size))
        }
        self.meters = meters
        self.meterPositions = meterPositions

        var registers: [RegisterSchema] = []
        var registerPositions: [RegisterID: Int] = [:]
        for (index, register) in p4info.registers.enumerated() {
            let path = "p4info.registers[\(index)]"
            try claim(register.preamble.id, .register, path, register.preamble.name)
            let shape = try P4DataShape.resolve(register.typeSpec, typeInfo: typeInfo,
                                                what: "\(path) '\(register.preamble.name)'")
            registerPositions[register.id] = registers.count
            registers.append(RegisterSchema(id: register.id, name: register.preamble.name, type: shape,
                                            size: Int64(register.size)))
        }
        self.registers = registers
        self.registerPositions = registerPositions

        var digests: [DigestSchema] = []
        var digestPositions: [DigestID: Int] = [:]
        for (index, digest) in p4info.digests.enumerated() {
            let path = "p4info.digests[\(index)]"
            try claim(digest.preamble.id, .digest, path, digest.preamble.name)
            let shape = try P4DataShape.resolve(digest.typeSpec, typeInfo: typeInfo,
                                                what: "\(path) '\(digest.preamble.name)'")
            digestPositions[digest.id] = digests.count
            digests.append(DigestSchema(id: digest.id, name: digest.preamble.name, type: shape))
        }
        self.digests = digests
        self.digestPositions = digestPositions

        var valueSets: [ValueSetSchema] = []
        var valueSetPositions: [ValueSetID: Int] = [:]
        for (index, valueSet) in p4info.valueSets.enumerated() {
            let path = "p4info.value_sets[\(index)]"
            try claim(valueSet.preamble.id, .valueSet, path, valueSet.preamble.name)
            var fields: [MatchFieldSchema] = []
            for (fieldIndex, field) in valueSet.match.enumerated() {
                fields.append(try Self.matchField(field, path: "\(path).match[\(fieldIndex)]", typeInfo: typeInfo))
            }
            valueSetPositions[valueSet.id] = valueSets.count
            valueSets.append(ValueSetSchema(id: valueSet.id, name: valueSet.preamble.name, fields: fields,
                                            size: valueSet.size))
        }
        self.valueSets = valueSets
        self.valueSetPositions = valueSetPositions

        var packetIn: PacketMetadataSchema?
        var packetOut: PacketMetadataSchema?
        for (index, header) in p4info.controllerPacketMetadata.enumerated() {
            let path = "p4info.controller_packet_metadata[\(index)]"
            try claim(header.preamble.id, .controllerHeader, path, header.preamble.name)
            var fields: [MatchFieldSchema] = []
            for (fieldIndex, field) in header.metadata.enumerated() {
                let fieldPath = "\(path).metadata[\(fieldIndex)] '\(field.name)'"
                let sdnString = try Self.isSDNString(field.typeName, typeInfo: typeInfo, path: fieldPath)
                if field.bitwidth <= 0 && !sdnString {
                    throw .invalidArgument("\(fieldPath): bitwidth \(field.bitwidth) is not positive")
                }
                fields.append(MatchFieldSchema(id: MatchFieldID(field.id.rawValue), name: field.name,
                                               bitwidth: Int(field.bitwidth), matchType: .exact,
                                               isSDNString: sdnString))
            }
            switch header.preamble.name {
            case "packet_in": packetIn = PacketMetadataSchema(fields: fields)
            case "packet_out": packetOut = PacketMetadataSchema(fields: fields)
            default: break
            }
        }
        self.packetIn = packetIn
        self.packetOut = packetOut
    }

    private static func matchField(_ field: P4Info.MatchField, path: String, typeInfo: P4TypeInfo?)
        throws(P4RuntimeError) -> MatchFieldSchema
    {
        let named = "\(path) '\(field.name)'"
        if field.id.isUnset { throw .invalidArgument("\(named): id is 0") }
        let sdnString = try isSDNString(field.typeName, typeInfo: typeInfo, path: named)
        if field.bitwidth <= 0 && !sdnString {
            throw .invalidArgument("\(named): bitwidth \(field.bitwidth) is not positive")
        }
        switch field.match {
        case .matchType(let type)?:
            switch type {
            case .exact, .lpm, .ternary, .range, .optional:
                return MatchFieldSchema(id: field.id, name: field.name, bitwidth: Int(field.bitwidth),
                                        matchType: type, isSDNString: sdnString)
            case .unspecified, .unrecognized:
                throw .invalidArgument("\(named): match_type \(type.rawValue) is not a usable match kind")
            }
        case .otherMatchType(let other)?:
            return MatchFieldSchema(id: field.id, name: field.name, bitwidth: Int(field.bitwidth), matchType: nil,
                                    otherName: other, isSDNString: sdnString)
        case nil:
            throw .invalidArgument("\(named): no match kind is set")
        }
    }

    private static func isSDNString(_ named: P4NamedType?, typeInfo: P4TypeInfo?, path: String)
        throws(P4RuntimeError) -> Bool
    {
        guard let named else { return false }
        guard let spec = typeInfo?.newTypes[named.name] else {
            // type_name may name a non-translated type (e.g. a serializable enum); widths still come from bitwidth.
            return false
        }
        if case .translatedType(let translation)? = spec.representation, case .sdnString? = translation.sdnType {
            return true
        }
        return false
    }
}
