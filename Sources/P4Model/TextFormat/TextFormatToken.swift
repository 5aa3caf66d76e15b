/// One lexical token of protobuf text format.
struct TextFormatToken: Sendable {
    /// The token kinds.
    enum Kind: Sendable, Equatable {
        /// `[A-Za-z_][A-Za-z0-9_]*`.
        case identifier(String)
        /// An unsigned integer literal (decimal, `0x` hex or `0` octal).
        case integer(UInt64)
        /// A floating-point literal.
        case float(Double)
        /// One string literal with escapes resolved (adjacent literals are joined by the parser).
        case string([UInt8])
        /// A punctuation byte: `{ } < > [ ] : , ; / . -`.
        case symbol(UInt8)
        /// The end of the input.
        case end
    }

    /// What was read.
    var kind: Kind
    /// Where it starts.
    var position: SourcePosition

    /// A short description for error messages.
    var spelling: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .integer(let value): "'\(value)'"
        case .float(let value): "'\(value)'"
        case .string: "a string"
        case .symbol(let byte): "'\(Character(Unicode.Scalar(byte)))'"
        case .end: "end of input"
        }
    }
}
