// Builds `P4TypeInfo` and the p4types.proto messages from a `ProtoMessage` tree.

extension P4TypeInfo {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            switch entry.key {
            case "structs":
                for item in try decoder.mapEntries(entry) {
                    structs[item.key] = try P4StructTypeSpec(decoding: item.value, path: item.path, decoder: &decoder)
                }
            case "headers":
                for item in try decoder.mapEntries(entry) {
                    headers[item.key] = try P4HeaderTypeSpec(decoding: item.value, path: item.path, decoder: &decoder)
                }
            case "header_unions":
                for item in try decoder.mapEntries(entry) {
                    headerUnions[item.key] = try P4HeaderUnionTypeSpec(
                        decoding: item.value, path: item.path, decoder: &decoder)
                }
            case "enums":
                for item in try decoder.mapEntries(entry) {
                    enums[item.key] = try P4EnumTypeSpec(decoding: item.value, path: item.path, decoder: &decoder)
                }
            case "error":
                var spec = P4ErrorTypeSpec()
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    switch field.key {
                    case "members": spec.members += try decoder.strings(field)
                    default: decoder.unknown(field, in: "P4ErrorTypeSpec")
                    }
                }
                error = spec
            case "serializable_enums":
                for item in try decoder.mapEntries(entry) {
                    serializableEnums[item.key] = try P4SerializableEnumTypeSpec(
                        decoding: item.value, path: item.path, decoder: &decoder)
                }
            case "new_types":
                for item in try decoder.mapEntries(entry) {
                    newTypes[item.key] = try P4NewTypeSpec(decoding: item.value, path: item.path, decoder: &decoder)
                }
            default: decoder.unknown(entry, in: "P4TypeInfo")
            }
        }
    }
}

extension P4DataTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init(nil)
        if decoder.typeDepth >= ProtoDecoder.maximumTypeDepth {
            throw decoder.error("type specs nested deeper than \(ProtoDecoder.maximumTypeDepth) levels", path: path,
                at: nil)
        }
        decoder.typeDepth += 1
        defer { decoder.typeDepth -= 1 }
        for entry in decoder.entries(of: message, path: path) {
            let value: Kind
            switch entry.key {
            case "bitstring":
                value = .bitstring(try P4BitstringLikeTypeSpec(decoding: try decoder.message(entry), path: entry.path,
                    decoder: &decoder))
            case "bool":
                try decoder.expectEmpty(entry, "P4BoolType")
                value = .bool
            case "tuple":
                var members: [P4DataTypeSpec] = []
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    guard field.key == "members" else {
                        decoder.unknown(field, in: "P4TupleTypeSpec")
                        continue
                    }
                    for element in try decoder.messages(field) {
                        members.append(try P4DataTypeSpec(decoding: element.message, path: element.path, decoder: &decoder))
                    }
                }
                value = .tuple(members)
            case "struct": value = .struct(try decoder.namedType(entry))
            case "header": value = .header(try decoder.namedType(entry))
            case "header_union": value = .headerUnion(try decoder.namedType(entry))
            case "header_stack":
                var stack = P4HeaderStackTypeSpec()
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    switch field.key {
                    case "header": stack.header = try decoder.namedType(field)
                    case "size": stack.size = try decoder.int32(field)
                    default: decoder.unknown(field, in: "P4HeaderStackTypeSpec")
                    }
                }
                value = .headerStack(stack)
            case "header_union_stack":
                var stack = P4HeaderUnionStackTypeSpec()
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    switch field.key {
                    case "header_union": stack.headerUnion = try decoder.namedType(field)
                    case "size": stack.size = try decoder.int32(field)
                    default: decoder.unknown(field, in: "P4HeaderUnionStackTypeSpec")
                    }
                }
                value = .headerUnionStack(stack)
            case "enum": value = .enum(try decoder.namedType(entry))
            case "error":
                try decoder.expectEmpty(entry, "P4ErrorType")
                value = .error
            case "serializable_enum": value = .serializableEnum(try decoder.namedType(entry))
            case "new_type": value = .newType(try decoder.namedType(entry))
            default:
                decoder.unknown(entry, in: "P4DataTypeSpec")
                continue
            }
            try setOneof(&kind, value, "type_spec", entry, decoder)
        }
    }
}

extension ProtoDecoder {
    /// Checks an empty marker message (`P4BoolType`, `P4ErrorType`), warning about any field it has.
    mutating func expectEmpty(_ entry: ProtoEntry, _ messageName: String) throws(P4RuntimeError) {
        for field in entries(of: try message(entry), path: entry.path) { unknown(field, in: messageName) }
    }
}

