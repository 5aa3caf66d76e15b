extension TextFormat {
    /// Prints a message tree as protobuf text format in protoc's layout: one field per line, nested messages in
    /// braces indented by two spaces, lists as repeated fields, Any contents as `[type_url] { … }`, strings in
    /// double quotes with non-printable bytes as three-digit octal escapes. `parse(print(m))` equals `m` up to
    /// source positions and list grouping.
    public static func print(_ message: ProtoMessage) -> String {
        var output = ""
        printFields(message, indent: "", into: &output)
        return output
    }

    private static func printFields(_ message: ProtoMessage, indent: String, into output: inout String) {
        for field in message.fields { printField(field.name, field.value, indent: indent, into: &output) }
    }

    private static func printField(_ name: String, _ value: ProtoValue, indent: String, into output: inout String) {
        switch value {
        case .list(let values):
            for element in values { printField(name, element, indent: indent, into: &output) }
        case .message(let message):
            output += "\(indent)\(name) {\n"
            printFields(message, indent: indent + "  ", into: &output)
            output += "\(indent)}\n"
        case .any(let typeURL, let message):
            output += "\(indent)\(name) {\n\(indent)  [\(typeURL)] {\n"
            printFields(message, indent: indent + "    ", into: &output)
            output += "\(indent)  }\n\(indent)}\n"
        case .integer(let integer):
            output += "\(indent)\(name): \(integer)\n"
        case .float(let double):
            output += "\(indent)\(name): \(double.isNaN ? "nan" : double.description)\n"
        case .identifier(let identifier):
            output += "\(indent)\(name): \(identifier)\n"
        case .string(let bytes):
            output += "\(indent)\(name): \(quoted(bytes))\n"
        }
    }

    /// `bytes` as a double-quoted text-format string literal.
    public static func quoted(_ bytes: [UInt8]) -> String {
        var text = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x0a: text += "\\n"
            case 0x0d: text += "\\r"
            case 0x09: text += "\\t"
            case 0x20...0x7e: text.append(Character(Unicode.Scalar(byte)))
            default:
                let octal = String(byte, radix: 8)
                text += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return text + "\""
    }
}
