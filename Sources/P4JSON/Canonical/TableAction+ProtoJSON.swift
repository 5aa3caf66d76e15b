import JSONCore
import P4Model

extension TableAction: ProtoJSONMessage {
    /// `p4.v1.TableAction`.
    public static let protoName = "p4.v1.TableAction"

    /// Decodes a `p4.v1.TableAction`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "action":
                try d.claim(&chosen, "action", oneof: "type")
                kind = .action(try d.message(Action.self, member.value))
            case "actionProfileMemberId", "action_profile_member_id":
                try d.claim(&chosen, "actionProfileMemberId", oneof: "type")
                kind = .actionProfileMemberId(ActionProfileMemberID(try d.uint32(member.value)))
            case "actionProfileGroupId", "action_profile_group_id":
                try d.claim(&chosen, "actionProfileGroupId", oneof: "type")
                kind = .actionProfileGroupId(ActionProfileGroupID(try d.uint32(member.value)))
            case "actionProfileActionSet", "action_profile_action_set":
                try d.claim(&chosen, "actionProfileActionSet", oneof: "type")
                kind = .actionProfileActionSet(try d.message(ActionProfileActionSet.self, member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.TableAction` (a oneof member set to 0 is still printed, as proto3 oneofs have presence).
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        switch kind {
        case nil: break
        case .action(let action): w.key(literal: "action"); action.encode(to: &w)
        case .actionProfileMemberId(let id): w.key(literal: "actionProfileMemberId"); w.integer(Int64(id.rawValue))
        case .actionProfileGroupId(let id): w.key(literal: "actionProfileGroupId"); w.integer(Int64(id.rawValue))
        case .actionProfileActionSet(let set): w.key(literal: "actionProfileActionSet"); set.encode(to: &w)
        }
        w.endObject()
    }
}

extension Action: ProtoJSONMessage {
    /// `p4.v1.Action`.
    public static let protoName = "p4.v1.Action"

    /// Decodes a `p4.v1.Action`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "actionId", "action_id": actionId = ActionID(try d.uint32(member.value))
            case "params": params = try d.messages(Param.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Action`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if actionId.rawValue != 0 { w.key(literal: "actionId"); w.integer(Int64(actionId.rawValue)) }
        if !params.isEmpty {
            w.key(literal: "params")
            w.beginArray()
            for param in params { param.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension Action.Param: ProtoJSONMessage {
    /// `p4.v1.Action.Param`.
    public static let protoName = "p4.v1.Action.Param"

    /// Decodes a `p4.v1.Action.Param`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "paramId", "param_id": paramId = ActionParamID(try d.uint32(member.value))
            case "value": self.value = try d.bytes(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Action.Param`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if paramId.rawValue != 0 { w.key(literal: "paramId"); w.integer(Int64(paramId.rawValue)) }
        if !value.isEmpty { w.key(literal: "value"); w.base64(value) }
        w.endObject()
    }
}

extension ActionProfileActionSet: ProtoJSONMessage {
    /// `p4.v1.ActionProfileActionSet`.
    public static let protoName = "p4.v1.ActionProfileActionSet"

    /// Decodes a `p4.v1.ActionProfileActionSet` (v1.6 `groupAction` included).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "actionProfileActions", "action_profile_actions":
                actionProfileActions = try d.messages(ActionProfileAction.self, member.value)
            case "actionSelectionMode", "action_selection_mode":
                actionSelectionMode = try d.enumeration(
                    ActionSelectionMode.self, member.value, name: "p4.v1.ActionProfileActionSet.ActionSelectionMode")
            case "sizeSemantics", "size_semantics":
                sizeSemantics = try d.enumeration(
                    SizeSemantics.self, member.value, name: "p4.v1.ActionProfileActionSet.SizeSemantics")
            case "groupAction", "group_action": groupAction = try d.message(Action.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ActionProfileActionSet`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !actionProfileActions.isEmpty {
            w.key(literal: "actionProfileActions")
            w.beginArray()
            for action in actionProfileActions { action.encode(to: &w) }
            w.endArray()
        }
        if actionSelectionMode.rawValue != 0 { w.key(literal: "actionSelectionMode"); w.enumValue(actionSelectionMode) }
        if sizeSemantics.rawValue != 0 { w.key(literal: "sizeSemantics"); w.enumValue(sizeSemantics) }
        if let groupAction { w.key(literal: "groupAction"); groupAction.encode(to: &w) }
        w.endObject()
    }
}

extension ActionProfileAction: ProtoJSONMessage {
    /// `p4.v1.ActionProfileAction`.
    public static let protoName = "p4.v1.ActionProfileAction"

    /// Decodes a `p4.v1.ActionProfileAction`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "action": action = try d.message(Action.self, member.value)
            case "weight": weight = try d.int32(member.value)
            case "watch", "watchPort", "watch_port": watchKind = try d.watchKind(member, &chosen)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ActionProfileAction`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if let action { w.key(literal: "action"); action.encode(to: &w) }
        if weight != 0 { w.key(literal: "weight"); w.integer(Int64(weight)) }
        w.watchKind(watchKind)
        w.endObject()
    }
}

extension ProtoJSONDecoder {
    /// Decodes the `watch_kind` oneof member `member` (`watch` or `watchPort`).
    mutating func watchKind(_ member: JSONMember, _ chosen: inout String?) throws(P4RuntimeError) -> WatchKind {
        if member.key == "watch" {
            try claim(&chosen, "watch", oneof: "watch_kind")
            return .watch(try int32(member.value))
        }
        try claim(&chosen, "watchPort", oneof: "watch_kind")
        return .watchPort(try bytes(member.value))
    }
}

extension JSONWriter {
    /// Writes the `watch_kind` oneof (a set member is printed even when it holds its default).
    mutating func watchKind(_ kind: WatchKind?) {
        switch kind {
        case nil: break
        case .watch(let port): key("watch"); integer(Int64(port))
        case .watchPort(let port): key("watchPort"); base64(port)
        }
    }
}

extension ActionProfileMember: ProtoJSONMessage {
    /// `p4.v1.ActionProfileMember`.
    public static let protoName = "p4.v1.ActionProfileMember"

    /// Decodes a `p4.v1.ActionProfileMember`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "actionProfileId", "action_profile_id": actionProfileId = ActionProfileID(try d.uint32(member.value))
            case "memberId", "member_id": memberId = ActionProfileMemberID(try d.uint32(member.value))
            case "action": action = try d.message(Action.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ActionProfileMember`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if actionProfileId.rawValue != 0 { w.key(literal: "actionProfileId"); w.integer(Int64(actionProfileId.rawValue)) }
        if memberId.rawValue != 0 { w.key(literal: "memberId"); w.integer(Int64(memberId.rawValue)) }
        if let action { w.key(literal: "action"); action.encode(to: &w) }
        w.endObject()
    }
}

extension ActionProfileGroup: ProtoJSONMessage {
    /// `p4.v1.ActionProfileGroup`.
    public static let protoName = "p4.v1.ActionProfileGroup"

    /// Decodes a `p4.v1.ActionProfileGroup`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "actionProfileId", "action_profile_id": actionProfileId = ActionProfileID(try d.uint32(member.value))
            case "groupId", "group_id": groupId = ActionProfileGroupID(try d.uint32(member.value))
            case "members": members = try d.messages(Member.self, member.value)
            case "maxSize", "max_size": maxSize = try d.int32(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ActionProfileGroup`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if actionProfileId.rawValue != 0 { w.key(literal: "actionProfileId"); w.integer(Int64(actionProfileId.rawValue)) }
        if groupId.rawValue != 0 { w.key(literal: "groupId"); w.integer(Int64(groupId.rawValue)) }
        if !members.isEmpty {
            w.key(literal: "members")
            w.beginArray()
            for member in members { member.encode(to: &w) }
            w.endArray()
        }
        if maxSize != 0 { w.key(literal: "maxSize"); w.integer(Int64(maxSize)) }
        w.endObject()
    }
}

extension ActionProfileGroup.Member: ProtoJSONMessage {
    /// `p4.v1.ActionProfileGroup.Member`.
    public static let protoName = "p4.v1.ActionProfileGroup.Member"

    /// Decodes a `p4.v1.ActionProfileGroup.Member`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "memberId", "member_id": memberId = ActionProfileMemberID(try d.uint32(member.value))
            case "weight": weight = try d.int32(member.value)
            case "watch", "watchPort", "watch_port": watchKind = try d.watchKind(member, &chosen)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.ActionProfileGroup.Member`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if memberId.rawValue != 0 { w.key(literal: "memberId"); w.integer(Int64(memberId.rawValue)) }
        if weight != 0 { w.key(literal: "weight"); w.integer(Int64(weight)) }
        w.watchKind(watchKind)
        w.endObject()
    }
}
