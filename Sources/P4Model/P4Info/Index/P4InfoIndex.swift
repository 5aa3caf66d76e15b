/// A validated P4Info with lookups by id, by name and by alias: what the service and clients use to interpret
/// entities.
///
/// Creating one checks the P4Info (unique ids, id prefixes, dangling references, names, widths, type info; see
/// `P4InfoIndex.check`) and fails with INVALID_ARGUMENT listing every error; findings that real compilers produce
/// but that do not make the P4Info unusable are returned as `warnings`.
public struct P4InfoIndex: Sendable {
    /// The P4Info as loaded.
    public let p4info: P4Info
    /// Non-fatal findings, each naming its item.
    public let warnings: [String]

    private let tables: NameIndex
    private let actions: NameIndex
    private let actionProfiles: NameIndex
    private let counters: NameIndex
    private let directCounters: NameIndex
    private let meters: NameIndex
    private let directMeters: NameIndex
    private let controllerPacketMetadata: NameIndex
    private let valueSets: NameIndex
    private let registers: NameIndex
    private let digests: NameIndex
    private let matchFields: [LocalIndex]
    private let params: [LocalIndex]
    private let packetMetadataFields: [LocalIndex]
    private let valueSetFields: [LocalIndex]
    private let actionRefs: [[UInt32: Int]]
    private let directCounterOfTable: [UInt32: Int]
    private let directMeterOfTable: [UInt32: Int]

    /// Validates and indexes `p4info`.
    ///
    /// - Parameter extraWarnings: warnings from decoding (unknown fields) to keep with the result.
    /// - Throws: INVALID_ARGUMENT whose message lists every error, separated by `"; "`.
    public init(_ p4info: P4Info, extraWarnings: [String] = []) throws(P4RuntimeError) {
        let findings = P4InfoIndex.check(p4info)
        if !findings.errors.isEmpty {
            throw .invalidArgument("invalid P4Info: " + findings.errors.joined(separator: "; "))
        }
        self.init(validated: p4info, warnings: extraWarnings + findings.warnings)
    }

    /// Parses P4Info text format, then validates and indexes it (decoding warnings are kept in `warnings`).
    public init(textFormat text: String, source: String? = nil) throws(P4RuntimeError) {
        let decoded = try P4Info.decode(textFormat: text, source: source)
        try self.init(decoded.p4info, extraWarnings: decoded.warnings)
    }

    private init(validated p4info: P4Info, warnings: [String]) {
        self.p4info = p4info
        self.warnings = warnings
        tables = NameIndex(p4info.tables.map(\.preamble))
        actions = NameIndex(p4info.actions.map(\.preamble))
        actionProfiles = NameIndex(p4info.actionProfiles.map(\.preamble))
        counters = NameIndex(p4info.counters.map(\.preamble))
        directCounters = NameIndex(p4info.directCounters.map(\.preamble))
        meters = NameIndex(p4info.meters.map(\.preamble))
        directMeters = NameIndex(p4info.directMeters.map(\.preamble))
        controllerPacketMetadata = NameIndex(p4info.controllerPacketMetadata.map(\.preamble))
        valueSets = NameIndex(p4info.valueSets.map(\.preamble))
        registers = NameIndex(p4info.registers.map(\.preamble))
        digests = NameIndex(p4info.digests.map(\.preamble))
        matchFields = p4info.tables.map { LocalIndex($0.matchFields.map { ($0.id.rawValue, $0.name) }) }
        params = p4info.actions.map { LocalIndex($0.params.map { ($0.id.rawValue, $0.name) }) }
        packetMetadataFields = p4info.controllerPacketMetadata.map {
            LocalIndex($0.metadata.map { ($0.id.rawValue, $0.name) })
        }
        valueSetFields = p4info.valueSets.map { LocalIndex($0.match.map { ($0.id.rawValue, $0.name) }) }
        actionRefs = p4info.tables.map { table in
            var refs: [UInt32: Int] = [:]
            for (position, ref) in table.actionRefs.enumerated() where refs[ref.id.rawValue] == nil {
                refs[ref.id.rawValue] = position
            }
            return refs
        }
        var counterOfTable: [UInt32: Int] = [:]
        for (position, counter) in p4info.directCounters.enumerated()
        where counterOfTable[counter.directTableId.rawValue] == nil {
            counterOfTable[counter.directTableId.rawValue] = position
        }
        directCounterOfTable = counterOfTable
        var meterOfTable: [UInt32: Int] = [:]
        for (position, meter) in p4info.directMeters.enumerated() where meterOfTable[meter.directTableId.rawValue] == nil {
            meterOfTable[meter.directTableId.rawValue] = position
        }
        directMeterOfTable = meterOfTable
    }

    // MARK: Tables and actions

