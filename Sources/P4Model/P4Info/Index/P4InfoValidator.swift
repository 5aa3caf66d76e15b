// Consistency checks of a P4Info. Each rule says why it is an error (the P4Info cannot be used safely) or a
// warning (compilers emit it and P4Runtime still works); messages name the item as
// "table 'ingress.ipv4_lpm' (0x02000001): …". Long because it covers every P4Info object kind in one pass.

extension P4InfoIndex {
    /// Checks `p4info` without building an index: every error and warning, each naming its item, in P4Info order.
    public static func check(_ p4info: P4Info) -> (errors: [String], warnings: [String]) {
        var validator = P4InfoValidator(p4info)
        validator.run()
        return (validator.errors, validator.warnings)
    }
}

struct P4InfoValidator {
    let p4info: P4Info
    private(set) var errors: [String] = []
    private(set) var warnings: [String] = []
    /// Owner description of every standard object id seen so far.
    var owners: [UInt32: String] = [:]
    let typeInfo: P4TypeInfo
    /// Structs and new types that lie on or lead to a cycle of type references.
    var recursiveTypes: Set<String> = []

    /// Positions by id (first occurrence), so reference checks stay linear in the size of the P4Info.
    private let tablePositions: [UInt32: Int]
    private let actionPositions: [UInt32: Int]
    private let profilePositions: [UInt32: Int]
    private let directCounterPositions: [UInt32: Int]
    private let directMeterPositions: [UInt32: Int]
    private let externInstanceIDs: Set<UInt32>

    init(_ p4info: P4Info) {
        self.p4info = p4info
        typeInfo = p4info.typeInfo ?? P4TypeInfo()
        tablePositions = Self.positions(p4info.tables.map(\.preamble.id))
        actionPositions = Self.positions(p4info.actions.map(\.preamble.id))
        profilePositions = Self.positions(p4info.actionProfiles.map(\.preamble.id))
        directCounterPositions = Self.positions(p4info.directCounters.map(\.preamble.id))
        directMeterPositions = Self.positions(p4info.directMeters.map(\.preamble.id))
        externInstanceIDs = Set(p4info.externs.flatMap { $0.instances.map(\.preamble.id) })
    }

    private static func positions(_ ids: [UInt32]) -> [UInt32: Int] {
        var result: [UInt32: Int] = [:]
        for (position, id) in ids.enumerated() where result[id] == nil { result[id] = position }
        return result
    }

    private func table(_ id: TableID) -> P4Info.Table? { tablePositions[id.rawValue].map { p4info.tables[$0] } }
    private func action(_ id: ActionID) -> P4Info.Action? { actionPositions[id.rawValue].map { p4info.actions[$0] } }

    mutating func fail(_ message: String) { errors.append(message) }
    mutating func warn(_ message: String) { warnings.append(message) }

    static func describe(_ kind: P4IDPrefix, _ preamble: P4Info.Preamble) -> String {
        let name = preamble.name.isEmpty ? "" : " '\(preamble.name)'"
        return "\(kind)\(name) (\(hexID(preamble.id)))"
    }

    mutating func run() {
        checkPreambles(.table, p4info.tables.map(\.preamble))
        checkPreambles(.action, p4info.actions.map(\.preamble))
        checkPreambles(.actionProfile, p4info.actionProfiles.map(\.preamble))
        checkPreambles(.counter, p4info.counters.map(\.preamble))
        checkPreambles(.directCounter, p4info.directCounters.map(\.preamble))
        checkPreambles(.meter, p4info.meters.map(\.preamble))
        checkPreambles(.directMeter, p4info.directMeters.map(\.preamble))
        checkPreambles(.controllerHeader, p4info.controllerPacketMetadata.map(\.preamble))
        checkPreambles(.valueSet, p4info.valueSets.map(\.preamble))
        checkPreambles(.register, p4info.registers.map(\.preamble))
        checkPreambles(.digest, p4info.digests.map(\.preamble))
        checkExterns()
        findRecursiveTypes()
        checkTypeInfo()
        for table in p4info.tables { checkTable(table) }
        for action in p4info.actions { checkAction(action) }
        for profile in p4info.actionProfiles { checkActionProfile(profile) }
        checkCountersAndMeters()
        for header in p4info.controllerPacketMetadata { checkControllerHeader(header) }
        for valueSet in p4info.valueSets { checkValueSet(valueSet) }
        for register in p4info.registers { checkRegister(register) }
        for digest in p4info.digests { checkDigest(digest) }
    }

