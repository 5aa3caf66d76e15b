import JSONCore
import P4Model

extension FriendlyCodec {
    /// Decodes a friendly entity: an object with one member named like the canonical `Entity` oneof
    /// (`tableEntry`, `actionProfileMember`, `actionProfileGroup`, `counterEntry`, `directCounterEntry`,
    /// `meterEntry`, `directMeterEntry`, `registerEntry`, `digestEntry`) holding the friendly shape. The kinds
    /// without a friendly shape (`packetReplicationEngineEntry`, `valueSetEntry`, `externEntry`) are accepted in
    /// their canonical form.
    ///
    /// `forRead` relaxes what a read's wildcards need (no table means every table).
    public func entity(_ value: JSONValue, _ d: inout ProtoJSONDecoder, forRead: Bool = false)
        throws(P4RuntimeError) -> Entity
    {
        var entity = Entity(nil)
        var chosen: String?
        try forEachMember(value, of: "friendly entity", &d) { member, d throws(P4RuntimeError) in
            let kind: Entity.Kind
            switch member.key {
            case "tableEntry", "table_entry":
                kind = .tableEntry(try tableEntry(member.value, &d, requireTable: !forRead))
            case "actionProfileMember", "action_profile_member":
                kind = .actionProfileMember(try actionProfileMember(member.value, &d))
            case "actionProfileGroup", "action_profile_group":
                kind = .actionProfileGroup(try actionProfileGroup(member.value, &d))
            case "counterEntry", "counter_entry": kind = .counterEntry(try counterEntry(member.value, &d))
            case "directCounterEntry", "direct_counter_entry":
                kind = .directCounterEntry(try directCounterEntry(member.value, &d))
            case "meterEntry", "meter_entry": kind = .meterEntry(try meterEntry(member.value, &d))
            case "directMeterEntry", "direct_meter_entry":
                kind = .directMeterEntry(try directMeterEntry(member.value, &d))
            case "registerEntry", "register_entry": kind = .registerEntry(try registerEntry(member.value, &d))
            case "digestEntry", "digest_entry": kind = .digestEntry(try digestEntry(member.value, &d))
            case "packetReplicationEngineEntry", "packet_replication_engine_entry":
                kind = .packetReplicationEngineEntry(try d.message(PacketReplicationEngineEntry.self, member.value))
            case "valueSetEntry", "value_set_entry":
                kind = .valueSetEntry(try d.message(ValueSetEntry.self, member.value))
            case "externEntry", "extern_entry": kind = .externEntry(try d.message(ExternEntry.self, member.value))
            default: return false
            }
            try d.claim(&chosen, Entity(kind).jsonName ?? member.key, oneof: "entity")
            entity.kind = kind
            return true
        }
        return entity
    }

    /// Renders an entity in the friendly form (canonical inside for kinds without a friendly shape).
    public func render(_ entity: Entity) -> JSONValue {
        let body: JSONValue
        switch entity.kind {
        case nil: return Self.object([])
        case .tableEntry(let entry): body = render(entry)
        case .actionProfileMember(let member): body = render(member)
        case .actionProfileGroup(let group): body = render(group)
        case .counterEntry(let entry): body = render(entry)
        case .directCounterEntry(let entry): body = render(entry)
        case .meterEntry(let entry): body = render(entry)
        case .directMeterEntry(let entry): body = render(entry)
        case .registerEntry(let entry): body = render(entry)
        case .digestEntry(let entry): body = render(entry)
        case .packetReplicationEngineEntry(let entry): body = Self.canonical(entry)
        case .valueSetEntry(let entry): body = Self.canonical(entry)
        case .externEntry(let entry): body = Self.canonical(entry)
        }
        return Self.object([(entity.jsonName ?? "entity", body)])
    }

    /// Decodes a friendly update: `{"type": "INSERT", "entity": {…friendly entity…}}`.
    public func update(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> Update {
        var update = Update()
        try forEachMember(value, of: "friendly update", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "type": update.type = try d.enumeration(UpdateType.self, member.value, name: "p4.v1.Update.Type")
            case "entity": update.entity = try entity(member.value, &d)
            default: return false
            }
            return true
        }
        return update
    }

    /// Decodes a friendly write request: the canonical request fields (`deviceId`, `role`, `electionId`,
    /// `atomicity`) and `updates` holding friendly updates.
    public func writeRequest(_ bytes: [UInt8]) throws(P4RuntimeError) -> WriteRequest {
        let value = try ProtoJSON.parse(bytes)
        var d = ProtoJSONDecoder()
        var request = WriteRequest()
        try forEachMember(value, of: "friendly write request", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "deviceId", "device_id": request.deviceId = try d.uint64(member.value)
            case "role": request.role = try d.string(member.value)
            case "electionId", "election_id": request.electionId = try d.message(Uint128.self, member.value)
            case "atomicity":
                request.atomicity = try d.enumeration(
                    Atomicity.self, member.value, name: "p4.v1.WriteRequest.Atomicity")
            case "updates":
                for (position, element) in try d.array(member.value).enumerated() {
                    d.enter(index: position)
                    request.updates.append(try update(element, &d))
                    d.leave()
                }
            default: return false
            }
            return true
        }
        return request
    }

    /// Decodes a friendly read request: `deviceId`, `role` and `entities` holding friendly entities (wildcards:
    /// leave out the table, match fields, index…).
    public func readRequest(_ bytes: [UInt8]) throws(P4RuntimeError) -> ReadRequest {
        let value = try ProtoJSON.parse(bytes)
        var d = ProtoJSONDecoder()
        var request = ReadRequest()
        try forEachMember(value, of: "friendly read request", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "deviceId", "device_id": request.deviceId = try d.uint64(member.value)
            case "role": request.role = try d.string(member.value)
            case "entities":
                for (position, element) in try d.array(member.value).enumerated() {
                    d.enter(index: position)
                    request.entities.append(try entity(element, &d, forRead: true))
                    d.leave()
                }
            default: return false
            }
            return true
        }
        return request
    }

    /// Decodes one friendly entity from JSON text (e.g. the body of a per-table endpoint).
    public func entity(_ bytes: [UInt8], forRead: Bool = false) throws(P4RuntimeError) -> Entity {
        var d = ProtoJSONDecoder()
        return try entity(try ProtoJSON.parse(bytes), &d, forRead: forRead)
    }

    /// Decodes one friendly table entry from JSON text (the entry object itself, without the `tableEntry` key).
    public func tableEntry(_ bytes: [UInt8]) throws(P4RuntimeError) -> TableEntry {
        var d = ProtoJSONDecoder()
        return try tableEntry(try ProtoJSON.parse(bytes), &d)
    }

    /// Decodes a friendly `{"entities": […]}` read answer (clients).
    public func readResponse(_ bytes: [UInt8]) throws(P4RuntimeError) -> [Entity] {
        let value = try ProtoJSON.parse(bytes)
        var d = ProtoJSONDecoder()
        var entities: [Entity] = []
        try forEachMember(value, of: "friendly read response", &d) { member, d throws(P4RuntimeError) in
            guard member.key == "entities" else { return false }
            for (position, element) in try d.array(member.value).enumerated() {
                d.enter(index: position)
                entities.append(try entity(element, &d, forRead: true))
                d.leave()
            }
            return true
        }
        return entities
    }

    /// The friendly `{"entities": […]}` answer of a read.
    public func readResponse(_ entities: [Entity]) -> [UInt8] {
        var writer = JSONWriter(style: .compact)
        writer.value(Self.object([("entities", .array(entities.map(render)))]))
        return writer.take()
    }
}
