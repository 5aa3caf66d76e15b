extension JSONValue {
    /// The JSON text of this value as UTF-8 bytes.
    public func serialized(_ style: JSONStyle = .compact) -> [UInt8] {
        var out = ByteBuffer(capacity: 256)
        write(into: &out, pretty: style == .pretty, level: 0)
        return out.array
    }

    /// The JSON text of this value as a string.
    public func serializedString(_ style: JSONStyle = .compact) -> String {
        String(decoding: serialized(style), as: UTF8.self)
    }

    /// Appends the JSON text of this value to `out`.
    public func serialize(into out: inout [UInt8], style: JSONStyle = .compact) {
        var buffer = ByteBuffer(capacity: 256)
        write(into: &buffer, pretty: style == .pretty, level: 0)
        out.append(contentsOf: buffer.bytes)
    }

    private func write(into out: inout ByteBuffer, pretty: Bool, level: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): JSONEncoding.appendBool(b, to: &out)
        case .integer(let i): JSONEncoding.appendInteger(i, to: &out)
        case .double(let d): JSONEncoding.appendDouble(d, to: &out)
        case .string(let s): JSONEncoding.appendString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONEncoding.appendNewline(indent: level + 1, to: &out) }
                element.write(into: &out, pretty: pretty, level: level + 1)
            }
            if pretty && !elements.isEmpty { JSONEncoding.appendNewline(indent: level, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONEncoding.appendNewline(indent: level + 1, to: &out) }
                JSONEncoding.appendString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(0x20) }
                member.value.write(into: &out, pretty: pretty, level: level + 1)
            }
            if pretty && !object.isEmpty { JSONEncoding.appendNewline(indent: level, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }
}
