extension SpecParser {
    mutating func topLevel(_ tokens: [String], line: Int) throws(SpecError) {
        let n = tokens.count
        switch tokens[0] {
        case "extobj":
            guard (n == 4 && tokens[2] == "instanceof")
                || (n == 6 && tokens[2] == "instanceof" && tokens[4] == "pragma") else {
                throw Self.fail(line, "invalid extobj statement: expected 'extobj NAME instanceof TYPE [pragma ARGS]'")
            }
            document.externObjects.append(.init(name: tokens[1], typeName: tokens[3],
                                                pragma: n == 6 ? tokens[5] : nil, line: line))
        case "struct":
            guard n == 3, tokens[2] == "{" else {
                throw Self.fail(line, "invalid struct statement: expected 'struct NAME {'")
            }
            block = .structBody(.init(name: tokens[1], fields: [], line: line))
        case "header":
            guard n == 4, tokens[2] == "instanceof" else {
                throw Self.fail(line, "invalid header statement: expected 'header NAME instanceof STRUCT'")
            }
            document.headers.append(.init(name: tokens[1], structName: tokens[3], line: line))
        case "metadata":
            guard n == 3, tokens[1] == "instanceof" else {
                throw Self.fail(line, "invalid metadata statement: expected 'metadata instanceof STRUCT'")
            }
            document.metadata.append(.init(structName: tokens[2], line: line))
        case "action":
            let valid = (n == 5 && tokens[2] == "args" && tokens[3] == "none" && tokens[4] == "{")
                || (n == 6 && tokens[2] == "args" && tokens[3] == "instanceof" && tokens[5] == "{")
            guard valid else {
                throw Self.fail(line, "invalid action statement: expected 'action NAME args none {' or "
                    + "'action NAME args instanceof STRUCT {'")
            }
            block = .action(.init(name: tokens[1], argumentsStructName: n == 6 ? tokens[4] : nil,
                                  instructions: [], line: line))
        case "table":
            guard n == 3, tokens[2] == "{" else {
                throw Self.fail(line, "invalid table statement: expected 'table NAME {'")
            }
            block = .table(.init(name: tokens[1], keyFields: [], actions: [], defaultAction: nil,
                                 hashFunctionName: nil, recommendedTypeName: nil, pragma: nil, size: 0,
                                 line: line), inner: .none)
        case "selector":
            guard n == 3, tokens[2] == "{" else {
                throw Self.fail(line, "invalid selector statement: expected 'selector NAME {'")
            }
            block = .selector(.init(name: tokens[1], groupIDFieldName: nil, selectorFields: [],
                                    memberIDFieldName: nil, groupCountMax: 0, membersPerGroupMax: 0, line: line),
                              inSelectorBlock: false)
        case "learner":
            guard n == 3, tokens[2] == "{" else {
                throw Self.fail(line, "invalid learner statement: expected 'learner NAME {'")
            }
            block = .learner(.init(name: tokens[1], keyFields: [], actions: [], defaultAction: nil,
                                   hashFunctionName: nil, size: 0, timeouts: [], line: line), inner: .none)
        case "regarray":
            guard n == 6, tokens[2] == "size", tokens[4] == "initval" else {
                throw Self.fail(line, "invalid regarray statement: expected 'regarray NAME size N initval V'")
            }
            guard let size = CNumber.parseUnsigned32(tokens[3][...]), size > 0 else {
                throw Self.fail(line, "invalid regarray size '\(tokens[3])': must be a number > 0")
            }
            guard let initial = CNumber.parseUnsigned(tokens[5][...]) else {
                throw Self.fail(line, "invalid regarray initval '\(tokens[5])': must be a number")
            }
            document.registerArrays.append(.init(name: tokens[1], size: size, initialValue: initial, line: line))
        case "metarray":
            guard n == 4, tokens[2] == "size" else {
                throw Self.fail(line, "invalid metarray statement: expected 'metarray NAME size N'")
            }
            guard let size = CNumber.parseUnsigned32(tokens[3][...]), size > 0 else {
                throw Self.fail(line, "invalid metarray size '\(tokens[3])': must be a number > 0")
            }
            document.meterArrays.append(.init(name: tokens[1], size: size, line: line))
        case "rss":
            guard n == 2 else { throw Self.fail(line, "invalid rss statement: expected 'rss NAME'") }
            document.rssObjects.append(.init(name: tokens[1], line: line))
        case "apply":
            guard n == 2, tokens[1] == "{" else {
                throw Self.fail(line, "invalid apply statement: expected 'apply {'")
            }
            block = .apply(.init(instructions: [], line: line))
        default:
            throw Self.fail(line, "unknown statement '\(tokens[0])'")
        }
    }

