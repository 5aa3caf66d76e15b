// Checks of `type_info` and of type specs: references resolve, widths are positive, serializable enum values fit,
// and recursive structs are found without recursing forever.

extension P4InfoValidator {
    /// Node names in the type reference graph: `struct 'S'`, `new_type 'T'` (the only kinds that can form cycles).
    static func node(_ kind: String, _ name: String) -> String { "\(kind) '\(name)'" }

    /// The struct and new-type nodes `spec` refers to directly (through tuples and stacks, not through them).
    func namedReferences(of spec: P4DataTypeSpec) -> [String] {
        switch spec.kind {
        case .struct(let named)?: [Self.node("struct", named.name)]
        case .newType(let named)?: [Self.node("new_type", named.name)]
        case .tuple(let members)?: members.flatMap(namedReferences)
        default: []
        }
    }

    /// The outgoing edges of a node.
    private func edges(of node: String) -> [String] {
        if node.hasPrefix("struct '"), let spec = typeInfo.structs[Self.name(in: node)] {
            return spec.members.compactMap(\.typeSpec).flatMap(namedReferences)
        }
        if node.hasPrefix("new_type '"), case .originalType(let original)? = typeInfo.newTypes[Self.name(in: node)]?.representation {
            return namedReferences(of: original)
        }
        return []
    }

    private static func name(in node: String) -> String {
        guard let open = node.firstIndex(of: "'") else { return node }
        return String(node[node.index(after: open)..<node.index(before: node.endIndex)])
    }

    /// Marks every struct or new type that lies on, or leads to, a cycle, and warns once per cycle. Iterative
    /// depth-first search, in sorted name order, so hostile input cannot exhaust the stack.
    mutating func findRecursiveTypes() {
        let nodes = typeInfo.structs.keys.sorted().map { Self.node("struct", $0) }
            + typeInfo.newTypes.keys.sorted().map { Self.node("new_type", $0) }
        enum State { case visiting, done }
        var state: [String: State] = [:]
        var recursive: Set<String> = []
        for root in nodes where state[root] == nil {
            var stack: [(node: String, next: [String])] = [(root, edges(of: root))]
            state[root] = .visiting
            while !stack.isEmpty {
                if let child = stack[stack.count - 1].next.popLast() {
                    switch state[child] {
                    case nil:
                        state[child] = .visiting
                        stack.append((child, edges(of: child)))
                    case .visiting?:
                        let path = stack.map(\.node)
                        let cycle = path[(path.firstIndex(of: child) ?? 0)...] + [child]
                        warn("type_info: \(child) is recursive (\(cycle.joined(separator: " → "))); P4 forbids recursive types and values of it cannot be encoded")
                        for member in cycle { recursive.insert(member) }
                    case .done?:
                        if recursive.contains(child) { recursive.insert(stack[stack.count - 1].node) }
                    }
                } else {
                    let finished = stack.removeLast().node
                    state[finished] = .done
                    if recursive.contains(finished), let parent = stack.last?.node { recursive.insert(parent) }
                }
            }
        }
        recursiveTypes = recursive
    }

