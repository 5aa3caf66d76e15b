/// A parser for protobuf text format (the `.txtpb` / `p4info.txt` syntax) into a schema-free `ProtoMessage` tree.
///
/// Supports everything protoc's text printer emits and the usual hand-written forms: `name: value` and
/// `name { … }` / `name < … >` (colon optional before messages), repeated fields written repeatedly or as
/// `name: [a, b]`, `[type.googleapis.com/pkg.Type] { … }` Any expansions, `[pkg.ext]` extension names, string
/// literals in single or double quotes with every C escape (returned as raw bytes; adjacent literals are joined),
/// integers in decimal, hex and octal with an optional `-`, floats (`1.5`, `.5`, `1e3`, `2f`, `-inf`), identifiers
/// (enum names, `true`), `#` comments, and `,` or `;` after any field. Errors carry line and column.
public enum TextFormat {
    /// How deeply messages may nest before the input is rejected (protects the stack from hostile input).
    public static let maximumDepth = 100

    /// Parses a whole text-format document as the fields of one message.
    public static func parse(_ text: String) throws(TextFormatError) -> ProtoMessage {
        try parse(bytes: Array(text.utf8))
    }

    /// Parses a whole text-format document given as bytes.
    public static func parse(bytes: [UInt8]) throws(TextFormatError) -> ProtoMessage {
        var parser = try TextFormatParser(bytes)
        return try parser.parseDocument()
    }
}

/// Recursive-descent parser over `TextFormatLexer` tokens, with one token of lookahead.
struct TextFormatParser {
    private var lexer: TextFormatLexer
    private var token: TextFormatToken
    private var depth = 0

    init(_ bytes: [UInt8]) throws(TextFormatError) {
        lexer = TextFormatLexer(bytes)
        token = try lexer.next()
    }

    private mutating func advance() throws(TextFormatError) { token = try lexer.next() }

    private func isSymbol(_ symbol: Character) -> Bool {
        if case .symbol(let byte) = token.kind, let ascii = symbol.asciiValue { return byte == ascii }
        return false
    }

    private mutating func expect(_ symbol: Character, _ context: @autoclosure () -> String) throws(TextFormatError) {
        guard isSymbol(symbol) else {
            throw TextFormatError("expected '\(symbol)' \(context()), found \(token.spelling)", at: token.position)
        }
        try advance()
    }

    /// Parses the whole input as the fields of one message.
    mutating func parseDocument() throws(TextFormatError) -> ProtoMessage { try parseFields(until: nil) }

    /// Parses fields up to `close` (a closing bracket) or, when nil, to the end of input.
    private mutating func parseFields(until close: Character?) throws(TextFormatError) -> ProtoMessage {
        var message = ProtoMessage()
        while true {
            if case .end = token.kind {
                if let close {
                    throw TextFormatError("expected '\(close)' before end of input", at: token.position)
                }
                return message
            }
            if let close, isSymbol(close) {
                try advance()
                return message
            }
            try parseField(into: &message)
            if isSymbol(",") || isSymbol(";") { try advance() }
        }
    }

    private mutating func parseField(into message: inout ProtoMessage) throws(TextFormatError) {
        let position = token.position
        let name: String
        switch token.kind {
        case .identifier(let identifier):
            name = identifier
            try advance()
        case .symbol(UInt8(ascii: "[")):
            name = try parseBracketedName()
        default:
            throw TextFormatError("expected a field name, found \(token.spelling)", at: position)
        }
        if name.hasPrefix("["), name.contains("/") {
            throw TextFormatError("Any expansion \(name) must be the only field of its message", at: position)
        }
        try parseFieldValue(named: name, at: position, into: &message)
    }

    /// Reads `[a.b.c]` or `[host/a.b.C]` and returns it with brackets (`"[a.b.c]"`).
    private mutating func parseBracketedName() throws(TextFormatError) -> String {
        let open = token.position
        try advance()
        var name = ""
        while true {
            switch token.kind {
            case .identifier(let part): name += part
            case .symbol(UInt8(ascii: ".")): name += "."
            case .symbol(UInt8(ascii: "/")): name += "/"
            case .symbol(UInt8(ascii: "]")):
                guard !name.isEmpty else { throw TextFormatError("empty bracketed field name", at: open) }
                try advance()
                return "[" + name + "]"
            default:
                throw TextFormatError("expected ']' to close the bracketed name, found \(token.spelling)",
                    at: token.position)
            }
            try advance()
        }
    }

