// One function per mnemonic family would scatter DPDK's single `instr_translate` dispatcher; this file keeps the
// dispatcher and the per-instruction rules together so they can be checked against DPDK side by side (it is
// longer than 400 lines for that reason).
extension SpecTranslator {
    func translateOne(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        let n = tokens.count
        switch tokens[0] {
        case "rx":
            try requireApply("rx")
            try expect(n == 2, "expected 'rx m.FIELD'")
            return .rx(port: try metadata(tokens[1], role: "input port"))
        case "tx":
            try expect(n == 2, "expected 'tx m.FIELD' or 'tx PORT'")
            if let port = metadataField(tokens[1]) {
                try expect(port.bitWidth <= 64, "the port field '\(tokens[1])' is wider than 64 bits")
                return .tx(port: .field(port))
            }
            guard let value = CNumber.parseUnsigned32(tokens[1][...]) else {
                throw fail("the port must be a metadata field or a number: "
                    + describeUnresolved(tokens[1], allowActionArguments: false))
            }
            return .tx(port: .immediate(UInt64(value)))
        case "drop":
            try expect(n == 1, "'drop' takes no operands")
            return .drop
        case "mirror":
            try expect(n == 3, "expected 'mirror SLOT SESSION'")
            let slot = try field(tokens[1], role: "slot", allowActionArguments: true)
            try expect(!tokens[1].hasPrefix("h"), "the slot operand may not be a header field")
            let session = try field(tokens[2], role: "session", allowActionArguments: true)
            try expect(!tokens[2].hasPrefix("h"), "the session operand may not be a header field")
            return .mirror(slot: slot, session: session)
        case "recirculate":
            try expect(n == 1, "'recirculate' takes no operands")
            return .recirculate
        case "recircid":
            try expect(n == 2, "expected 'recircid m.FIELD'")
            return .recircid(destination: try metadata(tokens[1], role: "destination"))
        case "extract":
            try requireApply("extract")
            try expect(n == 2 || n == 3, "expected 'extract h.HEADER [m.LENGTH]'")
            let header = try headerOperand(tokens[1])
            let varbit = builder.structs[builder.headers[header].structIndex].hasVarbitField
            if n == 2 {
                try expect(!varbit, "header '\(tokens[1])' ends in a varbit field, so a length operand is required")
                return .extract(header: header, varbitByteCount: nil)
            }
            try expect(varbit, "header '\(tokens[1])' has no varbit field, so it takes no length operand")
            return .extract(header: header, varbitByteCount: try metadata(tokens[2], role: "length"))
        case "lookahead":
            try requireApply("lookahead")
            try expect(n == 2, "expected 'lookahead h.HEADER'")
            let header = try headerOperand(tokens[1])
            try expect(!builder.structs[builder.headers[header].structIndex].hasVarbitField,
                       "lookahead of a header with a varbit field is not supported")
            return .lookahead(header: header)
        case "emit":
            try expect(n == 2, "expected 'emit h.HEADER'")
            return .emit(header: try headerOperand(tokens[1]))
        case "validate":
            try expect(n == 2, "expected 'validate h.HEADER'")
            return .validate(header: try headerOperand(tokens[1]))
        case "invalidate":
            try expect(n == 2, "expected 'invalidate h.HEADER'")
            return .invalidate(header: try headerOperand(tokens[1]))
        case "mov":
            return try translateMov(tokens)
        case "movh":
            try expect(n == 3, "expected 'movh DST SRC'")
            let destination = try anyWidthField(tokens[1], role: "destination", allowActionArguments: false)
            let source = try anyWidthField(tokens[2], role: "source", allowActionArguments: true)
            let headerDestination = tokens[1].hasPrefix("h")
            let headerSource = tokens[2].hasPrefix("h")
            let valid = (headerDestination && destination.bitWidth == 64 && source.bitWidth == 128)
                || (destination.bitWidth == 128 && headerSource && source.bitWidth == 64)
            try expect(valid, "movh needs a 64-bit header field and a 128-bit field "
                + "(got \(destination.bitWidth) and \(source.bitWidth) bits)")
            return .movh(destination: destination, source: source)
        case "add", "sub", "and", "or", "xor", "shl", "shr":
            try expect(n == 3, "expected '\(tokens[0]) DST SRC'")
            let destination = try field(tokens[1], role: "destination", allowActionArguments: false)
            let source = try value(tokens[2], role: "source")
            switch tokens[0] {
            case "add": return .add(destination: destination, source: source)
            case "sub": return .sub(destination: destination, source: source)
            case "and": return .and(destination: destination, source: source)
            case "or": return .or(destination: destination, source: source)
            case "xor": return .xor(destination: destination, source: source)
            case "shl": return .shl(destination: destination, source: source)
            default: return .shr(destination: destination, source: source)
            }
        case "ckadd", "cksub":
            try expect(n == 3, "expected '\(tokens[0]) h.HEADER.CHECKSUM SRC'")
            guard let destination = headerField(tokens[1]) else {
                throw fail("the destination must be a header field: "
                    + describeUnresolved(tokens[1], allowActionArguments: false))
            }
            try expect(!isVarbit(destination) && destination.bitWidth == 16,
                       "the checksum field '\(tokens[1])' must be a 16-bit header field")
            if let source = headerField(tokens[2]) {
                try expect(!isVarbit(source) && source.bitWidth <= 64,
                           "the source field '\(tokens[2])' must be a header field of at most 64 bits")
                return tokens[0] == "ckadd" ? .ckadd(destination: destination, source: .field(source))
                    : .cksub(destination: destination, source: source)
            }
            if tokens[0] == "ckadd", let header = header(tokens[2]) {
                return .ckadd(destination: destination, source: .header(header))
            }
            throw fail("the source must be a header field" + (tokens[0] == "ckadd" ? " or a whole header" : "")
                + ": " + describeUnresolved(tokens[2], allowActionArguments: false))
        case "hash", "rss":
            return try translateHash(tokens)
        case "table":
            try requireApply("table")
            try expect(n == 2, "expected 'table NAME'")
            if let i = builder.tables.firstIndex(where: { $0.name == tokens[1] }) { return .table(.table(i)) }
            if let i = builder.selectors.firstIndex(where: { $0.name == tokens[1] }) { return .table(.selector(i)) }
            if let i = builder.learners.firstIndex(where: { $0.name == tokens[1] }) { return .table(.learner(i)) }
            throw fail("'\(tokens[1])' is not a table, selector or learner")
        case "learn":
            return try translateLearn(tokens)
        case "rearm":
            try requireAction("rearm")
            try expect(n == 1 || n == 2, "expected 'rearm [m.TIMEOUT_ID]'")
            return .rearm(timeoutID: n == 2 ? try metadata(tokens[1], role: "timeout id") : nil)
        case "forget":
            try requireAction("forget")
            try expect(n == 1, "'forget' takes no operands")
            return .forget
        case "entryid":
            try expect(n == 2, "expected 'entryid m.FIELD'")
            return .entryid(destination: try metadata(tokens[1], role: "destination"))
        case "extern":
            return try translateExtern(tokens)
        case "regprefetch", "regrd", "regwr", "regadd":
            return try translateRegister(tokens)
        case "metprefetch", "meter":
            return try translateMeter(tokens)
        case "jmp", "jmpv", "jmpnv", "jmph", "jmpnh", "jmpa", "jmpna", "jmpeq", "jmpneq", "jmplt", "jmpgt":
            return try translateJump(tokens)
        case "return":
            try requireAction("return")
            try expect(n == 1, "'return' takes no operands")
            return .return
        default:
            throw fail("unknown instruction '\(tokens[0])'")
        }
    }

