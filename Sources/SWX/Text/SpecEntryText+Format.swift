extension SpecEntryText {
    /// Prints `entry` in the text format `parse` reads, so that parsing the result gives `entry` back:
    /// `match` with one hex value per key field in key-block order (with `/MASK` on wildcard and lpm fields,
    /// and on exact fields whose mask is not all ones), `priority` for wildcard tables, then `action NAME` with
    /// every argument as `NAME 0xVALUE`.
    public static func format(_ entry: SpecTableEntry, for target: SpecEntryTarget, in program: SpecProgram) -> String {
        let view = TargetView(target: target, program: program)
        var words: [String] = []
        if let match = entry.match {
            words.append("match")
            let windowOffset = view.window?.byteOffset ?? 0
            for keyField in view.keyFields {
                let field = keyField.field
                let start = field.byteOffset - windowOffset
                let keyBytes = bytes(match.key, start, field.byteWidth)
                let maskBytes = bytes(match.mask, start, field.byteWidth)
                var word = text(of: keyBytes, field: field)
                let fullMask = maskBytes.allSatisfy { $0 == 0xFF }
                if keyField.matchKind != .exact || !fullMask {
                    word += "/" + text(of: maskBytes, field: field)
                }
                words.append(word)
            }
            if view.kind == .wildcard {
                words += ["priority", String(match.priority)]
            }
        }
        if let action = entry.action {
            let definition = program.actions[action.actionIndex]
            words += ["action", definition.name]
            if let argsStruct = program.argumentsStruct(ofAction: action.actionIndex) {
                for (i, argument) in argsStruct.fields.enumerated() {
                    let argumentBytes = bytes(action.actionData, argument.byteOffset, argument.byteWidth)
                    let bigEndian = argument.isBig || (i < definition.argumentIsNetworkByteOrder.count
                        && definition.argumentIsNetworkByteOrder[i])
                    words += [argument.name, hexText(argumentBytes, bigEndian: bigEndian, big: argument.isBig)]
                }
            }
        }
        return words.joined(separator: " ")
    }

    /// `count` bytes of `data` from `start`, zero-filled where `data` is shorter (an entry built elsewhere with
    /// the wrong sizes prints as far as it goes instead of trapping).
    static func bytes(_ data: [UInt8], _ start: Int, _ count: Int) -> [UInt8] {
        (start..<(start + count)).map { $0 >= 0 && $0 < data.count ? data[$0] : 0 }
    }

    static func text(of bytes: [UInt8], field: SpecFieldOperand) -> String {
        hexText(bytes, bigEndian: field.isNetworkByteOrder, big: field.isBig)
    }

    /// `0x` + the value in hex: as a number for ≤ 64-bit values, as exactly `2 * bytes` digits for wider ones.
    static func hexText(_ bytes: [UInt8], bigEndian: Bool, big: Bool) -> String {
        if big {
            return "0x" + bytes.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
        }
        return "0x" + String(SpecActionData.value(of: bytes, bigEndian: bigEndian), radix: 16)
    }
}
