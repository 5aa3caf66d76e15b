import JSONCore
import P4Model

/// Exact conversion of JSON number text (`-12`, `1e3`, `1.0`, `2.5e1`) to an integer, without going through
/// `Double` (which would lose 64-bit precision).
enum IntegerLiteral {
    /// The outcome of a conversion.
    enum Result {
        /// A whole number within ±(2^64 − 1).
        case value(ProtoInteger)
        /// Not a number, or a number with a fractional part.
        case notAnInteger
        /// A whole number beyond ±(2^64 − 1).
        case tooLarge
    }

    /// Converts `text`, which must follow the JSON number grammar (leading `+` or spaces are not numbers).
    static func parse(_ text: String) -> Result {
        var utf8 = Substring(text).utf8[...]
        var negative = false
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        var digits: [UInt8] = []
        var sawDigit = false
        var exponent = 0
        var index = utf8.startIndex
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        while index < utf8.endIndex, isDigit(utf8[index]) {
            digits.append(utf8[index] - UInt8(ascii: "0"))
            sawDigit = true
            index = utf8.index(after: index)
        }
        guard sawDigit else { return .notAnInteger }
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: ".") {
            index = utf8.index(after: index)
            var fractionDigits = 0
            while index < utf8.endIndex, isDigit(utf8[index]) {
                digits.append(utf8[index] - UInt8(ascii: "0"))
                exponent -= 1
                fractionDigits += 1
                index = utf8.index(after: index)
            }
            if fractionDigits == 0 { return .notAnInteger }
        }
        if index < utf8.endIndex, utf8[index] == UInt8(ascii: "e") || utf8[index] == UInt8(ascii: "E") {
            index = utf8.index(after: index)
            var exponentNegative = false
            if index < utf8.endIndex, utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
                exponentNegative = utf8[index] == UInt8(ascii: "-")
                index = utf8.index(after: index)
            }
            var value = 0
            var sawExponentDigit = false
            while index < utf8.endIndex, isDigit(utf8[index]) {
                // Exponents beyond 10^6 are absurd for integers; clamping keeps the arithmetic in range.
                value = min(value * 10 + Int(utf8[index] - UInt8(ascii: "0")), 1_000_000)
                sawExponentDigit = true
                index = utf8.index(after: index)
            }
            if !sawExponentDigit { return .notAnInteger }
            exponent += exponentNegative ? -value : value
        }
        if index != utf8.endIndex { return .notAnInteger }
        // Drop leading zeros; a zero value is whole whatever its exponent.
        while digits.first == 0 { digits.removeFirst() }
        if digits.isEmpty { return .value(ProtoInteger(0)) }
        while exponent < 0, digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if exponent < 0 { return .notAnInteger }
        if digits.count + exponent > 20 { return .tooLarge }
        var magnitude: UInt64 = 0
        for digit in digits + [UInt8](repeating: 0, count: exponent) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return .tooLarge }
            magnitude = sum
        }
        return .value(ProtoInteger(isNegative: negative, magnitude: magnitude))
    }
}
