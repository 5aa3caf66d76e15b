import P4Device
import P4Model
import SWX

extension TableBinding {
    /// The spec matches realising `entry`'s key: one for most entries, several for an expanded range (all at
    /// the same priority).
    ///
    /// Widths follow swx-spec.md §2.1: values are zero-extended to the spec width, LPM prefixes are shifted by
    /// the pad bits, ternary masks are zero-extended; optional is exact or wildcard; range is expanded into
    /// prefixes. P4Runtime's higher-wins priority becomes DPDK's lower-wins `Int32.max - priority`; an LPM table
    /// without priorities orders entries by prefix length.
    ///
    /// - Throws: UNIMPLEMENTED for a range on a field wider than 64 bits; RESOURCE_EXHAUSTED when a range
    ///   expansion would exceed 4096 entries.
    func specMatches(_ entry: TableEntry) throws(P4RuntimeError) -> [SpecEntryMatch] {
        if isExactTable, let key = exactKey(entry.match) {
            return [SpecEntryMatch(key: key, mask: windowMask, priority: 0)]
        }
        var alternatives: [[(value: [UInt8], mask: [UInt8])]] = []
        var lpmSpecPrefix: Int?
        var lpmSpecWidth = 0
        for (position, field) in schema.fields.enumerated() {
            guard let placement = fields[position] else { continue }
            let width = placement.byteWidth
            let full = [UInt8](repeating: 0xFF, count: width)
            let zero = [UInt8](repeating: 0, count: width)
            let match = entry.match.first { $0.fieldId == field.id }?.kind
            switch match {
            case .exact(let value)?, .optional(let value)?:
                alternatives.append([(WideValue.widen(value, to: width), full)])
            case .lpm(let value, let prefixLen)?:
                let ones = placement.padBits + Int(prefixLen)
                let mask = WideValue.prefixMask(ones: ones, count: width)
                alternatives.append([(zip(WideValue.widen(value, to: width), mask).map { $0 & $1 }, mask)])
                lpmSpecPrefix = ones
                lpmSpecWidth = width * 8
            case .ternary(let value, let mask)?:
                let wideMask = WideValue.widen(mask, to: width)
                alternatives.append([(zip(WideValue.widen(value, to: width), wideMask).map { $0 & $1 }, wideMask)])
            case .range(let low, let high)?:
                alternatives.append(try Self.expandRange(low: low, high: high, placement: placement,
                                                         field: field.label))
            case .other?, nil:
                if field.matchType == .lpm {
                    lpmSpecPrefix = 0
                    lpmSpecWidth = width * 8
                }
                alternatives.append([(zero, zero)])
            }
        }
        let priority: UInt32
        if schema.requiresPriority {
            priority = UInt32(Int32.max) - UInt32(max(entry.priority, 0))
        } else if let lpmSpecPrefix {
            priority = UInt32(lpmSpecWidth - lpmSpecPrefix)
        } else {
            priority = 0
        }
        var combinations: [(key: [UInt8], mask: [UInt8])] = [([UInt8](repeating: 0, count: windowSize),
                                                              [UInt8](repeating: 0, count: windowSize))]
        var fieldIndex = 0
        for position in schema.fields.indices {
            guard let placement = fields[position] else { continue }
            let options = alternatives[fieldIndex]
            fieldIndex += 1
            var next: [(key: [UInt8], mask: [UInt8])] = []
            next.reserveCapacity(combinations.count * options.count)
            for base in combinations {
                for option in options {
                    var key = base.key
                    var mask = base.mask
                    placement.write(option.value, into: &key)
                    placement.write(option.mask, into: &mask)
                    next.append((key, mask))
                }
            }
            guard next.count <= 4096 else {
                throw .resourceExhausted("table \(schema.label): the entry's ranges expand to more than 4096 "
                    + "ternary entries")
            }
            combinations = next
        }
        return combinations.map { combination in
            SpecEntryMatch(key: combination.key, mask: isExactTable ? windowMask : combination.mask,
                           priority: isExactTable ? 0 : priority)
        }
    }

    /// The key window of an entry of a spec exact table or learner whose matches are all exact or optional (or
    /// unset: zero), written in place: the one match `specMatches` would build, without its per-field arrays. Nil for any
    /// other kind of match (the general path handles it).
    func exactKey(_ match: [FieldMatch]) -> [UInt8]? {
        var key = [UInt8](repeating: 0, count: windowSize)
        for (position, field) in schema.fields.enumerated() {
            guard let placement = fields[position] else { continue }
            switch match.first(where: { $0.fieldId == field.id })?.kind {
            case .exact(let value)?, .optional(let value)?: placement.write(widening: value, into: &key)
            case .other?, nil: break
            default: return nil
            }
        }
        return key
    }

    /// The prefixes covering `[low, high]` at the P4 width, each as a spec-width value and mask.
    static func expandRange(low: [UInt8], high: [UInt8], placement: FieldPlacement, field: String)
        throws(P4RuntimeError) -> [(value: [UInt8], mask: [UInt8])]
    {
        let bits = placement.p4Bits
        guard bits <= 64 else {
            throw .unimplemented("range match on \(field): fields wider than 64 bits cannot be expanded")
        }
        func number(_ bytes: [UInt8]) -> UInt64 { bytes.suffix(8).reduce(0) { $0 << 8 | UInt64($1) } }
        var current = number(low)
        let last = number(high)
        var result: [(value: [UInt8], mask: [UInt8])] = []
        while current <= last {
            var size = current == 0 ? bits : min(current.trailingZeroBitCount, bits)
            while size > 0 {
                let span: UInt64 = size >= 64 ? .max : (UInt64(1) << size) - 1
                let (end, overflow) = current.addingReportingOverflow(span)
                if !overflow && end <= last { break }
                size -= 1
            }
            let prefix = bits - size
            let value = (0..<placement.byteWidth).map { i -> UInt8 in
                let shift = (placement.byteWidth - 1 - i) * 8
                return shift >= 64 ? 0 : UInt8(truncatingIfNeeded: current >> UInt64(shift))
            }
            result.append((value, WideValue.prefixMask(ones: placement.padBits + prefix, count: placement.byteWidth)))
            let step: UInt64 = size >= 64 ? 0 : UInt64(1) << size
            let (next, overflow) = current.addingReportingOverflow(step)
            if overflow || step == 0 { break }
            current = next
        }
        return result
    }

    /// The P4Runtime exact matches of a learner key (learners are exact on every field).
    func exactMatch(fromKey key: [UInt8]) -> [FieldMatch] {
        schema.fields.enumerated().compactMap { position, field in
            guard let placement = fields[position] else { return nil }
            let raw = WideValue.clearTop(placement.read(key), bits: placement.padBits)
            return FieldMatch(fieldId: field.id, .exact(value: WideValue.canonical(raw)))
        }
    }
}