    /// The table with `id`.
    public func table(_ id: TableID) -> P4Info.Table? { tables.position(of: id.rawValue).map { p4info.tables[$0] } }
    /// The table called `name` (fully-qualified name, alias, or unambiguous suffix).
    public func table(named name: String) -> P4Info.Table? {
        tables.position(named: name).map { p4info.tables[$0] }
    }
    /// The match field `id` of table `table`.
    public func matchField(_ id: MatchFieldID, inTable table: TableID) -> P4Info.MatchField? {
        guard let position = tables.position(of: table.rawValue) else { return nil }
        return matchFields[position].position(of: id.rawValue).map { p4info.tables[position].matchFields[$0] }
    }
    /// The match field called `name` of table `table`.
    public func matchField(named name: String, inTable table: TableID) -> P4Info.MatchField? {
        guard let position = tables.position(of: table.rawValue) else { return nil }
        return matchFields[position].position(named: name).map { p4info.tables[position].matchFields[$0] }
    }
    /// The reference to `action` in table `table`, which carries its scope; nil if the table cannot use it.
    public func actionRef(_ action: ActionID, inTable table: TableID) -> P4Info.ActionRef? {
        guard let position = tables.position(of: table.rawValue) else { return nil }
        return actionRefs[position][action.rawValue].map { p4info.tables[position].actionRefs[$0] }
    }

    /// The action with `id`.
    public func action(_ id: ActionID) -> P4Info.Action? { actions.position(of: id.rawValue).map { p4info.actions[$0] } }
    /// The action called `name`.
    public func action(named name: String) -> P4Info.Action? {
        actions.position(named: name).map { p4info.actions[$0] }
    }
    /// The parameter `id` of action `action`.
    public func param(_ id: ActionParamID, inAction action: ActionID) -> P4Info.Action.Param? {
        guard let position = actions.position(of: action.rawValue) else { return nil }
        return params[position].position(of: id.rawValue).map { p4info.actions[position].params[$0] }
    }
    /// The parameter called `name` of action `action`.
    public func param(named name: String, inAction action: ActionID) -> P4Info.Action.Param? {
        guard let position = actions.position(of: action.rawValue) else { return nil }
        return params[position].position(named: name).map { p4info.actions[position].params[$0] }
    }

    // MARK: Externs of PSA

    /// The action profile with `id`.
    public func actionProfile(_ id: ActionProfileID) -> P4Info.ActionProfile? {
        actionProfiles.position(of: id.rawValue).map { p4info.actionProfiles[$0] }
    }
    /// The action profile called `name`.
    public func actionProfile(named name: String) -> P4Info.ActionProfile? {
        actionProfiles.position(named: name).map { p4info.actionProfiles[$0] }
    }
    /// The action profile implementing `table`, or nil for a direct table.
    public func actionProfile(ofTable table: TableID) -> P4Info.ActionProfile? {
        guard let implementation = self.table(table)?.implementationId, implementation != 0 else { return nil }
        return actionProfile(ActionProfileID(implementation))
    }
    /// The counter with `id`.
    public func counter(_ id: CounterID) -> P4Info.Counter? {
        counters.position(of: id.rawValue).map { p4info.counters[$0] }
    }
    /// The counter called `name`.
    public func counter(named name: String) -> P4Info.Counter? {
        counters.position(named: name).map { p4info.counters[$0] }
    }
    /// The direct counter with `id`.
    public func directCounter(_ id: DirectCounterID) -> P4Info.DirectCounter? {
        directCounters.position(of: id.rawValue).map { p4info.directCounters[$0] }
    }
    /// The direct counter called `name`.
    public func directCounter(named name: String) -> P4Info.DirectCounter? {
        directCounters.position(named: name).map { p4info.directCounters[$0] }
    }
    /// The direct counter attached to `table`.
    public func directCounter(ofTable table: TableID) -> P4Info.DirectCounter? {
        directCounterOfTable[table.rawValue].map { p4info.directCounters[$0] }
    }
    /// The meter with `id`.
    public func meter(_ id: MeterID) -> P4Info.Meter? { meters.position(of: id.rawValue).map { p4info.meters[$0] } }
    /// The meter called `name`.
    public func meter(named name: String) -> P4Info.Meter? { meters.position(named: name).map { p4info.meters[$0] } }
    /// The direct meter with `id`.
    public func directMeter(_ id: DirectMeterID) -> P4Info.DirectMeter? {
        directMeters.position(of: id.rawValue).map { p4info.directMeters[$0] }
    }
    /// The direct meter called `name`.
    public func directMeter(named name: String) -> P4Info.DirectMeter? {
        directMeters.position(named: name).map { p4info.directMeters[$0] }
    }
    /// The direct meter attached to `table`.
    public func directMeter(ofTable table: TableID) -> P4Info.DirectMeter? {
        directMeterOfTable[table.rawValue].map { p4info.directMeters[$0] }
    }
    /// The register with `id`.
    public func register(_ id: RegisterID) -> P4Info.Register? {
        registers.position(of: id.rawValue).map { p4info.registers[$0] }
    }
    /// The register called `name`.
    public func register(named name: String) -> P4Info.Register? {
        registers.position(named: name).map { p4info.registers[$0] }
    }
    /// The digest with `id`.
    public func digest(_ id: DigestID) -> P4Info.Digest? { digests.position(of: id.rawValue).map { p4info.digests[$0] } }
    /// The digest called `name`.
    public func digest(named name: String) -> P4Info.Digest? {
        digests.position(named: name).map { p4info.digests[$0] }
    }

