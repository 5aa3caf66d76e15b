import JSONCore
import P4Model

extension FriendlyCodec {
    // MARK: - Table entries

    /// Decodes a friendly table entry:
    /// `{"table": …, "match": {field: value}, "action": …, "params": {…}, "priority": n, …}`.
    ///
    /// `requireTable` is false for read requests, where an absent table means every table.
    public func tableEntry(_ value: JSONValue, _ d: inout ProtoJSONDecoder, requireTable: Bool = true)
        throws(P4RuntimeError) -> TableEntry
    {
        var entry = TableEntry()
        var table: P4Info.Table?
        var matchValue: JSONValue?
        var actionValue: JSONValue?
        var paramsValue: JSONValue?
        var actionChoice: String?
        try forEachMember(value, of: "friendly table entry", &d) { member, d throws(P4RuntimeError) in
            switch member.key {
            case "table": table = try self.table(member.value, &d)
            case "match": matchValue = member.value
            case "action":
                try d.claim(&actionChoice, "action", oneof: "action")
                actionValue = member.value
            case "params": paramsValue = member.value
            case "member":
                try d.claim(&actionChoice, "member", oneof: "action")
                entry.action = .member(ActionProfileMemberID(try d.uint32(member.value)))
            case "group":
                try d.claim(&actionChoice, "group", oneof: "action")
                entry.action = .group(ActionProfileGroupID(try d.uint32(member.value)))
            case "actions":
                try d.claim(&actionChoice, "actions", oneof: "action")
                entry.action = .actionSet(try actionSet(member.value, &d))
            case "priority": entry.priority = try d.int32(member.value)
            case "controllerMetadata", "controller_metadata": entry.controllerMetadata = try d.uint64(member.value)
            case "meterConfig", "meter_config": entry.meterConfig = try d.message(MeterConfig.self, member.value)
            case "counterData", "counter_data": entry.counterData = try d.message(CounterData.self, member.value)
            case "meterCounterData", "meter_counter_data":
                entry.meterCounterData = try d.message(MeterCounterData.self, member.value)
            case "isDefaultAction", "is_default_action": entry.isDefaultAction = try d.bool(member.value)
            case "idleTimeoutNs", "idle_timeout_ns": entry.idleTimeoutNs = try d.int64(member.value)
            case "timeSinceLastHit", "time_since_last_hit":
                entry.timeSinceLastHit = try d.message(TableEntry.IdleTimeout.self, member.value)
            case "metadata": entry.metadata = Array(try d.string(member.value).utf8)
            case "metadataBase64": entry.metadata = try d.bytes(member.value)
            case "isConst", "is_const": entry.isConst = try d.bool(member.value)
            default: return false
            }
            return true
        }
        guard let table else {
            if requireTable { throw d.failure("missing \"table\"") }
            if matchValue != nil || actionValue != nil {
                throw d.failure("\"match\" and \"action\" need a \"table\"")
            }
            return entry
        }
        entry.tableId = table.id
        if let matchValue {
            d.enter("match")
            entry.match = try match(matchValue, table: table, &d)
            d.leave()
        }
        if let actionValue {
            d.enter("action")
            let action = try self.action(actionValue, &d)
            d.leave()
            entry.action = .action(try call(action, params: paramsValue, &d))
        } else if paramsValue != nil {
            throw d.failure("\"params\" needs an \"action\"")
        }
        return entry
    }