    static func structField(_ tokens: [String], line: Int,
                            previous: SpecDocument.Struct.Field?) throws(SpecError) -> SpecDocument.Struct.Field {
        guard tokens.count == 2 else {
            throw fail(line, "invalid struct field statement: expected 'bit<N> NAME' or 'varbit<N> NAME'")
        }
        if previous?.isVarbit == true {
            throw fail(line, "varbit field '\(previous?.name ?? "")' is not the last struct field")
        }
        let type = tokens[0]
        let isVarbit: Bool
        let inner: Substring
        if type.hasPrefix("bit<") {
            guard type.utf8.count >= 6, type.hasSuffix(">") else {
                throw fail(line, "invalid struct field type '\(type)'")
            }
            isVarbit = false
            inner = type.dropFirst(4).dropLast()
        } else if type.hasPrefix("varbit<") {
            guard type.utf8.count >= 9, type.hasSuffix(">") else {
                throw fail(line, "invalid struct field type '\(type)'")
            }
            isVarbit = true
            inner = type.dropFirst(7).dropLast()
        } else {
            throw fail(line, "invalid struct field type '\(type)': expected bit<N> or varbit<N>")
        }
        guard let bits = CNumber.parseUnsigned32(inner), bits > 0, bits % 8 == 0 else {
            throw fail(line, "invalid struct field size '\(type)': the width must be a positive multiple of 8")
        }
        return .init(name: tokens[1], bitWidth: Int(bits), isVarbit: isVarbit, line: line)
    }

    static func actionReference(_ tokens: [String], line: Int) throws(SpecError) -> SpecDocument.ActionReference {
        guard tokens.count <= 2 else {
            throw fail(line, "invalid action name statement: expected 'ACTION [@tableonly|@defaultonly]'")
        }
        var scope = SpecActionScope.any
        if tokens.count == 2 {
            switch tokens[1] {
            case "@tableonly": scope = .tableOnly
            case "@defaultonly": scope = .defaultOnly
            default:
                throw fail(line, "invalid action annotation '\(tokens[1])': expected @tableonly or @defaultonly")
            }
        }
        return .init(name: tokens[0], scope: scope, line: line)
    }

    static func defaultAction(_ tokens: [String], line: Int,
                              existing: SpecDocument.DefaultAction?) throws(SpecError) -> SpecDocument.DefaultAction {
        let n = tokens.count
        guard n >= 4, tokens[2] == "args" else {
            throw fail(line, "invalid default_action statement: expected 'default_action NAME args none|ARG VALUE "
                + "... [const]'")
        }
        if existing != nil { throw fail(line, "duplicate default_action statement") }
        let isConst = tokens[n - 1] == "const"
        if tokens[3] == "none" {
            guard n == 4 || (n == 5 && isConst) else {
                throw fail(line, "invalid default_action statement: nothing may follow 'args none' except 'const'")
            }
            return .init(name: tokens[1], arguments: [], isConst: isConst, line: line)
        }
        let arguments = Array(tokens[3..<(isConst ? n - 1 : n)])
        guard !arguments.isEmpty else {
            throw fail(line, "invalid default_action statement: no arguments after 'args'")
        }
        return .init(name: tokens[1], arguments: arguments, isConst: isConst, line: line)
    }

    static func size(_ tokens: [String], line: Int, what: String) throws(SpecError) -> UInt32 {
        guard tokens.count == 2 else { throw fail(line, "invalid \(tokens[0]) statement: expected '\(tokens[0]) N'") }
        guard let value = CNumber.parseUnsigned32(tokens[1][...]) else {
            throw fail(line, "invalid \(what) argument '\(tokens[1])': not a number")
        }
        return value
    }

    /// Handles one line inside a table block; returns the inner state to continue with, or nil when the table
    /// block closed.
    func tableLine(_ t: inout SpecDocument.Table, inner: TableInner, tokens: [String],
                   line: Int) throws(SpecError) -> TableInner? {
        let closes = tokens.count == 1 && tokens[0] == "}"
        switch inner {
        case .key:
            if closes { return TableInner.none }
            guard tokens.count == 2, let kind = SpecMatchKind(rawValue: tokens[1]) else {
                throw Self.fail(line, "invalid match field statement: expected 'FIELD exact|wildcard|lpm'"
                    + (tokens.count == 2 ? ", got match kind '\(tokens[1])'" : ""))
            }
            t.keyFields.append(.init(name: tokens[0], matchKind: kind, line: line))
            return .key
        case .actions:
            if closes { return TableInner.none }
            t.actions.append(try Self.actionReference(tokens, line: line))
            return .actions
        case .none:
            if closes { return nil }
            switch tokens[0] {
            case "key":
                guard tokens.count == 2, tokens[1] == "{" else {
                    throw Self.fail(line, "invalid key statement: expected 'key {'")
                }
                return .key
            case "actions":
                guard tokens.count == 2, tokens[1] == "{" else {
                    throw Self.fail(line, "invalid actions statement: expected 'actions {'")
                }
                return .actions
            case "default_action":
                t.defaultAction = try Self.defaultAction(tokens, line: line, existing: t.defaultAction)
            case "hash":
                guard tokens.count == 2 else { throw Self.fail(line, "invalid hash statement: expected 'hash FUNC'") }
                guard t.hashFunctionName == nil else { throw Self.fail(line, "duplicate hash statement") }
                t.hashFunctionName = tokens[1]
            case "instanceof":
                guard tokens.count == 2 else {
                    throw Self.fail(line, "invalid instanceof statement: expected 'instanceof TYPE'")
                }
                guard t.recommendedTypeName == nil else { throw Self.fail(line, "duplicate instanceof statement") }
                t.recommendedTypeName = tokens[1]
            case "pragma":
                guard tokens.count == 2 else {
                    throw Self.fail(line, "invalid pragma statement: expected 'pragma ARGS'")
                }
                guard t.pragma == nil else { throw Self.fail(line, "duplicate pragma statement") }
                t.pragma = tokens[1]
            case "size":
                t.size = try Self.size(tokens, line: line, what: "size")
            default:
                throw Self.fail(line, "invalid statement '\(tokens[0])' in table \(t.name)")
            }
            return TableInner.none
        }
    }

