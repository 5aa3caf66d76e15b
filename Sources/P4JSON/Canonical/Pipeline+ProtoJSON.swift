import JSONCore
import P4Model

extension SetForwardingPipelineConfigRequest: ProtoJSONMessage {
    /// `p4.v1.SetForwardingPipelineConfigRequest`.
    public static let protoName = "p4.v1.SetForwardingPipelineConfigRequest"

    /// Decodes a `p4.v1.SetForwardingPipelineConfigRequest` (the P4Info inside is built and shape-checked).
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
            case "action":
                action = try d.enumeration(
                    Action.self, member.value, name: "p4.v1.SetForwardingPipelineConfigRequest.Action")
            case "config": config = try d.message(ForwardingPipelineConfig.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.SetForwardingPipelineConfigRequest`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if deviceId != 0 { w.key("deviceId"); w.uint64String(deviceId) }
        if roleId != 0 { w.key("roleId"); w.uint64String(roleId) }
        if let electionId { w.key("electionId"); electionId.encode(to: &w) }
        if action.rawValue != 0 { w.key("action"); w.enumValue(action) }
        if let config { w.key("config"); config.encode(to: &w) }
        if !role.isEmpty { w.key("role"); w.string(role) }
        w.endObject()
    }
}

extension SetForwardingPipelineConfigResponse: ProtoJSONMessage {
    /// `p4.v1.SetForwardingPipelineConfigResponse`.
    public static let protoName = "p4.v1.SetForwardingPipelineConfigResponse"

    /// Decodes the empty response (`{}`).
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

extension ForwardingPipelineConfig: ProtoJSONMessage {
    /// `p4.v1.ForwardingPipelineConfig`.
    public static let protoName = "p4.v1.ForwardingPipelineConfig"

    /// Decodes a `p4.v1.ForwardingPipelineConfig`; `p4info` goes through P4Model's P4Info decoder (either key
    /// spelling, maps for `typeInfo`, bytes as base64), whose unknown-field warnings are dropped.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "p4info": p4info = try d.p4Info(member.value)
            case "p4DeviceConfig", "p4_device_config": p4DeviceConfig = try d.bytes(member.value)
            case "cookie": cookie = try d.message(Cookie.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ForwardingPipelineConfig`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let p4info { w.key("p4info"); p4info.encode(to: &w) }
        if !p4DeviceConfig.isEmpty { w.key("p4DeviceConfig"); w.base64(p4DeviceConfig) }
        if let cookie { w.key("cookie"); cookie.encode(to: &w) }
        w.endObject()
    }
}

extension ForwardingPipelineConfig.Cookie: ProtoJSONMessage {
    /// `p4.v1.ForwardingPipelineConfig.Cookie`.
    public static let protoName = "p4.v1.ForwardingPipelineConfig.Cookie"

    /// Decodes a cookie (`{}` is the set value 0).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "cookie": cookie = try d.uint64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a cookie.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if cookie != 0 { w.key("cookie"); w.uint64String(cookie) }
        w.endObject()
    }
}

extension GetForwardingPipelineConfigRequest: ProtoJSONMessage {
    /// `p4.v1.GetForwardingPipelineConfigRequest`.
    public static let protoName = "p4.v1.GetForwardingPipelineConfigRequest"

    /// Decodes a `p4.v1.GetForwardingPipelineConfigRequest`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "deviceId", "device_id": deviceId = try d.uint64(member.value)
            case "responseType", "response_type":
                responseType = try d.enumeration(
                    ResponseType.self, member.value, name: "p4.v1.GetForwardingPipelineConfigRequest.ResponseType")
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.GetForwardingPipelineConfigRequest`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if deviceId != 0 { w.key("deviceId"); w.uint64String(deviceId) }
        if responseType.rawValue != 0 { w.key("responseType"); w.enumValue(responseType) }
        w.endObject()
    }
}

extension GetForwardingPipelineConfigResponse: ProtoJSONMessage {
    /// `p4.v1.GetForwardingPipelineConfigResponse`.
    public static let protoName = "p4.v1.GetForwardingPipelineConfigResponse"

    /// Decodes a `p4.v1.GetForwardingPipelineConfigResponse`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "config": config = try d.message(ForwardingPipelineConfig.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.GetForwardingPipelineConfigResponse`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let config { w.key("config"); config.encode(to: &w) }
        w.endObject()
    }
}

extension CapabilitiesRequest: ProtoJSONMessage {
    /// `p4.v1.CapabilitiesRequest`.
    public static let protoName = "p4.v1.CapabilitiesRequest"

    /// Decodes a `p4.v1.CapabilitiesRequest`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "deviceId", "device_id": deviceId = try d.uint64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.CapabilitiesRequest`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if deviceId != 0 { w.key("deviceId"); w.uint64String(deviceId) }
        w.endObject()
    }
}

extension CapabilitiesResponse: ProtoJSONMessage {
    /// `p4.v1.CapabilitiesResponse`.
    public static let protoName = "p4.v1.CapabilitiesResponse"

    /// Decodes a `p4.v1.CapabilitiesResponse`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "p4runtimeApiVersion", "p4runtime_api_version": p4runtimeApiVersion = try d.string(member.value)
            case "experimental": experimental = try d.any(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.CapabilitiesResponse`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !p4runtimeApiVersion.isEmpty { w.key("p4runtimeApiVersion"); w.string(p4runtimeApiVersion) }
        if let experimental { w.key("experimental"); experimental.encode(to: &w) }
        w.endObject()
    }
}
