// Renders `P4TypeInfo` and the p4types.proto messages as `ProtoMessage` trees (inverse of the decoding file).

extension P4TypeInfo {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.map("structs", structs.map { ($0.key, $0.value.encoded(encoding)) })
        out.map("headers", headers.map { ($0.key, $0.value.encoded(encoding)) })
        out.map("header_unions", headerUnions.map { ($0.key, $0.value.encoded(encoding)) })
        out.map("enums", enums.map { ($0.key, $0.value.encoded(encoding)) })
        if let error {
            var inner = ProtoMessageBuilder(encoding)
            inner.strings("members", error.members)
            out.message("error", inner.message)
        }
        out.map("serializable_enums", serializableEnums.map { ($0.key, $0.value.encoded(encoding)) })
        out.map("new_types", newTypes.map { ($0.key, $0.value.encoded(encoding)) })
        return out.message
    }
}

extension P4DataTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        switch kind {
        case nil: break
        case .bitstring(let spec)?: out.message("bitstring", spec.encoded(encoding))
        case .bool?: out.message("bool", ProtoMessage())
        case .tuple(let members)?:
            var inner = ProtoMessageBuilder(encoding)
            inner.messages("members", members.map { $0.encoded(encoding) })
            out.message("tuple", inner.message)
        case .struct(let named)?: out.namedType("struct", named)
        case .header(let named)?: out.namedType("header", named)
        case .headerUnion(let named)?: out.namedType("header_union", named)
        case .headerStack(let stack)?:
            var inner = ProtoMessageBuilder(encoding)
            inner.namedType("header", stack.header)
            inner.int32("size", stack.size)
            out.message("header_stack", inner.message)
        case .headerUnionStack(let stack)?:
            var inner = ProtoMessageBuilder(encoding)
            inner.namedType("header_union", stack.headerUnion)
            inner.int32("size", stack.size)
            out.message("header_union_stack", inner.message)
        case .enum(let named)?: out.namedType("enum", named)
        case .error?: out.message("error", ProtoMessage())
        case .serializableEnum(let named)?: out.namedType("serializable_enum", named)
        case .newType(let named)?: out.namedType("new_type", named)
        }
        return out.message
    }
}

extension P4BitstringLikeTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        switch kind {
        case nil: break
        case .bit(let width)?: out.message("bit", out.single("bitwidth", width))
        case .int(let width)?: out.message("int", out.single("bitwidth", width))
        case .varbit(let width)?: out.message("varbit", out.single("max_bitwidth", width))
        }
        out.annotations(self)
        out.annotationLocations(self)
        out.structuredAnnotations(self)
        return out.message
    }
}

extension P4StructTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.messages("members", members.map { member in
            var item = ProtoMessageBuilder(encoding)
            item.string("name", member.name)
            item.message("type_spec", member.typeSpec?.encoded(encoding))
            return item.message
        })
        out.annotations(self)
        out.annotationLocations(self)
        out.structuredAnnotations(self)
        return out.message
    }
}

extension P4HeaderTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.messages("members", members.map { member in
            var item = ProtoMessageBuilder(encoding)
            item.string("name", member.name)
            item.message("type_spec", member.typeSpec?.encoded(encoding))
            return item.message
        })
        out.annotations(self)
        out.annotationLocations(self)
        out.structuredAnnotations(self)
        return out.message
    }
}

extension P4HeaderUnionTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.messages("members", members.map { member in
            var item = ProtoMessageBuilder(encoding)
            item.string("name", member.name)
            item.namedType("header", member.header)
            return item.message
        })
        out.annotations(self)
        out.annotationLocations(self)
        out.structuredAnnotations(self)
        return out.message
    }
}

extension P4EnumTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        out.messages("members", members.map { member in
            var item = ProtoMessageBuilder(encoding)
            item.string("name", member.name)
            item.annotations(member)
            item.structuredAnnotations(member)
            item.annotationLocations(member)
            return item.message
        })
        out.annotations(self)
        out.structuredAnnotations(self)
        out.annotationLocations(self)
        return out.message
    }
}

extension P4SerializableEnumTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        if let width = underlyingBitwidth { out.message("underlying_type", out.single("bitwidth", width)) }
        out.messages("members", members.map { member in
            var item = ProtoMessageBuilder(encoding)
            item.string("name", member.name)
            item.bytes("value", member.value)
            item.annotations(member)
            item.structuredAnnotations(member)
            item.annotationLocations(member)
            return item.message
        })
        out.annotations(self)
        out.structuredAnnotations(self)
        out.annotationLocations(self)
        return out.message
    }
}

extension P4NewTypeSpec {
    func encoded(_ encoding: ProtoEncoding) -> ProtoMessage {
        var out = ProtoMessageBuilder(encoding)
        switch representation {
        case nil: break
        case .originalType(let original)?: out.message("original_type", original.encoded(encoding))
        case .translatedType(let translation)?:
            var inner = ProtoMessageBuilder(encoding)
            inner.string("uri", translation.uri)
            switch translation.sdnType {
            case nil: break
            case .sdnBitwidth(let width)?: inner.add("sdn_bitwidth", .integer(ProtoInteger(signed: Int64(width))))
            case .sdnString?: inner.message("sdn_string", ProtoMessage())
            }
            out.message("translated_type", inner.message)
        }
        out.annotations(self)
        out.structuredAnnotations(self)
        out.annotationLocations(self)
        return out.message
    }
}
