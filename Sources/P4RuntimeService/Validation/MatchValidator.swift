import P4Device
import P4Model

/// Checks the match of a table entry or value set member against the P4Info key (P4Runtime §9.1.1: T2–T7) and
/// encodes the canonical key.
enum MatchValidator {
    /// The canonical matches (sorted in P4Info key order, shortest bytestrings) and the encoded key: each field in
    /// key order at fixed width (don't-care fields as zeros), so equal keys encode to equal bytes.
    ///
    /// - Throws: INVALID_ARGUMENT for an unknown or repeated field, a wrong match kind, a missing EXACT field, a
    ///   don't-care written explicitly (LPM prefix 0, ternary mask 0, full range), LPM bits beyond the prefix,
    ///   ternary value bits outside the mask, or low > high; OUT_OF_RANGE for values wider than their field; each
    ///   message starts with the JSON path of the offending field (`<path>.match[2].lpm.prefixLen`).
    static func validate(
        _ match: [FieldMatch], fields: [MatchFieldSchema], positions: [MatchFieldID: Int], path: @autoclosure () -> String,
        owner: @autoclosure () -> String
    ) throws(P4RuntimeError) -> (matches: [FieldMatch], key: [UInt8]) {
        var key: [UInt8] = []
        key.reserveCapacity(keyCapacity(fields))
        // Fast path: fields given in key order (what clients almost always send); no extra arrays unless a value
        // needs canonicalising. The schema is read through a buffer pointer: subscripting the array copies each
        // MatchFieldSchema (two strings retained and released per field).
        let ordered = try fields.withUnsafeBufferPointer { fields throws(P4RuntimeError) -> [FieldMatch]? in
            var rewritten: [FieldMatch]?
            var next = 0
            for index in match.indices {
                func itemPath() -> String { "\(path()).match[\(index)]" }
                let fieldId = match[index].fieldId
                guard let position = position(of: fieldId, in: fields, positions) else {
                    throw .invalidArgument("\(itemPath()).fieldId: \(fieldId.rawValue) is not a match field of \(owner())")
                }
                if position < next { return nil }
                while next < position {
                    // A skipped EXACT field may still come later (fields in another order): the general path
                    // decides, so that errors come in the same order as for any other input.
                    if fields[next].matchType == .exact { return nil }
                    appendDontCare(fields[next], to: &key)
                    next += 1
                }
                if let changed = try validateField(match[index], field: fields[position], path: itemPath()),
                   changed != match[index] {
                    if rewritten == nil { rewritten = Array(match[..<index]) }
                    rewritten?.append(changed)
                    append(changed, field: fields[position], to: &key)
                } else {
                    rewritten?.append(match[index])
                    append(match[index], field: fields[position], to: &key)
                }
                next = position + 1
            }
            while next < fields.count {
                try appendMissing(fields[next], path: path(), to: &key)
                next += 1
            }
            return rewritten ?? match
        }
        if let ordered { return (ordered, key) }
        key.removeAll(keepingCapacity: true)
        var byPosition = [FieldMatch?](repeating: nil, count: fields.count)
        for (index, fieldMatch) in match.enumerated() {
            func itemPath() -> String { "\(path()).match[\(index)]" }
            guard let position = fields.withUnsafeBufferPointer({ position(of: fieldMatch.fieldId, in: $0, positions) })
            else {
                throw .invalidArgument("\(itemPath()).fieldId: \(fieldMatch.fieldId.rawValue) is not a match field of \(owner())")
            }
            let field = fields[position]
            if byPosition[position] != nil {
                throw .invalidArgument("\(itemPath()).fieldId: field \(field.label) is matched more than once")
            }
            byPosition[position] = try validateField(fieldMatch, field: field, path: itemPath()) ?? fieldMatch
        }
        var canonical: [FieldMatch] = []
        canonical.reserveCapacity(match.count)
        for (position, field) in fields.enumerated() {
            guard let fieldMatch = byPosition[position] else {
                try appendMissing(field, path: path(), to: &key)
                continue
            }
            canonical.append(fieldMatch)
            append(fieldMatch, field: field, to: &key)
        }
        return (canonical, key)
    }

