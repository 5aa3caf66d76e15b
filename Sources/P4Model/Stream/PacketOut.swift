/// `p4.v1.PacketMetadata`: one field of the `packet_in` / `packet_out` controller header.
public struct PacketMetadata: Sendable, Hashable {
    /// The field (P4Info `ControllerPacketMetadata.Metadata.id`).
    public var metadataId: MetadataID
    /// The value as a bytestring.
    public var value: [UInt8]
    /// Creates a metadata field.
    public init(metadataId: MetadataID = 0, value: [UInt8] = []) {
        self.metadataId = metadataId
        self.value = value
    }
}

/// `p4.v1.PacketOut`: a packet the controller injects, with its `packet_out` header fields.
public struct PacketOut: Sendable, Hashable {
    /// The packet bytes.
    public var payload: [UInt8]
    /// Exactly one value per `packet_out` field.
    public var metadata: [PacketMetadata]
    /// Creates a packet-out.
    public init(payload: [UInt8] = [], metadata: [PacketMetadata] = []) {
        self.payload = payload
        self.metadata = metadata
    }
}

/// `p4.v1.PacketIn`: a packet sent to the controller, with its `packet_in` header fields.
public struct PacketIn: Sendable, Hashable {
    /// The packet bytes.
    public var payload: [UInt8]
    /// One value per `packet_in` field.
    public var metadata: [PacketMetadata]
    /// Creates a packet-in.
    public init(payload: [UInt8] = [], metadata: [PacketMetadata] = []) {
        self.payload = payload
        self.metadata = metadata
    }
}
