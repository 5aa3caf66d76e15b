extension SpecBuilder {
    mutating func configureTable(_ table: SpecDocument.Table) throws(SpecError) {
        guard !tableLikeNameExists(table.name) else {
            throw Self.config(table.line, "table \(table.name): a table, selector or learner with this name already "
                + "exists")
        }
        let context = "table \(table.name)"
        let keyFields = try resolveKey(table.keyFields, context: context, line: table.line)
        var kind = SpecTableKind.stub
        var window: SpecKeyWindow?
        if !keyFields.isEmpty {
            var offsets = Set<Int>()
            for field in keyFields where !offsets.insert(field.field.byteOffset).inserted {
                throw Self.config(table.line, "\(context): key field '\(field.name)' is listed twice")
            }
        }
        let actionList = try resolveActions(table.actions, context: context, line: table.line, learner: false)
        let defaultAction = try resolveDefaultAction(table.defaultAction, actions: actionList, context: context,
                                                     line: table.line)
        let hash = try hashFunction(table.hashFunctionName, context: context, line: table.line)
        if !keyFields.isEmpty {
            let lpmCount = keyFields.filter { $0.matchKind == .lpm }.count
            let exactCount = keyFields.filter { $0.matchKind == .exact }.count
            guard lpmCount <= 1 else {
                throw Self.config(table.line, "\(context): at most one key field may be lpm")
            }
            guard lpmCount == 0 || exactCount == keyFields.count - 1 else {
                throw Self.config(table.line, "\(context): with an lpm key field every other key field must be exact")
            }
            let keyWindow = Self.keyWindow(keyFields)
            window = keyWindow
            kind = exactCount == keyFields.count && Self.isContiguous(keyFields) ? .exact : .wildcard
            // DPDK creates every table object at pipeline build time; these are the creation checks.
            if kind == .exact, table.size == 0 {
                throw Self.config(table.line, "\(context): an exact-match table needs 'size N' with N > 0")
            }
            if kind == .wildcard, Self.aclFieldCount(keyWindow.mask) > 64 {
                throw Self.config(table.line, "\(context): the key window of \(keyWindow.byteCount) bytes needs more "
                    + "than the 64 fields DPDK's ACL-based wildcard table supports")
            }
        }
        tables.append(.init(index: tables.count, name: table.name, keyFields: keyFields, kind: kind,
                            keyWindow: window, actions: actionList, defaultAction: defaultAction,
                            size: Int(table.size), hashFunction: hash, recommendedTypeName: table.recommendedTypeName,
                            pragma: table.pragma, line: table.line))
    }

    mutating func configureSelector(_ selector: SpecDocument.Selector) throws(SpecError) {
        let context = "selector \(selector.name)"
        guard !tableLikeNameExists(selector.name) else {
            throw Self.config(selector.line, "\(context): a table, selector or learner with this name already exists")
        }
        guard let groupName = selector.groupIDFieldName else {
            throw Self.config(selector.line, "\(context): missing 'group_id m.FIELD'")
        }
        guard let groupID = metadataOperand(groupName) else {
            throw Self.config(selector.line, "\(context): group_id '\(groupName)' is not a metadata field")
        }
        guard !selector.selectorFields.isEmpty else {
            throw Self.config(selector.line, "\(context): the selector { } block lists no fields")
        }
        let fields = try resolveKey(selector.selectorFields, context: context, line: selector.line,
                                    allowVarbit: true)
        var names = Set<String>()
        for field in selector.selectorFields where !names.insert(field.name).inserted {
            throw Self.config(field.line, "\(context): selector field '\(field.name)' is listed twice")
        }
        guard let memberName = selector.memberIDFieldName else {
            throw Self.config(selector.line, "\(context): missing 'member_id m.FIELD'")
        }
        guard let memberID = metadataOperand(memberName) else {
            throw Self.config(selector.line, "\(context): member_id '\(memberName)' is not a metadata field")
        }
        guard selector.groupCountMax > 0 else {
            throw Self.config(selector.line, "\(context): n_groups_max must be given and > 0")
        }
        guard selector.membersPerGroupMax > 0 else {
            throw Self.config(selector.line, "\(context): n_members_per_group_max must be given and > 0")
        }
        let window = Self.keyWindow(fields)
        guard window.byteCount <= 64 else {
            throw Self.config(selector.line, "\(context): the selector fields span \(window.byteCount) bytes; "
                + "DPDK's selector table allows at most 64")
        }
        guard selector.groupCountMax <= 1 << 31, selector.membersPerGroupMax <= 1 << 31 else {
            throw Self.config(selector.line, "\(context): n_groups_max and n_members_per_group_max must be at most "
                + "2^31")
        }
        selectors.append(.init(index: selectors.count, name: selector.name, groupID: groupID, selectorFields: fields,
                               selectorWindow: window, memberID: memberID,
                               groupCountMax: Int(selector.groupCountMax),
                               membersPerGroupMax: Int(selector.membersPerGroupMax), line: selector.line))
    }

    mutating func configureLearner(_ learner: SpecDocument.Learner) throws(SpecError) {
        let context = "learner \(learner.name)"
        guard !tableLikeNameExists(learner.name) else {
            throw Self.config(learner.line, "\(context): a table, selector or learner with this name already exists")
        }
        guard !learner.keyFields.isEmpty else {
            throw Self.config(learner.line, "\(context): the key { } block lists no fields")
        }
        let keyFields = try resolveKey(learner.keyFields, context: context, line: learner.line)
        var names = Set<String>()
        for field in learner.keyFields where !names.insert(field.name).inserted {
            throw Self.config(field.line, "\(context): key field '\(field.name)' is listed twice")
        }
        guard Self.isContiguous(keyFields) else {
            throw Self.config(learner.line, "\(context): the key fields must be contiguous in their struct")
        }
        let actionList = try resolveActions(learner.actions, context: context, line: learner.line, learner: true)
        let defaultAction = try resolveDefaultAction(learner.defaultAction, actions: actionList, context: context,
                                                     line: learner.line)
        let hash = try hashFunction(learner.hashFunctionName, context: context, line: learner.line)
        guard learner.size > 0, learner.size <= 1 << 31 else {
            throw Self.config(learner.line, "\(context): size must be given, > 0 and at most 2^31")
        }
        guard (1...16).contains(learner.timeouts.count) else {
            throw Self.config(learner.line, "\(context): the timeout { } block must list 1 to 16 values "
                + "(it lists \(learner.timeouts.count))")
        }
        guard !learner.timeouts.contains(0) else {
            throw Self.config(learner.line, "\(context): every timeout must be > 0 seconds")
        }
        learners.append(.init(index: learners.count, name: learner.name, keyFields: keyFields,
                              keyWindow: Self.keyWindow(keyFields), actions: actionList, defaultAction: defaultAction,
                              size: Int(learner.size), hashFunction: hash, timeouts: learner.timeouts,
                              line: learner.line))
    }

    // MARK: Shared pieces

    func metadataOperand(_ name: String) -> SpecFieldOperand? {
        SpecTranslator(builder: self, action: nil).metadataField(name)
    }

    /// Resolves key (or selector) fields: all from one header or all from the metadata, and (unless
    /// `allowVarbit`, which selectors need because DPDK does not check them) no varbit fields.
    func resolveKey(_ fields: [SpecDocument.KeyField], context: String, line: Int,
                    allowVarbit: Bool = false) throws(SpecError) -> [SpecKeyField] {
        let resolver = SpecTranslator(builder: self, action: nil)
        var result: [SpecKeyField] = []
        var source: SpecFieldSpace?
        for field in fields {
            guard let operand = resolver.headerField(field.name) ?? resolver.metadataField(field.name) else {
                throw Self.config(field.line, "\(context): key field '\(field.name)' is not a header or metadata field"
                    + (field.name.hasPrefix("h.") && !field.name.dropFirst(2).contains(".")
                        ? " (it names no header)" : ""))
            }
            if !allowVarbit, resolver.isVarbit(operand) {
                throw Self.config(field.line, "\(context): key field '\(field.name)' is a varbit field")
            }
            if let source, source != operand.space {
                throw Self.config(field.line, "\(context): key field '\(field.name)' is not in the same header or "
                    + "metadata as the first key field (all key fields must come from one struct)")
            }
            source = operand.space
            result.append(.init(name: field.name, field: operand, matchKind: field.matchKind))
        }
        return result
    }

    /// DPDK's contiguity rule: every field but one is immediately followed by another key field.
    static func isContiguous(_ fields: [SpecKeyField]) -> Bool {
        let starts = Set(fields.map(\.field.byteOffset))
        let followed = fields.filter { starts.contains($0.field.byteOffset + $0.field.byteWidth) }.count
        return followed == fields.count - 1
    }

    /// The number of fields DPDK's wildcard table gives its ACL context for this key mask: walking the window,
    /// a zero mask byte is skipped, otherwise a field starts there (1 byte for the first field, 4 for the rest).
    static func aclFieldCount(_ mask: [UInt8]) -> Int {
        var count = 0
        var byte = 0
        while byte < mask.count {
            if mask[byte] == 0 {
                byte += 1
                continue
            }
            byte += count == 0 ? 1 : 4
            count += 1
        }
        return count
    }

    static func keyWindow(_ fields: [SpecKeyField]) -> SpecKeyWindow {
        let start = fields.map(\.field.byteOffset).min() ?? 0
        let end = fields.map { $0.field.byteOffset + $0.field.byteWidth }.max() ?? start
        var mask = Array(repeating: UInt8(0), count: end - start)
        for field in fields {
            let first = field.field.byteOffset - start
            for i in first..<(first + field.field.byteWidth) { mask[i] = 0xFF }
        }
        let source: SpecKeySource
        if case .header(let header) = fields.first?.field.space { source = .header(header) } else { source = .metadata }
        return SpecKeyWindow(source: source, structIndex: fields.first?.field.structIndex ?? 0, byteOffset: start,
                             byteCount: end - start, mask: mask)
    }

    func resolveActions(_ references: [SpecDocument.ActionReference], context: String, line: Int,
                        learner: Bool) throws(SpecError) -> [SpecTableAction] {
        guard !references.isEmpty else { throw Self.config(line, "\(context): the actions { } block lists no actions") }
        var result: [SpecTableAction] = []
        for reference in references {
            guard let index = actionIndex(named: reference.name) else {
                throw Self.config(reference.line, "\(context): action '\(reference.name)' is not declared")
            }
            if !learner, actions[index].doesLearning {
                throw Self.config(reference.line, "\(context): action '\(reference.name)' uses learn or forget, "
                    + "which only learner actions may do")
            }
            result.append(.init(actionIndex: index, scope: reference.scope))
        }
        if learner {
            for reference in references {
                guard let index = actionIndex(named: reference.name) else { continue }
                for case .learn(let learned, _, _) in actions[index].body.instructions
                where !result.contains(where: { $0.actionIndex == learned }) {
                    throw Self.config(reference.line, "\(context): action '\(reference.name)' learns action "
                        + "'\(actions[learned].name)', which is not in this learner's actions list")
                }
            }
        }
        return result
    }

    func resolveDefaultAction(_ declaration: SpecDocument.DefaultAction?, actions list: [SpecTableAction],
                              context: String, line: Int) throws(SpecError) -> SpecDefaultAction {
        guard let declaration else { throw Self.config(line, "\(context): missing default_action statement") }
        guard let entry = list.first(where: { actions[$0.actionIndex].name == declaration.name }) else {
            throw Self.config(declaration.line, "\(context): default action '\(declaration.name)' is not in the "
                + "actions list")
        }
        guard entry.scope.allowsDefault else {
            throw Self.config(declaration.line, "\(context): default action '\(declaration.name)' is @tableonly")
        }
        let action = actions[entry.actionIndex]
        guard let argsIndex = action.argumentsStructIndex else {
            guard declaration.arguments.isEmpty else {
                throw Self.config(declaration.line, "\(context): action '\(declaration.name)' takes no arguments "
                    + "(use 'args none')")
            }
            return .init(actionIndex: entry.actionIndex, actionData: [], isConst: declaration.isConst)
        }
        let data: [UInt8]
        do {
            data = try SpecActionData.encode(arguments: declaration.arguments.map { $0[...] },
                                             struct: structs[argsIndex],
                                             networkByteOrder: action.argumentIsNetworkByteOrder)
        } catch {
            throw Self.config(declaration.line, "\(context): default action '\(declaration.name)': \(error.message)")
        }
        return .init(actionIndex: entry.actionIndex, actionData: data, isConst: declaration.isConst)
    }

    func hashFunction(_ name: String?, context: String, line: Int) throws(SpecError) -> SpecHashFunction? {
        guard let name else { return nil }
        guard let function = SpecHashFunction(rawValue: name) else {
            throw Self.config(line, "\(context): unknown hash function '\(name)' (known: jhash, crc32)")
        }
        return function
    }
}
