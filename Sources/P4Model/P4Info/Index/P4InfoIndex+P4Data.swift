// Checks `P4Data` values (register cells, digest messages) against P4Info types, and builds the zero value of a
// type, resolving named types through `type_info`. Recursion is bounded, so recursive or absurdly deep types end
// in an error instead of a crash.

extension P4InfoIndex {
    /// How deeply `P4Data` values and their types may nest.
    public static let maximumDataDepth = 64

    /// Checks `data` against `spec` and returns it with every bitstring in canonical form (§8.3; two's-complement
    /// shortest form for `int<W>`).
    ///
    /// - Parameter path: where the value sits in the request, e.g. `updates[0].entity.registerEntry.data`.
    /// - Throws: INVALID_ARGUMENT when the value's shape does not match the type (kind, member counts, enum names,
    ///   unknown named types); OUT_OF_RANGE when a bitstring is empty or too wide, or a varbit exceeds its maximum.
    public func checked(_ data: P4Data, against spec: P4DataTypeSpec, path: String) throws(P4RuntimeError) -> P4Data {
        try checked(data, spec, path: path, depth: 0)
    }

    /// The value every cell of a register of type `spec` holds initially: zero bitstrings, `false`, invalid
    /// headers, the first member of an enum or of `error`; nil when the type cannot be resolved or is recursive.
    public func zeroValue(of spec: P4DataTypeSpec) -> P4Data? { zeroValue(spec, depth: 0) }

    private var types: P4TypeInfo { p4info.typeInfo ?? P4TypeInfo() }

    private func checked(_ data: P4Data, _ spec: P4DataTypeSpec, path: String, depth: Int) throws(P4RuntimeError)
        -> P4Data
    {
        if depth > Self.maximumDataDepth {
            throw .invalidArgument("\(path): value nested deeper than \(Self.maximumDataDepth) levels")
        }
        func mismatch(_ expected: String) -> P4RuntimeError {
            .invalidArgument("\(path): expected \(expected), found \(Self.describe(data))")
        }
        switch spec.kind {
        case nil:
            throw .invalidArgument("\(path): the P4Info type has no kind")
        case .bitstring(let bitstring)?:
            guard let kind = bitstring.kind else { throw .invalidArgument("\(path): the P4Info bitstring type has no kind") }
            switch (kind, data.kind) {
            case (.bit(let width), .bitstring(let bytes)?):
                return P4Data(.bitstring(try Bytestring.validated(bytes, bitwidth: Int(width), what: path + ".bitstring")))
            case (.int(let width), .bitstring(let bytes)?):
                return P4Data(.bitstring(try Self.signed(bytes, width: width, path: path + ".bitstring")))
            case (.varbit(let maximum), .varbit(let varbit)?):
                return P4Data(.varbit(try Self.varbit(varbit, maximum: maximum, path: path + ".varbit")))
            case (.varbit(let maximum), _): throw mismatch("a varbit<\(maximum)>")
            case (.bit(let width), _): throw mismatch("a bitstring of bit<\(width)>")
            case (.int(let width), _): throw mismatch("a bitstring of int<\(width)>")
            }
        case .bool?:
            guard case .bool = data.kind else { throw mismatch("a bool") }
            return data
        case .tuple(let members)?:
            guard case .tuple(let value)? = data.kind else { throw mismatch("a tuple") }
            return P4Data(.tuple(try checkedMembers(value, members, path: path + ".tuple", depth: depth)))
        case .struct(let named)?:
            guard let type = types.structs[named.name] else { throw .invalidArgument("\(path): unknown struct '\(named.name)'") }
            guard case .struct(let value)? = data.kind else { throw mismatch("struct '\(named.name)'") }
            var memberTypes: [P4DataTypeSpec] = []
            for member in type.members {
                guard let memberType = member.typeSpec else {
                    throw .invalidArgument("\(path): struct '\(named.name)' member '\(member.name)' has no type")
                }
                memberTypes.append(memberType)
            }
            return P4Data(.struct(try checkedMembers(value, memberTypes, path: path + ".struct", depth: depth)))
        case .header(let named)?:
            guard case .header(let value)? = data.kind else { throw mismatch("header '\(named.name)'") }
            return P4Data(.header(try checkedHeader(value, named, path: path + ".header")))
        case .headerUnion(let named)?:
            guard case .headerUnion(let value)? = data.kind else { throw mismatch("header_union '\(named.name)'") }
            return P4Data(.headerUnion(try checkedUnion(value, named, path: path + ".headerUnion")))
        case .headerStack(let stack)?:
            guard case .headerStack(let value)? = data.kind else { throw mismatch("a header stack") }
            guard value.entries.count == Int(stack.size) else {
                throw .invalidArgument("\(path).headerStack: \(value.entries.count) entries, the stack has \(stack.size)")
            }
            var entries: [P4Header] = []
            for (position, entry) in value.entries.enumerated() {
                entries.append(try checkedHeader(entry, stack.header ?? P4NamedType(),
                    path: "\(path).headerStack.entries[\(position)]"))
            }
            return P4Data(.headerStack(P4HeaderStack(entries: entries)))
        case .headerUnionStack(let stack)?:
            guard case .headerUnionStack(let value)? = data.kind else { throw mismatch("a header union stack") }
            guard value.entries.count == Int(stack.size) else {
                throw .invalidArgument(
                    "\(path).headerUnionStack: \(value.entries.count) entries, the stack has \(stack.size)")
            }
            var entries: [P4HeaderUnion] = []
            for (position, entry) in value.entries.enumerated() {
                entries.append(try checkedUnion(entry, stack.headerUnion ?? P4NamedType(),
                    path: "\(path).headerUnionStack.entries[\(position)]"))
            }
            return P4Data(.headerUnionStack(P4HeaderUnionStack(entries: entries)))
        case .enum(let named)?:
            guard let type = types.enums[named.name] else { throw .invalidArgument("\(path): unknown enum '\(named.name)'") }
            guard case .enum(let name)? = data.kind else { throw mismatch("a member of enum '\(named.name)'") }
            guard type.members.contains(where: { $0.name == name }) else {
                throw .invalidArgument("\(path).enum: '\(name)' is not a member of enum '\(named.name)'")
            }
            return data
        case .error?:
            guard case .error(let name)? = data.kind else { throw mismatch("an error") }
            if let members = types.error?.members, !members.contains(name) {
                throw .invalidArgument("\(path).error: '\(name)' is not a member of error")
            }
            return data
        case .serializableEnum(let named)?:
            guard let type = types.serializableEnums[named.name], let width = type.underlyingBitwidth else {
                throw .invalidArgument("\(path): unknown serializable_enum '\(named.name)'")
            }
            guard case .enumValue(let bytes)? = data.kind else { throw mismatch("an enum_value of '\(named.name)'") }
            return P4Data(.enumValue(try Bytestring.validated(bytes, bitwidth: Int(width), what: path + ".enumValue")))
        case .newType(let named)?:
            switch types.newTypes[named.name]?.representation {
            case nil:
                throw .invalidArgument("\(path): unknown new_type '\(named.name)'")
            case .originalType(let original)?:
                return try checked(data, original, path: path, depth: depth + 1)
            case .translatedType(let translation)?:
                guard case .bitstring(let bytes)? = data.kind else { throw mismatch("a bitstring of type '\(named.name)'") }
                switch translation.sdnType {
                case .sdnBitwidth(let width)?:
                    return P4Data(.bitstring(try Bytestring.validated(bytes, bitwidth: Int(width), what: path + ".bitstring")))
                case .sdnString?, nil:
                    return data
                }
            }
        }
    }

