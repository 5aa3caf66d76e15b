extension ProtobufReader {
    /// Reads one occurrence of a `repeated uint32` field, packed (length-delimited run of varints) or not,
    /// and appends its values to `values`. Values above 2^32 - 1 are truncated as protobuf's own parsers do.
    public mutating func readRepeatedUInt32(_ tag: Tag, name: String, into values: inout [UInt32]) throws(ProtobufError) {
        switch tag.wireType {
        case .varint:
            values.append(UInt32(truncatingIfNeeded: try readVarint()))
        case .lengthDelimited:
            var packed = try readMessage(tag, childPath: "\(path).\(name)")
            while !packed.isAtEnd {
                values.append(UInt32(truncatingIfNeeded: try packed.readVarint()))
            }
        default:
            try expect(tag, .lengthDelimited, name: name)
        }
    }
}
