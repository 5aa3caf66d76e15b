import JSONCore
import P4Model

extension ValueSetEntry: ProtoJSONMessage {
    /// `p4.v1.ValueSetEntry`.
    public static let protoName = "p4.v1.ValueSetEntry"

    /// Decodes a `p4.v1.ValueSetEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "valueSetId", "value_set_id": valueSetId = ValueSetID(try d.uint32(member.value))
            case "members": members = try d.messages(ValueSetMember.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ValueSetEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if valueSetId.rawValue != 0 { w.key("valueSetId"); w.integer(Int64(valueSetId.rawValue)) }
        if !members.isEmpty {
            w.key("members")
            w.beginArray()
            for member in members { member.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension ValueSetMember: ProtoJSONMessage {
    /// `p4.v1.ValueSetMember`.
    public static let protoName = "p4.v1.ValueSetMember"

    /// Decodes a `p4.v1.ValueSetMember`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "match": match = try d.messages(FieldMatch.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ValueSetMember`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !match.isEmpty {
            w.key("match")
            w.beginArray()
            for field in match { field.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension RegisterEntry: ProtoJSONMessage {
    /// `p4.v1.RegisterEntry`.
    public static let protoName = "p4.v1.RegisterEntry"

    /// Decodes a `p4.v1.RegisterEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "registerId", "register_id": registerId = RegisterID(try d.uint32(member.value))
            case "index": index = try d.message(Index.self, member.value)
            case "data": data = try d.message(P4Data.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.RegisterEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if registerId.rawValue != 0 { w.key("registerId"); w.integer(Int64(registerId.rawValue)) }
        if let index { w.key("index"); index.encode(to: &w) }
        if let data { w.key("data"); data.encode(to: &w) }
        w.endObject()
    }
}

extension DigestEntry: ProtoJSONMessage {
    /// `p4.v1.DigestEntry`.
    public static let protoName = "p4.v1.DigestEntry"

    /// Decodes a `p4.v1.DigestEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "digestId", "digest_id": digestId = DigestID(try d.uint32(member.value))
            case "config": config = try d.message(Config.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.DigestEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if digestId.rawValue != 0 { w.key("digestId"); w.integer(Int64(digestId.rawValue)) }
        if let config { w.key("config"); config.encode(to: &w) }
        w.endObject()
    }
}

extension DigestEntry.Config: ProtoJSONMessage {
    /// `p4.v1.DigestEntry.Config`.
    public static let protoName = "p4.v1.DigestEntry.Config"

    /// Decodes a `p4.v1.DigestEntry.Config`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "maxTimeoutNs", "max_timeout_ns": maxTimeoutNs = try d.int64(member.value)
            case "maxListSize", "max_list_size": maxListSize = try d.int32(member.value)
            case "ackTimeoutNs", "ack_timeout_ns": ackTimeoutNs = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.DigestEntry.Config`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if maxTimeoutNs != 0 { w.key("maxTimeoutNs"); w.int64String(maxTimeoutNs) }
        if maxListSize != 0 { w.key("maxListSize"); w.integer(Int64(maxListSize)) }
        if ackTimeoutNs != 0 { w.key("ackTimeoutNs"); w.int64String(ackTimeoutNs) }
        w.endObject()
    }
}

extension ExternEntry: ProtoJSONMessage {
    /// `p4.v1.ExternEntry`.
    public static let protoName = "p4.v1.ExternEntry"

    /// Decodes a `p4.v1.ExternEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "externTypeId", "extern_type_id": externTypeId = ExternTypeID(try d.uint32(member.value))
            case "externId", "extern_id": externId = ExternInstanceID(try d.uint32(member.value))
            case "entry": entry = try d.any(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ExternEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if externTypeId.rawValue != 0 { w.key("externTypeId"); w.integer(Int64(externTypeId.rawValue)) }
        if externId.rawValue != 0 { w.key("externId"); w.integer(Int64(externId.rawValue)) }
        if let entry { w.key("entry"); entry.encode(to: &w) }
        w.endObject()
    }
}
