import JSONCore
import P4Model

extension FastUpdateDecoder {
    /// The update in one JSON text (an NDJSON line or an element of `updates`), read by ``JSONScanner`` without
    /// jansson, or nil when the text is outside the fast subset (the scanner's and this decoder's); the caller then
    /// parses it with jansson and decodes it with the full decoder. Repeated keys return nil, as jansson rejects
    /// them.
    static func update(scanning bytes: UnsafeRawBufferPointer) -> Update? {
        var scanner = JSONScanner(bytes)
        guard let update = update(&scanner), scanner.finish() else { return nil }
        return update
    }

    /// One update value at the scanner's position.
    static func update(_ s: inout JSONScanner) -> Update? {
        guard s.beginObject() else { return nil }
        var update = Update()
        var first = true
        var seen = Seen()
        while true {
            switch s.nextMember(&first) {
            case .end: return update
            case .invalid: return nil
            case .next(let key):
                switch key {
                case "type":
                    guard seen.insert(0), let type = updateType(&s) else { return nil }
                    update.type = type
                case "entity":
                    guard seen.insert(1), let entity = entity(&s) else { return nil }
                    update.entity = entity
                default:
                    return nil
                }
            }
        }
    }

    /// One entity value at the scanner's position: only a table entry is in the fast subset.
    static func entity(_ s: inout JSONScanner) -> Entity? {
        guard s.beginObject() else { return nil }
        var entity = Entity(nil)
        var first = true
        while true {
            switch s.nextMember(&first) {
            case .end: return entity
            case .invalid: return nil
            case .next(let key):
                guard key == "tableEntry", entity.kind == nil, let entry = tableEntry(&s) else { return nil }
                entity.kind = .tableEntry(entry)
            }
        }
    }

    private static func updateType(_ s: inout JSONScanner) -> UpdateType? {
        guard s.nextIsString() else {
            return s.integer().flatMap { Int32(exactly: $0) }.map { UpdateType(rawValue: $0) }
        }
        guard let text = s.string() else { return nil }
        let key = JSONKey(bytes: text)
        if key == "INSERT" { return .insert }
        if key == "MODIFY" { return .modify }
        if key == "DELETE" { return .delete }
        if key == "UNSPECIFIED" { return .unspecified }
        return nil
    }

    private static func tableEntry(_ s: inout JSONScanner) -> TableEntry? {
        guard s.beginObject() else { return nil }
        var entry = TableEntry()
        var first = true
        var seen = Seen()
        while true {
            switch s.nextMember(&first) {
            case .end: return entry
            case .invalid: return nil
            case .next(let key):
                switch key {
                case "tableId":
                    guard seen.insert(0), let id = uint32(&s) else { return nil }
                    entry.tableId = TableID(id)
                case "match":
                    guard seen.insert(1), s.beginArray() else { return nil }
                    var matches: [FieldMatch] = []
                    matches.reserveCapacity(8)
                    var elementFirst = true
                    while true {
                        guard let more = s.nextElement(&elementFirst) else { return nil }
                        if !more { break }
                        guard let match = fieldMatch(&s) else { return nil }
                        matches.append(match)
                    }
                    entry.match = matches
                case "action":
                    guard seen.insert(2), let action = tableAction(&s) else { return nil }
                    entry.action = action
                case "priority":
                    guard seen.insert(3), let number = s.integer(), let priority = Int32(exactly: number) else {
                        return nil
                    }
                    entry.priority = priority
                case "idleTimeoutNs":
                    guard seen.insert(4), let number = int64(&s) else { return nil }
                    entry.idleTimeoutNs = number
                case "isDefaultAction":
                    guard seen.insert(5), let flag = s.bool() else { return nil }
                    entry.isDefaultAction = flag
                case "metadata":
                    guard seen.insert(6), let bytes = bytes(&s) else { return nil }
                    entry.metadata = bytes
                default:
                    return nil
                }
            }
        }
    }

    private static func fieldMatch(_ s: inout JSONScanner) -> FieldMatch? {
        guard s.beginObject() else { return nil }
        var match = FieldMatch(nil)
        var first = true
        var seenFieldId = false
        while true {
            switch s.nextMember(&first) {
            case .end: return match
            case .invalid: return nil
            case .next(let key):
                if key == "fieldId" {
                    guard !seenFieldId, let id = uint32(&s) else { return nil }
                    seenFieldId = true
                    match.fieldId = MatchFieldID(id)
                    continue
                }
                // A second member of the oneof (or a repeated one) is an error the full decoder reports.
                guard match.kind == nil else { return nil }
                switch key {
                case "exact":
                    guard let fields = bytesFields(&s, "value", nil) else { return nil }
                    match.kind = .exact(value: fields.0)
                case "lpm":
                    guard let lpm = lpm(&s) else { return nil }
                    match.kind = lpm
                case "ternary":
                    guard let fields = bytesFields(&s, "value", "mask") else { return nil }
                    match.kind = .ternary(value: fields.0, mask: fields.1)
                case "range":
                    guard let fields = bytesFields(&s, "low", "high") else { return nil }
                    match.kind = .range(low: fields.0, high: fields.1)
                case "optional":
                    guard let fields = bytesFields(&s, "value", nil) else { return nil }
                    match.kind = .optional(value: fields.0)
                default:
                    return nil
                }
            }
        }
    }

