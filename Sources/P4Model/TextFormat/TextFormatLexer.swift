/// Splits protobuf text format into tokens, skipping whitespace and `#` comments.
///
/// Works on bytes: identifiers and numbers are ASCII, string literals may hold any bytes and are returned raw.
struct TextFormatLexer {
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1
    private var lineStart = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private var position: SourcePosition { SourcePosition(line: line, column: offset - lineStart + 1) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        offset + ahead < bytes.count ? bytes[offset + ahead] : nil
    }

    private mutating func advance() {
        if bytes[offset] == UInt8(ascii: "\n") {
            line += 1
            lineStart = offset + 1
        }
        offset += 1
    }

    private mutating func skipWhitespaceAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n") { advance() }
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0b || byte == 0x0c {
                advance()
            } else {
                return
            }
        }
    }

    /// Reads the next token.
    mutating func next() throws(TextFormatError) -> TextFormatToken {
        skipWhitespaceAndComments()
        let start = position
        guard let byte = peek() else { return TextFormatToken(kind: .end, position: start) }
        if isIdentifierStart(byte) {
            let first = offset
            while let next = peek(), isIdentifierStart(next) || isDigit(next) { advance() }
            return TextFormatToken(kind: .identifier(String(decoding: bytes[first..<offset], as: UTF8.self)), position: start)
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
            return TextFormatToken(kind: try number(start: start), position: start)
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return TextFormatToken(kind: .string(try string(quote: byte, start: start)), position: start)
        }
        if "{}<>[]:,;/.-".utf8.contains(byte) {
            advance()
            return TextFormatToken(kind: .symbol(byte), position: start)
        }
        let shown = byte >= 0x20 && byte < 0x7f ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(Bytestring.hex([byte]))"
        throw TextFormatError("unexpected character \(shown)", at: start)
    }

    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func number(start: SourcePosition) throws(TextFormatError) -> TextFormatToken.Kind {
        let first = offset
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            advance()
            advance()
            var value: UInt64 = 0
            var digits = 0
            while let byte = peek(), let digit = hexValue(byte) {
                let (shifted, overflow) = value.multipliedReportingOverflow(by: 16)
                if overflow { throw TextFormatError("integer literal does not fit in 64 bits", at: start) }
                value = shifted | UInt64(digit)
                digits += 1
                advance()
            }
            if digits == 0 { throw TextFormatError("hex literal '0x' has no digits", at: start) }
            try rejectTrailingIdentifier(start: start)
            return .integer(value)
        }
        var isFloat = false
        while let byte = peek(), isDigit(byte) { advance() }
        if peek() == UInt8(ascii: ".") {
            isFloat = true
            advance()
            while let byte = peek(), isDigit(byte) { advance() }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isFloat = true
            advance()
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { advance() }
            guard let digit = peek(), isDigit(digit) else {
                throw TextFormatError("exponent of floating-point literal has no digits", at: start)
            }
            while let byte = peek(), isDigit(byte) { advance() }
        }
        let text = String(decoding: bytes[first..<offset], as: UTF8.self)
        if let suffix = peek(), suffix == UInt8(ascii: "f") || suffix == UInt8(ascii: "F") {
            advance()
            isFloat = true
        }
        try rejectTrailingIdentifier(start: start)
        if isFloat {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw TextFormatError("invalid floating-point literal '\(text)'", at: start)
            }
            return .float(value)
        }
        let isOctal = text.count > 1 && text.hasPrefix("0")
        var value: UInt64 = 0
        for byte in text.utf8 {
            let digit = UInt64(byte - UInt8(ascii: "0"))
            if isOctal && digit > 7 { throw TextFormatError("invalid octal literal '\(text)'", at: start) }
            let (scaled, overflowA) = value.multipliedReportingOverflow(by: isOctal ? 8 : 10)
            let (sum, overflowB) = scaled.addingReportingOverflow(digit)
            if overflowA || overflowB { throw TextFormatError("integer literal '\(text)' does not fit in 64 bits", at: start) }
            value = sum
        }
        return .integer(value)
    }

    private func rejectTrailingIdentifier(start: SourcePosition) throws(TextFormatError) {
        if let byte = peek(), isIdentifierStart(byte) || isDigit(byte) {
            throw TextFormatError("invalid character '\(Character(Unicode.Scalar(byte)))' in number", at: start)
        }
    }

    private mutating func string(quote: UInt8, start: SourcePosition) throws(TextFormatError) -> [UInt8] {
        advance()
        var value: [UInt8] = []
        while true {
            guard let byte = peek() else { throw TextFormatError("unterminated string literal", at: start) }
            if byte == quote {
                advance()
                return value
            }
            if byte == UInt8(ascii: "\n") { throw TextFormatError("newline in string literal", at: start) }
            if byte != UInt8(ascii: "\\") {
                value.append(byte)
                advance()
                continue
            }
            let escapePosition = position
            advance()
            guard let escape = peek() else { throw TextFormatError("unterminated string literal", at: start) }
            advance()
            switch escape {
            case UInt8(ascii: "n"): value.append(0x0a)
            case UInt8(ascii: "t"): value.append(0x09)
            case UInt8(ascii: "r"): value.append(0x0d)
            case UInt8(ascii: "a"): value.append(0x07)
            case UInt8(ascii: "b"): value.append(0x08)
            case UInt8(ascii: "f"): value.append(0x0c)
            case UInt8(ascii: "v"): value.append(0x0b)
            case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "?"): value.append(escape)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var code = UInt32(escape - UInt8(ascii: "0"))
                for _ in 0..<2 {
                    guard let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "7") else { break }
                    code = code * 8 + UInt32(digit - UInt8(ascii: "0"))
                    advance()
                }
                if code > 0xff { throw TextFormatError("octal escape exceeds \\377", at: escapePosition) }
                value.append(UInt8(code))
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                var code: UInt8 = 0
                var digits = 0
                while digits < 2, let byte = peek(), let digit = hexValue(byte) {
                    code = code * 16 + digit
                    digits += 1
                    advance()
                }
                if digits == 0 { throw TextFormatError("\\x escape has no hex digits", at: escapePosition) }
                value.append(code)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let count = escape == UInt8(ascii: "u") ? 4 : 8
                var code: UInt32 = 0
                for _ in 0..<count {
                    guard let byte = peek(), let digit = hexValue(byte) else {
                        throw TextFormatError("\\\(Character(Unicode.Scalar(escape))) escape needs \(count) hex digits",
                            at: escapePosition)
                    }
                    code = code * 16 + UInt32(digit)
                    advance()
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw TextFormatError("escape is not a Unicode scalar value", at: escapePosition)
                }
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw TextFormatError("invalid escape '\\\(Character(Unicode.Scalar(escape)))'", at: escapePosition)
            }
        }
    }
}
