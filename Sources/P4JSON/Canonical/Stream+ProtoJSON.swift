import JSONCore
import P4Model

extension StreamMessageRequest: ProtoJSONMessage {
    /// `p4.v1.StreamMessageRequest`.
    public static let protoName = "p4.v1.StreamMessageRequest"

    /// Decodes a `p4.v1.StreamMessageRequest`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "arbitration":
                try d.claim(&chosen, "arbitration", oneof: "update")
                kind = .arbitration(try d.message(MasterArbitrationUpdate.self, member.value))
            case "packet":
                try d.claim(&chosen, "packet", oneof: "update")
                kind = .packet(try d.message(PacketOut.self, member.value))
            case "digestAck", "digest_ack":
                try d.claim(&chosen, "digestAck", oneof: "update")
                kind = .digestAck(try d.message(DigestListAck.self, member.value))
            case "other":
                try d.claim(&chosen, "other", oneof: "update")
                kind = .other(try d.any(member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.StreamMessageRequest`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        switch kind {
        case nil: break
        case .arbitration(let update): w.key("arbitration"); update.encode(to: &w)
        case .packet(let packet): w.key("packet"); packet.encode(to: &w)
        case .digestAck(let ack): w.key("digestAck"); ack.encode(to: &w)
        case .other(let any): w.key("other"); any.encode(to: &w)
        }
        w.endObject()
    }
}

extension StreamMessageResponse: ProtoJSONMessage {
    /// `p4.v1.StreamMessageResponse`.
    public static let protoName = "p4.v1.StreamMessageResponse"

    /// Decodes a `p4.v1.StreamMessageResponse`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "arbitration":
                try d.claim(&chosen, "arbitration", oneof: "update")
                kind = .arbitration(try d.message(MasterArbitrationUpdate.self, member.value))
            case "packet":
                try d.claim(&chosen, "packet", oneof: "update")
                kind = .packet(try d.message(PacketIn.self, member.value))
            case "digest":
                try d.claim(&chosen, "digest", oneof: "update")
                kind = .digest(try d.message(DigestList.self, member.value))
            case "idleTimeoutNotification", "idle_timeout_notification":
                try d.claim(&chosen, "idleTimeoutNotification", oneof: "update")
                kind = .idleTimeoutNotification(try d.message(IdleTimeoutNotification.self, member.value))
            case "other":
                try d.claim(&chosen, "other", oneof: "update")
                kind = .other(try d.any(member.value))
            case "error":
                try d.claim(&chosen, "error", oneof: "update")
                kind = .error(try d.message(StreamError.self, member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.StreamMessageResponse`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        switch kind {
        case nil: break
        case .arbitration(let update): w.key("arbitration"); update.encode(to: &w)
        case .packet(let packet): w.key("packet"); packet.encode(to: &w)
        case .digest(let list): w.key("digest"); list.encode(to: &w)
        case .idleTimeoutNotification(let note): w.key("idleTimeoutNotification"); note.encode(to: &w)
        case .other(let any): w.key("other"); any.encode(to: &w)
        case .error(let error): w.key("error"); error.encode(to: &w)
        }
        w.endObject()
    }
}

extension MasterArbitrationUpdate: ProtoJSONMessage {
    /// `p4.v1.MasterArbitrationUpdate`.
    public static let protoName = "p4.v1.MasterArbitrationUpdate"

    /// Decodes a `p4.v1.MasterArbitrationUpdate`; `"electionId": {}` is election id 0, distinct from absent.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "deviceId", "device_id": deviceId = try d.uint64(member.value)
            case "role": role = try d.message(Role.self, member.value)
            case "electionId", "election_id": electionId = try d.message(Uint128.self, member.value)
            case "status": status = try d.rpcStatus(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.MasterArbitrationUpdate`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if deviceId != 0 { w.key("deviceId"); w.uint64String(deviceId) }
        if let role { w.key("role"); role.encode(to: &w) }
        if let electionId { w.key("electionId"); electionId.encode(to: &w) }
        if let status { w.key("status"); w.rpcStatus(status) }
        w.endObject()
    }
}

extension Role: ProtoJSONMessage {
    /// `p4.v1.Role`.
    public static let protoName = "p4.v1.Role"

    /// Decodes a `p4.v1.Role`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "id": id = try d.uint64(member.value)
            case "name": name = try d.string(member.value)
            case "config": config = try d.any(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Role`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if id != 0 { w.key("id"); w.uint64String(id) }
        if let config { w.key("config"); config.encode(to: &w) }
        if !name.isEmpty { w.key("name"); w.string(name) }
        w.endObject()
    }
}

extension PacketMetadata: ProtoJSONMessage {
    /// `p4.v1.PacketMetadata`.
    public static let protoName = "p4.v1.PacketMetadata"

