/// DPDK's table-entry text format (`rte_swx_ctl_pipeline_table_entry_read`), read against a `SpecProgram`:
///
///     [match V1[/M1] V2[/M2] ... [priority P]] [action NAME [ARG1 VAL1 ARG2 VAL2 ...]]
///
/// One value per key field in key-block order: a `strtoull` base-0 number for fields of at most 64 bits
/// (truncated to the field width), a hex string of exactly `2 * bytes` digits for wider ones. `/MASK` gives a
/// ternary mask; on the lpm field it must be a prefix mask and sets the priority to `width − prefix`. Action
/// arguments are every argument in struct order with names checked (see `SpecActionData`). A token starting
/// with `#`, `;` or `//` ends the line.
public enum SpecEntryText {
    /// Parses one line. Returns nil for a blank or comment-only line.
    public static func parse(_ line: Substring, for target: SpecEntryTarget, in program: SpecProgram,
                             purpose: SpecEntryPurpose = .entry) throws(SpecTextError) -> SpecTableEntry? {
        let view = TargetView(target: target, program: program)
        var tokens: [Substring] = []
        for token in line.split(whereSeparator: SpecTokenizer.isSeparator) {
            if token.hasPrefix("#") || token.hasPrefix(";") || token.hasPrefix("//") { break }
            tokens.append(token)
        }
        guard !tokens.isEmpty else { return nil }
        guard tokens.count <= 256 else { throw SpecTextError(line: 0, message: "more than 256 tokens") }
        var position = 0
        var match: SpecEntryMatch?
        var action: SpecEntryAction?
        if tokens[0] == "match" {
            let parsed = try readMatch(tokens, position: &position, view: view)
            match = parsed
        }
        if position < tokens.count, tokens[position] == "action" {
            action = try readAction(tokens, position: &position, view: view)
        }
        guard position == tokens.count else {
            let expected = position == 0 ? "'match' or 'action'" : "the end of the line"
            throw SpecTextError(line: 0, message: "unexpected '\(tokens[position])' where \(expected) was expected")
        }
        let entry = SpecTableEntry(match: match, action: action)
        try check(entry, view: view, purpose: purpose)
        return entry
    }

