import P4Device
import P4Model

/// Checks `PacketOut.metadata` against the P4Info `packet_out` header (P4Runtime §16.1, S10).
enum PacketMetadataValidator {
    /// The packet with canonical metadata values, sorted by id.
    ///
    /// - Throws: INVALID_ARGUMENT for an unknown, duplicated or missing field, OUT_OF_RANGE for a value wider
    ///   than its field.
    static func validate(_ packet: PacketOut, schema: PacketMetadataSchema?) throws(P4RuntimeError) -> PacketOut {
        let fields = schema?.fields ?? []
        var values: [[UInt8]?] = Array(repeating: nil, count: fields.count)
        for (index, metadata) in packet.metadata.enumerated() {
            let path = "packet.metadata[\(index)]"
            guard let position = fields.firstIndex(where: { $0.id.rawValue == metadata.metadataId.rawValue }) else {
                throw .invalidArgument("\(path).metadataId: \(metadata.metadataId) is not a field of packet_out")
            }
            if values[position] != nil {
                throw .invalidArgument("\(path).metadataId: field \(fields[position].label) is given twice")
            }
            let field = fields[position]
            values[position] = field.isSDNString ? metadata.value
                : try Bytestring.validated(metadata.value, bitwidth: field.bitwidth,
                                           what: "\(path).value of field \(field.label)")
        }
        var result = PacketOut(payload: packet.payload, metadata: [])
        for (position, field) in fields.enumerated() {
            guard let value = values[position] else {
                throw .invalidArgument("packet.metadata: field \(field.label) of packet_out is missing")
            }
            result.metadata.append(PacketMetadata(metadataId: MetadataID(field.id.rawValue), value: value))
        }
        return result
    }
}