    // MARK: Value sets and packet I/O

    /// The value set with `id`.
    public func valueSet(_ id: ValueSetID) -> P4Info.ValueSet? {
        valueSets.position(of: id.rawValue).map { p4info.valueSets[$0] }
    }
    /// The value set called `name`.
    public func valueSet(named name: String) -> P4Info.ValueSet? {
        valueSets.position(named: name).map { p4info.valueSets[$0] }
    }
    /// The match field `id` of value set `valueSet`.
    public func matchField(_ id: MatchFieldID, inValueSet valueSet: ValueSetID) -> P4Info.MatchField? {
        guard let position = valueSets.position(of: valueSet.rawValue) else { return nil }
        return valueSetFields[position].position(of: id.rawValue).map { p4info.valueSets[position].match[$0] }
    }
    /// The controller packet metadata header with `id`.
    public func controllerPacketMetadata(_ id: ControllerPacketMetadataID) -> P4Info.ControllerPacketMetadata? {
        controllerPacketMetadata.position(of: id.rawValue).map { p4info.controllerPacketMetadata[$0] }
    }
    /// The controller packet metadata header called `name` (`"packet_in"`, `"packet_out"`).
    public func controllerPacketMetadata(named name: String) -> P4Info.ControllerPacketMetadata? {
        controllerPacketMetadata.position(named: name).map { p4info.controllerPacketMetadata[$0] }
    }
    /// The `packet_in` header, if the program has one.
    public var packetIn: P4Info.ControllerPacketMetadata? { controllerPacketMetadata(named: "packet_in") }
    /// The `packet_out` header, if the program has one.
    public var packetOut: P4Info.ControllerPacketMetadata? { controllerPacketMetadata(named: "packet_out") }
    /// The field `id` of controller header `header`.
    public func packetMetadata(_ id: MetadataID, in header: ControllerPacketMetadataID)
        -> P4Info.ControllerPacketMetadata.Metadata?
    {
        guard let position = controllerPacketMetadata.position(of: header.rawValue) else { return nil }
        return packetMetadataFields[position].position(of: id.rawValue).map {
            p4info.controllerPacketMetadata[position].metadata[$0]
        }
    }
    /// The field called `name` of controller header `header`.
    public func packetMetadata(named name: String, in header: ControllerPacketMetadataID)
        -> P4Info.ControllerPacketMetadata.Metadata?
    {
        guard let position = controllerPacketMetadata.position(of: header.rawValue) else { return nil }
        return packetMetadataFields[position].position(named: name).map {
            p4info.controllerPacketMetadata[position].metadata[$0]
        }
    }

    // MARK: Generic

    /// The instance `id` of extern type `type`.
    public func externInstance(_ id: ExternInstanceID, ofType type: ExternTypeID) -> P4Info.ExternInstance? {
        p4info.externs.first { $0.externTypeId == type }?.instances.first { $0.id == id }
    }

    /// The kind of the object with `id`, found by looking it up (not just by reading its prefix); nil if no
    /// standard object has that id.
    public func kind(of id: UInt32) -> P4IDPrefix? {
        if tables.position(of: id) != nil { return .table }
        if actions.position(of: id) != nil { return .action }
        if actionProfiles.position(of: id) != nil { return .actionProfile }
        if counters.position(of: id) != nil { return .counter }
        if directCounters.position(of: id) != nil { return .directCounter }
        if meters.position(of: id) != nil { return .meter }
        if directMeters.position(of: id) != nil { return .directMeter }
        if controllerPacketMetadata.position(of: id) != nil { return .controllerHeader }
        if valueSets.position(of: id) != nil { return .valueSet }
        if registers.position(of: id) != nil { return .register }
        if digests.position(of: id) != nil { return .digest }
        return nil
    }

    /// The fully-qualified name of the standard object with `id`.
    public func name(of id: UInt32) -> String? {
        switch kind(of: id) {
        case .table: table(TableID(id))?.preamble.name
        case .action: action(ActionID(id))?.preamble.name
        case .actionProfile: actionProfile(ActionProfileID(id))?.preamble.name
        case .counter: counter(CounterID(id))?.preamble.name
        case .directCounter: directCounter(DirectCounterID(id))?.preamble.name
        case .meter: meter(MeterID(id))?.preamble.name
        case .directMeter: directMeter(DirectMeterID(id))?.preamble.name
        case .controllerHeader: controllerPacketMetadata(ControllerPacketMetadataID(id))?.preamble.name
        case .valueSet: valueSet(ValueSetID(id))?.preamble.name
        case .register: register(RegisterID(id))?.preamble.name
        case .digest: digest(DigestID(id))?.preamble.name
        case nil: nil
        }
    }

    /// The translation of the new type `name` refers to (`@p4runtime_translation`), if it is a translated type.
    public func translation(of typeName: P4NamedType?) -> P4NewTypeTranslation? {
        guard let typeName, case .translatedType(let translation)? = p4info.typeInfo?.newTypes[typeName.name]?.representation
        else { return nil }
        return translation
    }
}
