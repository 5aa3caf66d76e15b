import JSONCore
import P4Model

extension PacketReplicationEngineEntry: ProtoJSONMessage {
    /// `p4.v1.PacketReplicationEngineEntry`.
    public static let protoName = "p4.v1.PacketReplicationEngineEntry"

    /// Decodes a `p4.v1.PacketReplicationEngineEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init(nil)
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "multicastGroupEntry", "multicast_group_entry":
                try d.claim(&chosen, "multicastGroupEntry", oneof: "type")
                kind = .multicastGroupEntry(try d.message(MulticastGroupEntry.self, member.value))
            case "cloneSessionEntry", "clone_session_entry":
                try d.claim(&chosen, "cloneSessionEntry", oneof: "type")
                kind = .cloneSessionEntry(try d.message(CloneSessionEntry.self, member.value))
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.PacketReplicationEngineEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        switch kind {
        case nil: break
        case .multicastGroupEntry(let entry): w.key("multicastGroupEntry"); entry.encode(to: &w)
        case .cloneSessionEntry(let entry): w.key("cloneSessionEntry"); entry.encode(to: &w)
        }
        w.endObject()
    }
}

extension Replica: ProtoJSONMessage {
    /// `p4.v1.Replica`.
    public static let protoName = "p4.v1.Replica"

    /// Decodes a `p4.v1.Replica`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        var chosen: String?
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "egressPort", "egress_port":
                try d.claim(&chosen, "egressPort", oneof: "port_kind")
                portKind = .egressPort(try d.uint32(member.value))
            case "port":
                try d.claim(&chosen, "port", oneof: "port_kind")
                portKind = .port(try d.bytes(member.value))
            case "instance": instance = try d.uint32(member.value)
            case "backupReplicas", "backup_replicas": backupReplicas = try d.messages(BackupReplica.self, member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.Replica`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if case .egressPort(let port) = portKind { w.key("egressPort"); w.integer(Int64(port)) }
        if instance != 0 { w.key("instance"); w.integer(Int64(instance)) }
        if case .port(let port) = portKind { w.key("port"); w.base64(port) }
        if !backupReplicas.isEmpty {
            w.key("backupReplicas")
            w.beginArray()
            for backup in backupReplicas { backup.encode(to: &w) }
            w.endArray()
        }
        w.endObject()
    }
}

extension BackupReplica: ProtoJSONMessage {
    /// `p4.v1.BackupReplica`.
    public static let protoName = "p4.v1.BackupReplica"

    /// Decodes a `p4.v1.BackupReplica`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "port": port = try d.bytes(member.value)
            case "instance": instance = try d.uint32(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.BackupReplica`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if !port.isEmpty { w.key("port"); w.base64(port) }
        if instance != 0 { w.key("instance"); w.integer(Int64(instance)) }
        w.endObject()
    }
}

extension MulticastGroupEntry: ProtoJSONMessage {
    /// `p4.v1.MulticastGroupEntry`.
    public static let protoName = "p4.v1.MulticastGroupEntry"

    /// Decodes a `p4.v1.MulticastGroupEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "multicastGroupId", "multicast_group_id":
                multicastGroupId = MulticastGroupID(try d.uint32(member.value))
            case "replicas": replicas = try d.messages(Replica.self, member.value)
            case "metadata": metadata = try d.bytes(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.MulticastGroupEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if multicastGroupId.rawValue != 0 { w.key("multicastGroupId"); w.integer(Int64(multicastGroupId.rawValue)) }
        if !replicas.isEmpty {
            w.key("replicas")
            w.beginArray()
            for replica in replicas { replica.encode(to: &w) }
            w.endArray()
        }
        if !metadata.isEmpty { w.key("metadata"); w.base64(metadata) }
        w.endObject()
    }
}

extension CloneSessionEntry: ProtoJSONMessage {
    /// `p4.v1.CloneSessionEntry`.
    public static let protoName = "p4.v1.CloneSessionEntry"

    /// Decodes a `p4.v1.CloneSessionEntry`.
    public init(protoJSON value: JSONValue, decoder d: inout ProtoJSONDecoder) throws(P4RuntimeError) {
        self.init()
        for member in try d.members(value, of: Self.protoName) {
            if case .null = member.value { continue }
            d.enter(member.key)
            defer { d.leave() }
            switch member.key {
            case "sessionId", "session_id": sessionId = CloneSessionID(try d.uint32(member.value))
            case "replicas": replicas = try d.messages(Replica.self, member.value)
            case "classOfService", "class_of_service": classOfService = try d.uint32(member.value)
            case "packetLengthBytes", "packet_length_bytes": packetLengthBytes = try d.int32(member.value)
            default: if let error = d.unknownField(member.key, in: Self.protoName) { throw error }
            }
        }
    }

    /// Writes a `p4.v1.CloneSessionEntry`.
    public func encode(to w: inout JSONWriter) {
        w.beginObject()
        if sessionId.rawValue != 0 { w.key("sessionId"); w.integer(Int64(sessionId.rawValue)) }
        if !replicas.isEmpty {
            w.key("replicas")
            w.beginArray()
            for replica in replicas { replica.encode(to: &w) }
            w.endArray()
        }
        if classOfService != 0 { w.key("classOfService"); w.integer(Int64(classOfService)) }
        if packetLengthBytes != 0 { w.key("packetLengthBytes"); w.integer(Int64(packetLengthBytes)) }
        w.endObject()
    }
}