extension P4BitstringLikeTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init(nil)
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "bit", "int", "varbit":
                let widthName = entry.key == "varbit" ? "max_bitwidth" : "bitwidth"
                var width: Int32 = 0
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    if field.key == widthName {
                        width = try decoder.int32(field)
                    } else {
                        decoder.unknown(field, in: "P4BitstringLikeTypeSpec.\(entry.key)")
                    }
                }
                let value: Kind =
                    switch entry.key {
                    case "bit": .bit(bitwidth: width)
                    case "int": .int(bitwidth: width)
                    default: .varbit(maxBitwidth: width)
                    }
                try setOneof(&kind, value, "type_spec", entry, decoder)
            default: decoder.unknown(entry, in: "P4BitstringLikeTypeSpec")
            }
        }
    }
}

extension P4StructTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "members":
                for element in try decoder.messages(entry) {
                    var member = Member()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        switch field.key {
                        case "name": member.name = try decoder.string(field)
                        case "type_spec":
                            member.typeSpec = try P4DataTypeSpec(
                                decoding: try decoder.message(field), path: field.path, decoder: &decoder)
                        default: decoder.unknown(field, in: "P4StructTypeSpec.Member")
                        }
                    }
                    members.append(member)
                }
            default: decoder.unknown(entry, in: "P4StructTypeSpec")
            }
        }
    }
}

extension P4HeaderTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "members":
                for element in try decoder.messages(entry) {
                    var member = Member()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        switch field.key {
                        case "name": member.name = try decoder.string(field)
                        case "type_spec":
                            member.typeSpec = try P4BitstringLikeTypeSpec(
                                decoding: try decoder.message(field), path: field.path, decoder: &decoder)
                        default: decoder.unknown(field, in: "P4HeaderTypeSpec.Member")
                        }
                    }
                    members.append(member)
                }
            default: decoder.unknown(entry, in: "P4HeaderTypeSpec")
            }
        }
    }
}

extension P4HeaderUnionTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "members":
                for element in try decoder.messages(entry) {
                    var member = Member()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        switch field.key {
                        case "name": member.name = try decoder.string(field)
                        case "header": member.header = try decoder.namedType(field)
                        default: decoder.unknown(field, in: "P4HeaderUnionTypeSpec.Member")
                        }
                    }
                    members.append(member)
                }
            default: decoder.unknown(entry, in: "P4HeaderUnionTypeSpec")
            }
        }
    }
}

extension P4EnumTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "members":
                for element in try decoder.messages(entry) {
                    var member = Member()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        if try decoder.annotation(field, into: &member) { continue }
                        switch field.key {
                        case "name": member.name = try decoder.string(field)
                        default: decoder.unknown(field, in: "P4EnumTypeSpec.Member")
                        }
                    }
                    members.append(member)
                }
            default: decoder.unknown(entry, in: "P4EnumTypeSpec")
            }
        }
    }
}

extension P4SerializableEnumTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "underlying_type":
                var width: Int32 = 0
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    if field.key == "bitwidth" {
                        width = try decoder.int32(field)
                    } else {
                        decoder.unknown(field, in: "P4BitTypeSpec")
                    }
                }
                underlyingBitwidth = width
            case "members":
                for element in try decoder.messages(entry) {
                    var member = Member()
                    for field in decoder.entries(of: element.message, path: element.path) {
                        if try decoder.annotation(field, into: &member) { continue }
                        switch field.key {
                        case "name": member.name = try decoder.string(field)
                        case "value": member.value = try decoder.bytes(field)
                        default: decoder.unknown(field, in: "P4SerializableEnumTypeSpec.Member")
                        }
                    }
                    members.append(member)
                }
            default: decoder.unknown(entry, in: "P4SerializableEnumTypeSpec")
            }
        }
    }
}

extension P4NewTypeSpec {
    init(decoding message: ProtoMessage, path: String, decoder: inout ProtoDecoder) throws(P4RuntimeError) {
        self.init()
        for entry in decoder.entries(of: message, path: path) {
            if try decoder.annotation(entry, into: &self) { continue }
            switch entry.key {
            case "original_type":
                let original = try P4DataTypeSpec(decoding: try decoder.message(entry), path: entry.path, decoder: &decoder)
                try setOneof(&representation, .originalType(original), "representation", entry, decoder)
            case "translated_type":
                var translation = P4NewTypeTranslation()
                for field in decoder.entries(of: try decoder.message(entry), path: entry.path) {
                    switch field.key {
                    case "uri": translation.uri = try decoder.string(field)
                    case "sdn_bitwidth":
                        try setOneof(&translation.sdnType, .sdnBitwidth(try decoder.int32(field)), "sdn_type", field,
                            decoder)
                    case "sdn_string":
                        try decoder.expectEmpty(field, "P4NewTypeTranslation.SdnString")
                        try setOneof(&translation.sdnType, .sdnString, "sdn_type", field, decoder)
                    default: decoder.unknown(field, in: "P4NewTypeTranslation")
                    }
                }
                try setOneof(&representation, .translatedType(translation), "representation", entry, decoder)
            default: decoder.unknown(entry, in: "P4NewTypeSpec")
            }
        }
    }
}