    // MARK: Instruction groups

    func translateMov(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        try expect(tokens.count == 3, "expected 'mov DST SRC'")
        let destination = try anyWidthField(tokens[1], role: "destination", allowActionArguments: false)
        if let source = field(tokens[2], allowActionArguments: true) {
            try expect(!isVarbit(source), "the source '\(tokens[2])' is a varbit field")
            if destination.bitWidth > 64 || source.bitWidth > 64 {
                try expect(destination.bitWidth > 64 || tokens[1].hasPrefix("h"),
                           "a move to or from a field wider than 64 bits needs the other side to be wide too or "
                           + "a header field ('\(tokens[1])' is neither)")
                try expect(source.bitWidth > 64 || tokens[2].hasPrefix("h"),
                           "a move to or from a field wider than 64 bits needs the other side to be wide too or "
                           + "a header field ('\(tokens[2])' is neither)")
            }
            return .mov(destination: destination, source: .field(source))
        }
        try expect(destination.bitWidth <= 64,
                   "an immediate cannot be moved into '\(tokens[1])', which is wider than 64 bits")
        guard let immediate = CNumber.parseUnsigned(tokens[2][...]) else {
            throw fail("the source must be a field or a number: "
                + describeUnresolved(tokens[2], allowActionArguments: true))
        }
        return .mov(destination: destination, source: .immediate(immediate))
    }