    // MARK: Ids and names

    /// Ids must be non-zero, carry their kind's prefix (§6.3 "must be used") and be unique across the P4Info;
    /// names and aliases must be non-empty and unique within the kind, or lookups by name would be ambiguous.
    private mutating func checkPreambles(_ kind: P4IDPrefix, _ preambles: [P4Info.Preamble]) {
        var names: [String: String] = [:]
        var aliases: [String: String] = [:]
        for preamble in preambles {
            let item = Self.describe(kind, preamble)
            if preamble.id == 0 {
                fail("\(item): id 0 is reserved")
            } else {
                let prefix = UInt8(truncatingIfNeeded: preamble.id >> 24)
                if prefix != kind.rawValue {
                    let expected = "0x" + Bytestring.hex([kind.rawValue])
                    fail("\(item): id prefix 0x\(Bytestring.hex([prefix])) is not the \(kind) prefix \(expected)")
                }
                if let owner = owners[preamble.id] {
                    fail("\(item): id \(hexID(preamble.id)) is already used by \(owner)")
                } else {
                    owners[preamble.id] = item
                }
            }
            if preamble.name.isEmpty {
                fail("\(item): has no name")
            } else if let other = names[preamble.name] {
                fail("\(item): name '\(preamble.name)' is already used by \(other)")
            } else {
                names[preamble.name] = item
            }
            if !preamble.alias.isEmpty {
                if let other = aliases[preamble.alias] {
                    fail("\(item): alias '\(preamble.alias)' is already used by \(other)")
                } else {
                    aliases[preamble.alias] = item
                }
            }
        }
    }

    /// Extern types: the spec reserves 0x81…0xfe and asks instance ids to carry the type as prefix, but
    /// P4Runtime addresses instances by (type, id), so violations only warn; duplicates within a type are errors.
    private mutating func checkExterns() {
        var types: Set<UInt32> = []
        for extern in p4info.externs {
            let item = "extern type '\(extern.externTypeName)' (\(extern.externTypeId))"
            if !ExternTypeID.validRange.contains(extern.externTypeId.rawValue) {
                warn("\(item): extern type id is outside the range 0x81…0xfe reserved for extern types")
            }
            if !types.insert(extern.externTypeId.rawValue).inserted {
                fail("\(item): extern type id \(extern.externTypeId) is listed more than once")
            }
            var ids: [UInt32: String] = [:]
            var names: Set<String> = []
            for instance in extern.instances {
                let instanceItem = "\(item) instance '\(instance.preamble.name)' (\(hexID(instance.preamble.id)))"
                if instance.preamble.id == 0 {
                    fail("\(instanceItem): id 0 is reserved")
                    continue
                }
                if let other = ids[instance.preamble.id] {
                    fail("\(instanceItem): id is already used by \(other)")
                } else {
                    ids[instance.preamble.id] = instanceItem
                }
                if !instance.preamble.name.isEmpty && !names.insert(instance.preamble.name).inserted {
                    fail("\(instanceItem): name is already used by another instance of the type")
                }
                if UInt32(instance.preamble.id >> 24) != extern.externTypeId.rawValue {
                    warn("\(instanceItem): id prefix does not match the extern type id")
                }
                if let owner = owners[instance.preamble.id] {
                    warn("\(instanceItem): id is also used by \(owner)")
                }
            }
        }
    }

    // MARK: Tables and actions