    /// Decodes a `{"field name": value}` match object against `table`'s key; don't-care fields are left out and
    /// the result is in P4Info key order.
    func match(_ value: JSONValue, table: P4Info.Table, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> [FieldMatch]
    {
        var byField: [UInt32: FieldMatch] = [:]
        try forEachMember(value, of: "friendly match", &d) { member, d throws(P4RuntimeError) in
            guard let field = index.matchField(named: member.key, inTable: table.id) else {
                throw d.failure("table \"\(table.preamble.name)\" has no match field \"\(member.key)\"")
            }
            do throws(P4RuntimeError) {
                if let match = try FriendlyMatch.parse(member.value, field: field, what: "value") {
                    byField[field.id.rawValue] = match
                } else {
                    byField[field.id.rawValue] = nil
                }
            } catch {
                throw P4RuntimeError(error.code, d.path.description + ": " + error.message.dropPrefix("value: "))
            }
            return true
        }
        return table.matchFields.compactMap { byField[$0.id.rawValue] }
    }

    /// Builds an action call from a resolved action and its `{"param": value}` object; every parameter is
    /// required.
    func call(_ action: P4Info.Action, params: JSONValue?, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> Action
    {
        var values: [UInt32: [UInt8]] = [:]
        if let params {
            d.enter("params")
            try forEachMember(params, of: "friendly params", &d) { member, d throws(P4RuntimeError) in
                guard let param = index.param(named: member.key, inAction: action.id) else {
                    throw d.failure("action \"\(action.preamble.name)\" has no parameter \"\(member.key)\"")
                }
                values[param.id.rawValue] = try value(member.value, bitwidth: param.bitwidth, &d)
                return true
            }
            d.leave()
        }
        var result = Action(actionId: action.id)
        for param in action.params {
            guard let bytes = values[param.id.rawValue] else {
                throw d.failure("missing parameter \"\(param.name)\" of action \"\(action.preamble.name)\"")
            }
            result.params.append(Action.Param(paramId: param.id, value: bytes))
        }
        return result
    }

    /// Decodes a friendly one-shot action set: `[{"action": …, "params": {…}, "weight": n, "watchPort": v}, …]`.
    func actionSet(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> ActionProfileActionSet {
        var set = ActionProfileActionSet()
        for (position, element) in try d.array(value).enumerated() {
            d.enter(index: position)
            var weighted = ActionProfileAction()
            var actionValue: JSONValue?
            var params: JSONValue?
            try forEachMember(element, of: "friendly weighted action", &d) { member, d throws(P4RuntimeError) in
                switch member.key {
                case "action": actionValue = member.value
                case "params": params = member.value
                case "weight": weighted.weight = try d.int32(member.value)
                case "watchPort", "watch_port": weighted.watchKind = .watchPort(try watchPort(member.value, &d))
                default: return false
                }
                return true
            }
            guard let actionValue else { throw d.failure("missing \"action\"") }
            d.enter("action")
            let action = try self.action(actionValue, &d)
            d.leave()
            weighted.action = try call(action, params: params, &d)
            set.actionProfileActions.append(weighted)
            d.leave()
        }
        return set
    }

    /// A watch port: a friendly value of up to 32 bits (the width of P4Runtime SDN port numbers).
    func watchPort(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError) -> [UInt8] {
        try self.value(value, bitwidth: 32, &d)
    }

    /// Renders a table entry in the friendly form (fields at their defaults are left out).
    public func render(_ entry: TableEntry) -> JSONValue {
        let table = index.table(entry.tableId)
        var members: [(String, JSONValue)] = []
        if !entry.tableId.isUnset { members.append(("table", name(table?.preamble, id: entry.tableId.rawValue))) }
        if !entry.match.isEmpty {
            var fields: [(String, JSONValue)] = []
            for match in entry.match {
                if let field = index.matchField(match.fieldId, inTable: entry.tableId) {
                    fields.append((field.name, FriendlyMatch.render(match, field: field)))
                } else {
                    fields.append((String(match.fieldId.rawValue), Self.canonical(match)))
                }
            }
            members.append(("match", Self.object(fields)))
        }
        switch entry.action?.kind {
        case .action(let action)?: members += render(action)
        case .actionProfileMemberId(let id)?: members.append(("member", .integer(Int64(id.rawValue))))
        case .actionProfileGroupId(let id)?: members.append(("group", .integer(Int64(id.rawValue))))
        case .actionProfileActionSet(let set)?:
            members.append(("actions", .array(set.actionProfileActions.map { weighted in
                var item: [(String, JSONValue)] = weighted.action.map(render) ?? []
                item.append(("weight", .integer(Int64(weighted.weight))))
                if case .watchPort(let port)? = weighted.watchKind {
                    item.append(("watchPort", FieldFormat.number.render(port)))
                }
                return Self.object(item)
            })))
        case nil: break
        }
        if entry.priority != 0 { members.append(("priority", .integer(Int64(entry.priority)))) }
        if entry.controllerMetadata != 0 {
            members.append(("controllerMetadata", .string(String(entry.controllerMetadata))))
        }
        if let config = entry.meterConfig { members.append(("meterConfig", Self.canonical(config))) }
        if let data = entry.counterData { members.append(("counterData", Self.canonical(data))) }
        if let data = entry.meterCounterData { members.append(("meterCounterData", Self.canonical(data))) }
        if entry.isDefaultAction { members.append(("isDefaultAction", .bool(true))) }
        if entry.idleTimeoutNs != 0 { members.append(("idleTimeoutNs", .string(String(entry.idleTimeoutNs)))) }
        if let idle = entry.timeSinceLastHit { members.append(("timeSinceLastHit", Self.canonical(idle))) }
        if !entry.metadata.isEmpty {
            if let text = String(validating: entry.metadata, as: UTF8.self) {
                members.append(("metadata", .string(text)))
            } else {
                members.append(("metadataBase64", .string(Base64.encode(entry.metadata))))
            }
        }
        if entry.isConst { members.append(("isConst", .bool(true))) }
        return Self.object(members)
    }

    /// `"action"` and `"params"` members for an action call.
    func render(_ action: Action) -> [(String, JSONValue)] {
        let info = index.action(action.actionId)
        var params: [(String, JSONValue)] = []
        for param in action.params {
            if let declared = index.param(param.paramId, inAction: action.actionId) {
                let format = FieldFormat(
                    name: declared.name, bitwidth: declared.bitwidth, typeName: declared.typeName,
                    annotations: declared.annotations, structuredAnnotations: declared.structuredAnnotations)
                params.append((declared.name, format.render(param.value)))
            } else {
                params.append((String(param.paramId.rawValue), FieldFormat.number.render(param.value)))
            }
        }
        var members: [(String, JSONValue)] = [("action", name(info?.preamble, id: action.actionId.rawValue))]
        if !params.isEmpty { members.append(("params", Self.object(params))) }
        return members
    }

    // MARK: - Action profile members and groups

    /// Decodes `{"actionProfile": …, "memberId": n, "action": …, "params": {…}}`.
    public func actionProfileMember(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> ActionProfileMember
    {
        var member = ActionProfileMember()
        var actionValue: JSONValue?
        var params: JSONValue?
        try forEachMember(value, of: "friendly action profile member", &d) { field, d throws(P4RuntimeError) in
            switch field.key {
            case "actionProfile", "action_profile": member.actionProfileId = try actionProfile(field.value, &d).id
            case "memberId", "member_id": member.memberId = ActionProfileMemberID(try d.uint32(field.value))
            case "action": actionValue = field.value
            case "params": params = field.value
            default: return false
            }
            return true
        }
        if let actionValue {
            d.enter("action")
            let action = try self.action(actionValue, &d)
            d.leave()
            member.action = try call(action, params: params, &d)
        }
        return member
    }

    /// Decodes `{"actionProfile": …, "groupId": n, "members": [{"memberId": n, "weight": n, "watchPort": v}],
    /// "maxSize": n}`.
    public func actionProfileGroup(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> ActionProfileGroup
    {
        var group = ActionProfileGroup()
        try forEachMember(value, of: "friendly action profile group", &d) { field, d throws(P4RuntimeError) in
            switch field.key {
            case "actionProfile", "action_profile": group.actionProfileId = try actionProfile(field.value, &d).id
            case "groupId", "group_id": group.groupId = ActionProfileGroupID(try d.uint32(field.value))
            case "maxSize", "max_size": group.maxSize = try d.int32(field.value)
            case "members":
                for (position, element) in try d.array(field.value).enumerated() {
                    d.enter(index: position)
                    var entry = ActionProfileGroup.Member()
                    try forEachMember(element, of: "friendly group member", &d) { item, d throws(P4RuntimeError) in
                        switch item.key {
                        case "memberId", "member_id": entry.memberId = ActionProfileMemberID(try d.uint32(item.value))
                        case "weight": entry.weight = try d.int32(item.value)
                        case "watchPort", "watch_port": entry.watchKind = .watchPort(try watchPort(item.value, &d))
                        default: return false
                        }
                        return true
                    }
                    group.members.append(entry)
                    d.leave()
                }
            default: return false
            }
            return true
        }
        return group
    }

    func actionProfile(_ value: JSONValue, _ d: inout ProtoJSONDecoder) throws(P4RuntimeError)
        -> P4Info.ActionProfile
    {
        try reference(
            value, kind: "action profile", &d, byName: { index.actionProfile(named: $0) },
            byID: { index.actionProfile(ActionProfileID($0)) })
    }

    /// Renders an action profile member.
    public func render(_ member: ActionProfileMember) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if !member.actionProfileId.isUnset {
            members.append((
                "actionProfile",
                name(index.actionProfile(member.actionProfileId)?.preamble, id: member.actionProfileId.rawValue)
            ))
        }
        if !member.memberId.isUnset { members.append(("memberId", .integer(Int64(member.memberId.rawValue)))) }
        if let action = member.action { members += render(action) }
        return Self.object(members)
    }

    /// Renders an action profile group.
    public func render(_ group: ActionProfileGroup) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if !group.actionProfileId.isUnset {
            members.append((
                "actionProfile",
                name(index.actionProfile(group.actionProfileId)?.preamble, id: group.actionProfileId.rawValue)
            ))
        }
        if !group.groupId.isUnset { members.append(("groupId", .integer(Int64(group.groupId.rawValue)))) }
        if !group.members.isEmpty {
            members.append(("members", .array(group.members.map { member in
                var item: [(String, JSONValue)] = [("memberId", .integer(Int64(member.memberId.rawValue)))]
                if member.weight != 0 { item.append(("weight", .integer(Int64(member.weight)))) }
                if case .watchPort(let port)? = member.watchKind {
                    item.append(("watchPort", FieldFormat.number.render(port)))
                }
                return Self.object(item)
            })))
        }
        if group.maxSize != 0 { members.append(("maxSize", .integer(Int64(group.maxSize)))) }
        return Self.object(members)
    }
}
