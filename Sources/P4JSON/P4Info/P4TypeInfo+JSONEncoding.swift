import JSONCore
import P4Model

extension P4InfoWriter {
    static func map<T>(
        _ key: String, _ items: [String: T], _ w: inout JSONWriter, _ body: (T, inout JSONWriter) -> Void
    ) {
        guard !items.isEmpty else { return }
        w.key(key)
        w.beginObject()
        for name in items.keys.sorted() {
            w.key(name)
            if let item = items[name] { body(item, &w) }
        }
        w.endObject()
    }

    static func typeInfo(_ info: P4TypeInfo, _ w: inout JSONWriter) {
        w.beginObject()
        map("structs", info.structs, &w) { spec, w in
            w.beginObject()
            list("members", spec.members, &w) { member, w in
                w.beginObject()
                text("name", member.name, &w)
                if let type = member.typeSpec { w.key("typeSpec"); dataType(type, &w) }
                w.endObject()
            }
            annotations(spec, &w)
            w.endObject()
        }
        map("headers", info.headers, &w) { spec, w in
            w.beginObject()
            list("members", spec.members, &w) { member, w in
                w.beginObject()
                text("name", member.name, &w)
                if let type = member.typeSpec { w.key("typeSpec"); bitstringType(type, &w) }
                w.endObject()
            }
            annotations(spec, &w)
            w.endObject()
        }
        map("headerUnions", info.headerUnions, &w) { spec, w in
            w.beginObject()
            list("members", spec.members, &w) { member, w in
                w.beginObject()
                text("name", member.name, &w)
                namedType("header", member.header, &w)
                w.endObject()
            }
            annotations(spec, &w)
            w.endObject()
        }
        map("enums", info.enums, &w) { spec, w in
            w.beginObject()
            list("members", spec.members, &w) { member, w in
                w.beginObject()
                text("name", member.name, &w)
                annotations(member, &w)
                w.endObject()
            }
            annotations(spec, &w)
            w.endObject()
        }
        if let error = info.error {
            w.key("error")
            w.beginObject()
            strings("members", error.members, &w)
            w.endObject()
        }
        map("serializableEnums", info.serializableEnums, &w) { spec, w in
            w.beginObject()
            if let width = spec.underlyingBitwidth {
                w.key("underlyingType")
                w.beginObject()
                int32("bitwidth", width, &w)
                w.endObject()
            }
            list("members", spec.members, &w) { member, w in
                w.beginObject()
                text("name", member.name, &w)
                if !member.value.isEmpty { w.key("value"); w.base64(member.value) }
                annotations(member, &w)
                w.endObject()
            }
            annotations(spec, &w)
            w.endObject()
        }
        map("newTypes", info.newTypes, &w) { spec, w in
            w.beginObject()
            switch spec.representation {
            case nil: break
            case .originalType(let type): w.key("originalType"); dataType(type, &w)
            case .translatedType(let translation):
                w.key("translatedType")
                w.beginObject()
                text("uri", translation.uri, &w)
                switch translation.sdnType {
                case nil: break
                case .sdnBitwidth(let width): w.key("sdnBitwidth"); w.integer(Int64(width))
                case .sdnString:
                    w.key("sdnString")
                    w.beginObject()
                    w.endObject()
                }
                w.endObject()
            }
            annotations(spec, &w)
            w.endObject()
        }
        w.endObject()
    }

    static func dataType(_ spec: P4DataTypeSpec, _ w: inout JSONWriter) {
        w.beginObject()
        switch spec.kind {
        case nil: break
        case .bitstring(let type): w.key("bitstring"); bitstringType(type, &w)
        case .bool:
            w.key("bool")
            w.beginObject()
            w.endObject()
        case .tuple(let members):
            w.key("tuple")
            w.beginObject()
            list("members", members, &w, dataType)
            w.endObject()
        case .struct(let name): namedType("struct", name, &w)
        case .header(let name): namedType("header", name, &w)
        case .headerUnion(let name): namedType("headerUnion", name, &w)
        case .headerStack(let stack):
            w.key("headerStack")
            w.beginObject()
            namedType("header", stack.header, &w)
            int32("size", stack.size, &w)
            w.endObject()
        case .headerUnionStack(let stack):
            w.key("headerUnionStack")
            w.beginObject()
            namedType("headerUnion", stack.headerUnion, &w)
            int32("size", stack.size, &w)
            w.endObject()
        case .enum(let name): namedType("enum", name, &w)
        case .error:
            w.key("error")
            w.beginObject()
            w.endObject()
        case .serializableEnum(let name): namedType("serializableEnum", name, &w)
        case .newType(let name): namedType("newType", name, &w)
        }
        w.endObject()
    }

    static func bitstringType(_ spec: P4BitstringLikeTypeSpec, _ w: inout JSONWriter) {
        w.beginObject()
        switch spec.kind {
        case nil: break
        case .bit(let width):
            w.key("bit")
            w.beginObject()
            int32("bitwidth", width, &w)
            w.endObject()
        case .int(let width):
            w.key("int")
            w.beginObject()
            int32("bitwidth", width, &w)
            w.endObject()
        case .varbit(let width):
            w.key("varbit")
            w.beginObject()
            int32("maxBitwidth", width, &w)
            w.endObject()
        }
        annotations(spec, &w)
        w.endObject()
    }
}
