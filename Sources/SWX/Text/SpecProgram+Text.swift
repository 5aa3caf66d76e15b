extension SpecProgram {
    /// The program printed back as `.spec` text that `SpecLoader.load` turns into the same program (same
    /// objects, indices, operands and instructions; line numbers and label names aside). Statements appear in
    /// DPDK's configuration order; jump targets without a source label get `L<index>` labels.
    public var specText: String {
        var out: [String] = []
        let mailboxes = Set(externObjects.map(\.mailboxStructIndex) + externFunctions.map(\.mailboxStructIndex))
        for object in externObjects {
            out.append("extobj \(object.name) instanceof \(externTypes[object.typeIndex].name)"
                + (object.pragma.map { " pragma \($0)" } ?? ""))
        }
        for array in registerArrays {
            out.append("regarray \(array.name) size \(array.size) initval 0x\(String(array.initialValue, radix: 16))")
        }
        for rss in rssObjects { out.append("rss \(rss.name)") }
        for array in meterArrays { out.append("metarray \(array.name) size \(array.size)") }
        for (index, declaration) in structs.enumerated() where !mailboxes.contains(index) {
            out.append("struct \(declaration.name) {")
            for field in declaration.fields {
                out.append("\t\(field.isVarbit ? "varbit" : "bit")<\(field.bitWidth)> \(field.name)")
            }
            out.append("}")
        }
        for header in headers { out.append("header \(header.name) instanceof \(structs[header.structIndex].name)") }
        out.append("metadata instanceof \(metadata.name)")
        for action in actions {
            let args = action.argumentsStructIndex.map { "instanceof \(structs[$0].name)" } ?? "none"
            out.append("action \(action.name) args \(args) {")
            out += blockText(action.body, argumentsStruct: action.argumentsStructIndex)
            out.append("}")
        }
        for table in tables {
            out.append("table \(table.name) {")
            if !table.keyFields.isEmpty {
                out.append("\tkey {")
                out += table.keyFields.map { "\t\t\($0.name) \($0.matchKind.rawValue)" }
                out.append("\t}")
            }
            out += actionsText(table.actions, defaultAction: table.defaultAction)
            if let hash = table.hashFunction { out.append("\thash \(hash.rawValue)") }
            if let type = table.recommendedTypeName { out.append("\tinstanceof \(type)") }
            if let pragma = table.pragma { out.append("\tpragma \(pragma)") }
            out.append("\tsize \(table.size)")
            out.append("}")
        }
        for selector in selectors {
            out.append("selector \(selector.name) {")
            out.append("\tgroup_id \(fieldName(selector.groupID))")
            out.append("\tselector {")
            out += selector.selectorFields.map { "\t\t\($0.name)" }
            out.append("\t}")
            out.append("\tmember_id \(fieldName(selector.memberID))")
            out.append("\tn_groups_max \(selector.groupCountMax)")
            out.append("\tn_members_per_group_max \(selector.membersPerGroupMax)")
            out.append("}")
        }
        for learner in learners {
            out.append("learner \(learner.name) {")
            out.append("\tkey {")
            out += learner.keyFields.map { "\t\t\($0.name)" }
            out.append("\t}")
            out += actionsText(learner.actions, defaultAction: learner.defaultAction)
            if let hash = learner.hashFunction { out.append("\thash \(hash.rawValue)") }
            out.append("\tsize \(learner.size)")
            out.append("\ttimeout {")
            out += learner.timeouts.map { "\t\t\($0)" }
            out.append("\t}")
            out.append("}")
        }
        out.append("apply {")
        out += blockText(apply, argumentsStruct: nil)
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    /// One instruction as `.spec` text (without its label); jump targets are written as the label of the
    /// target instruction in `block`, or `L<index>` when it has none.
    public func text(of instruction: SpecInstruction, in block: SpecInstructionBlock) -> String {
        var words = [instruction.mnemonic]
        func label(_ target: Int) -> String { labelName(target, in: block) }
        func value(_ operand: SpecValueOperand) -> String {
            switch operand {
            case .field(let field): fieldName(field)
            case .immediate(let number): "0x" + String(number, radix: 16)
            }
        }
        func range(_ source: SpecByteRange) -> [String] {
            let fields = structs[source.structIndex].fields
            let first = fields.firstIndex { $0.byteOffset == source.byteOffset } ?? 0
            let end = source.byteOffset + source.byteCount
            let last = fields.lastIndex { $0.byteOffset + $0.byteWidth == end } ?? first
            return [first, last].map {
                fieldName(SpecFieldOperand(space: source.space, structIndex: source.structIndex, fieldIndex: $0,
                                           byteOffset: 0, bitWidth: 0, isNetworkByteOrder: false))
            }
        }
        switch instruction {
        case .rx(let f), .recircid(let f), .entryid(let f): words.append(fieldName(f))
        case .tx(let port): words.append(value(port))
        case .mirror(let slot, let session): words += [fieldName(slot), fieldName(session)]
        case .drop, .recirculate, .forget, .return: break
        case .extract(let header, let count):
            words.append("h." + headers[header].name)
            if let count { words.append(fieldName(count)) }
        case .lookahead(let h), .emit(let h), .validate(let h), .invalidate(let h): words.append("h." + headers[h].name)
        case .mov(let d, let s), .add(let d, let s), .sub(let d, let s), .and(let d, let s), .or(let d, let s),
             .xor(let d, let s), .shl(let d, let s), .shr(let d, let s):
            words += [fieldName(d), value(s)]
        case .movh(let d, let s), .cksub(let d, let s): words += [fieldName(d), fieldName(s)]
        case .ckadd(let d, let source):
            switch source {
            case .field(let f): words += [fieldName(d), fieldName(f)]
            case .header(let h): words += [fieldName(d), "h." + headers[h].name]
            }
        case .hash(let function, let d, let source): words += [function.rawValue, fieldName(d)] + range(source)
        case .rss(let object, let d, let source): words += [rssObjects[object].name, fieldName(d)] + range(source)
        case .table(let target):
            switch target {
            case .table(let i): words.append(tables[i].name)
            case .selector(let i): words.append(selectors[i].name)
            case .learner(let i): words.append(learners[i].name)
            }
        case .learn(let action, let first, let timeout):
            words.append(actions[action].name)
            if let first { words.append(fieldName(first)) }
            words.append(fieldName(timeout))
        case .rearm(let timeout): if let timeout { words.append(fieldName(timeout)) }
        case .regprefetch(let r, let i): words += [registerArrays[r].name, value(i)]
        case .regrd(let d, let r, let i): words += [fieldName(d), registerArrays[r].name, value(i)]
        case .regwr(let r, let i, let v), .regadd(let r, let i, let v):
            words += [registerArrays[r].name, value(i), value(v)]
        case .metprefetch(let m, let i): words += [meterArrays[m].name, value(i)]
        case .meter(let m, let i, let length, let cin, let cout):
            words += [meterArrays[m].name, value(i), fieldName(length), value(cin), fieldName(cout)]
        case .extern(let call):
            switch call {
            case .objectFunction(let object, let function):
                let type = externTypes[externObjects[object].typeIndex]
                words.append("e.\(externObjects[object].name).\(type.memberFunctions[function])")
            case .function(let function): words.append("f.\(externFunctions[function].name)")
            }
        case .jmp(let t), .jmph(let t), .jmpnh(let t): words.append(label(t))
        case .jmpv(let t, let h), .jmpnv(let t, let h): words += [label(t), "h." + headers[h].name]
        case .jmpa(let t, let a), .jmpna(let t, let a): words += [label(t), actions[a].name]
        case .jmpeq(let t, let l, let r), .jmpneq(let t, let l, let r), .jmplt(let t, let l, let r),
             .jmpgt(let t, let l, let r):
            words += [label(t), fieldName(l), value(r)]
        }
        return words.joined(separator: " ")
    }

    /// The `.spec` name of a field operand (`h.HDR.F`, `m.F`, `t.F`, `e.OBJ.F`, `f.FUNC.F`).
    public func fieldName(_ operand: SpecFieldOperand) -> String {
        let field = structs[operand.structIndex].fields[operand.fieldIndex].name
        switch operand.space {
        case .header(let h): return "h.\(headers[h].name).\(field)"
        case .metadata: return "m.\(field)"
        case .actionArguments: return "t.\(field)"
        case .externObject(let o): return "e.\(externObjects[o].name).\(field)"
        case .externFunction(let f): return "f.\(externFunctions[f].name).\(field)"
        }
    }

    func labelName(_ target: Int, in block: SpecInstructionBlock) -> String {
        block.labels.filter { $0.value == target }.map(\.key).min() ?? "L\(target)"
    }

    func blockText(_ block: SpecInstructionBlock, argumentsStruct: Int?) -> [String] {
        let targets = Set(block.instructions.compactMap(\.jumpTarget))
        return block.instructions.enumerated().map { index, instruction in
            let prefix = targets.contains(index) ? labelName(index, in: block) + " : " : ""
            return "\t" + prefix + text(of: instruction, in: block)
        }
    }

    func actionsText(_ list: [SpecTableAction], defaultAction: SpecDefaultAction) -> [String] {
        var out = ["\tactions {"]
        for entry in list {
            let scope = switch entry.scope {
            case .any: ""
            case .tableOnly: " @tableonly"
            case .defaultOnly: " @defaultonly"
            }
            out.append("\t\t\(actions[entry.actionIndex].name)\(scope)")
        }
        out.append("\t}")
        let action = actions[defaultAction.actionIndex]
        var arguments = "none"
        if let argsStruct = argumentsStruct(ofAction: defaultAction.actionIndex) {
            arguments = argsStruct.fields.enumerated().map { i, field in
                let bytes = Array(defaultAction.actionData[field.byteOffset..<(field.byteOffset + field.byteWidth)])
                let bigEndian = field.isBig || (i < action.argumentIsNetworkByteOrder.count
                    && action.argumentIsNetworkByteOrder[i])
                return field.name + " " + SpecEntryText.hexText(bytes, bigEndian: bigEndian, big: field.isBig)
            }.joined(separator: " ")
        }
        out.append("\tdefault_action \(action.name) args \(arguments)\(defaultAction.isConst ? " const" : "")")
        return out
    }
}
