import JSONCore
import P4Model

extension P4Data: ProtoJSONMessage {
    /// `p4.v1.P4Data`.
    public static let protoName = "p4.v1.P4Data"

    /// Decodes a `p4.v1.P4Data`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "bitstring":
                try d.claim(&chosen, "bitstring", oneof: "data")
                kind = .bitstring(try d.bytes(member.value))
            case "varbit":
                try d.claim(&chosen, "varbit", oneof: "data")
                kind = .varbit(try d.message(P4Varbit.self, member.value))
            case "bool":
                try d.claim(&chosen, "bool", oneof: "data")
                kind = .bool(try d.bool(member.value))
            case "tuple":
                try d.claim(&chosen, "tuple", oneof: "data")
                kind = .tuple(try d.message(P4StructLike.self, member.value))
            case "struct":
                try d.claim(&chosen, "struct", oneof: "data")
                kind = .struct(try d.message(P4StructLike.self, member.value))
            case "header":
                try d.claim(&chosen, "header", oneof: "data")
                kind = .header(try d.message(P4Header.self, member.value))
            case "headerUnion", "header_union":
                try d.claim(&chosen, "headerUnion", oneof: "data")
                kind = .headerUnion(try d.message(P4HeaderUnion.self, member.value))
            case "headerStack", "header_stack":
                try d.claim(&chosen, "headerStack", oneof: "data")
                kind = .headerStack(try d.message(P4HeaderStack.self, member.value))
            case "headerUnionStack", "header_union_stack":
                try d.claim(&chosen, "headerUnionStack", oneof: "data")
                kind = .headerUnionStack(try d.message(P4HeaderUnionStack.self, member.value))
            case "enum":
                try d.claim(&chosen, "enum", oneof: "data")
                kind = .enum(try d.string(member.value))
            case "error":
                try d.claim(&chosen, "error", oneof: "data")
                kind = .error(try d.string(member.value))
            case "enumValue", "enum_value":
                try d.claim(&chosen, "enumValue", oneof: "data")
                kind = .enumValue(try d.bytes(member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4Data`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        switch kind {
        case nil: break
        case .bitstring(let bytes): w.key("bitstring"); w.base64(bytes)
        case .varbit(let varbit): w.key("varbit"); varbit.encode(to: &w)
        case .bool(let flag): w.key("bool"); w.bool(flag)
        case .tuple(let members): w.key("tuple"); members.encode(to: &w)
        case .struct(let members): w.key("struct"); members.encode(to: &w)
        case .header(let header): w.key("header"); header.encode(to: &w)
        case .headerUnion(let union): w.key("headerUnion"); union.encode(to: &w)
        case .headerStack(let stack): w.key("headerStack"); stack.encode(to: &w)
        case .headerUnionStack(let stack): w.key("headerUnionStack"); stack.encode(to: &w)
        case .enum(let name): w.key("enum"); w.string(name)
        case .error(let name): w.key("error"); w.string(name)
        case .enumValue(let bytes): w.key("enumValue"); w.base64(bytes)
        }
        w.endObject()
    }
}

extension P4Varbit: ProtoJSONMessage {
    /// `p4.v1.P4Varbit`.
    public static let protoName = "p4.v1.P4Varbit"

    /// Decodes a `p4.v1.P4Varbit`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "bitstring": bitstring = try d.bytes(member.value)
            case "bitwidth": bitwidth = try d.int32(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4Varbit`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !bitstring.isEmpty { w.key("bitstring"); w.base64(bitstring) }
        if bitwidth != 0 { w.key("bitwidth"); w.integer(Int64(bitwidth)) }
        w.endObject()
    }
}

extension P4StructLike: ProtoJSONMessage {
    /// `p4.v1.P4StructLike`.
    public static let protoName = "p4.v1.P4StructLike"

    /// Decodes a `p4.v1.P4StructLike`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "members": members = try d.messages(P4Data.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4StructLike`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !members.isEmpty {
            w.key("members")
            w.beginArray()
            for member in members { member.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension P4Header: ProtoJSONMessage {
    /// `p4.v1.P4Header`.
    public static let protoName = "p4.v1.P4Header"

    /// Decodes a `p4.v1.P4Header`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "isValid", "is_valid": isValid = try d.bool(member.value)
            case "bitstrings": bitstrings = try d.bytesList(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4Header`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if isValid { w.key("isValid"); w.bool(true) }
        if !bitstrings.isEmpty {
            w.key("bitstrings")
            w.beginArray()
            for bytes in bitstrings { w.base64(bytes) }
            w.endArray()
        }
        w.endObject()
    }
}

extension P4HeaderUnion: ProtoJSONMessage {
    /// `p4.v1.P4HeaderUnion`.
    public static let protoName = "p4.v1.P4HeaderUnion"

    /// Decodes a `p4.v1.P4HeaderUnion`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "validHeaderName", "valid_header_name": validHeaderName = try d.string(member.value)
            case "validHeader", "valid_header": validHeader = try d.message(P4Header.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4HeaderUnion`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !validHeaderName.isEmpty { w.key("validHeaderName"); w.string(validHeaderName) }
        if let validHeader { w.key("validHeader"); validHeader.encode(to: &w) }
        w.endObject()
    }
}

extension P4HeaderStack: ProtoJSONMessage {
    /// `p4.v1.P4HeaderStack`.
    public static let protoName = "p4.v1.P4HeaderStack"

    /// Decodes a `p4.v1.P4HeaderStack`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "entries": entries = try d.messages(P4Header.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4HeaderStack`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !entries.isEmpty {
            w.key("entries")
            w.beginArray()
            for entry in entries { entry.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension P4HeaderUnionStack: ProtoJSONMessage {
    /// `p4.v1.P4HeaderUnionStack`.
    public static let protoName = "p4.v1.P4HeaderUnionStack"

    /// Decodes a `p4.v1.P4HeaderUnionStack`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "entries": entries = try d.messages(P4HeaderUnion.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.P4HeaderUnionStack`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !entries.isEmpty {
            w.key("entries")
            w.beginArray()
            for entry in entries { entry.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}
