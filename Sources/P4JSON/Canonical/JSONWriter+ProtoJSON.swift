import JSONCore
import P4Model

// proto3 JSON scalars that JSONCore's writer has no direct call for. Each renders the complete JSON string
// (quotes included) into a temporary buffer (on the stack for the usual short values) and appends it as a raw
// value, so hot paths (bytestrings, 64-bit counters) never build an intermediate `String` or array.

extension JSONWriter {
    /// Writes a 64-bit unsigned integer as a decimal string (`"123"`), as proto3 JSON does for uint64.
    public mutating func uint64String(_ value: UInt64) {
        decimalString(value, negative: false)
    }

    /// Writes a 64-bit signed integer as a decimal string (`"-5"`), as proto3 JSON does for int64.
    public mutating func int64String(_ value: Int64) {
        decimalString(value.magnitude, negative: value < 0)
    }

    /// Writes bytes as a standard padded base64 string, as proto3 JSON does for `bytes` fields.
    public mutating func base64(_ value: [UInt8]) {
        let length = 2 + (value.count + 2) / 3 * 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
            out[0] = UInt8(ascii: "\"")
            value.withUnsafeBufferPointer { Self.fillBase64($0, into: out) }
            out[length - 1] = UInt8(ascii: "\"")
            rawValue(UnsafeBufferPointer(rebasing: out[0..<length]))
        }
    }

    /// Writes an enum value by name, or by number when the value has no name (as `MessageToJson` does).
    public mutating func enumValue<E: ProtoEnum>(_ value: E) {
        if let name = value.name {
            string(name)
        } else {
            integer(Int64(value.rawValue))
        }
    }

    private mutating func decimalString(_ value: UInt64, negative: Bool) {
        // 20 digits, a sign and two quotes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { out in
            var position = 23
            out[position] = UInt8(ascii: "\"")
            var rest = value
            repeat {
                position -= 1
                out[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            if negative {
                position -= 1
                out[position] = UInt8(ascii: "-")
            }
            position -= 1
            out[position] = UInt8(ascii: "\"")
            rawValue(UnsafeBufferPointer(rebasing: out[position..<24]))
        }
    }

    private static let base64Digits: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Writes the base64 digits of `bytes` into `out` starting at index 1.
    private static func fillBase64(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        base64Digits.withUnsafeBufferPointer { digits in
            var index = 0
            var position = 1
            while index + 3 <= bytes.count {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                out[position] = digits[Int(chunk >> 18 & 63)]
                out[position + 1] = digits[Int(chunk >> 12 & 63)]
                out[position + 2] = digits[Int(chunk >> 6 & 63)]
                out[position + 3] = digits[Int(chunk & 63)]
                index += 3
                position += 4
            }
            switch bytes.count - index {
            case 1:
                let chunk = UInt32(bytes[index]) << 16
                out[position] = digits[Int(chunk >> 18 & 63)]
                out[position + 1] = digits[Int(chunk >> 12 & 63)]
                out[position + 2] = UInt8(ascii: "=")
                out[position + 3] = UInt8(ascii: "=")
            case 2:
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
                out[position] = digits[Int(chunk >> 18 & 63)]
                out[position + 1] = digits[Int(chunk >> 12 & 63)]
                out[position + 2] = digits[Int(chunk >> 6 & 63)]
                out[position + 3] = UInt8(ascii: "=")
            default:
                break
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
