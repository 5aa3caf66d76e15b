import JSONCore
import P4Model

extension TableEntry: ProtoJSONMessage {
    /// `p4.v1.TableEntry`.
    public static let protoName = "p4.v1.TableEntry"

    /// Decodes a `p4.v1.TableEntry`; `meterConfig`, `counterData`, `meterCounterData` and `timeSinceLastHit` keep
    /// their presence (`{}` is set, absent or `null` is nil).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "tableId", "table_id": tableId = TableID(try d.uint32(member.value))
            case "match": match = try d.messages(FieldMatch.self, member.value)
            case "action": action = try d.message(TableAction.self, member.value)
            case "priority": priority = try d.int32(member.value)
            case "controllerMetadata", "controller_metadata": controllerMetadata = try d.uint64(member.value)
            case "meterConfig", "meter_config": meterConfig = try d.message(MeterConfig.self, member.value)
            case "counterData", "counter_data": counterData = try d.message(CounterData.self, member.value)
            case "meterCounterData", "meter_counter_data":
                meterCounterData = try d.message(MeterCounterData.self, member.value)
            case "isDefaultAction", "is_default_action": isDefaultAction = try d.bool(member.value)
            case "idleTimeoutNs", "idle_timeout_ns": idleTimeoutNs = try d.int64(member.value)
            case "timeSinceLastHit", "time_since_last_hit":
                timeSinceLastHit = try d.message(IdleTimeout.self, member.value)
            case "metadata": metadata = try d.bytes(member.value)
            case "isConst", "is_const": isConst = try d.bool(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.TableEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if tableId.rawValue != 0 { w.key(literal: "tableId"); w.integer(Int64(tableId.rawValue)) }
        if !match.isEmpty {
            w.key(literal: "match")
            w.beginArray()
            for field in match { field.encode(to: &w) }
            w.endArray()
        }
        if let action { w.key(literal: "action"); action.encode(to: &w) }
        if priority != 0 { w.key(literal: "priority"); w.integer(Int64(priority)) }
        if controllerMetadata != 0 { w.key(literal: "controllerMetadata"); w.uint64String(controllerMetadata) }
        if let meterConfig { w.key(literal: "meterConfig"); meterConfig.encode(to: &w) }
        if let counterData { w.key(literal: "counterData"); counterData.encode(to: &w) }
        if isDefaultAction { w.key(literal: "isDefaultAction"); w.bool(true) }
        if idleTimeoutNs != 0 { w.key(literal: "idleTimeoutNs"); w.int64String(idleTimeoutNs) }
        if let timeSinceLastHit { w.key(literal: "timeSinceLastHit"); timeSinceLastHit.encode(to: &w) }
        if !metadata.isEmpty { w.key(literal: "metadata"); w.base64(metadata) }
        if let meterCounterData { w.key(literal: "meterCounterData"); meterCounterData.encode(to: &w) }
        if isConst { w.key(literal: "isConst"); w.bool(true) }
        w.endObject()
    }
}

extension TableEntry.IdleTimeout: ProtoJSONMessage {
    /// `p4.v1.TableEntry.IdleTimeout`.
    public static let protoName = "p4.v1.TableEntry.IdleTimeout"

    /// Decodes a `p4.v1.TableEntry.IdleTimeout`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "elapsedNs", "elapsed_ns": elapsedNs = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.TableEntry.IdleTimeout`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if elapsedNs != 0 { w.key(literal: "elapsedNs"); w.int64String(elapsedNs) }
        w.endObject()
    }
}

extension FieldMatch: ProtoJSONMessage {
    /// `p4.v1.FieldMatch`.
    public static let protoName = "p4.v1.FieldMatch"

