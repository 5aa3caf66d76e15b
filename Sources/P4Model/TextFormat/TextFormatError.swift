/// A syntax error in protobuf text format, with the one-based line and column where it was found.
public struct TextFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the error was found.
    public var position: SourcePosition
    /// What is wrong, e.g. `expected ':' or '{' after field name 'tables'`.
    public var reason: String

    /// Creates an error.
    public init(_ reason: String, at position: SourcePosition) {
        self.reason = reason
        self.position = position
    }

    /// One-based line of the error.
    public var line: Int { position.line }
    /// One-based column (in bytes) of the error.
    public var column: Int { position.column }

    /// `line L, column C: reason`.
    public var description: String { "line \(position.line), column \(position.column): \(reason)" }

    /// The error as INVALID_ARGUMENT, prefixed with `source` (e.g. a file name) when given.
    public func p4RuntimeError(source: String? = nil) -> P4RuntimeError {
        .invalidArgument(source.map { "\($0), \(description)" } ?? description)
    }
}