    mutating func checkTypeInfo() {
        for name in typeInfo.structs.keys.sorted() {
            guard let spec = typeInfo.structs[name] else { continue }
            for member in spec.members {
                let item = "type_info struct '\(name)' member '\(member.name)'"
                guard let type = member.typeSpec else {
                    fail("\(item): has no type_spec")
                    continue
                }
                checkTypeSpec(type, item: item)
            }
        }
        for name in typeInfo.headers.keys.sorted() {
            guard let spec = typeInfo.headers[name] else { continue }
            for member in spec.members {
                let item = "type_info header '\(name)' member '\(member.name)'"
                guard let type = member.typeSpec else {
                    fail("\(item): has no type_spec")
                    continue
                }
                checkBitstring(type, item: item)
            }
        }
        for name in typeInfo.headerUnions.keys.sorted() {
            guard let spec = typeInfo.headerUnions[name] else { continue }
            for member in spec.members {
                let item = "type_info header_union '\(name)' member '\(member.name)'"
                guard let header = member.header?.name, !header.isEmpty else {
                    fail("\(item): has no header type")
                    continue
                }
                if typeInfo.headers[header] == nil { fail("\(item): refers to unknown header '\(header)'") }
            }
        }
        for name in typeInfo.serializableEnums.keys.sorted() {
            guard let spec = typeInfo.serializableEnums[name] else { continue }
            let item = "type_info serializable_enum '\(name)'"
            guard let width = spec.underlyingBitwidth, width > 0 else {
                fail("\(item): underlying_type has no positive bitwidth")
                continue
            }
            for member in spec.members where !Bytestring.fits(member.value, bitwidth: Int(width)) {
                fail("\(item) member '\(member.name)': value does not fit \(width) bits")
            }
        }
        for name in typeInfo.newTypes.keys.sorted() {
            guard let spec = typeInfo.newTypes[name] else { continue }
            let item = "type_info new_type '\(name)'"
            switch spec.representation {
            case nil: fail("\(item): has neither original_type nor translated_type")
            case .originalType(let original)?: checkTypeSpec(original, item: item)
            case .translatedType(let translation)?:
                switch translation.sdnType {
                case nil: fail("\(item): translated_type has neither sdn_bitwidth nor sdn_string")
                case .sdnBitwidth(let width)? where width <= 0:
                    fail("\(item): translated_type sdn_bitwidth \(width) must be positive")
                default: break
                }
            }
        }
    }

    private mutating func checkBitstring(_ spec: P4BitstringLikeTypeSpec, item: String) {
        switch spec.kind {
        case nil: fail("\(item): bitstring type has no bit, int or varbit")
        case .bit(let width)? where width <= 0, .int(let width)? where width <= 0:
            fail("\(item): bitwidth \(width) must be positive")
        case .varbit(let width)? where width <= 0: fail("\(item): varbit max_bitwidth \(width) must be positive")
        default: break
        }
    }

    /// Checks that a type spec is set and that the named types it uses exist (one level: named types are
    /// checked where they are declared, so cycles cannot loop here).
    mutating func checkTypeSpec(_ spec: P4DataTypeSpec, item: String) {
        switch spec.kind {
        case nil: fail("\(item): type spec has no type")
        case .bitstring(let bitstring)?: checkBitstring(bitstring, item: item)
        case .bool?, .error?: break
        case .tuple(let members)?:
            for (position, member) in members.enumerated() { checkTypeSpec(member, item: "\(item) tuple member \(position)") }
        case .struct(let named)?: resolve(named, in: typeInfo.structs.keys, kind: "struct", item: item)
        case .header(let named)?: resolve(named, in: typeInfo.headers.keys, kind: "header", item: item)
        case .headerUnion(let named)?: resolve(named, in: typeInfo.headerUnions.keys, kind: "header_union", item: item)
        case .headerStack(let stack)?:
            resolve(stack.header ?? P4NamedType(), in: typeInfo.headers.keys, kind: "header", item: item)
            if stack.size <= 0 { fail("\(item): header stack size \(stack.size) must be positive") }
        case .headerUnionStack(let stack)?:
            resolve(stack.headerUnion ?? P4NamedType(), in: typeInfo.headerUnions.keys, kind: "header_union", item: item)
            if stack.size <= 0 { fail("\(item): header union stack size \(stack.size) must be positive") }
        case .enum(let named)?: resolve(named, in: typeInfo.enums.keys, kind: "enum", item: item)
        case .serializableEnum(let named)?:
            resolve(named, in: typeInfo.serializableEnums.keys, kind: "serializable_enum", item: item)
        case .newType(let named)?: resolve(named, in: typeInfo.newTypes.keys, kind: "new_type", item: item)
        }
    }

    private mutating func resolve<Keys: Collection<String>>(
        _ named: P4NamedType, in names: Keys, kind: String, item: String
    ) {
        if !names.contains(named.name) { fail("\(item): refers to unknown \(kind) '\(named.name)'") }
    }
}
