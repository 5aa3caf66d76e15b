import JSONCore
import P4Model

// proto3 JSON scalars that JSONCore's writer has no direct call for. Each positions the writer with an empty
// `rawValue` (which emits the separator) and then appends the value's bytes straight into the buffer, so hot paths
// (bytestrings, 64-bit counters) never build an intermediate `String`.

extension JSONWriter {
    /// Writes a 64-bit unsigned integer as a decimal string (`"123"`), as proto3 JSON does for uint64.
    public mutating func uint64String(_ value: UInt64) {
        rawValue(EmptyCollection<UInt8>())
        bytes.append(UInt8(ascii: "\""))
        Self.appendDecimal(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a 64-bit signed integer as a decimal string (`"-5"`), as proto3 JSON does for int64.
    public mutating func int64String(_ value: Int64) {
        rawValue(EmptyCollection<UInt8>())
        bytes.append(UInt8(ascii: "\""))
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        Self.appendDecimal(value.magnitude, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes bytes as a standard padded base64 string, as proto3 JSON does for `bytes` fields.
    public mutating func base64(_ value: [UInt8]) {
        rawValue(EmptyCollection<UInt8>())
        bytes.append(UInt8(ascii: "\""))
        Self.appendBase64(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes an enum value by name, or by number when the value has no name (as `MessageToJson` does).
    public mutating func enumValue<E: ProtoEnum>(_ value: E) {
        if let name = value.name {
            string(name)
        } else {
            integer(Int64(value.rawValue))
        }
    }

    private static func appendDecimal(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 20 digits fit in 24 bytes
        withUnsafeMutableBytes(of: &digits) { buffer in
            var count = 0
            var rest = value
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    private static let base64Digits: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static func appendBase64(_ input: [UInt8], to output: inout [UInt8]) {
        base64Digits.withUnsafeBufferPointer { digits in
            input.withUnsafeBufferPointer { bytes in
                var index = 0
                while index + 3 <= bytes.count {
                    let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                    output.append(digits[Int(chunk >> 18 & 63)])
                    output.append(digits[Int(chunk >> 12 & 63)])
                    output.append(digits[Int(chunk >> 6 & 63)])
                    output.append(digits[Int(chunk & 63)])
                    index += 3
                }
                switch bytes.count - index {
                case 1:
                    let chunk = UInt32(bytes[index]) << 16
                    output.append(digits[Int(chunk >> 18 & 63)])
                    output.append(digits[Int(chunk >> 12 & 63)])
                    output.append(UInt8(ascii: "="))
                    output.append(UInt8(ascii: "="))
                case 2:
                    let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
                    output.append(digits[Int(chunk >> 18 & 63)])
                    output.append(digits[Int(chunk >> 12 & 63)])
                    output.append(digits[Int(chunk >> 6 & 63)])
                    output.append(UInt8(ascii: "="))
                default:
                    break
                }
            }
        }
    }
}

extension ProtoJSONDecoder {
    /// Accepts only an object with no members (or only `null` members), for messages without fields.
    public func emptyMessage(_ value: JSONValue, of message: String) throws(P4RuntimeError) {
        for member in try members(value, of: message) {
            if case .null = member.value { continue }
            var inner = self
            inner.enter(member.key)
            if let error = inner.unknownField(member.key, in: message) { throw error }
        }
    }
}