    /// The position of field `id` (a linear scan for the usual short keys, else the dictionary).
    @inline(__always)
    private static func position(
        of id: MatchFieldID, in fields: UnsafeBufferPointer<MatchFieldSchema>, _ positions: [MatchFieldID: Int]
    ) -> Int? {
        if fields.count <= 8 {
            for index in fields.indices where fields[index].id == id { return index }
            return nil
        }
        return positions[id]
    }

    private static func keyCapacity(_ fields: [MatchFieldSchema]) -> Int {
        var total = 4
        for field in fields { total += field.byteCount * 2 + 4 }
        return total
    }

    /// An omitted field: a don't-care, except EXACT fields, which cannot be omitted (T3).
    private static func appendMissing(_ field: MatchFieldSchema, path: @autoclosure () -> String, to key: inout [UInt8])
        throws(P4RuntimeError)
    {
        if field.matchType == .exact {
            throw .invalidArgument("\(path()).match: EXACT field \(field.label) is missing (EXACT fields cannot be omitted)")
        }
        appendDontCare(field, to: &key)
    }

    /// The checked field match: nil when `fieldMatch` is already canonical (EXACT only; the other kinds are rebuilt).
    private static func validateField(_ fieldMatch: FieldMatch, field: MatchFieldSchema, path: @autoclosure () -> String)
        throws(P4RuntimeError) -> FieldMatch?
    {
        guard let kind = fieldMatch.kind else {
            throw .invalidArgument("\(path()): no match kind is set for field \(field.label)")
        }
        let expected = field.matchType
        func mismatch(_ given: String) -> P4RuntimeError {
            let wanted = expected.map { kindName($0) } ?? "'\(field.otherName)'"
            return .invalidArgument("\(path()): \(given) match given for field \(field.label), whose match kind is \(wanted)")
        }
        let width = field.bitwidth
        func label() -> String { "field \(field.label)" }
        switch kind {
        case .exact(let value):
            guard expected == .exact else { throw mismatch("EXACT") }
            let canonical = try ValueChecks.canonical(value, bitwidth: width, isSDNString: field.isSDNString,
                                                      path: path() + ".exact.value", field: label())
            // `canonical` is `value` or a suffix of it (leading zeros dropped): equal counts mean equal values.
            return canonical.count == value.count ? nil : FieldMatch(fieldId: field.id, .exact(value: canonical))
        case .optional(let value):
            guard expected == .optional else { throw mismatch("OPTIONAL") }
            let canonical = try ValueChecks.canonical(value, bitwidth: width, isSDNString: field.isSDNString,
                                                      path: path() + ".optional.value", field: label())
            return FieldMatch(fieldId: field.id, .optional(value: canonical))
        case .lpm(let value, let prefixLen):
            guard expected == .lpm else { throw mismatch("LPM") }
            if prefixLen == 0 {
                throw .invalidArgument(
                    "\(path()).lpm.prefixLen: 0 is a don't-care; omit the match for \(label()) instead")
            }
            if prefixLen < 0 { throw .invalidArgument("\(path()).lpm.prefixLen: \(prefixLen) is negative") }
            if Int(prefixLen) > width {
                throw .invalidArgument("\(path()).lpm.prefixLen: \(prefixLen) exceeds bitwidth \(width) of \(label())")
            }
            let canonical = try ValueChecks.canonical(value, bitwidth: width, isSDNString: false,
                                                      path: path() + ".lpm.value", field: label())
            if ValueChecks.trailingZeroBits(canonical) < width - Int(prefixLen) {
                throw .invalidArgument(
                    "\(path()).lpm.value: 0x\(Bytestring.hex(canonical)) has bits set beyond the /\(prefixLen) prefix of \(label())")
            }
            return FieldMatch(fieldId: field.id, .lpm(value: canonical, prefixLen: prefixLen))
        case .ternary(let value, let mask):
            guard expected == .ternary else { throw mismatch("TERNARY") }
            let canonicalValue = try ValueChecks.canonical(value, bitwidth: width, isSDNString: false,
                                                           path: path() + ".ternary.value", field: label())
            let canonicalMask = try ValueChecks.canonical(mask, bitwidth: width, isSDNString: false,
                                                          path: path() + ".ternary.mask", field: label())
            if canonicalMask == [0] {
                throw .invalidArgument("\(path()).ternary.mask: 0 is a don't-care; omit the match for \(label()) instead")
            }
            let count = max(canonicalValue.count, canonicalMask.count)
            let paddedValue = Bytestring.padded(canonicalValue, toByteCount: count) ?? canonicalValue
            let paddedMask = Bytestring.padded(canonicalMask, toByteCount: count) ?? canonicalMask
            for index in 0..<count where paddedValue[index] & paddedMask[index] != paddedValue[index] {
                throw .invalidArgument(
                    "\(path()).ternary.value: 0x\(Bytestring.hex(canonicalValue)) has bits outside mask 0x\(Bytestring.hex(canonicalMask)) of \(label())")
            }
            return FieldMatch(fieldId: field.id, .ternary(value: canonicalValue, mask: canonicalMask))
        case .range(let low, let high):
            guard expected == .range else { throw mismatch("RANGE") }
            let canonicalLow = try ValueChecks.canonical(low, bitwidth: width, isSDNString: false,
                                                         path: path() + ".range.low", field: label())
            let canonicalHigh = try ValueChecks.canonical(high, bitwidth: width, isSDNString: false,
                                                          path: path() + ".range.high", field: label())
            if ValueChecks.compare(canonicalLow, canonicalHigh) > 0 {
                throw .invalidArgument(
                    "\(path()).range: low 0x\(Bytestring.hex(canonicalLow)) is above high 0x\(Bytestring.hex(canonicalHigh)) for \(label())")
            }
            if canonicalLow == [0] && Bytestring.significantBits(canonicalHigh) == width
                && canonicalHigh.reduce(0, { $0 + $1.nonzeroBitCount }) == width {
                throw .invalidArgument("\(path()).range: the full range is a don't-care; omit the match for \(label()) instead")
            }
            return FieldMatch(fieldId: field.id, .range(low: canonicalLow, high: canonicalHigh))
        case .other(let any):
            throw .unimplemented(
                "\(path()).other: architecture-specific match '\(any.typeName)' for \(label()) is not supported")
        }
    }

