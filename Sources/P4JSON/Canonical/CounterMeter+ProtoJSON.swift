import JSONCore
import P4Model

extension Index: ProtoJSONMessage {
    /// `p4.v1.Index`.
    public static let protoName = "p4.v1.Index"

    /// Decodes a `p4.v1.Index` (`{}` is index 0).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "index": index = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Index`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if index != 0 { w.key("index"); w.int64String(index) }
        w.endObject()
    }
}

extension CounterData: ProtoJSONMessage {
    /// `p4.v1.CounterData`.
    public static let protoName = "p4.v1.CounterData"

    /// Decodes a `p4.v1.CounterData`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "byteCount", "byte_count": byteCount = try d.int64(member.value)
            case "packetCount", "packet_count": packetCount = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.CounterData`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if byteCount != 0 { w.key("byteCount"); w.int64String(byteCount) }
        if packetCount != 0 { w.key("packetCount"); w.int64String(packetCount) }
        w.endObject()
    }
}

extension CounterEntry: ProtoJSONMessage {
    /// `p4.v1.CounterEntry`.
    public static let protoName = "p4.v1.CounterEntry"

    /// Decodes a `p4.v1.CounterEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "counterId", "counter_id": counterId = CounterID(try d.uint32(member.value))
            case "index": index = try d.message(Index.self, member.value)
            case "data": data = try d.message(CounterData.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.CounterEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if counterId.rawValue != 0 { w.key("counterId"); w.integer(Int64(counterId.rawValue)) }
        if let index { w.key("index"); index.encode(to: &w) }
        if let data { w.key("data"); data.encode(to: &w) }
        w.endObject()
    }
}

extension DirectCounterEntry: ProtoJSONMessage {
    /// `p4.v1.DirectCounterEntry`.
    public static let protoName = "p4.v1.DirectCounterEntry"

    /// Decodes a `p4.v1.DirectCounterEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "tableEntry", "table_entry": tableEntry = try d.message(TableEntry.self, member.value)
            case "data": data = try d.message(CounterData.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.DirectCounterEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let tableEntry { w.key("tableEntry"); tableEntry.encode(to: &w) }
        if let data { w.key("data"); data.encode(to: &w) }
        w.endObject()
    }
}

extension MeterConfig: ProtoJSONMessage {
    /// `p4.v1.MeterConfig`.
    public static let protoName = "p4.v1.MeterConfig"

    /// Decodes a `p4.v1.MeterConfig`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "cir": cir = try d.int64(member.value)
            case "cburst": cburst = try d.int64(member.value)
            case "pir": pir = try d.int64(member.value)
            case "pburst": pburst = try d.int64(member.value)
            case "eburst": eburst = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.MeterConfig`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if cir != 0 { w.key("cir"); w.int64String(cir) }
        if cburst != 0 { w.key("cburst"); w.int64String(cburst) }
        if pir != 0 { w.key("pir"); w.int64String(pir) }
        if pburst != 0 { w.key("pburst"); w.int64String(pburst) }
        if eburst != 0 { w.key("eburst"); w.int64String(eburst) }
        w.endObject()
    }
}

extension MeterCounterData: ProtoJSONMessage {
    /// `p4.v1.MeterCounterData`.
    public static let protoName = "p4.v1.MeterCounterData"

    /// Decodes a `p4.v1.MeterCounterData`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "green": green = try d.message(CounterData.self, member.value)
            case "yellow": yellow = try d.message(CounterData.self, member.value)
            case "red": red = try d.message(CounterData.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.MeterCounterData`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let green { w.key("green"); green.encode(to: &w) }
        if let yellow { w.key("yellow"); yellow.encode(to: &w) }
        if let red { w.key("red"); red.encode(to: &w) }
        w.endObject()
    }
}

extension MeterEntry: ProtoJSONMessage {
    /// `p4.v1.MeterEntry`.
    public static let protoName = "p4.v1.MeterEntry"

    /// Decodes a `p4.v1.MeterEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "meterId", "meter_id": meterId = MeterID(try d.uint32(member.value))
            case "index": index = try d.message(Index.self, member.value)
            case "config": config = try d.message(MeterConfig.self, member.value)
            case "counterData", "counter_data": counterData = try d.message(MeterCounterData.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.MeterEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if meterId.rawValue != 0 { w.key("meterId"); w.integer(Int64(meterId.rawValue)) }
        if let index { w.key("index"); index.encode(to: &w) }
        if let config { w.key("config"); config.encode(to: &w) }
        if let counterData { w.key("counterData"); counterData.encode(to: &w) }
        w.endObject()
    }
}

extension DirectMeterEntry: ProtoJSONMessage {
    /// `p4.v1.DirectMeterEntry`.
    public static let protoName = "p4.v1.DirectMeterEntry"

    /// Decodes a `p4.v1.DirectMeterEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "tableEntry", "table_entry": tableEntry = try d.message(TableEntry.self, member.value)
            case "config": config = try d.message(MeterConfig.self, member.value)
            case "counterData", "counter_data": counterData = try d.message(MeterCounterData.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.DirectMeterEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let tableEntry { w.key("tableEntry"); tableEntry.encode(to: &w) }
        if let config { w.key("config"); config.encode(to: &w) }
        if let counterData { w.key("counterData"); counterData.encode(to: &w) }
        w.endObject()
    }
}
