import P4Model

/// A P4 type resolved against P4Info `type_info`, used to validate `P4Data` values (register cells, digests) and
/// to produce a type's zero value.
public indirect enum P4DataShape: Sendable, Hashable {
    /// `bit<W>`.
    case bit(Int)
    /// `int<W>` (two's complement bytestrings, sign-extension allowed in padding).
    case int(Int)
    /// `varbit<W>` with maximum width W.
    case varbit(Int)
    /// `bool`.
    case bool
    /// A tuple of member types.
    case tuple([P4DataShape])
    /// A struct, members in declaration order.
    case `struct`(name: String, members: [P4DataShape])
    /// A header: the widths of its `bit`/`int` fields.
    case header(name: String, fieldWidths: [Int])
    /// A safe enum and its member names.
    case `enum`(name: String, members: [String])
    /// The `error` type and its member names.
    case error(members: [String])
    /// A serializable enum of the given width.
    case serializableEnum(name: String, bitwidth: Int)
    /// A translated type the controller sees as a string (`sdn_string`); values are not width-checked.
    case sdnString
    /// A type this schema cannot check (header unions, stacks): values are accepted as given.
    case opaque(String)

    /// Resolves `spec` against `typeInfo`; `what` names the object in error messages.
    ///
    /// - Throws: INVALID_ARGUMENT when a named type is missing or the spec is empty.
    public static func resolve(_ spec: P4DataTypeSpec?, typeInfo: P4TypeInfo?, what: String) throws(P4RuntimeError)
        -> P4DataShape
    {
        guard let kind = spec?.kind else { throw .invalidArgument("\(what): type_spec is not set") }
        switch kind {
        case .bitstring(let bits):
            switch bits.kind {
            case .bit(let width)?: return .bit(Int(width))
            case .int(let width)?: return .int(Int(width))
            case .varbit(let width)?: return .varbit(Int(width))
            case nil: throw .invalidArgument("\(what): bitstring type_spec has no width")
            }
        case .bool:
            return .bool
        case .tuple(let members):
            var shapes: [P4DataShape] = []
            for (index, member) in members.enumerated() {
                shapes.append(try resolve(member, typeInfo: typeInfo, what: "\(what).tuple[\(index)]"))
            }
            return .tuple(shapes)
        case .struct(let named):
            guard let spec = typeInfo?.structs[named.name] else {
                throw .invalidArgument("\(what): struct '\(named.name)' is not in type_info")
            }
            var shapes: [P4DataShape] = []
            for member in spec.members {
                shapes.append(try resolve(member.typeSpec, typeInfo: typeInfo, what: "\(what).\(member.name)"))
            }
            return .struct(name: named.name, members: shapes)
        case .header(let named):
            guard let spec = typeInfo?.headers[named.name] else {
                throw .invalidArgument("\(what): header '\(named.name)' is not in type_info")
            }
            var widths: [Int] = []
            for member in spec.members {
                switch member.typeSpec?.kind {
                case .bit(let width)?, .int(let width)?, .varbit(let width)?: widths.append(Int(width))
                case nil: throw .invalidArgument("\(what): header field '\(member.name)' has no width")
                }
            }
            return .header(name: named.name, fieldWidths: widths)
        case .headerUnion(let named):
            return .opaque("header_union \(named.name)")
        case .headerStack:
            return .opaque("header stack")
        case .headerUnionStack:
            return .opaque("header union stack")
        case .enum(let named):
            guard let spec = typeInfo?.enums[named.name] else {
                throw .invalidArgument("\(what): enum '\(named.name)' is not in type_info")
            }
            return .enum(name: named.name, members: spec.members.map(\.name))
        case .error:
            return .error(members: typeInfo?.error?.members ?? [])
        case .serializableEnum(let named):
            guard let spec = typeInfo?.serializableEnums[named.name] else {
                throw .invalidArgument("\(what): serializable enum '\(named.name)' is not in type_info")
            }
            return .serializableEnum(name: named.name, bitwidth: Int(spec.underlyingBitwidth ?? 0))
        case .newType(let named):
            guard let spec = typeInfo?.newTypes[named.name] else {
                throw .invalidArgument("\(what): new type '\(named.name)' is not in type_info")
            }
            switch spec.representation {
            case .originalType(let original)?:
                return try resolve(original, typeInfo: typeInfo, what: what)
            case .translatedType(let translation)?:
                switch translation.sdnType {
                case .sdnBitwidth(let width)?: return .bit(Int(width))
                case .sdnString?: return .sdnString
                case nil: throw .invalidArgument("\(what): translated type '\(named.name)' has no sdn_type")
                }
            case nil:
                throw .invalidArgument("\(what): new type '\(named.name)' has no representation")
            }
        }
    }

    /// The value a fresh cell of this type holds: zero bits, false, first enum member, all-invalid headers.
    public var zeroValue: P4Data {
        switch self {
        case .bit, .int: P4Data(.bitstring([0]))
        case .varbit: P4Data(.varbit(P4Varbit(bitstring: [0], bitwidth: 0)))
        case .bool: P4Data(.bool(false))
        case .tuple(let members): P4Data(.tuple(P4StructLike(members: members.map(\.zeroValue))))
        case .struct(_, let members): P4Data(.struct(P4StructLike(members: members.map(\.zeroValue))))
        case .header: P4Data(.header(P4Header(isValid: false, bitstrings: [])))
        case .enum(_, let members): P4Data(.enum(members.first ?? ""))
        case .error(let members): P4Data(.error(members.first ?? "NoError"))
        case .serializableEnum: P4Data(.enumValue([0]))
        case .sdnString: P4Data(.bitstring([]))
        case .opaque: P4Data(nil)
        }
    }

    /// Checks `data` against this type and returns it with every bitstring in canonical form.
    ///
    /// - Throws: INVALID_ARGUMENT for a value of the wrong kind or member count, OUT_OF_RANGE for a bitstring that
    ///   is empty or wider than its type; messages start with `path`.
    public func validate(_ data: P4Data, path: String) throws(P4RuntimeError) -> P4Data {
        switch (self, data.kind) {
        case (.opaque, _):
            return data
        case (.bit(let width), .bitstring(let bytes)?):
            return P4Data(.bitstring(try Bytestring.validated(bytes, bitwidth: width, what: path + ".bitstring")))
        case (.int(let width), .bitstring(let bytes)?):
            return P4Data(.bitstring(try Self.validatedSigned(bytes, bitwidth: width, path: path + ".bitstring")))
        case (.sdnString, .bitstring(let bytes)?):
            return P4Data(.bitstring(bytes))
        case (.varbit(let maxWidth), .varbit(let value)?):
            if value.bitwidth < 0 || Int(value.bitwidth) > maxWidth {
                throw .outOfRange("\(path).varbit.bitwidth: \(value.bitwidth) exceeds the maximum width \(maxWidth)")
            }
            let bytes = try Bytestring.validated(value.bitstring, bitwidth: Int(value.bitwidth),
                                                 what: path + ".varbit.bitstring")
            return P4Data(.varbit(P4Varbit(bitstring: bytes, bitwidth: value.bitwidth)))
        case (.bool, .bool?):
            return data
        case (.tuple(let members), .tuple(let value)?):
            return P4Data(.tuple(try Self.validateMembers(members, value, path: path + ".tuple")))
        case (.struct(let name, let members), .struct(let value)?):
            return P4Data(.struct(try Self.validateMembers(members, value, path: path + ".struct", type: name)))
        case (.header(let name, let widths), .header(let value)?):
            if !value.isValid {
                if !value.bitstrings.isEmpty {
                    throw .invalidArgument("\(path).header: an invalid header of '\(name)' must carry no bitstrings")
                }
                return data
            }
            if value.bitstrings.count != widths.count {
                throw .invalidArgument(
                    "\(path).header.bitstrings: \(value.bitstrings.count) values for header '\(name)' with \(widths.count) fields")
            }
            var canonical: [[UInt8]] = []
            for (index, bytes) in value.bitstrings.enumerated() {
                canonical.append(try Bytestring.validated(bytes, bitwidth: widths[index],
                                                          what: "\(path).header.bitstrings[\(index)]"))
            }
            return P4Data(.header(P4Header(isValid: true, bitstrings: canonical)))
        case (.enum(let name, let members), .enum(let member)?):
            guard members.contains(member) else {
                throw .invalidArgument("\(path).enum: '\(member)' is not a member of enum '\(name)'")
            }
            return data
        case (.error(let members), .error(let member)?):
            guard members.isEmpty || members.contains(member) else {
                throw .invalidArgument("\(path).error: '\(member)' is not a member of the error type")
            }
            return data
        case (.serializableEnum(let name, let width), .enumValue(let bytes)?):
            return P4Data(.enumValue(try Bytestring.validated(bytes, bitwidth: width,
                                                              what: "\(path).enumValue of '\(name)'")))
        case (_, nil):
            throw .invalidArgument("\(path): no value is set (expected \(description))")
        case (_, let kind?):
            throw .invalidArgument("\(path): a \(Self.kindName(kind)) value where \(description) is expected")
        }
    }

    /// A short English description of the type (`bit<32>`, `struct 'flow_t'`).
    public var description: String {
        switch self {
        case .bit(let width): "bit<\(width)>"
        case .int(let width): "int<\(width)>"
        case .varbit(let width): "varbit<\(width)>"
        case .bool: "bool"
        case .tuple(let members): "a tuple of \(members.count)"
        case .struct(let name, _): "struct '\(name)'"
        case .header(let name, _): "header '\(name)'"
        case .enum(let name, _): "enum '\(name)'"
        case .error: "error"
        case .serializableEnum(let name, _): "serializable enum '\(name)'"
        case .sdnString: "a translated string"
        case .opaque(let name): name
        }
    }

    private static func validateMembers(
        _ members: [P4DataShape], _ value: P4StructLike, path: String, type: String? = nil
    ) throws(P4RuntimeError) -> P4StructLike {
        if value.members.count != members.count {
            let what = type.map { "struct '\($0)'" } ?? "the tuple type"
            throw .invalidArgument("\(path).members: \(value.members.count) members where \(what) has \(members.count)")
        }
        var result: [P4Data] = []
        result.reserveCapacity(members.count)
        for (index, shape) in members.enumerated() {
            result.append(try shape.validate(value.members[index], path: "\(path).members[\(index)]"))
        }
        return P4StructLike(members: result)
    }

    // int<W>: padding bytes must repeat the sign bit; canonical form is the shortest two's-complement string.
    private static func validatedSigned(_ bytes: [UInt8], bitwidth: Int, path: String) throws(P4RuntimeError)
        -> [UInt8]
    {
        guard let first = bytes.first else { throw .outOfRange("\(path): empty bytestring") }
        let negative = first & 0x80 != 0
        let fill: UInt8 = negative ? 0xff : 0x00
        var start = 0
        while start < bytes.count - 1 && bytes[start] == fill && (bytes[start + 1] & 0x80 != 0) == negative {
            start += 1
        }
        let trimmed = Array(bytes[start...])
        let significant = trimmed.count * 8
        let needed: Int
        if negative {
            needed = significant - ((~trimmed[0]).leadingZeroBitCount) + 1
        } else {
            needed = significant - trimmed[0].leadingZeroBitCount + 1
        }
        if bytes.count * 8 > bitwidth && needed > bitwidth {
            throw .outOfRange("\(path): value needs \(needed) bits, exceeds int<\(bitwidth)>")
        }
        return trimmed
    }

    private static func kindName(_ kind: P4Data.Kind) -> String {
        switch kind {
        case .bitstring: "bitstring"
        case .varbit: "varbit"
        case .bool: "bool"
        case .tuple: "tuple"
        case .struct: "struct"
        case .header: "header"
        case .headerUnion: "header union"
        case .headerStack: "header stack"
        case .headerUnionStack: "header union stack"
        case .enum: "enum"
        case .error: "error"
        case .enumValue: "serializable enum"
        }
    }
}
