import JSONCore
import P4Model

extension WriteRequest: ProtoJSONMessage {
    /// `p4.v1.WriteRequest`.
    public static let protoName = "p4.v1.WriteRequest"

    /// Decodes a `p4.v1.WriteRequest`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "deviceId", "device_id": deviceId = try d.uint64(member.value)
            case "roleId", "role_id": roleId = try d.uint64(member.value)
            case "role": role = try d.string(member.value)
            case "electionId", "election_id": electionId = try d.message(Uint128.self, member.value)
            case "updates": updates = try d.messages(Update.self, member.value)
            case "atomicity":
                atomicity = try d.enumeration(Atomicity.self, member.value, name: "p4.v1.WriteRequest.Atomicity")
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.WriteRequest`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if deviceId != 0 { w.key(literal: "deviceId"); w.uint64String(deviceId) }
        if roleId != 0 { w.key(literal: "roleId"); w.uint64String(roleId) }
        if let electionId { w.key(literal: "electionId"); electionId.encode(to: &w) }
        if !updates.isEmpty {
            w.key(literal: "updates")
            w.beginArray()
            for update in updates { update.encode(to: &w) }
            w.endArray()
        }
        if atomicity.rawValue != 0 { w.key(literal: "atomicity"); w.enumValue(atomicity) }
        if !role.isEmpty { w.key(literal: "role"); w.string(role) }
        w.endObject()
    }
}

extension WriteResponse: ProtoJSONMessage {
    /// `p4.v1.WriteResponse`.
    public static let protoName = "p4.v1.WriteResponse"

    /// Decodes the empty `p4.v1.WriteResponse` (`{}`).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        try d.emptyMessage(value, of: Self.protoName)
    }

    /// Writes `{}`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        w.endObject()
    }
}

extension Update: ProtoJSONMessage {
    /// `p4.v1.Update`.
    public static let protoName = "p4.v1.Update"

    /// Decodes a `p4.v1.Update`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "type": type = try d.enumeration(UpdateType.self, member.value, name: "p4.v1.Update.Type")
            case "entity": entity = try d.message(Entity.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Update`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if type.rawValue != 0 { w.key(literal: "type"); w.enumValue(type) }
        if let entity { w.key(literal: "entity"); entity.encode(to: &w) }
        w.endObject()
    }
}

extension ReadRequest: ProtoJSONMessage {
    /// `p4.v1.ReadRequest`.
    public static let protoName = "p4.v1.ReadRequest"

    /// Decodes a `p4.v1.ReadRequest`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "deviceId", "device_id": deviceId = try d.uint64(member.value)
            case "role": role = try d.string(member.value)
            case "entities": entities = try d.messages(Entity.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ReadRequest`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if deviceId != 0 { w.key(literal: "deviceId"); w.uint64String(deviceId) }
        if !entities.isEmpty {
            w.key(literal: "entities")
            w.beginArray()
            for entity in entities { entity.encode(to: &w) }
            w.endArray()
        }
        if !role.isEmpty { w.key(literal: "role"); w.string(role) }
        w.endObject()
    }
}

extension ReadResponse: ProtoJSONMessage {
    /// `p4.v1.ReadResponse`.
    public static let protoName = "p4.v1.ReadResponse"

    /// Decodes a `p4.v1.ReadResponse`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "entities": entities = try d.messages(Entity.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ReadResponse`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !entities.isEmpty {
            w.key(literal: "entities")
            w.beginArray()
            for entity in entities { entity.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension Uint128: ProtoJSONMessage {
    /// `p4.v1.Uint128`.
    public static let protoName = "p4.v1.Uint128"

    /// Decodes a `p4.v1.Uint128`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "high": high = try d.uint64(member.value)
            case "low": low = try d.uint64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Uint128` (`{}` for zero).
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if high != 0 { w.key(literal: "high"); w.uint64String(high) }
        if low != 0 { w.key(literal: "low"); w.uint64String(low) }
        w.endObject()
    }
}