    private mutating func checkTable(_ table: P4Info.Table) {
        let item = Self.describe(.table, table.preamble)
        checkMatchFields(table.matchFields, item: item)
        var refs: Set<ActionID> = []
        for ref in table.actionRefs {
            if action(ref.id) == nil {
                fail("\(item): action ref \(ref.id) is not an action")
            }
            if !refs.insert(ref.id).inserted { fail("\(item): action ref \(ref.id) is listed more than once") }
            if case .unrecognized(let value) = ref.scope { fail("\(item): action ref \(ref.id) has unknown scope \(value)") }
        }
        if table.constDefaultActionId != 0 {
            if action(table.constDefaultActionId) == nil {
                fail("\(item): const default action \(table.constDefaultActionId) is not an action")
            } else if !refs.contains(table.constDefaultActionId) {
                fail("\(item): const default action \(table.constDefaultActionId) is not among its action refs")
            } else if table.actionRefs.first(where: { $0.id == table.constDefaultActionId })?.scope == .tableOnly {
                fail("\(item): const default action \(table.constDefaultActionId) has scope TABLE_ONLY")
            }
        }
        if let initial = table.initialDefaultAction { checkInitialDefaultAction(initial, table: table, item: item, refs: refs) }
        if table.implementationId != 0 {
            let id = table.implementationId
            if let profile = profilePositions[id].map({ p4info.actionProfiles[$0] }) {
                if !profile.tableIds.contains(table.id) {
                    fail("\(item): implementation \(hexID(id)) is \(Self.describe(.actionProfile, profile.preamble)), which does not list the table")
                }
            } else if !isExternInstance(id) {
                fail("\(item): implementation \(hexID(id)) is not an action profile")
            }
        }
        var resources: Set<UInt32> = []
        for id in table.directResourceIds {
            if !resources.insert(id).inserted { fail("\(item): direct resource \(hexID(id)) is listed more than once") }
            if let counter = directCounterPositions[id].map({ p4info.directCounters[$0] }) {
                if counter.directTableId != table.id {
                    fail("\(item): direct resource \(Self.describe(.directCounter, counter.preamble)) belongs to table \(counter.directTableId)")
                }
            } else if let meter = directMeterPositions[id].map({ p4info.directMeters[$0] }) {
                if meter.directTableId != table.id {
                    fail("\(item): direct resource \(Self.describe(.directMeter, meter.preamble)) belongs to table \(meter.directTableId)")
                }
            } else if !isExternInstance(id) {
                fail("\(item): direct resource \(hexID(id)) is not a direct counter or direct meter")
            }
        }
        if table.size < 0 { fail("\(item): size \(table.size) is negative") }
        if case .unrecognized(let value) = table.idleTimeoutBehavior {
            fail("\(item): unknown idle_timeout_behavior \(value)")
        }
    }

    private func isExternInstance(_ id: UInt32) -> Bool {
        externInstanceIDs.contains(id)
    }

    private mutating func checkInitialDefaultAction(
        _ call: P4Info.TableActionCall, table: P4Info.Table, item: String, refs: Set<ActionID>
    ) {
        guard let action = action(call.actionId) else {
            fail("\(item): initial default action \(call.actionId) is not an action")
            return
        }
        if !refs.contains(call.actionId) {
            fail("\(item): initial default action \(call.actionId) is not among its action refs")
        } else if table.actionRefs.first(where: { $0.id == call.actionId })?.scope == .tableOnly {
            fail("\(item): initial default action \(call.actionId) has scope TABLE_ONLY")
        }
        var given: Set<ActionParamID> = []
        for argument in call.arguments {
            guard let param = action.params.first(where: { $0.id == argument.paramId }) else {
                fail("\(item): initial default action argument \(argument.paramId) is not a parameter of \(Self.describe(.action, action.preamble))")
                continue
            }
            if !given.insert(argument.paramId).inserted {
                fail("\(item): initial default action argument \(argument.paramId) is given more than once")
            }
            if param.bitwidth > 0 && !Bytestring.fits(argument.value, bitwidth: Int(param.bitwidth)) {
                fail("\(item): initial default action argument '\(param.name)' does not fit \(param.bitwidth) bits")
            }
        }
        for param in action.params where !given.contains(param.id) {
            fail("\(item): initial default action misses argument '\(param.name)' (\(param.id))")
        }
    }

    /// Width of a match field, parameter or metadata field: positive, or 0 only for a string-translated type.
    private mutating func checkWidth(_ bitwidth: Int32, typeName: P4NamedType?, item: String) {
        if let typeName, !typeName.name.isEmpty, typeInfo.newTypes[typeName.name] == nil,
            typeInfo.enums[typeName.name] == nil, typeInfo.serializableEnums[typeName.name] == nil
        {
            warn("\(item): type_name '\(typeName.name)' is not declared in type_info")
        }
        if bitwidth > 0 {
            if let typeName, case .translatedType(let translation)? = typeInfo.newTypes[typeName.name]?.representation,
                case .sdnBitwidth(let sdnWidth)? = translation.sdnType, sdnWidth != bitwidth
            {
                warn("\(item): bitwidth \(bitwidth) differs from sdn_bitwidth \(sdnWidth) of its type '\(typeName.name)'")
            }
            return
        }
        if bitwidth == 0, let typeName, case .translatedType(let translation)? = typeInfo.newTypes[typeName.name]?.representation,
            translation.sdnType == .sdnString
        {
            return
        }
        fail("\(item): bitwidth \(bitwidth) must be positive")
    }