    func translateHash(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        let isHash = tokens[0] == "hash"
        try expect(tokens.count == 5, "expected '\(tokens[0]) \(isHash ? "FUNC" : "RSS") m.DST FIRST LAST'")
        var function: SpecHashFunction?
        var rss: Int?
        if isHash {
            function = SpecHashFunction(rawValue: tokens[1])
            try expect(function != nil, "unknown hash function '\(tokens[1])' (known: jhash, crc32)")
        } else {
            rss = builder.rssObjects.firstIndex { $0.name == tokens[1] }
            try expect(rss != nil, "'\(tokens[1])' is not a declared rss object")
        }
        let destination = try metadata(tokens[2], role: "destination")
        guard let first = field(tokens[3], allowActionArguments: true) else {
            throw fail("the first source must be a field: " + describeUnresolved(tokens[3], allowActionArguments: true))
        }
        guard let last = field(tokens[4], allowActionArguments: true) else {
            throw fail("the last source must be a field: " + describeUnresolved(tokens[4], allowActionArguments: true))
        }
        try expect(!isVarbit(last), "the last source field '\(tokens[4])' is a varbit field")
        try expect(first.space == last.space, "'\(tokens[3])' and '\(tokens[4])' are not in the same struct")
        let count = last.byteOffset + last.byteWidth - first.byteOffset
        // DPDK would compute a negative (wrapped) length here and read far outside the struct.
        try expect(count > 0, "the last source field '\(tokens[4])' lies before the first one '\(tokens[3])'")
        let range = SpecByteRange(space: first.space, structIndex: first.structIndex, byteOffset: first.byteOffset,
                                  byteCount: count)
        if let function { return .hash(function: function, destination: destination, source: range) }
        return .rss(rss: rss ?? 0, destination: destination, source: range)
    }

    func translateLearn(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        try requireAction("learn")
        let n = tokens.count
        try expect(n == 3 || n == 4, "expected 'learn ACTION [m.FIRST_ARG] m.TIMEOUT_ID'")
        guard let learned = builder.actions.first(where: { $0.name == tokens[1] }) else {
            throw fail("'\(tokens[1])' is not an action declared earlier in the file "
                + "(actions are configured in file order, so a learned action must come first)")
        }
        try expect(!learned.hasNetworkByteOrderArguments,
                   "action '\(learned.name)' keeps arguments in network byte order, so it cannot be learned")
        var firstArgument: SpecFieldOperand?
        if let argsIndex = learned.argumentsStructIndex {
            try expect(n == 4, "action '\(learned.name)' has arguments, so the first metadata argument field is "
                + "required")
            guard let first = metadataField(tokens[2]), let metadata = builder.metadataStruct else {
                throw fail("the first argument must be a metadata field: "
                    + describeUnresolved(tokens[2], allowActionArguments: false))
            }
            let arguments = builder.structs[argsIndex].fields
            try expect(metadata.fields.count - first.fieldIndex >= arguments.count,
                       "there are fewer metadata fields from '\(tokens[2])' on than action '\(learned.name)' has "
                           + "arguments")
            for (k, argument) in arguments.enumerated() {
                let field = metadata.fields[first.fieldIndex + k]
                try expect(field.bitWidth == argument.bitWidth,
                           "metadata field 'm.\(field.name)' has \(field.bitWidth) bits but argument "
                               + "'\(argument.name)' "
                           + "of action '\(learned.name)' has \(argument.bitWidth)")
            }
            try expect(first.bitWidth <= 64, "the first argument field '\(tokens[2])' is wider than 64 bits")
            firstArgument = first
        } else {
            try expect(n == 3, "action '\(learned.name)' has no arguments, so no argument field may be given")
        }
        let timeout = try metadata(tokens[n - 1], role: "timeout id")
        return .learn(action: learned.index, firstArgument: firstArgument, timeoutID: timeout)
    }

    func translateExtern(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        try expect(tokens.count == 2, "expected 'extern e.OBJECT.FUNCTION' or 'extern f.FUNCTION'")
        let parts = tokens[1].split(separator: ".", omittingEmptySubsequences: false)
        if parts.first == "e", parts.count == 3,
           let object = builder.externObjects.first(where: { $0.name == parts[1] }),
           let function = builder.options.externTypes[object.typeIndex].memberFunctions
               .firstIndex(where: { $0[...] == parts[2] }) {
            return .extern(.objectFunction(object: object.index, function: function))
        }
        if parts.first == "f", parts.count == 2,
           let function = builder.externFunctions.first(where: { $0.name == parts[1] }) {
            return .extern(.function(function.index))
        }
        throw fail("'\(tokens[1])' is not a member function of a declared extern object or a registered extern "
            + "function")
    }

