import JSONCore
import P4Model

/// The type URL of `p4.v1.Error` inside `google.rpc.Status.details`.
let p4ErrorTypeURL = "type.googleapis.com/p4.v1.Error"

extension P4RuntimeError: ProtoJSONMessage {
    /// `google.rpc.Status`, the JSON body of every failed RPC.
    public static let protoName = "google.rpc.Status"

    /// Decodes a `google.rpc.Status` whose details are `p4.v1.Error`s (the only detail type P4Runtime uses).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(.ok, "")
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "code": code = try d.canonicalCode(member.value)
            case "message": message = try d.string(member.value)
            case "details": details = try d.messages(P4Error.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes the error as a `google.rpc.Status` with one Any-packed `p4.v1.Error` per detail.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if code != .ok { w.key("code"); w.integer(Int64(code.rawValue)) }
        if !message.isEmpty { w.key("message"); w.string(message) }
        if !details.isEmpty {
            w.key("details")
            w.beginArray()
            for detail in details { detail.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension P4Error: ProtoJSONMessage {
    /// `p4.v1.Error`, always carried Any-packed in JSON (`"@type": "type.googleapis.com/p4.v1.Error"`).
    public static let protoName = "p4.v1.Error"

    /// Decodes an Any-packed `p4.v1.Error` (the `@type` member is required and must name `p4.v1.Error`).
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        var sawType = false
        for member in try d.members(value, of: "google.protobuf.Any (p4.v1.Error)") {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "@type":
                let url = try d.string(member.value)
                guard url == p4ErrorTypeURL else {
                    throw d.failure("unsupported detail type \"\(url)\" (expected \(p4ErrorTypeURL))")
                }
                sawType = true
            case "canonicalCode", "canonical_code": canonicalCode = try d.canonicalCode(member.value)
            case "message": message = try d.string(member.value)
            case "space": space = try d.string(member.value)
            case "code": code = try d.int32(member.value)
            case "details": details = try d.any(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
        if !sawType { throw d.failure("missing \"@type\" in google.protobuf.Any") }
    }

    /// Writes the error Any-packed: `{"@type": "type.googleapis.com/p4.v1.Error", …}` (an OK error is just the
    /// `@type`, as `MessageToJson` prints it).
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        w.key("@type")
        w.string(p4ErrorTypeURL)
        if canonicalCode != .ok { w.key("canonicalCode"); w.integer(Int64(canonicalCode.rawValue)) }
        if !message.isEmpty { w.key("message"); w.string(message) }
        if !space.isEmpty { w.key("space"); w.string(space) }
        if code != 0 { w.key("code"); w.integer(Int64(code)) }
        if let details { w.key("details"); details.encode(to: &w) }
        w.endObject()
    }
}

extension ProtoJSONDecoder {
    /// Decodes a `google.rpc.Status` carried as data (`MasterArbitrationUpdate.status`); details stay opaque.
    mutating func rpcStatus(_ value: JSONValue) throws(P4RuntimeError) -> RPCStatus {
        var status = RPCStatus()
        for member in try members(value, of: "google.rpc.Status") {
            if case .null = member.value { continue }
            enter(member.key)
            defer { leave() }
            switch member.key {
            case "code": status.code = try canonicalCode(member.value)
            case "message": status.message = try string(member.value)
            case "details":
                let elements = try array(member.value)
                for (index, element) in elements.enumerated() {
                    enter(index: index)
                    status.details.append(try any(element))
                    leave()
                }
            default: if let error = unknownField(member.key, in: "google.rpc.Status") { throw error }
            }
        }
        return status
    }
}

extension JSONWriter {
    /// Writes a `google.rpc.Status` carried as data.
    mutating func rpcStatus(_ status: RPCStatus) {
        beginObject()
        if status.code != .ok { key("code"); integer(Int64(status.code.rawValue)) }
        if !status.message.isEmpty { key("message"); string(status.message) }
        if !status.details.isEmpty {
            key("details")
            beginArray()
            for detail in status.details { detail.encode(to: &self) }
            endArray()
        }
        endObject()
    }
}