    private func checkedMembers(_ value: P4StructLike, _ types: [P4DataTypeSpec], path: String, depth: Int)
        throws(P4RuntimeError) -> P4StructLike
    {
        guard value.members.count == types.count else {
            throw .invalidArgument("\(path): \(value.members.count) members, the type has \(types.count)")
        }
        var members: [P4Data] = []
        for (position, member) in value.members.enumerated() {
            members.append(try checked(member, types[position], path: "\(path).members[\(position)]", depth: depth + 1))
        }
        return P4StructLike(members: members)
    }

    private func checkedHeader(_ value: P4Header, _ named: P4NamedType, path: String) throws(P4RuntimeError) -> P4Header {
        guard let type = types.headers[named.name] else { throw .invalidArgument("\(path): unknown header '\(named.name)'") }
        guard value.isValid else {
            // An invalid header has no field values; any given are meaningless and dropped.
            return P4Header(isValid: false)
        }
        guard value.bitstrings.count == type.members.count else {
            throw .invalidArgument(
                "\(path): \(value.bitstrings.count) bitstrings, header '\(named.name)' has \(type.members.count) fields")
        }
        var fields: [[UInt8]] = []
        for (position, member) in type.members.enumerated() {
            let fieldPath = "\(path).bitstrings[\(position)]"
            switch member.typeSpec?.kind {
            case .bit(let width)?: fields.append(try Bytestring.validated(value.bitstrings[position], bitwidth: Int(width), what: fieldPath))
            case .int(let width)?: fields.append(try Self.signed(value.bitstrings[position], width: width, path: fieldPath))
            case .varbit(let maximum)?:
                fields.append(try Bytestring.validated(value.bitstrings[position], bitwidth: Int(maximum), what: fieldPath))
            case nil:
                throw .invalidArgument("\(path): header '\(named.name)' field '\(member.name)' has no type")
            }
        }
        return P4Header(isValid: true, bitstrings: fields)
    }