    func translateRegister(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        let n = tokens.count
        let mnemonic = tokens[0]
        if mnemonic == "regprefetch" {
            try expect(n == 3, "expected 'regprefetch REGARRAY INDEX'")
            let array = try registerArray(tokens[1])
            return .regprefetch(regarray: array, index: try index32(tokens[2]))
        }
        if mnemonic == "regrd" {
            try expect(n == 4, "expected 'regrd DST REGARRAY INDEX'")
            let array = try registerArray(tokens[2])
            let destination = try field(tokens[1], role: "destination", allowActionArguments: false)
            return .regrd(destination: destination, regarray: array, index: try index32(tokens[3]))
        }
        try expect(n == 4, "expected '\(mnemonic) REGARRAY INDEX VALUE'")
        let array = try registerArray(tokens[1])
        let index = try index32(tokens[2])
        let value = try value(tokens[3], role: "value")
        return mnemonic == "regwr" ? .regwr(regarray: array, index: index, value: value)
            : .regadd(regarray: array, index: index, value: value)
    }

    func translateMeter(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        if tokens[0] == "metprefetch" {
            try expect(tokens.count == 3, "expected 'metprefetch METARRAY INDEX'")
            return .metprefetch(metarray: try meterArray(tokens[1]), index: try index32(tokens[2]))
        }
        try expect(tokens.count == 6, "expected 'meter METARRAY INDEX LENGTH COLOR_IN COLOR_OUT'")
        let array = try meterArray(tokens[1])
        guard let length = field(tokens[3], allowActionArguments: true) else {
            throw fail("the meter length operand must be a field, not an immediate: "
                + describeUnresolved(tokens[3], allowActionArguments: true))
        }
        try expect(!isVarbit(length) && length.bitWidth <= 64,
                   "the length field '\(tokens[3])' must be at most 64 bits")
        let colorOut = try field(tokens[5], role: "colour-out", allowActionArguments: false)
        let index = try index32(tokens[2])
        let colorIn = try index32(tokens[4], role: "colour-in")
        return .meter(metarray: array, index: index, length: length, colorIn: colorIn, colorOut: colorOut)
    }

    func translateJump(_ tokens: [String]) throws(SpecError) -> SpecInstruction {
        let n = tokens.count
        let mnemonic = tokens[0]
        switch mnemonic {
        case "jmp":
            try expect(n == 2, "expected 'jmp LABEL'")
            return .jmp(target: try target(tokens[1]))
        case "jmpv", "jmpnv":
            try expect(n == 3, "expected '\(mnemonic) LABEL h.HEADER'")
            let header = try headerOperand(tokens[2])
            let target = try target(tokens[1])
            return mnemonic == "jmpv" ? .jmpv(target: target, header: header) : .jmpnv(target: target, header: header)
        case "jmph", "jmpnh":
            try requireApply(mnemonic)
            try expect(n == 2, "expected '\(mnemonic) LABEL'")
            let target = try target(tokens[1])
            return mnemonic == "jmph" ? .jmph(target: target) : .jmpnh(target: target)
        case "jmpa", "jmpna":
            try requireApply(mnemonic)
            try expect(n == 3, "expected '\(mnemonic) LABEL ACTION'")
            guard let action = builder.actions.firstIndex(where: { $0.name == tokens[2] }) else {
                throw fail("'\(tokens[2])' is not a declared action")
            }
            let target = try target(tokens[1])
            return mnemonic == "jmpa" ? .jmpa(target: target, action: action) : .jmpna(target: target, action: action)
        default:
            try expect(n == 4, "expected '\(mnemonic) LABEL A B'")
            guard let left = field(tokens[2], allowActionArguments: true) else {
                throw fail("the first compare operand must be a field, not an immediate: "
                    + describeUnresolved(tokens[2], allowActionArguments: true))
            }
            try expect(!isVarbit(left) && left.bitWidth <= 64,
                       "the compare operand '\(tokens[2])' must be a field of at most 64 bits")
            var right = try value(tokens[3], role: "second compare operand")
            // DPDK converts the immediate to the header field's width and byte order at translate time, so
            // equality against a header field only sees the low `width` bits of the immediate.
            if case .header = left.space, case .immediate(let raw) = right,
               mnemonic == "jmpeq" || mnemonic == "jmpneq" {
                right = .immediate(left.bitWidth >= 64 ? raw : raw & ((1 << UInt64(left.bitWidth)) - 1))
            }
            let target = try target(tokens[1])
            switch mnemonic {
            case "jmpeq": return .jmpeq(target: target, left: left, right: right)
            case "jmpneq": return .jmpneq(target: target, left: left, right: right)
            case "jmplt": return .jmplt(target: target, left: left, right: right)
            default: return .jmpgt(target: target, left: left, right: right)
            }
        }
    }

