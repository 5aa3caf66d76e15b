extension JSONScanner {
    /// Skips one value inside the scanner's subset (nested objects and arrays up to `depth` levels); false when
    /// the value leaves the subset or nests deeper.
    public mutating func skipSubsetValue(depth: Int = 32) -> Bool {
        skipSpace()
        guard position < end, depth > 0 else { return false }
        switch byte(position) {
        case UInt8(ascii: "\""):
            return string() != nil
        case UInt8(ascii: "{"):
            position += 1
            var first = true
            while true {
                switch nextMember(&first) {
                case .end: return true
                case .invalid: return false
                case .next: guard skipSubsetValue(depth: depth - 1) else { return false }
                }
            }
        case UInt8(ascii: "["):
            position += 1
            var first = true
            while true {
                guard let more = nextElement(&first) else { return false }
                if !more { return true }
                guard skipSubsetValue(depth: depth - 1) else { return false }
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return bool() != nil
        default:
            return integer() != nil
        }
    }

    /// The byte range of the next value of any JSON shape, found by its structure only (brackets, and strings with
    /// their escapes); nil when the structure ends early or closes a bracket it never opened. The range is not
    /// validated: parse it with ``JSONParser``.
    public mutating func skipAnyValue() -> Range<Int>? {
        skipSpace()
        let start = position
        var depth = 0
        repeat {
            guard position < end else { return nil }
            let byte = byte(position)
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                while true {
                    guard position < end else { return nil }
                    let next = self.byte(position)
                    position += next == UInt8(ascii: "\\") ? 2 : 1
                    if next == UInt8(ascii: "\"") { break }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth < 0 { return nil }
            default:
                // A number or literal at the top starts with a sign, a digit or a letter of true/false/null and
                // runs to the next delimiter.
                if depth == 0 {
                    let digit = byte &- UInt8(ascii: "0")
                    guard digit < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f")
                        || byte == UInt8(ascii: "n") else { return nil }
                    while position < end {
                        let next = self.byte(position)
                        if next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}")
                            || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 { break }
                        position += 1
                    }
                }
            }
        } while depth > 0
        return start..<min(position, end)
    }
}