    private static func lpm(_ s: inout JSONScanner) -> FieldMatch.Kind? {
        guard s.beginObject() else { return nil }
        var value: [UInt8] = []
        var prefixLen: Int32 = 0
        var first = true
        var seen = Seen()
        while true {
            switch s.nextMember(&first) {
            case .end: return .lpm(value: value, prefixLen: prefixLen)
            case .invalid: return nil
            case .next(let key):
                switch key {
                case "value":
                    guard seen.insert(0), let decoded = bytes(&s) else { return nil }
                    value = decoded
                case "prefixLen":
                    guard seen.insert(1), let number = s.integer(), let length = Int32(exactly: number) else {
                        return nil
                    }
                    prefixLen = length
                default:
                    return nil
                }
            }
        }
    }

    private static func bytesFields(_ s: inout JSONScanner, _ firstName: StaticString, _ secondName: StaticString?)
        -> ([UInt8], [UInt8])?
    {
        guard s.beginObject() else { return nil }
        var result: ([UInt8], [UInt8]) = ([], [])
        var first = true
        var seen = Seen()
        while true {
            switch s.nextMember(&first) {
            case .end: return result
            case .invalid: return nil
            case .next(let key):
                if key == firstName {
                    guard seen.insert(0), let value = bytes(&s) else { return nil }
                    result.0 = value
                } else if let secondName, key == secondName {
                    guard seen.insert(1), let value = bytes(&s) else { return nil }
                    result.1 = value
                } else {
                    return nil
                }
            }
        }
    }

    private static func tableAction(_ s: inout JSONScanner) -> TableAction? {
        guard s.beginObject() else { return nil }
        var action = TableAction(nil)
        var first = true
        while true {
            switch s.nextMember(&first) {
            case .end: return action
            case .invalid: return nil
            case .next(let key):
                guard action.kind == nil else { return nil }
                switch key {
                case "action":
                    guard let direct = directAction(&s) else { return nil }
                    action.kind = .action(direct)
                case "actionProfileMemberId":
                    guard let id = uint32(&s) else { return nil }
                    action.kind = .actionProfileMemberId(ActionProfileMemberID(id))
                case "actionProfileGroupId":
                    guard let id = uint32(&s) else { return nil }
                    action.kind = .actionProfileGroupId(ActionProfileGroupID(id))
                default:
                    return nil
                }
            }
        }
    }

    private static func directAction(_ s: inout JSONScanner) -> Action? {
        guard s.beginObject() else { return nil }
        var action = Action()
        var first = true
        var seen = Seen()
        while true {
            switch s.nextMember(&first) {
            case .end: return action
            case .invalid: return nil
            case .next(let key):
                switch key {
                case "actionId":
                    guard seen.insert(0), let id = uint32(&s) else { return nil }
                    action.actionId = ActionID(id)
                case "params":
                    guard seen.insert(1), s.beginArray() else { return nil }
                    var params: [Action.Param] = []
                    params.reserveCapacity(4)
                    var elementFirst = true
                    while true {
                        guard let more = s.nextElement(&elementFirst) else { return nil }
                        if !more { break }
                        guard let param = param(&s) else { return nil }
                        params.append(param)
                    }
                    action.params = params
                default:
                    return nil
                }
            }
        }
    }

    private static func param(_ s: inout JSONScanner) -> Action.Param? {
        guard s.beginObject() else { return nil }
        var param = Action.Param()
        var first = true
        var seen = Seen()
        while true {
            switch s.nextMember(&first) {
            case .end: return param
            case .invalid: return nil
            case .next(let key):
                switch key {
                case "paramId":
                    guard seen.insert(0), let id = uint32(&s) else { return nil }
                    param.paramId = ActionParamID(id)
                case "value":
                    guard seen.insert(1), let value = bytes(&s) else { return nil }
                    param.value = value
                default:
                    return nil
                }
            }
        }
    }

    private static func uint32(_ s: inout JSONScanner) -> UInt32? {
        s.integer().flatMap { UInt32(exactly: $0) }
    }

    /// A proto3 JSON int64: a number, or the decimal string encoders print for 64-bit values (reads answer
    /// `"idleTimeoutNs":"8000000000000"`). Anything unusual inside the quotes is left to the full decoder.
    private static func int64(_ s: inout JSONScanner) -> Int64? {
        if let number = s.integer() { return number }
        guard let text = s.string(), let last = text.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last),
              let head = text.first, head == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(head)
        else { return nil }
        var inner = JSONScanner(text)
        guard let number = inner.integer(), inner.finish() else { return nil }
        return number
    }

    private static func bytes(_ s: inout JSONScanner) -> [UInt8]? {
        s.string().flatMap(base64(text:))
    }

    /// The known keys already read in one object (jansson rejects repeated keys, so the fast path must too).
    private struct Seen {
        var bits: UInt8 = 0
        /// False when `index` was seen already.
        mutating func insert(_ index: UInt8) -> Bool {
            let bit: UInt8 = 1 << index
            if bits & bit != 0 { return false }
            bits |= bit
            return true
        }
    }
}
