import P4Device
import P4Model

/// The `packet_in` / `packet_out` controller header on the wire: the P4Info fields in order, each its bitwidth,
/// packed big-endian into a bit string padded to whole bytes (the layout BMv2's CPU port uses). PNA defines no
/// CPU port, so a program that declares these headers parses and emits them at the front of the packet.
enum ControllerHeader {
    /// The header's size in bytes.
    static func byteCount(_ fields: [MatchFieldSchema]) -> Int {
        (fields.reduce(0) { $0 + $1.bitwidth } + 7) / 8
    }

    /// Packs the values of `metadata` (matched to fields by id; missing ones are zero).
    static func pack(_ metadata: [PacketMetadata], as fields: [MatchFieldSchema]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: byteCount(fields))
        var bit = 0
        for field in fields {
            let value = metadata.first { $0.metadataId.rawValue == field.id.rawValue }?.value ?? []
            for i in 0..<field.bitwidth {
                // Bit i of the field, counted from its most significant bit.
                let fromLow = field.bitwidth - 1 - i
                let byte = value.count - 1 - fromLow / 8
                let set = byte >= 0 && (value[byte] >> UInt8(fromLow % 8)) & 1 == 1
                if set { bytes[(bit + i) / 8] |= 0x80 >> UInt8((bit + i) % 8) }
            }
            bit += field.bitwidth
        }
        return bytes
    }

    /// Reads the header from the front of `packet`: the metadata (canonical bytestrings) and the rest.
    static func unpack(_ packet: [UInt8], as fields: [MatchFieldSchema])
        -> (metadata: [PacketMetadata], payload: [UInt8])?
    {
        let size = byteCount(fields)
        guard packet.count >= size else { return nil }
        var metadata: [PacketMetadata] = []
        var bit = 0
        for field in fields {
            var value = [UInt8](repeating: 0, count: (field.bitwidth + 7) / 8)
            for i in 0..<field.bitwidth where packet[(bit + i) / 8] & (0x80 >> UInt8((bit + i) % 8)) != 0 {
                let fromLow = field.bitwidth - 1 - i
                value[value.count - 1 - fromLow / 8] |= 1 << UInt8(fromLow % 8)
            }
            metadata.append(PacketMetadata(metadataId: MetadataID(rawValue: field.id.rawValue),
                                           value: WideValue.canonical(value)))
            bit += field.bitwidth
        }
        return (metadata, Array(packet[size...]))
    }
}
