import JSONCore
import P4Model

extension Entity: ProtoJSONMessage {
    /// `p4.v1.Entity`.
    public static let protoName = "p4.v1.Entity"

    /// Decodes a `p4.v1.Entity`; `{}` gives an entity with no kind (the service rejects it, §13.2).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "externEntry", "extern_entry":
                try d.claim(&chosen, "externEntry", oneof: "entity")
                kind = .externEntry(try d.message(ExternEntry.self, member.value))
            case "tableEntry", "table_entry":
                try d.claim(&chosen, "tableEntry", oneof: "entity")
                kind = .tableEntry(try d.message(TableEntry.self, member.value))
            case "actionProfileMember", "action_profile_member":
                try d.claim(&chosen, "actionProfileMember", oneof: "entity")
                kind = .actionProfileMember(try d.message(ActionProfileMember.self, member.value))
            case "actionProfileGroup", "action_profile_group":
                try d.claim(&chosen, "actionProfileGroup", oneof: "entity")
                kind = .actionProfileGroup(try d.message(ActionProfileGroup.self, member.value))
            case "meterEntry", "meter_entry":
                try d.claim(&chosen, "meterEntry", oneof: "entity")
                kind = .meterEntry(try d.message(MeterEntry.self, member.value))
            case "directMeterEntry", "direct_meter_entry":
                try d.claim(&chosen, "directMeterEntry", oneof: "entity")
                kind = .directMeterEntry(try d.message(DirectMeterEntry.self, member.value))
            case "counterEntry", "counter_entry":
                try d.claim(&chosen, "counterEntry", oneof: "entity")
                kind = .counterEntry(try d.message(CounterEntry.self, member.value))
            case "directCounterEntry", "direct_counter_entry":
                try d.claim(&chosen, "directCounterEntry", oneof: "entity")
                kind = .directCounterEntry(try d.message(DirectCounterEntry.self, member.value))
            case "packetReplicationEngineEntry", "packet_replication_engine_entry":
                try d.claim(&chosen, "packetReplicationEngineEntry", oneof: "entity")
                kind = .packetReplicationEngineEntry(try d.message(PacketReplicationEngineEntry.self, member.value))
            case "valueSetEntry", "value_set_entry":
                try d.claim(&chosen, "valueSetEntry", oneof: "entity")
                kind = .valueSetEntry(try d.message(ValueSetEntry.self, member.value))
            case "registerEntry", "register_entry":
                try d.claim(&chosen, "registerEntry", oneof: "entity")
                kind = .registerEntry(try d.message(RegisterEntry.self, member.value))
            case "digestEntry", "digest_entry":
                try d.claim(&chosen, "digestEntry", oneof: "entity")
                kind = .digestEntry(try d.message(DigestEntry.self, member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Entity`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        switch kind {
        case nil: break
        case .externEntry(let entry): w.key(literal: "externEntry"); entry.encode(to: &w)
        case .tableEntry(let entry): w.key(literal: "tableEntry"); entry.encode(to: &w)
        case .actionProfileMember(let member): w.key(literal: "actionProfileMember"); member.encode(to: &w)
        case .actionProfileGroup(let group): w.key(literal: "actionProfileGroup"); group.encode(to: &w)
        case .meterEntry(let entry): w.key(literal: "meterEntry"); entry.encode(to: &w)
        case .directMeterEntry(let entry): w.key(literal: "directMeterEntry"); entry.encode(to: &w)
        case .counterEntry(let entry): w.key(literal: "counterEntry"); entry.encode(to: &w)
        case .directCounterEntry(let entry): w.key(literal: "directCounterEntry"); entry.encode(to: &w)
        case .packetReplicationEngineEntry(let entry): w.key(literal: "packetReplicationEngineEntry"); entry.encode(to: &w)
        case .valueSetEntry(let entry): w.key(literal: "valueSetEntry"); entry.encode(to: &w)
        case .registerEntry(let entry): w.key(literal: "registerEntry"); entry.encode(to: &w)
        case .digestEntry(let entry): w.key(literal: "digestEntry"); entry.encode(to: &w)
        }
        w.endObject()
    }
}