    /// Match fields need unique non-zero ids and a match kind. Names are required and unique in tables; p4c
    /// leaves the fields of a value set over a plain bitstring unnamed, so there only given names must be unique.
    private mutating func checkMatchFields(_ fields: [P4Info.MatchField], item: String, requireNames: Bool = true) {
        var ids: Set<MatchFieldID> = []
        var names: Set<String> = []
        for field in fields {
            let fieldItem = "\(item): match field \(field.id) '\(field.name)'"
            if field.id == 0 { fail("\(fieldItem): id 0 is reserved") }
            if !ids.insert(field.id).inserted { fail("\(fieldItem): id is already used by another match field") }
            if field.name.isEmpty {
                if requireNames { fail("\(fieldItem): has no name") }
            } else if !names.insert(field.name).inserted {
                fail("\(fieldItem): name is already used by another match field")
            }
            switch field.match {
            case nil: fail("\(fieldItem): has no match type")
            case .matchType(.unspecified): fail("\(fieldItem): match type is UNSPECIFIED")
            case .matchType(.unrecognized(let value)): fail("\(fieldItem): unknown match type \(value)")
            case .otherMatchType(let name) where name.isEmpty: fail("\(fieldItem): other_match_type is empty")
            default: break
            }
            checkWidth(field.bitwidth, typeName: field.typeName, item: fieldItem)
        }
    }

    private mutating func checkAction(_ action: P4Info.Action) {
        let item = Self.describe(.action, action.preamble)
        var ids: Set<ActionParamID> = []
        var names: Set<String> = []
        for param in action.params {
            let paramItem = "\(item): param \(param.id) '\(param.name)'"
            if param.id == 0 { fail("\(paramItem): id 0 is reserved") }
            if !ids.insert(param.id).inserted { fail("\(paramItem): id is already used by another param") }
            if param.name.isEmpty {
                fail("\(paramItem): has no name")
            } else if !names.insert(param.name).inserted {
                fail("\(paramItem): name is already used by another param")
            }
            checkWidth(param.bitwidth, typeName: param.typeName, item: paramItem)
        }
    }

    private mutating func checkActionProfile(_ profile: P4Info.ActionProfile) {
        let item = Self.describe(.actionProfile, profile.preamble)
        for tableId in profile.tableIds {
            guard let table = table(tableId) else {
                fail("\(item): table id \(tableId) is not a table")
                continue
            }
            if table.implementationId != profile.preamble.id {
                fail("\(item): \(Self.describe(.table, table.preamble)) is listed but has implementation \(hexID(table.implementationId))")
            }
        }
        if profile.size < 0 { fail("\(item): size \(profile.size) is negative") }
        if profile.maxGroupSize < 0 { fail("\(item): max_group_size \(profile.maxGroupSize) is negative") }
        if profile.maxGroupSize > 0 && profile.size > 0 && Int64(profile.maxGroupSize) > profile.size {
            warn("\(item): max_group_size \(profile.maxGroupSize) exceeds size \(profile.size)")
        }
        if case .sumOfMembers(let weight)? = profile.selectorSizeSemantics, weight <= 0 {
            fail("\(item): sum_of_members.max_member_weight \(weight) must be positive")
        }
        if !profile.withSelector && (profile.maxGroupSize != 0 || profile.selectorSizeSemantics != nil) {
            warn("\(item): group settings given for a profile without selector")
        }
    }

    // MARK: Counters, meters, registers, digests