    private static func kindName(_ type: P4Info.MatchField.MatchType) -> String {
        P4Info.MatchField.MatchType.namedValues.first { $0.value == type.rawValue }?.name ?? String(type.rawValue)
    }

    private static func appendDontCare(_ field: MatchFieldSchema, to key: inout [UInt8]) {
        let count = field.byteCount
        switch field.matchType {
        case .lpm?:
            ValueChecks.appendPadded([], count: count, to: &key)
            ValueChecks.appendInteger(0, to: &key)
        case .ternary?:
            key.append(contentsOf: repeatElement(0, count: count * 2))
        case .range?:
            key.append(contentsOf: repeatElement(0, count: count))
            // The high bound of a don't-care range is the field's maximum.
            let remainder = field.bitwidth % 8
            key.append(remainder == 0 ? 0xff : UInt8((1 << remainder) - 1))
            key.append(contentsOf: repeatElement(0xff, count: max(0, count - 1)))
        case .optional?:
            key.append(0)
            key.append(contentsOf: repeatElement(0, count: count))
        default:
            key.append(0)
        }
    }

    private static func append(_ fieldMatch: FieldMatch, field: MatchFieldSchema, to key: inout [UInt8]) {
        let count = field.byteCount
        switch fieldMatch.kind {
        case .exact(let value)?:
            if field.isSDNString {
                ValueChecks.appendVariable(value, to: &key)
            } else {
                ValueChecks.appendPadded(value, count: count, to: &key)
            }
        case .lpm(let value, let prefixLen)?:
            ValueChecks.appendPadded(value, count: count, to: &key)
            ValueChecks.appendInteger(UInt32(prefixLen), to: &key)
        case .ternary(let value, let mask)?:
            ValueChecks.appendPadded(value, count: count, to: &key)
            ValueChecks.appendPadded(mask, count: count, to: &key)
        case .range(let low, let high)?:
            ValueChecks.appendPadded(low, count: count, to: &key)
            ValueChecks.appendPadded(high, count: count, to: &key)
        case .optional(let value)?:
            key.append(1)
            if field.isSDNString {
                ValueChecks.appendVariable(value, to: &key)
            } else {
                ValueChecks.appendPadded(value, count: count, to: &key)
            }
        case .other?, nil:
            key.append(0)
        }
    }
}