    /// Parses every line of `text` (blank and comment lines skipped), returning each entry with its 1-based line.
    public static func parseAll(_ text: String, for target: SpecEntryTarget, in program: SpecProgram,
                                purpose: SpecEntryPurpose = .entry) throws(SpecTextError)
        -> [(line: Int, entry: SpecTableEntry)] {
        var result: [(line: Int, entry: SpecTableEntry)] = []
        var number = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            do {
                if let entry = try parse(line, for: target, in: program, purpose: purpose) {
                    result.append((number, entry))
                }
            } catch {
                throw SpecTextError(line: number, message: error.message)
            }
        }
        return result
    }

    // MARK: Reading

    /// The table-like object an entry is read against.
    struct TargetView {
        var name: String
        var keyFields: [SpecKeyField]
        var window: SpecKeyWindow?
        var kind: SpecTableKind
        var actions: [SpecTableAction]
        var program: SpecProgram

        init(target: SpecEntryTarget, program: SpecProgram) {
            self.program = program
            switch target {
            case .table(let index):
                let table = program.tables[index]
                (name, keyFields, window, kind, actions) = (table.name, table.keyFields, table.keyWindow, table.kind,
                                                           table.actions)
            case .learner(let index):
                let learner = program.learners[index]
                (name, keyFields, window, kind, actions) = (learner.name, learner.keyFields, learner.keyWindow,
                                                           .exact, learner.actions)
            }
        }
    }

    static func readMatch(_ tokens: [Substring], position: inout Int,
                          view: TargetView) throws(SpecTextError) -> SpecEntryMatch {
        let fields = view.keyFields
        guard tokens.count >= 1 + fields.count else {
            throw SpecTextError(line: 0, message: "table \(view.name) has \(fields.count) key field(s) but the match "
                + "gives \(tokens.count - 1) value(s)")
        }
        let windowOffset = view.window?.byteOffset ?? 0
        let size = view.window?.byteCount ?? 0
        var key = Array(repeating: UInt8(0), count: size)
        var mask = Array(repeating: UInt8(0), count: size)
        var lpmPriority: UInt32?
        for (i, keyField) in fields.enumerated() {
            let token = tokens[1 + i]
            let parts = token.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let valueText = parts[0]
            let maskText = parts.count == 2 ? parts[1] : nil
            let field = keyField.field
            let start = field.byteOffset - windowOffset
            let width = field.byteWidth
            if field.isBig {
                guard let value = CNumber.parseHexBytes(valueText, byteCount: width) else {
                    throw SpecTextError(line: 0, message: "key field \(keyField.name) (\(field.bitWidth) bits) needs "
                        + "exactly \(width * 2) hex digits, got '\(valueText)'")
                }
                var maskBytes = Array(repeating: UInt8(0xFF), count: width)
                if let maskText {
                    guard let parsed = CNumber.parseHexBytes(maskText, byteCount: width) else {
                        throw SpecTextError(line: 0, message: "mask of key field \(keyField.name) needs exactly "
                            + "\(width * 2) hex digits, got '\(maskText)'")
                    }
                    maskBytes = parsed
                    if keyField.matchKind == .lpm {
                        guard let prefix = prefixLength(ofBigEndianMask: parsed) else {
                            throw SpecTextError(line: 0, message: "mask '\(maskText)' of lpm field \(keyField.name) "
                                + "is not a prefix mask")
                        }
                        lpmPriority = UInt32(field.bitWidth - prefix)
                    }
                }
                key.replaceSubrange(start..<(start + width), with: value)
                mask.replaceSubrange(start..<(start + width), with: maskBytes)
            } else {
                guard let value = CNumber.parseUnsigned(valueText) else {
                    throw SpecTextError(line: 0, message: "value '\(valueText)' of key field \(keyField.name) is "
                        + "not a number")
                }
                var maskValue = UInt64.max
                if let maskText {
                    guard let parsed = CNumber.parseUnsigned(maskText) else {
                        throw SpecTextError(line: 0, message: "mask '\(maskText)' of key field \(keyField.name) is "
                            + "not a number")
                    }
                    maskValue = parsed
                    if keyField.matchKind == .lpm {
                        guard let prefix = prefixLength(ofMask: parsed, width: field.bitWidth) else {
                            throw SpecTextError(line: 0, message: "mask '\(maskText)' of lpm field \(keyField.name) is "
                                + "not a prefix mask of \(field.bitWidth) bits")
                        }
                        lpmPriority = UInt32(field.bitWidth - prefix)
                    }
                }
                let bigEndian = field.isNetworkByteOrder
                key.replaceSubrange(start..<(start + width),
                                    with: SpecActionData.bytes(of: value, width: width, bigEndian: bigEndian))
                mask.replaceSubrange(start..<(start + width),
                                     with: SpecActionData.bytes(of: maskValue, width: width, bigEndian: bigEndian))
            }
        }
        position = 1 + fields.count
        var priority: UInt32 = 0
        if position < tokens.count, tokens[position] == "priority" {
            guard position + 1 < tokens.count, let value = CNumber.parseUnsigned32(tokens[position + 1]) else {
                throw SpecTextError(line: 0, message: "'priority' needs a number")
            }
            priority = value
            position += 2
        }
        if let lpmPriority { priority = lpmPriority }
        return SpecEntryMatch(key: key, mask: mask, priority: priority)
    }

    static func readAction(_ tokens: [Substring], position: inout Int,
                           view: TargetView) throws(SpecTextError) -> SpecEntryAction {
        guard position + 1 < tokens.count else {
            throw SpecTextError(line: 0, message: "'action' needs an action name")
        }
        let name = tokens[position + 1]
        guard let index = view.program.actions.firstIndex(where: { $0.name == name }) else {
            throw SpecTextError(line: 0, message: "'\(name)' is not an action of this program")
        }
        let action = view.program.actions[index]
        let argumentCount = view.program.argumentsStruct(ofAction: index)?.fields.count ?? 0
        let start = position + 2
        guard tokens.count >= start + 2 * argumentCount else {
            throw SpecTextError(line: 0, message: "action \(name) takes \(argumentCount) argument(s) as NAME VALUE "
                + "pairs")
        }
        var data: [UInt8] = []
        if let argsStruct = view.program.argumentsStruct(ofAction: index) {
            do {
                data = try SpecActionData.encode(arguments: Array(tokens[start..<(start + 2 * argumentCount)]),
                                                 struct: argsStruct,
                                                 networkByteOrder: action.argumentIsNetworkByteOrder)
            } catch {
                throw SpecTextError(line: 0, message: "action \(name): \(error.message)")
            }
        }
        position = start + 2 * argumentCount
        return SpecEntryAction(actionIndex: index, actionData: data)
    }

    /// DPDK's `table_entry_check`: the parts the purpose needs, the action in the table's list with the right
    /// scope, and exact-table masks covering every key byte.
    static func check(_ entry: SpecTableEntry, view: TargetView, purpose: SpecEntryPurpose) throws(SpecTextError) {
        let needsMatch = !view.keyFields.isEmpty && purpose != .defaultEntry
        if needsMatch, entry.match == nil {
            throw SpecTextError(line: 0, message: "an entry of table \(view.name) needs 'match' with one value per "
                + "key field")
        }
        if purpose != .deleteKey, entry.action == nil {
            throw SpecTextError(line: 0, message: "the line needs 'action NAME ...'")
        }
        if let action = entry.action {
            let name = view.program.actions[action.actionIndex].name
            guard let listed = view.actions.first(where: { $0.actionIndex == action.actionIndex }) else {
                throw SpecTextError(line: 0, message: "action \(name) is not in the actions list of \(view.name)")
            }
            if purpose == .defaultEntry, !listed.scope.allowsDefault {
                throw SpecTextError(line: 0, message: "action \(name) is @tableonly and cannot be the default entry")
            }
            if purpose == .entry, !listed.scope.allowsEntries {
                throw SpecTextError(line: 0, message: "action \(name) is @defaultonly and cannot be used by an entry")
            }
        }
        if purpose != .defaultEntry, view.kind == .exact, let match = entry.match, let window = view.window {
            for (i, required) in window.mask.enumerated() where match.mask[i] & required != required {
                throw SpecTextError(line: 0, message: "table \(view.name) is an exact-match table: masks must cover "
                    + "every key bit")
            }
        }
    }

    /// DPDK's `mask_to_prefix`: a mask of `width` bits must be ones from the top, zeros below.
    static func prefixLength(ofMask mask: UInt64, width: Int) -> Int? {
        if mask == 0 { return 0 }
        let trailingZeros = mask.trailingZeroBitCount
        let ones = (~(mask >> UInt64(trailingZeros))).trailingZeroBitCount
        if trailingZeros + ones < 64, mask >> UInt64(trailingZeros + ones) != 0 { return nil }
        guard ones + trailingZeros == width else { return nil }
        return ones
    }

    /// DPDK's `large_mask_to_prefix`: leading one bits, then only zeros.
    static func prefixLength(ofBigEndianMask mask: [UInt8]) -> Int? {
        var bits: [Bool] = []
        for byte in mask { for bit in (0..<8).reversed() { bits.append(byte >> UInt8(bit) & 1 == 1) } }
        let prefix = bits.firstIndex(of: false) ?? bits.count
        guard !bits[prefix...].contains(true) else { return nil }
        return prefix
    }
}