    /// Decodes a `p4.v1.PacketMetadata`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "metadataId", "metadata_id": metadataId = MetadataID(try d.uint32(member.value))
            case "value": self.value = try d.bytes(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.PacketMetadata`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if metadataId.rawValue != 0 { w.key("metadataId"); w.integer(Int64(metadataId.rawValue)) }
        if !value.isEmpty { w.key("value"); w.base64(value) }
        w.endObject()
    }
}

extension PacketOut: ProtoJSONMessage {
    /// `p4.v1.PacketOut`.
    public static let protoName = "p4.v1.PacketOut"

    /// Decodes a `p4.v1.PacketOut`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "payload": payload = try d.bytes(member.value)
            case "metadata": metadata = try d.messages(PacketMetadata.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.PacketOut`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !payload.isEmpty { w.key("payload"); w.base64(payload) }
        if !metadata.isEmpty {
            w.key("metadata")
            w.beginArray()
            for field in metadata { field.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension PacketIn: ProtoJSONMessage {
    /// `p4.v1.PacketIn`.
    public static let protoName = "p4.v1.PacketIn"

    /// Decodes a `p4.v1.PacketIn`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        let packet = try PacketOut(protoJSON: value, decoder: &d)
        self.init(payload: packet.payload, metadata: packet.metadata)
    }

    /// Writes a `p4.v1.PacketIn`.
    public func encode(to w: inout JSONWriter) {
        PacketOut(payload: payload, metadata: metadata).encode(to: &w)
    }
}

extension DigestListAck: ProtoJSONMessage {
    /// `p4.v1.DigestListAck`.
    public static let protoName = "p4.v1.DigestListAck"

    /// Decodes a `p4.v1.DigestListAck`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "digestId", "digest_id": digestId = DigestID(try d.uint32(member.value))
            case "listId", "list_id": listId = try d.uint64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.DigestListAck`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if digestId.rawValue != 0 { w.key("digestId"); w.integer(Int64(digestId.rawValue)) }
        if listId != 0 { w.key("listId"); w.uint64String(listId) }
        w.endObject()
    }
}

extension DigestList: ProtoJSONMessage {
    /// `p4.v1.DigestList`.
    public static let protoName = "p4.v1.DigestList"

    /// Decodes a `p4.v1.DigestList`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "digestId", "digest_id": digestId = DigestID(try d.uint32(member.value))
            case "listId", "list_id": listId = try d.uint64(member.value)
            case "data": data = try d.messages(P4Data.self, member.value)
            case "timestamp": timestamp = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.DigestList`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if digestId.rawValue != 0 { w.key("digestId"); w.integer(Int64(digestId.rawValue)) }
        if listId != 0 { w.key("listId"); w.uint64String(listId) }
        if !data.isEmpty {
            w.key("data")
            w.beginArray()
            for item in data { item.encode(to: &w) }
            w.endArray()
        }
        if timestamp != 0 { w.key("timestamp"); w.int64String(timestamp) }
        w.endObject()
    }
}

extension IdleTimeoutNotification: ProtoJSONMessage {
    /// `p4.v1.IdleTimeoutNotification`.
    public static let protoName = "p4.v1.IdleTimeoutNotification"

    /// Decodes a `p4.v1.IdleTimeoutNotification`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "tableEntry", "table_entry": tableEntry = try d.messages(TableEntry.self, member.value)
            case "timestamp": timestamp = try d.int64(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.IdleTimeoutNotification`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !tableEntry.isEmpty {
            w.key("tableEntry")
            w.beginArray()
            for entry in tableEntry { entry.encode(to: &w) }
            w.endArray()
        }
        if timestamp != 0 { w.key("timestamp"); w.int64String(timestamp) }
        w.endObject()
    }
}

extension StreamError: ProtoJSONMessage {
    /// `p4.v1.StreamError`.
    public static let protoName = "p4.v1.StreamError"

    /// Decodes a `p4.v1.StreamError`; an unknown `canonicalCode` number is rejected.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(canonicalCode: .ok)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "canonicalCode", "canonical_code": canonicalCode = try d.canonicalCode(member.value)
            case "message": message = try d.string(member.value)
            case "space": space = try d.string(member.value)
            case "code": code = try d.int32(member.value)
            case "packetOut", "packet_out":
                try d.claim(&chosen, "packetOut", oneof: "details")
                details = .packetOut(try d.wrapped(PacketOut.self, member.value, field: "packetOut", "packet_out",
                    of: "p4.v1.PacketOutError"))
            case "digestListAck", "digest_list_ack":
                try d.claim(&chosen, "digestListAck", oneof: "details")
                details = .digestListAck(try d.wrapped(DigestListAck.self, member.value, field: "digestListAck",
                    "digest_list_ack", of: "p4.v1.DigestListAckError"))
            case "other":
                try d.claim(&chosen, "other", oneof: "details")
                details = .other(try d.wrappedAny(member.value, of: "p4.v1.StreamOtherError"))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.StreamError`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if canonicalCode != .ok { w.key("canonicalCode"); w.integer(Int64(canonicalCode.rawValue)) }
        if !message.isEmpty { w.key("message"); w.string(message) }
        if !space.isEmpty { w.key("space"); w.string(space) }
        if code != 0 { w.key("code"); w.integer(Int64(code)) }
        switch details {
        case nil: break
        case .packetOut(let packet):
            w.key("packetOut")
            w.beginObject()
            if let packet { w.key("packetOut"); packet.encode(to: &w) }
            w.endObject()
        case .digestListAck(let ack):
            w.key("digestListAck")
            w.beginObject()
            if let ack { w.key("digestListAck"); ack.encode(to: &w) }
            w.endObject()
        case .other(let any):
            w.key("other")
            w.beginObject()
            if let any { w.key("other"); any.encode(to: &w) }
            w.endObject()
        }
        w.endObject()
    }
}

extension ProtoJSONDecoder {
    /// Decodes a wrapper message with one optional message field (`PacketOutError.packet_out`, …).
    mutating func wrapped<M: ProtoJSONMessage>(
        _ type: M.Type, _ value: JSONValue, field camel: String, _ snake: String, of wrapper: String
    ) throws(P4RuntimeError) -> M? {
        var result: M?
        for member in try members(value, of: wrapper) {
            if case .null = member.value { continue }
            enter(member.key)
            defer { leave() }
            if member.key == camel || member.key == snake {
                result = try message(M.self, member.value)
            } else if let error = unknownField(member.key, in: wrapper) {
                throw error
            }
        }
        return result
    }

    /// Decodes `StreamOtherError`: one optional Any field `other`.
    mutating func wrappedAny(_ value: JSONValue, of wrapper: String) throws(P4RuntimeError) -> ProtoAny? {
        var result: ProtoAny?
        for member in try members(value, of: wrapper) {
            if case .null = member.value { continue }
            enter(member.key)
            defer { leave() }
            if member.key == "other" {
                result = try any(member.value)
            } else if let error = unknownField(member.key, in: wrapper) {
                throw error
            }
        }
        return result
    }

    /// A canonical code given as a number (or a numeric string); codes outside google.rpc.Code are rejected.
    func canonicalCode(_ value: JSONValue) throws(P4RuntimeError) -> CanonicalCode {
        if case .string(let name) = value, let code = CanonicalCode(name: name) { return code }
        let number = try int32(value)
        guard let code = CanonicalCode(rawValue: number) else {
            throw failure("\(number) is not a google.rpc.Code")
        }
        return code
    }
}