    private mutating func checkCountersAndMeters() {
        for counter in p4info.counters {
            let item = Self.describe(.counter, counter.preamble)
            if counter.size < 0 { fail("\(item): size \(counter.size) is negative") }
            checkCounterUnit(counter.spec, item: item)
            checkIndexType(counter.indexTypeName, item: item)
        }
        for counter in p4info.directCounters {
            let item = Self.describe(.directCounter, counter.preamble)
            checkCounterUnit(counter.spec, item: item)
            checkDirectTable(counter.directTableId, resource: counter.preamble.id, item: item)
        }
        for meter in p4info.meters {
            let item = Self.describe(.meter, meter.preamble)
            if meter.size < 0 { fail("\(item): size \(meter.size) is negative") }
            checkMeterSpec(meter.spec, item: item)
            checkIndexType(meter.indexTypeName, item: item)
        }
        for meter in p4info.directMeters {
            let item = Self.describe(.directMeter, meter.preamble)
            checkMeterSpec(meter.spec, item: item)
            checkDirectTable(meter.directTableId, resource: meter.preamble.id, item: item)
        }
    }

    private mutating func checkCounterUnit(_ spec: P4Info.CounterSpec?, item: String) {
        switch spec?.unit {
        case nil, .unspecified?: warn("\(item): counter unit is unspecified")
        case .unrecognized(let value)?: fail("\(item): unknown counter unit \(value)")
        default: break
        }
    }

    private mutating func checkMeterSpec(_ spec: P4Info.MeterSpec?, item: String) {
        switch spec?.unit {
        case nil, .unspecified?: warn("\(item): meter unit is unspecified")
        case .unrecognized(let value)?: fail("\(item): unknown meter unit \(value)")
        default: break
        }
        if case .unrecognized(let value)? = spec?.type { fail("\(item): unknown meter type \(value)") }
    }

    private mutating func checkIndexType(_ typeName: P4NamedType?, item: String) {
        if let typeName, !typeName.name.isEmpty, typeInfo.newTypes[typeName.name] == nil {
            warn("\(item): index_type_name '\(typeName.name)' is not declared in type_info")
        }
    }

    private mutating func checkDirectTable(_ tableId: TableID, resource: UInt32, item: String) {
        guard let table = table(tableId) else {
            fail("\(item): direct_table_id \(tableId) is not a table")
            return
        }
        if !table.directResourceIds.contains(resource) {
            fail("\(item): \(Self.describe(.table, table.preamble)) does not list it among its direct resources")
        }
    }

    private mutating func checkControllerHeader(_ header: P4Info.ControllerPacketMetadata) {
        let item = Self.describe(.controllerHeader, header.preamble)
        var ids: Set<MetadataID> = []
        var names: Set<String> = []
        for field in header.metadata {
            let fieldItem = "\(item): metadata \(field.id) '\(field.name)'"
            if field.id == 0 { fail("\(fieldItem): id 0 is reserved") }
            if !ids.insert(field.id).inserted { fail("\(fieldItem): id is already used by another metadata field") }
            if field.name.isEmpty {
                fail("\(fieldItem): has no name")
            } else if !names.insert(field.name).inserted {
                fail("\(fieldItem): name is already used by another metadata field")
            }
            checkWidth(field.bitwidth, typeName: field.typeName, item: fieldItem)
        }
    }

    private mutating func checkValueSet(_ valueSet: P4Info.ValueSet) {
        let item = Self.describe(.valueSet, valueSet.preamble)
        checkMatchFields(valueSet.match, item: item, requireNames: false)
        if valueSet.size < 0 { fail("\(item): size \(valueSet.size) is negative") }
    }

    private mutating func checkRegister(_ register: P4Info.Register) {
        let item = Self.describe(.register, register.preamble)
        if register.size < 0 { fail("\(item): size \(register.size) is negative") }
        checkIndexType(register.indexTypeName, item: item)
        checkUsedType(register.typeSpec, item: item)
    }

    private mutating func checkDigest(_ digest: P4Info.Digest) {
        checkUsedType(digest.typeSpec, item: Self.describe(.digest, digest.preamble))
    }

    /// A type that values are encoded with must exist, resolve, and not be recursive (such values have no
    /// finite encoding).
    private mutating func checkUsedType(_ spec: P4DataTypeSpec?, item: String) {
        guard let spec else {
            fail("\(item): has no type_spec")
            return
        }
        checkTypeSpec(spec, item: "\(item): type_spec")
        for name in namedReferences(of: spec) where recursiveTypes.contains(name) {
            fail("\(item): type_spec uses \(name), which is recursive")
        }
    }
}