    private mutating func parseMessageValue() throws(TextFormatError) -> ProtoValue {
        let close: Character = isSymbol("{") ? "}" : ">"
        let open = token.position
        if depth >= TextFormat.maximumDepth {
            throw TextFormatError("messages nested deeper than \(TextFormat.maximumDepth) levels", at: open)
        }
        depth += 1
        try advance()
        let body = try parseBodyAllowingAny(close: close)
        depth -= 1
        return body
    }

    /// Parses a message body; a body that is exactly one `[host/type] { … }` becomes an `.any` value.
    private mutating func parseBodyAllowingAny(close: Character) throws(TextFormatError) -> ProtoValue {
        if isSymbol("[") {
            let position = token.position
            let name = try parseBracketedName()
            if name.contains("/") {
                if isSymbol(":") { try advance() }
                guard isSymbol("{") || isSymbol("<") else {
                    throw TextFormatError("expected '{' after Any type URL \(name), found \(token.spelling)",
                        at: token.position)
                }
                guard case .message(let content) = try parseMessageValue() else {
                    throw TextFormatError("Any expansion \(name) must hold a message", at: position)
                }
                if isSymbol(",") || isSymbol(";") { try advance() }
                guard isSymbol(close) else {
                    throw TextFormatError("Any expansion \(name) must be the only field of its message",
                        at: token.position)
                }
                try advance()
                return .any(typeURL: String(name.dropFirst().dropLast()), content)
            }
            // An extension field name: parse its value, then the remaining fields normally.
            var message = ProtoMessage()
            try parseFieldValue(named: name, at: position, into: &message)
            if isSymbol(",") || isSymbol(";") { try advance() }
            let rest = try parseFields(until: close)
            message.fields.append(contentsOf: rest.fields)
            return .message(message)
        }
        return .message(try parseFields(until: close))
    }

    private mutating func parseFieldValue(
        named name: String, at position: SourcePosition, into message: inout ProtoMessage
    ) throws(TextFormatError) {
        let hadColon = isSymbol(":")
        if hadColon { try advance() }
        let value: ProtoValue
        if isSymbol("{") || isSymbol("<") {
            value = try parseMessageValue()
        } else if isSymbol("[") {
            value = try parseList(fieldName: name)
        } else {
            guard hadColon else {
                throw TextFormatError("expected ':' or '{' after field name '\(name)', found \(token.spelling)",
                    at: token.position)
            }
            value = try parseScalar(fieldName: name)
        }
        message.append(name, value, at: position)
    }

    private mutating func parseList(fieldName: String) throws(TextFormatError) -> ProtoValue {
        try advance()
        var values: [ProtoValue] = []
        if isSymbol("]") {
            try advance()
            return .list(values)
        }
        while true {
            if isSymbol("{") || isSymbol("<") {
                values.append(try parseMessageValue())
            } else {
                values.append(try parseScalar(fieldName: fieldName))
            }
            if isSymbol(",") {
                try advance()
                continue
            }
            try expect("]", "or ',' in the list of field '\(fieldName)'")
            return .list(values)
        }
    }

    private mutating func parseScalar(fieldName: String) throws(TextFormatError) -> ProtoValue {
        let position = token.position
        var negative = false
        if isSymbol("-") {
            negative = true
            try advance()
        }
        switch token.kind {
        case .integer(let magnitude):
            try advance()
            if negative && magnitude > UInt64(Int64.max) + 1 {
                throw TextFormatError("integer literal -\(magnitude) does not fit in 64 bits", at: position)
            }
            return .integer(ProtoInteger(isNegative: negative, magnitude: magnitude))
        case .float(let value):
            try advance()
            return .float(negative ? -value : value)
        case .identifier(let name):
            try advance()
            if negative {
                switch name.lowercased() {
                case "inf", "infinity": return .float(-.infinity)
                case "nan": return .float(-.nan)
                default:
                    throw TextFormatError("'-' must be followed by a number, found '\(name)'", at: position)
                }
            }
            return .identifier(name)
        case .string(let first):
            if negative { throw TextFormatError("'-' must be followed by a number, found a string", at: position) }
            var bytes = first
            try advance()
            while case .string(let more) = token.kind {
                bytes.append(contentsOf: more)
                try advance()
            }
            return .string(bytes)
        default:
            throw TextFormatError("expected a value for field '\(fieldName)', found \(token.spelling)", at: token.position)
        }
    }
}