    /// Handles one line inside a selector block; returns whether the inner `selector { }` block is open, or nil
    /// when the selector block closed.
    func selectorLine(_ s: inout SpecDocument.Selector, inSelectorBlock: Bool, tokens: [String],
                      line: Int) throws(SpecError) -> Bool? {
        let closes = tokens.count == 1 && tokens[0] == "}"
        if inSelectorBlock {
            if closes { return false }
            guard tokens.count == 1 else {
                throw Self.fail(line, "invalid selector field statement: expected one field name")
            }
            s.selectorFields.append(.init(name: tokens[0], matchKind: .exact, line: line))
            return true
        }
        if closes { return nil }
        switch tokens[0] {
        case "group_id":
            guard tokens.count == 2 else {
                throw Self.fail(line, "invalid group_id statement: expected 'group_id FIELD'")
            }
            s.groupIDFieldName = tokens[1]
        case "selector":
            guard tokens.count == 2, tokens[1] == "{" else {
                throw Self.fail(line, "invalid selector statement: expected 'selector {'")
            }
            return true
        case "member_id":
            guard tokens.count == 2 else {
                throw Self.fail(line, "invalid member_id statement: expected 'member_id FIELD'")
            }
            s.memberIDFieldName = tokens[1]
        case "n_groups_max":
            s.groupCountMax = try Self.size(tokens, line: line, what: "n_groups_max")
        case "n_members_per_group_max":
            s.membersPerGroupMax = try Self.size(tokens, line: line, what: "n_members_per_group_max")
        default:
            throw Self.fail(line, "invalid statement '\(tokens[0])' in selector \(s.name)")
        }
        return false
    }

    /// Handles one line inside a learner block; returns the inner state to continue with, or nil when the
    /// learner block closed.
    func learnerLine(_ l: inout SpecDocument.Learner, inner: LearnerInner, tokens: [String],
                     line: Int) throws(SpecError) -> LearnerInner? {
        let closes = tokens.count == 1 && tokens[0] == "}"
        switch inner {
        case .key:
            if closes { return LearnerInner.none }
            guard tokens.count == 1 else {
                throw Self.fail(line, "invalid match field statement: a learner key line holds one field name")
            }
            l.keyFields.append(.init(name: tokens[0], matchKind: .exact, line: line))
            return .key
        case .actions:
            if closes { return LearnerInner.none }
            l.actions.append(try Self.actionReference(tokens, line: line))
            return .actions
        case .timeout:
            if closes { return LearnerInner.none }
            guard tokens.count == 1, let value = CNumber.parseUnsigned32(tokens[0][...]) else {
                throw Self.fail(line, "invalid timeout value statement: expected one number of seconds")
            }
            l.timeouts.append(value)
            return .timeout
        case .none:
            if closes { return nil }
            switch tokens[0] {
            case "key":
                guard tokens.count == 2, tokens[1] == "{" else {
                    throw Self.fail(line, "invalid key statement: expected 'key {'")
                }
                return .key
            case "actions":
                guard tokens.count == 2, tokens[1] == "{" else {
                    throw Self.fail(line, "invalid actions statement: expected 'actions {'")
                }
                return .actions
            case "timeout":
                guard tokens.count == 2, tokens[1] == "{" else {
                    throw Self.fail(line, "invalid timeout statement: expected 'timeout {'")
                }
                return .timeout
            case "default_action":
                l.defaultAction = try Self.defaultAction(tokens, line: line, existing: l.defaultAction)
            case "hash":
                guard tokens.count == 2 else { throw Self.fail(line, "invalid hash statement: expected 'hash FUNC'") }
                guard l.hashFunctionName == nil else { throw Self.fail(line, "duplicate hash statement") }
                l.hashFunctionName = tokens[1]
            case "size":
                l.size = try Self.size(tokens, line: line, what: "size")
            default:
                throw Self.fail(line, "invalid statement '\(tokens[0])' in learner \(l.name)")
            }
            return LearnerInner.none
        }
    }
}
