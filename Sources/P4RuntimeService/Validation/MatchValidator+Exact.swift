import P4Model

extension MatchValidator {
    /// The encoded key of `match` when it is the plain case of an all-EXACT table: every field given once, in key
    /// order, with a value that is already canonical (no leading zero byte) and fits its width. Returns nil for
    /// anything else, and the caller then runs `validate`, which accepts or rejects it with the usual message:
    /// this path only skips work for input `validate` would accept unchanged, so results are identical.
    static func exactKey(_ match: [FieldMatch], layout: ExactKeyLayout) -> [UInt8]? {
        guard match.count == layout.fields.count else { return nil }
        var key: [UInt8] = []
        key.reserveCapacity(layout.keyByteCount)
        let complete = layout.fields.withUnsafeBufferPointer { fields in
            match.withUnsafeBufferPointer { match in
                for index in 0..<fields.count {
                    let field = fields[index]
                    guard match[index].fieldId == field.id, case .exact(let value)? = match[index].kind,
                          let first = value.first, first != 0,
                          value.count * 8 - first.leadingZeroBitCount <= field.bitwidth
                    else { return false }
                    if value.count < field.byteCount {
                        key.append(contentsOf: repeatElement(0, count: field.byteCount - value.count))
                    }
                    key.append(contentsOf: value)
                }
                return true
            }
        }
        return complete ? key : nil
    }
}
