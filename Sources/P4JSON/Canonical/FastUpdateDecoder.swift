import JSONCore
import P4Model

/// Decodes the common shape of a `p4.v1.Update` straight from the parsed document (``JSONNode``), without building
/// a ``JSONValue`` per node: a table entry with exact, LPM, ternary, range or optional matches and a direct action
/// or profile member/group, lowerCamelCase keys, integers as JSON numbers, standard base64.
///
/// It accepts a strict subset of what the full decoder (`Update(protoJSON:decoder:)`) accepts and produces the same
/// value for it. Anything else (snake_case or unknown keys, `null`, integers given as strings, other entities,
/// URL-safe base64, and every invalid input) returns nil, and the caller decodes the node with the full decoder,
/// which yields the value or the exact error with its JSON path. So the fast path changes neither what is accepted
/// nor how errors read.
enum FastUpdateDecoder {
    /// The update, or nil when the node is outside the fast subset.
    static func update(_ node: JSONNode) -> Update? {
        guard node.isObject else { return nil }
        var update = Update()
        for (key, value) in node.members {
            switch key {
            case "type":
                guard let type = updateType(value) else { return nil }
                update.type = type
            case "entity":
                guard value.isObject else { return nil }
                var entity = Entity(nil)
                for (entityKey, entityValue) in value.members {
                    guard entityKey == "tableEntry", let entry = tableEntry(entityValue) else { return nil }
                    entity.kind = .tableEntry(entry)
                }
                update.entity = entity
            default:
                return nil
            }
        }
        return update
    }

    private static func updateType(_ node: JSONNode) -> UpdateType? {
        if let number = node.integer {
            return Int32(exactly: number).map { UpdateType(rawValue: $0) }
        }
        guard let text = node.stringBytes else { return nil }
        let key = JSONKey(bytes: text)
        if key == "INSERT" { return .insert }
        if key == "MODIFY" { return .modify }
        if key == "DELETE" { return .delete }
        if key == "UNSPECIFIED" { return .unspecified }
        return nil
    }

    private static func tableEntry(_ node: JSONNode) -> TableEntry? {
        guard node.isObject else { return nil }
        var entry = TableEntry()
        for (key, value) in node.members {
            switch key {
            case "tableId":
                guard let id = uint32(value) else { return nil }
                entry.tableId = TableID(id)
            case "match":
                guard value.isArray else { return nil }
                let count = value.count
                var matches: [FieldMatch] = []
                matches.reserveCapacity(count)
                for index in 0..<count {
                    guard let element = value[index], let match = fieldMatch(element) else { return nil }
                    matches.append(match)
                }
                entry.match = matches
            case "action":
                guard let action = tableAction(value) else { return nil }
                entry.action = action
            case "priority":
                guard let number = value.integer, let priority = Int32(exactly: number) else { return nil }
                entry.priority = priority
            case "idleTimeoutNs":
                guard let number = value.integer else { return nil }
                entry.idleTimeoutNs = number
            case "isDefaultAction":
                guard let flag = value.bool else { return nil }
                entry.isDefaultAction = flag
            case "metadata":
                guard let bytes = base64(value) else { return nil }
                entry.metadata = bytes
            default:
                return nil
            }
        }
        return entry
    }

    private static func fieldMatch(_ node: JSONNode) -> FieldMatch? {
        guard node.isObject else { return nil }
        var match = FieldMatch(nil)
        for (key, value) in node.members {
            if key == "fieldId" {
                guard let id = uint32(value) else { return nil }
                match.fieldId = MatchFieldID(id)
                continue
            }
            // A second member of the oneof is an error the full decoder reports.
            guard match.kind == nil else { return nil }
            switch key {
            case "exact":
                guard let fields = bytesFields(value, "value", nil) else { return nil }
                match.kind = .exact(value: fields.0)
            case "lpm":
                guard let lpm = lpm(value) else { return nil }
                match.kind = lpm
            case "ternary":
                guard let fields = bytesFields(value, "value", "mask") else { return nil }
                match.kind = .ternary(value: fields.0, mask: fields.1)
            case "range":
                guard let fields = bytesFields(value, "low", "high") else { return nil }
                match.kind = .range(low: fields.0, high: fields.1)
            case "optional":
                guard let fields = bytesFields(value, "value", nil) else { return nil }
                match.kind = .optional(value: fields.0)
            default:
                return nil
            }
        }
        return match
    }

    private static func lpm(_ node: JSONNode) -> FieldMatch.Kind? {
        guard node.isObject else { return nil }
        var bytes: [UInt8] = []
        var prefixLen: Int32 = 0
        for (key, value) in node.members {
            switch key {
            case "value":
                guard let decoded = base64(value) else { return nil }
                bytes = decoded
            case "prefixLen":
                guard let number = value.integer, let length = Int32(exactly: number) else { return nil }
                prefixLen = length
            default:
                return nil
            }
        }
        return .lpm(value: bytes, prefixLen: prefixLen)
    }

