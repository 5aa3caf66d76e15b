import JSONCore
import P4Model

extension FriendlyCodec {
    // MARK: - Counters and meters

    /// Decodes `{"counter": …, "index": n, "data": {"byteCount": …, "packetCount": …}}`; no index means every
    /// cell.
    public func counterEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> CounterEntry {
        var entry = CounterEntry()
        try forEachMember(value, of: "friendly counter entry", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "counter":
                entry.counterId = try reference(
                    member.value, kind: "counter", &d, byName: { index.counter(named: $0) },
                    byID: { index.counter(CounterID($0)) }
                ).id
            case "index": entry.index = Index(try d.int64(member.value))
            case "data": entry.data = try d.message(CounterData.self, member.value)
            default: return false
            }
            return true
        }
        return entry
    }

    /// Decodes `{"meter": …, "index": n, "config": {…MeterConfig…}, "counterData": {…}}`.
    public func meterEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> MeterEntry {
        var entry = MeterEntry()
        try forEachMember(value, of: "friendly meter entry", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "meter":
                entry.meterId = try reference(
                    member.value, kind: "meter", &d, byName: { index.meter(named: $0) },
                    byID: { index.meter(MeterID($0)) }
                ).id
            case "index": entry.index = Index(try d.int64(member.value))
            case "config": entry.config = try d.message(MeterConfig.self, member.value)
            case "counterData", "counter_data": entry.counterData = try d.message(MeterCounterData.self, member.value)
            default: return false
            }
            return true
        }
        return entry
    }

    /// Decodes a direct counter cell: the entry key as in a friendly table entry (`table`, `match`, `priority`)
    /// plus `"data"`.
    public func directCounterEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> DirectCounterEntry
    {
        let (key, extra) = try directKey(value, extras: ["data"], &d)
        var entry = DirectCounterEntry(tableEntry: key)
        if let data = extra["data"] {
            d.enter("data")
            entry.data = try d.message(CounterData.self, data)
            d.leave()
        }
        return entry
    }

    /// Decodes a direct meter cell: the entry key plus `"config"` and `"counterData"`.
    public func directMeterEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> DirectMeterEntry
    {
        let (key, extra) = try directKey(value, extras: ["config", "counterData"], &d)
        var entry = DirectMeterEntry(tableEntry: key)
        if let config = extra["config"] {
            d.enter("config")
            entry.config = try d.message(MeterConfig.self, config)
            d.leave()
        }
        if let data = extra["counterData"] {
            d.enter("counterData")
            entry.counterData = try d.message(MeterCounterData.self, data)
            d.leave()
        }
        return entry
    }

    /// Splits a direct-resource object into its table-entry key and the resource's own members.
    private func directKey(_ value: JSONValue, extras: Set<String>, _ d: inout ProtoJSONDecoder)
        throws(P4RuntimeError) -> (TableEntry?, [String: JSONValue])
    {
        let members = try d.members(value, of: "friendly direct resource entry")
        var extra: [String: JSONValue] = [:]
        var key: [(String, JSONValue)] = []
        for member in members {
            if extras.contains(member.key) {
                if case .null = member.value { continue }
                extra[member.key] = member.value
            } else if ["table", "match", "priority"].contains(member.key) {
                key.append((member.key, member.value))
            } else {
                d.enter(member.key)
                if let error = d.unknownField(member.key, in: "friendly direct resource entry") { throw error }
                d.leave()
            }
        }
        if key.isEmpty { return (nil, extra) }
        return (try tableEntry(Self.object(key), &d, requireTable: false), extra)
    }

    /// Renders a counter entry.
    public func render(_ entry: CounterEntry) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if !entry.counterId.isUnset {
            members.append(("counter", name(index.counter(entry.counterId)?.preamble, id: entry.counterId.rawValue)))
        }
        if let cell = entry.index { members.append(("index", .integer(cell.index))) }
        if let data = entry.data { members.append(("data", Self.canonical(data))) }
        return Self.object(members)
    }

    /// Renders a meter entry.
    public func render(_ entry: MeterEntry) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if !entry.meterId.isUnset {
            members.append(("meter", name(index.meter(entry.meterId)?.preamble, id: entry.meterId.rawValue)))
        }
        if let cell = entry.index { members.append(("index", .integer(cell.index))) }
        if let config = entry.config { members.append(("config", Self.canonical(config))) }
        if let data = entry.counterData { members.append(("counterData", Self.canonical(data))) }
        return Self.object(members)
    }

    /// Renders a direct counter entry: the key members of the table entry, then `data`.
    public func render(_ entry: DirectCounterEntry) -> JSONValue {
        var members = keyMembers(entry.tableEntry)
        if let data = entry.data { members.append(("data", Self.canonical(data))) }
        return Self.object(members)
    }

    /// Renders a direct meter entry: the key members of the table entry, then `config` and `counterData`.
    public func render(_ entry: DirectMeterEntry) -> JSONValue {
        var members = keyMembers(entry.tableEntry)
        if let config = entry.config { members.append(("config", Self.canonical(config))) }
        if let data = entry.counterData { members.append(("counterData", Self.canonical(data))) }
        return Self.object(members)
    }

    private func keyMembers(_ entry: TableEntry?) -> [(String, JSONValue)] {
        guard let entry, case .object(let object) = render(entry) else { return [] }
        return object.members.filter { ["table", "match", "priority"].contains($0.key) }.map { ($0.key, $0.value) }
    }

    // MARK: - Registers and digests

    /// Decodes `{"register": …, "index": n, "value": v}` where `v` follows the register's P4Info type (see
    /// `data(_:type:_:)`), or `"data"` holding a canonical `P4Data`.
    public func registerEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> RegisterEntry {
        var entry = RegisterEntry()
        var register: P4Info.Register?
        var friendly: JSONValue?
        try forEachMember(value, of: "friendly register entry", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "register":
                register = try reference(
                    member.value, kind: "register", &d, byName: { index.register(named: $0) },
                    byID: { index.register(RegisterID($0)) })
                entry.registerId = register?.id ?? 0
            case "index": entry.index = Index(try d.int64(member.value))
            case "value": friendly = member.value
            case "data": entry.data = try d.message(P4Data.self, member.value)
            default: return false
            }
            return true
        }
        if let friendly {
            guard let type = register?.typeSpec else { throw d.failure("\"value\" needs a \"register\" with a type") }
            d.enter("value")
            entry.data = try data(friendly, type: type, &d)
            d.leave()
        }
        return entry
    }

    /// Decodes `{"digest": …, "config": {…DigestEntry.Config…}}`.
    public func digestEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> DigestEntry {
        var entry = DigestEntry()
        try forEachMember(value, of: "friendly digest entry", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "digest":
                entry.digestId = try reference(
                    member.value, kind: "digest", &d, byName: { index.digest(named: $0) },
                    byID: { index.digest(DigestID($0)) }
                ).id
            case "config": entry.config = try d.message(DigestEntry.Config.self, member.value)
            default: return false
            }
            return true
        }
        return entry
    }

    /// Renders a register entry; the value in friendly form when the register's type allows, else `"data"`.
    public func render(_ entry: RegisterEntry) -> JSONValue {
        let register = index.register(entry.registerId)
        var members: [(String, JSONValue)] = []
        if !entry.registerId.isUnset {
            members.append(("register", name(register?.preamble, id: entry.registerId.rawValue)))
        }
        if let cell = entry.index { members.append(("index", .integer(cell.index))) }
        if let data = entry.data {
            if let type = register?.typeSpec, let friendly = render(data, type: type, depth: 0) {
                members.append(("value", friendly))
            } else {
                members.append(("data", Self.canonical(data)))
            }
        }
        return Self.object(members)
    }

    /// Renders a digest entry.
    public func render(_ entry: DigestEntry) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if !entry.digestId.isUnset {
            members.append(("digest", name(index.digest(entry.digestId)?.preamble, id: entry.digestId.rawValue)))
        }
        if let config = entry.config { members.append(("config", Self.canonical(config))) }
        return Self.object(members)
    }

    // MARK: - P4Data

    /// Decodes a friendly `P4Data` of P4Info type `type`: `bit<W>` values in `FriendlyValue` syntax, `bool` as
    /// `true`/`false`, structs as objects keyed by member name (every member required), tuples as arrays,
    /// serializable enums by member name (or value), safe enums and errors by name, translated new types as values
    /// of their SDN width. Headers, unions, stacks, `int<W>` and `varbit<W>` need the canonical `"data"` form.
    public func data(_ value: JSONValue, type: P4DataTypeSpec, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> P4Data
    {
        try data(value, type: type, &d, depth: 0)
    }

    private func data(_ value: JSONValue, type: P4DataTypeSpec, _ d: inout ProtoJSONDecoder, depth: Int)
        throws(P4RuntimeError) -> P4Data
    {
        guard depth < P4InfoIndex.maximumDataDepth else { throw d.failure("type nesting too deep") }
        let typeInfo = index.p4info.typeInfo
        switch type.kind {
        case .bitstring(let bits)?:
            guard case .bit(let width)? = bits.kind else { break }
            return P4Data(.bitstring(try self.value(value, bitwidth: width, &d)))
        case .bool?:
            return P4Data(.bool(try d.bool(value)))
        case .struct(let name)?:
            guard let spec = typeInfo?.structs[name.name] else { throw d.failure("unknown struct type \(name.name)") }
            let members = try d.members(value, of: "struct \(name.name)")
            var result: [P4Data] = []
            for member in spec.members {
                guard let given = members.last(where: { $0.key == member.name }), let memberType = member.typeSpec
                else { throw d.failure("missing member \"\(member.name)\" of struct \(name.name)") }
                d.enter(member.name)
                result.append(try data(given.value, type: memberType, &d, depth: depth + 1))
                d.leave()
            }
            for member in members where !spec.members.contains(where: { $0.name == member.key }) {
                throw d.failure("struct \(name.name) has no member \"\(member.key)\"")
            }
            return P4Data(.struct(P4StructLike(members: result)))
        case .tuple(let types)?:
            let elements = try d.array(value)
            guard elements.count == types.count else {
                throw d.failure("expected \(types.count) tuple elements, got \(elements.count)")
            }
            var result: [P4Data] = []
            for (position, element) in elements.enumerated() {
                d.enter(index: position)
                result.append(try data(element, type: types[position], &d, depth: depth + 1))
                d.leave()
            }
            return P4Data(.tuple(P4StructLike(members: result)))
        case .serializableEnum(let name)?:
            guard let spec = typeInfo?.serializableEnums[name.name] else {
                throw d.failure("unknown serializable enum type \(name.name)")
            }
            if case .string(let text) = value, let member = spec.members.first(where: { $0.name == text }) {
                return P4Data(.enumValue(Bytestring.canonical(member.value)))
            }
            return P4Data(.enumValue(try self.value(value, bitwidth: spec.underlyingBitwidth ?? 64, &d)))
        case .enum?:
            return P4Data(.enum(try d.string(value)))
        case .error?:
            return P4Data(.error(try d.string(value)))
        case .newType(let name)?:
            switch typeInfo?.newTypes[name.name]?.representation {
            case .translatedType(let translation)?:
                if case .sdnBitwidth(let width)? = translation.sdnType {
                    return P4Data(.bitstring(try self.value(value, bitwidth: width, &d)))
                }
            case .originalType(let original)?:
                return try data(value, type: original, &d, depth: depth + 1)
            case nil:
                throw d.failure("unknown type \(name.name)")
            }
        default:
            break
        }
        throw d.failure("this register type has no friendly form; give the value as canonical P4Data in \"data\"")
    }

    /// The friendly form of `data`, or nil when the type has none (or the value does not match it).
    func render(_ data: P4Data, type: P4DataTypeSpec, depth: Int) -> JSONValue? {
        guard depth < P4InfoIndex.maximumDataDepth else { return nil }
        let typeInfo = index.p4info.typeInfo
        switch (type.kind, data.kind) {
        case (.bitstring(let bits)?, .bitstring(let bytes)?):
            guard case .bit = bits.kind else { return nil }
            return FieldFormat.number.render(bytes)
        case (.bool?, .bool(let flag)?):
            return .bool(flag)
        case (.struct(let name)?, .struct(let value)?):
            guard let spec = typeInfo?.structs[name.name], spec.members.count == value.members.count else { return nil }
            var members: [(String, JSONValue)] = []
            for (member, item) in zip(spec.members, value.members) {
                guard let memberType = member.typeSpec, let rendered = render(item, type: memberType, depth: depth + 1)
                else { return nil }
                members.append((member.name, rendered))
            }
            return Self.object(members)
        case (.tuple(let types)?, .tuple(let value)?):
            guard types.count == value.members.count else { return nil }
            var elements: [JSONValue] = []
            for (itemType, item) in zip(types, value.members) {
                guard let rendered = render(item, type: itemType, depth: depth + 1) else { return nil }
                elements.append(rendered)
            }
            return .array(elements)
        case (.serializableEnum(let name)?, .enumValue(let bytes)?):
            if let member = typeInfo?.serializableEnums[name.name]?.members.first(where: {
                Bytestring.canonical($0.value) == Bytestring.canonical(bytes)
            }) {
                return .string(member.name)
            }
            return FieldFormat.number.render(bytes)
        case (.enum?, .enum(let name)?), (.error?, .error(let name)?):
            return .string(name)
        case (.newType(let name)?, _):
            switch typeInfo?.newTypes[name.name]?.representation {
            case .translatedType(let translation)?:
                if case .sdnBitwidth? = translation.sdnType, case .bitstring(let bytes)? = data.kind {
                    return FieldFormat.number.render(bytes)
                }
                return nil
            case .originalType(let original)?:
                return render(data, type: original, depth: depth + 1)
            case nil:
                return nil
            }
        default:
            return nil
        }
    }
}