    private func checkedUnion(_ value: P4HeaderUnion, _ named: P4NamedType, path: String) throws(P4RuntimeError)
        -> P4HeaderUnion
    {
        guard let type = types.headerUnions[named.name] else {
            throw .invalidArgument("\(path): unknown header_union '\(named.name)'")
        }
        if value.validHeaderName.isEmpty { return P4HeaderUnion() }
        guard let member = type.members.first(where: { $0.name == value.validHeaderName }) else {
            throw .invalidArgument("\(path).validHeaderName: '\(value.validHeaderName)' is not a member of header_union '\(named.name)'")
        }
        let header = try checkedHeader(value.validHeader ?? P4Header(), member.header ?? P4NamedType(), path: path + ".validHeader")
        return P4HeaderUnion(validHeaderName: value.validHeaderName, validHeader: header)
    }

    private static func signed(_ bytes: [UInt8], width: Int32, path: String) throws(P4RuntimeError) -> [UInt8] {
        if bytes.isEmpty { throw .outOfRange("\(path): empty bytestring (a value needs at least one byte)") }
        guard Bytestring.fits(signed: bytes, bitwidth: Int(width)) else {
            throw .outOfRange("\(path): value 0x\(Bytestring.hex(bytes)) does not fit int<\(width)>")
        }
        return Bytestring.canonicalSigned(bytes)
    }

    private static func varbit(_ value: P4Varbit, maximum: Int32, path: String) throws(P4RuntimeError) -> P4Varbit {
        guard value.bitwidth >= 0, value.bitwidth <= maximum else {
            throw .outOfRange("\(path).bitwidth: \(value.bitwidth) exceeds the maximum \(maximum) of varbit<\(maximum)>")
        }
        let bytes = try Bytestring.validated(value.bitstring, bitwidth: Int(value.bitwidth), what: path + ".bitstring")
        return P4Varbit(bitstring: bytes, bitwidth: value.bitwidth)
    }

    private static func describe(_ data: P4Data) -> String {
        switch data.kind {
        case nil: "no value"
        case .bitstring?: "a bitstring"
        case .varbit?: "a varbit"
        case .bool?: "a bool"
        case .tuple?: "a tuple"
        case .struct?: "a struct"
        case .header?: "a header"
        case .headerUnion?: "a header union"
        case .headerStack?: "a header stack"
        case .headerUnionStack?: "a header union stack"
        case .enum(let name)?: "enum member '\(name)'"
        case .error(let name)?: "error '\(name)'"
        case .enumValue?: "an enum_value"
        }
    }

    private func zeroValue(_ spec: P4DataTypeSpec, depth: Int) -> P4Data? {
        guard depth <= Self.maximumDataDepth else { return nil }
        switch spec.kind {
        case nil: return nil
        case .bitstring(let bitstring)?:
            switch bitstring.kind {
            case nil: return nil
            case .bit?, .int?: return P4Data(.bitstring([0]))
            case .varbit?: return P4Data(.varbit(P4Varbit(bitstring: [0], bitwidth: 0)))
            }
        case .bool?: return P4Data(.bool(false))
        case .tuple(let members)?:
            var values: [P4Data] = []
            for member in members {
                guard let value = zeroValue(member, depth: depth + 1) else { return nil }
                values.append(value)
            }
            return P4Data(.tuple(P4StructLike(members: values)))
        case .struct(let named)?:
            guard let type = types.structs[named.name] else { return nil }
            var values: [P4Data] = []
            for member in type.members {
                guard let memberType = member.typeSpec, let value = zeroValue(memberType, depth: depth + 1) else { return nil }
                values.append(value)
            }
            return P4Data(.struct(P4StructLike(members: values)))
        case .header(let named)?:
            return types.headers[named.name] == nil ? nil : P4Data(.header(P4Header()))
        case .headerUnion(let named)?:
            return types.headerUnions[named.name] == nil ? nil : P4Data(.headerUnion(P4HeaderUnion()))
        case .headerStack(let stack)?:
            guard stack.size >= 0 else { return nil }
            return P4Data(.headerStack(P4HeaderStack(entries: Array(repeating: P4Header(), count: Int(stack.size)))))
        case .headerUnionStack(let stack)?:
            guard stack.size >= 0 else { return nil }
            return P4Data(.headerUnionStack(P4HeaderUnionStack(
                entries: Array(repeating: P4HeaderUnion(), count: Int(stack.size)))))
        case .enum(let named)?:
            return types.enums[named.name]?.members.first.map { P4Data(.enum($0.name)) }
        case .error?:
            return P4Data(.error(types.error?.members.first ?? "NoError"))
        case .serializableEnum(let named)?:
            return types.serializableEnums[named.name] == nil ? nil : P4Data(.enumValue([0]))
        case .newType(let named)?:
            switch types.newTypes[named.name]?.representation {
            case nil: return nil
            case .originalType(let original)?: return zeroValue(original, depth: depth + 1)
            case .translatedType?: return P4Data(.bitstring([0]))
            }
        }
    }
}
