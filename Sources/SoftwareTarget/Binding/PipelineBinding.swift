import JSONCore
import P4Device
import P4Model
import SWX

/// A P4Info bound to a loaded spec program: every table, action profile, counter, register and meter of the
/// P4Info resolved to the spec objects realising it, through context.json when present, else p4c-dpdk's naming
/// rules (swx-spec.md §2). Built once at verify time; read-only afterwards.
struct PipelineBinding: Sendable {
    /// Tables by P4Info id.
    var tables: [TableID: TableBinding]
    /// Profiles by P4Info id.
    var profiles: [ActionProfileID: ProfileBinding]
    /// Indexed externs.
    var externs: ExternBinding

    /// Binds `schema` to `program`.
    ///
    /// - Throws: INVALID_ARGUMENT naming the P4Info object and what could not be bound (a missing spec object, a
    ///   key or parameter mismatch, an ambiguous action naming both candidates).
    init(schema: PipelineSchema, program: SpecProgram, context: JSONValue?) throws(P4RuntimeError) {
        let names = context.map(ContextNames.init)
        var profiles: [ActionProfileID: ProfileBinding] = [:]
        for id in schema.actionProfileOrder {
            guard let profile = schema.actionProfiles[id] else { continue }
            profiles[id] = try Self.bindProfile(profile, schema: schema, program: program, names: names)
        }
        var tables: [TableID: TableBinding] = [:]
        for table in schema.tables {
            tables[table.id] = try Self.bindTable(table, schema: schema, program: program, names: names,
                                                  profiles: profiles)
        }
        self.tables = tables
        self.profiles = profiles
        externs = try Self.bindExterns(schema: schema, program: program, names: names)
    }

    private static func bindTable(
        _ table: TableSchema, schema: PipelineSchema, program: SpecProgram, names: ContextNames?,
        profiles: [ActionProfileID: ProfileBinding]
    ) throws(P4RuntimeError) -> TableBinding {
        let context = "table \(table.label)"
        let specName = names?.objectNames[table.name] ?? ContextNames.lastComponent(table.name)
        let target: SpecTableTarget
        let keyFields: [SpecKeyField]
        let window: SpecKeyWindow?
        let actionList: [Int]
        let capacity: Int
        var isExact = false
        if let index = program.tableIndex(named: specName) {
            let spec = program.tables[index]
            (target, keyFields, window, actionList, capacity) = (.table(index), spec.keyFields, spec.keyWindow,
                                                                 spec.actions.map(\.actionIndex), spec.size)
            isExact = spec.kind == .exact
        } else if let index = program.learnerIndex(named: specName) {
            let spec = program.learners[index]
            (target, keyFields, window, actionList, capacity) = (.learner(index), spec.keyFields, spec.keyWindow,
                                                                 spec.actions.map(\.actionIndex), spec.size)
            isExact = true
        } else {
            throw .invalidArgument("\(context): the spec has no table or learner named '\(specName)'")
        }
        let fields = try TableBinding.placements(table, keyFields: keyFields, window: window, context: context)
        var actions: [ActionID: ActionBinding] = [:]
        var setMember: (Int, FieldPlacement)?
        var setGroup: (Int, FieldPlacement)?
        switch table.implementation {
        case .direct:
            for actionId in table.actionScopes.keys.sorted() {
                guard let action = schema.actions[actionId] else { continue }
                let spec = try TableBinding.resolveAction(
                    p4Name: action.name, contextName: names?.actionNames[table.name]?[action.name],
                    candidates: actionList, program: program, context: context)
                actions[actionId] = try ActionBinding(action, specAction: spec, program: program, context: context)
            }
        case .actionProfile(let id), .actionSelector(let id):
            setMember = try TableBinding.idAction(named: "\(specName)_set_member_id", candidates: actionList,
                                                  program: program, context: context)
            if case .actionSelector = table.implementation, profiles[id]?.selector != nil {
                setGroup = try TableBinding.idAction(named: "\(specName)_set_group_id", candidates: actionList,
                                                     program: program, context: context)
            }
        }
        var directCounter: ExternBinding.Counter?
        if let id = table.directCounterId, let counter = schema.directCounters[id] {
            let base = names?.externNames[counter.name] ?? ContextNames.lastComponent(counter.name) + "_0"
            directCounter = counterArrays(base: base, unit: counter.unit, size: Int64(capacity) + 1, program: program)
        }
        var bound = TableBinding(
            schema: table, target: target, specName: specName, fields: fields, windowSize: window?.byteCount ?? 0,
            windowMask: window?.mask ?? [], isExactTable: isExact, actions: actions,
            setMemberAction: setMember, setGroupAction: setGroup, capacity: capacity, directCounter: directCounter)
        bound.actionsBySpecAction = Dictionary(actions.values.map { ($0.specAction, $0) }) {
            $0.actionId < $1.actionId ? $0 : $1
        }
        bound.directMeter = try bindDirectMeter(table, schema: schema, program: program, names: names,
                                                capacity: capacity, target: target)
        return bound
    }

