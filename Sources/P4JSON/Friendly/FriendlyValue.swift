import JSONCore
import P4Model

/// Human-readable P4 values: the scalar syntax of the friendly forms.
///
/// Accepted for a `bit<W>` value (JSON number, boolean, or string):
/// - decimal (`80`, `"80"`), hexadecimal (`"0x50"`), binary (`"0b1010000"`), any width;
/// - IPv4 (`"10.0.0.1"`, 32 bits), IPv6 (`"2001:db8::1"`, 128 bits), MAC (`"00:11:22:33:44:55"` or with `-`,
///   48 bits);
/// - `true` / `false` (1 / 0).
///
/// The value must fit the field's bit width (an address form counts its leading zero bits too, so `"10.0.0.1"`
/// fits `bit<32>` but `"0.0.0.1"` also fits `bit<8>`). Results are canonical bytestrings.
public enum FriendlyValue {
    /// Parses `value` for a field of `bitwidth` bits named `what` (used in messages).
    ///
    /// - Throws: INVALID_ARGUMENT for unreadable values; OUT_OF_RANGE when the value needs more than `bitwidth`
    ///   bits (as for bytestrings, P4Runtime §8.3).
    public static func parse(_ value: JSONValue, bitwidth: Int, what: String) throws(P4RuntimeError) -> [UInt8] {
        let bytes: [UInt8]
        switch value {
        case .integer(let number):
            guard number >= 0 else { throw .invalidArgument("\(what): negative value \(number)") }
            bytes = Bytestring.encode(UInt64(number))
        case .double(let number):
            guard number >= 0, number == number.rounded(), number < 18_446_744_073_709_551_616.0 else {
                throw .invalidArgument("\(what): \(number) is not a non-negative whole number")
            }
            bytes = Bytestring.encode(UInt64(number))
        case .bool(let flag):
            bytes = [flag ? 1 : 0]
        case .string(let text):
            guard let parsed = parse(text) else {
                throw .invalidArgument(
                    "\(what): cannot read \"\(text)\" "
                        + "(expected a decimal, 0x… hex, 0b… binary, IPv4, IPv6 or MAC value)")
            }
            bytes = parsed
        default:
            throw .invalidArgument("\(what): expected a number or string, got \(value.summary)")
        }
        return try Bytestring.validated(bytes, bitwidth: bitwidth, what: what)
    }

    /// Parses the text forms; nil when `text` is none of them.
    public static func parse(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "x") || utf8[1] == UInt8(ascii: "X") {
            return digits(utf8[2...], radix: 16)
        }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "b") || utf8[1] == UInt8(ascii: "B") {
            return digits(utf8[2...], radix: 2)
        }
        if utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return digits(utf8[...], radix: 10)
        }
        if text == "true" { return [1] }
        if text == "false" { return [0] }
        if let mac = mac(text) { return mac }
        if let ipv4 = ipv4(text) { return ipv4 }
        if let ipv6 = ipv6(text) { return ipv6 }
        return nil
    }

    /// Big-endian bytes of a digit string in `radix` (2, 10 or 16), any length; nil for a bad digit.
    static func digits(_ text: ArraySlice<UInt8>, radix: Int) -> [UInt8]? {
        guard !text.isEmpty else { return nil }
        var result: [UInt8] = [0]
        for character in text {
            let digit: Int
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(character - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(character - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(character - UInt8(ascii: "A")) + 10
            default: return nil
            }
            guard digit < radix else { return nil }
            // result = result * radix + digit, on the big-endian byte array.
            var carry = digit
            for index in stride(from: result.count - 1, through: 0, by: -1) {
                let product = Int(result[index]) * radix + carry
                result[index] = UInt8(truncatingIfNeeded: product)
                carry = product >> 8
            }
            while carry > 0 {
                result.insert(UInt8(truncatingIfNeeded: carry), at: 0)
                carry >>= 8
            }
        }
        return Bytestring.canonical(result)
    }

    /// `a.b.c.d` with each part 0…255 in decimal.
    public static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let number = UInt8(part)
            else { return nil }
            bytes.append(number)
        }
        return bytes
    }

    /// Six groups of one or two hex digits separated by `:` or `-`.
    public static func mac(_ text: String) -> [UInt8]? {
        let separator: Character = text.contains("-") ? "-" : ":"
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...2).contains(part.count), let byte = UInt8(part, radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    /// RFC 4291 text: eight groups of up to four hex digits, one `::` allowed, optional trailing dotted IPv4.
    public static func ipv6(_ text: String) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        var halves: [String] = []
        let utf8 = Array(text.utf8)
        var cut: Int?
        for index in 0..<max(0, utf8.count - 1) where utf8[index] == 58 && utf8[index + 1] == 58 {
            guard cut == nil else { return nil }
            cut = index
        }
        if let cut {
            halves = [
                String(decoding: utf8[..<cut], as: UTF8.self), String(decoding: utf8[(cut + 2)...], as: UTF8.self),
            ]
            if halves[1].hasPrefix(":") || halves[0].hasSuffix(":") { return nil }
        } else {
            halves = [text]
        }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = ipv4(String(piece)) {
                    result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                    result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                    continue
                }
                guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
                result.append(group)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count <= 7 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