    /// Decodes a `p4.v1.FieldMatch`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "fieldId", "field_id": fieldId = MatchFieldID(try d.uint32(member.value))
            case "exact":
                try d.claim(&chosen, "exact", oneof: "field_match_type")
                let fields = try d.bytesFields(member.value, of: "p4.v1.FieldMatch.Exact", ["value"])
                kind = .exact(value: fields[0])
            case "ternary":
                try d.claim(&chosen, "ternary", oneof: "field_match_type")
                let fields = try d.bytesFields(member.value, of: "p4.v1.FieldMatch.Ternary", ["value", "mask"])
                kind = .ternary(value: fields[0], mask: fields[1])
            case "lpm":
                try d.claim(&chosen, "lpm", oneof: "field_match_type")
                kind = try Self.decodeLPM(member.value, &d)
            case "range":
                try d.claim(&chosen, "range", oneof: "field_match_type")
                let fields = try d.bytesFields(member.value, of: "p4.v1.FieldMatch.Range", ["low", "high"])
                kind = .range(low: fields[0], high: fields[1])
            case "optional":
                try d.claim(&chosen, "optional", oneof: "field_match_type")
                let fields = try d.bytesFields(member.value, of: "p4.v1.FieldMatch.Optional", ["value"])
                kind = .optional(value: fields[0])
            case "other":
                try d.claim(&chosen, "other", oneof: "field_match_type")
                kind = .other(try d.any(member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    private static func decodeLPM(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> Kind
    {
        var bytes: [UInt8] = []
        var prefixLen: Int32 = 0
        for member in try d.members(value, of: "p4.v1.FieldMatch.LPM") {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "value": bytes = try d.bytes(member.value)
            case "prefixLen", "prefix_len": prefixLen = try d.int32(member.value)
            default: if let error = d.unknownField(member.key, in: "p4.v1.FieldMatch.LPM") { throw error }
            }
        }
        return .lpm(value: bytes, prefixLen: prefixLen)
    }

    /// Writes a `p4.v1.FieldMatch`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if fieldId.rawValue != 0 { w.key(literal: "fieldId"); w.integer(Int64(fieldId.rawValue)) }
        switch kind {
        case nil: break
        case .exact(let value):
            w.key(literal: "exact")
            w.beginObject()
            if !value.isEmpty { w.key(literal: "value"); w.base64(value) }
            w.endObject()
        case .ternary(let value, let mask):
            w.key(literal: "ternary")
            w.beginObject()
            if !value.isEmpty { w.key(literal: "value"); w.base64(value) }
            if !mask.isEmpty { w.key(literal: "mask"); w.base64(mask) }
            w.endObject()
        case .lpm(let value, let prefixLen):
            w.key(literal: "lpm")
            w.beginObject()
            if !value.isEmpty { w.key(literal: "value"); w.base64(value) }
            if prefixLen != 0 { w.key(literal: "prefixLen"); w.integer(Int64(prefixLen)) }
            w.endObject()
        case .range(let low, let high):
            w.key(literal: "range")
            w.beginObject()
            if !low.isEmpty { w.key(literal: "low"); w.base64(low) }
            if !high.isEmpty { w.key(literal: "high"); w.base64(high) }
            w.endObject()
        case .optional(let value):
            w.key(literal: "optional")
            w.beginObject()
            if !value.isEmpty { w.key(literal: "value"); w.base64(value) }
            w.endObject()
        case .other(let any):
            w.key(literal: "other")
            any.encode(to: &w)
        }
        w.endObject()
    }
}

extension ProtoJSONDecoder {
    /// Decodes a message whose fields are all `bytes` with one-word names (`value`, `mask`, `low`, `high`);
    /// returns them in the order of `names`, empty when absent.
    mutating func bytesFields(_ value: JSONValue, of message: String, _ names: [String])
        throws(P4RuntimeError) -> [[UInt8]]
    {
        var result = [[UInt8]](repeating: [], count: names.count)
        for member in try members(value, of: message) {
            if case .null = member.value { continue }
            enter(member.key)
            defer { leave() }
            if let index = names.firstIndex(of: member.key) {
                result[index] = try bytes(member.value)
            } else if let error = unknownField(member.key, in: message) {
                throw error
            }
        }
        return result
    }
}