    /// A message of one or two `bytes` fields; absent fields are empty.
    private static func bytesFields(_ node: JSONNode, _ first: StaticString, _ second: StaticString?)
        -> ([UInt8], [UInt8])?
    {
        guard node.isObject else { return nil }
        var result: ([UInt8], [UInt8]) = ([], [])
        for (key, value) in node.members {
            guard let bytes = base64(value) else { return nil }
            if key == first {
                result.0 = bytes
            } else if let second, key == second {
                result.1 = bytes
            } else {
                return nil
            }
        }
        return result
    }

    private static func tableAction(_ node: JSONNode) -> TableAction? {
        guard node.isObject else { return nil }
        var action = TableAction(nil)
        for (key, value) in node.members {
            guard action.kind == nil else { return nil }
            switch key {
            case "action":
                guard let direct = directAction(value) else { return nil }
                action.kind = .action(direct)
            case "actionProfileMemberId":
                guard let id = uint32(value) else { return nil }
                action.kind = .actionProfileMemberId(ActionProfileMemberID(id))
            case "actionProfileGroupId":
                guard let id = uint32(value) else { return nil }
                action.kind = .actionProfileGroupId(ActionProfileGroupID(id))
            default:
                return nil
            }
        }
        return action
    }

    private static func directAction(_ node: JSONNode) -> Action? {
        guard node.isObject else { return nil }
        var action = Action()
        for (key, value) in node.members {
            switch key {
            case "actionId":
                guard let id = uint32(value) else { return nil }
                action.actionId = ActionID(id)
            case "params":
                guard value.isArray else { return nil }
                let count = value.count
                var params: [Action.Param] = []
                params.reserveCapacity(count)
                for index in 0..<count {
                    guard let element = value[index], let param = param(element) else { return nil }
                    params.append(param)
                }
                action.params = params
            default:
                return nil
            }
        }
        return action
    }

    private static func param(_ node: JSONNode) -> Action.Param? {
        guard node.isObject else { return nil }
        var param = Action.Param()
        for (key, value) in node.members {
            switch key {
            case "paramId":
                guard let id = uint32(value) else { return nil }
                param.paramId = ActionParamID(id)
            case "value":
                guard let bytes = base64(value) else { return nil }
                param.value = bytes
            default:
                return nil
            }
        }
        return param
    }

    private static func uint32(_ node: JSONNode) -> UInt32? {
        node.integer.flatMap { UInt32(exactly: $0) }
    }

    /// Standard base64 with optional padding, exactly as `Base64.decode` reads it for the standard alphabet; nil
    /// for anything else (URL-safe characters included: the full decoder handles those).
    static func base64(_ node: JSONNode) -> [UInt8]? {
        node.stringBytes.flatMap(base64(text:))
    }

    /// ``base64(_:)`` of a string's bytes.
    static func base64(text: UnsafeRawBufferPointer) -> [UInt8]? {
        // Validate and count first, so the result is allocated once at its exact size.
        var sextets = 0
        var padding = 0
        for byte in text {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            if padding > 0 || sextet(byte) > 63 { return nil }
            sextets += 1
        }
        if sextets % 4 == 1 || padding > 2 { return nil }
        if padding > 0 && (sextets + padding) % 4 != 0 { return nil }
        let rest = sextets % 4
        let count = sextets / 4 * 3 + (rest == 0 ? 0 : rest - 1)
        // reserveCapacity + append stay in code specialised for UInt8; `Array(unsafeUninitializedCapacity:)` goes
        // through the unspecialised allocator, which looks the storage type's metadata up on every call (about
        // twice the cost for the 1-16 byte values of table entries).
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var chunk: UInt32 = 0
        var pending = 0
        for index in 0..<sextets {
            chunk = chunk << 6 | UInt32(sextet(text[index]))
            pending += 1
            if pending == 4 {
                out.append(UInt8(truncatingIfNeeded: chunk >> 16))
                out.append(UInt8(truncatingIfNeeded: chunk >> 8))
                out.append(UInt8(truncatingIfNeeded: chunk))
                chunk = 0
                pending = 0
            }
        }
        if pending == 2 {
            out.append(UInt8(truncatingIfNeeded: chunk >> 4))
        } else if pending == 3 {
            out.append(UInt8(truncatingIfNeeded: chunk >> 10))
            out.append(UInt8(truncatingIfNeeded: chunk >> 2))
        }
        return out
    }

    /// The value of a standard-alphabet base64 digit, or 0xFF.
    @inline(__always)
    private static func sextet(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte &- UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte &- UInt8(ascii: "a") &+ 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte &- UInt8(ascii: "0") &+ 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: 0xFF
        }
    }
}