    private static func bindProfile(
        _ profile: ActionProfileSchema, schema: PipelineSchema, program: SpecProgram, names: ContextNames?
    ) throws(P4RuntimeError) -> ProfileBinding {
        let context = "action profile \(profile.label)"
        let specName = names?.objectNames[profile.name] ?? ContextNames.lastComponent(profile.name)
        guard let memberTable = program.tableIndex(named: specName) else {
            throw .invalidArgument("\(context): the spec has no member table named '\(specName)'")
        }
        let table = program.tables[memberTable]
        guard table.keyFields.count == 1, let window = table.keyWindow else {
            throw .invalidArgument("\(context): member table '\(specName)' (line \(table.line)) must have exactly "
                + "one key field, the member id")
        }
        let keyField = table.keyFields[0].field
        let memberKey = FieldPlacement(offset: keyField.byteOffset - window.byteOffset, byteWidth: keyField.byteWidth,
                                       networkOrder: keyField.isNetworkByteOrder, p4Bits: keyField.bitWidth)
        var actions: [ActionID: ActionBinding] = [:]
        for actionId in profile.actionIds.sorted() {
            guard let action = schema.actions[actionId] else { continue }
            let spec = try TableBinding.resolveAction(
                p4Name: action.name, contextName: names?.actionNames[profile.name]?[action.name],
                candidates: table.actions.map(\.actionIndex), program: program, context: context)
            actions[actionId] = try ActionBinding(action, specAction: spec, program: program, context: context)
        }
        var selector: (Int, String)?
        var memberLimit = UInt32(clamping: table.size)
        var groupLimit: UInt32 = 0
        var slots = 0
        if profile.withSelector {
            let selectorName = "\(specName)_sel"
            guard let index = program.selectorIndex(named: selectorName) else {
                throw .invalidArgument("\(context): the spec has no selector named '\(selectorName)'")
            }
            let spec = program.selectors[index]
            selector = (index, selectorName)
            memberLimit = UInt32(clamping: spec.membersPerGroupMax)
            groupLimit = UInt32(clamping: spec.groupCountMax)
            slots = spec.membersPerGroupMax
            if profile.maxGroupSize > 0 && Int(profile.maxGroupSize) > spec.membersPerGroupMax {
                throw .invalidArgument("\(context): P4Info max_group_size \(profile.maxGroupSize) exceeds the "
                    + "selector's n_members_per_group_max \(spec.membersPerGroupMax)")
            }
        }
        return ProfileBinding(
            schema: profile, memberTable: memberTable, memberTableName: specName, memberKey: memberKey,
            memberKeySize: window.byteCount, actions: actions, selector: selector, memberIdLimit: memberLimit,
            groupIdLimit: groupLimit, slotsPerGroup: slots)
    }

    /// The regarrays p4c-dpdk emits for a counter named `base`: `base` alone for one unit, `base_packets` and
    /// `base_bytes` for both (falling back to `base` as packets).
    static func counterArrays(base: String, unit: P4Info.CounterSpec.Unit, size: Int64, program: SpecProgram)
        -> ExternBinding.Counter?
    {
        func exists(_ name: String) -> Bool { program.registerArrayIndex(named: name) != nil }
        var binding = ExternBinding.Counter(packets: nil, bytes: nil, size: size)
        switch unit {
        case .bytes: binding.bytes = exists(base) ? base : nil
        case .packets: binding.packets = exists(base) ? base : nil
        default:
            binding.packets = exists(base + "_packets") ? base + "_packets" : nil
            binding.bytes = exists(base + "_bytes") ? base + "_bytes" : nil
            if binding.packets == nil && binding.bytes == nil && exists(base) { binding.packets = base }
        }
        return binding.packets != nil || binding.bytes != nil ? binding : nil
    }

    private static func bindExterns(schema: PipelineSchema, program: SpecProgram, names: ContextNames?)
        throws(P4RuntimeError) -> ExternBinding
    {
        var externs = ExternBinding()
        func regarray(_ name: String) -> SpecRegisterArray? {
            program.registerArrayIndex(named: name).map { program.registerArrays[$0] }
        }
        for counter in schema.counters {
            let base = names?.externNames[counter.name] ?? ContextNames.lastComponent(counter.name) + "_0"
            guard let binding = counterArrays(base: base, unit: counter.unit, size: counter.size, program: program)
            else {
                throw .invalidArgument("counter \(counter.label): the spec has no regarray '\(base)' "
                    + "(or '\(base)_packets' / '\(base)_bytes')")
            }
            externs.counters[counter.id] = binding
        }
        for register in schema.registers {
            let base = names?.externNames[register.name] ?? ContextNames.lastComponent(register.name) + "_0"
            guard regarray(base) != nil else {
                throw .invalidArgument("register \(register.label): the spec has no regarray '\(base)'")
            }
            let bits: Int
            switch register.type {
            case .bit(let width), .int(let width): bits = width
            case .bool: bits = 1
            default:
                throw .unimplemented("register \(register.label): only bit<W>, int<W> and bool cells fit a regarray")
            }
            guard bits <= 64 else {
                throw .invalidArgument("register \(register.label): \(bits)-bit cells do not fit a 64-bit regarray")
            }
            externs.registers[register.id] = (base, register.size, bits)
        }
        for meter in schema.meters {
            let base = names?.externNames[meter.name] ?? ContextNames.lastComponent(meter.name) + "_0"
            guard program.meterArrayIndex(named: base) != nil else {
                throw .invalidArgument("meter \(meter.label): the spec has no metarray '\(base)'")
            }
            externs.meters[meter.id] = (base, meter.size)
        }
        return externs
    }
}