    // MARK: Operand helpers

    func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws(SpecError) {
        if !condition { throw fail(message()) }
    }

    func requireApply(_ mnemonic: String) throws(SpecError) {
        if action != nil { throw fail("'\(mnemonic)' is only allowed in the apply block, not inside an action") }
    }

    func requireAction(_ mnemonic: String) throws(SpecError) {
        if action == nil { throw fail("'\(mnemonic)' is only allowed inside an action") }
    }

    func target(_ label: String) throws(SpecError) -> Int {
        guard let index = labels[label] else { throw fail("jump to undefined label '\(label)'") }
        return index
    }

    func headerOperand(_ name: String) throws(SpecError) -> Int {
        guard let header = header(name) else { throw fail("'\(name)' is not a declared header (expected h.HEADER)") }
        return header
    }

    /// A field of any width that is not varbit.
    func anyWidthField(_ name: String, role: String, allowActionArguments: Bool) throws(SpecError) -> SpecFieldOperand {
        guard let operand = field(name, allowActionArguments: allowActionArguments) else {
            throw fail("the \(role) must be a field: "
                + "" + describeUnresolved(name, allowActionArguments: allowActionArguments))
        }
        try expect(!isVarbit(operand), "the \(role) '\(name)' is a varbit field")
        return operand
    }

    /// A non-varbit field of at most 64 bits.
    func field(_ name: String, role: String, allowActionArguments: Bool) throws(SpecError) -> SpecFieldOperand {
        let operand = try anyWidthField(name, role: role, allowActionArguments: allowActionArguments)
        try expect(operand.bitWidth <= 64, "the \(role) '\(name)' is wider than 64 bits")
        return operand
    }

    /// A metadata field of at most 64 bits.
    func metadata(_ name: String, role: String) throws(SpecError) -> SpecFieldOperand {
        guard let operand = metadataField(name) else {
            throw fail("the \(role) must be a metadata field: " + describeUnresolved(name, allowActionArguments: false))
        }
        try expect(operand.bitWidth <= 64, "the \(role) '\(name)' is wider than 64 bits")
        return operand
    }

    /// A field (HMEFT, ≤ 64 bits) or a 64-bit immediate.
    func value(_ name: String, role: String) throws(SpecError) -> SpecValueOperand {
        if let operand = field(name, allowActionArguments: true) {
            try expect(!isVarbit(operand) && operand.bitWidth <= 64, "the \(role) '\(name)' must be at most 64 bits")
            return .field(operand)
        }
        guard let immediate = CNumber.parseUnsigned(name[...]) else {
            throw fail("the \(role) must be a field or a number: "
                + "" + describeUnresolved(name, allowActionArguments: true))
        }
        return .immediate(immediate)
    }

    /// A field (HMEFT, ≤ 64 bits) or an immediate that DPDK stores in 32 bits (register and meter indices,
    /// colours).
    func index32(_ name: String, role: String = "index") throws(SpecError) -> SpecValueOperand {
        if let operand = field(name, allowActionArguments: true) {
            try expect(!isVarbit(operand) && operand.bitWidth <= 64, "the \(role) '\(name)' must be at most 64 bits")
            return .field(operand)
        }
        guard let immediate = CNumber.parseUnsigned32(name[...]) else {
            throw fail("the \(role) must be a field or a number: "
                + "" + describeUnresolved(name, allowActionArguments: true))
        }
        return .immediate(UInt64(immediate))
    }

    func registerArray(_ name: String) throws(SpecError) -> Int {
        guard let index = builder.registerArrays.firstIndex(where: { $0.name == name }) else {
            throw fail("'\(name)' is not a declared regarray")
        }
        return index
    }

    func meterArray(_ name: String) throws(SpecError) -> Int {
        guard let index = builder.meterArrays.firstIndex(where: { $0.name == name }) else {
            throw fail("'\(name)' is not a declared metarray")
        }
        return index
    }
}
