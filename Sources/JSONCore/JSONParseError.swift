/// Why a JSON text could not be parsed, and where.
///
/// `line` and `column` are 1-based (column counts characters, as jansson does); `position` is the 0-based byte
/// offset in the input where the problem was detected. `message` is jansson's text (or ours for the depth cap).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in characters) of the problem.
    public var column: Int
    /// 0-based byte offset of the problem.
    public var position: Int
    /// What is wrong, e.g. "'[' or '{' expected near 'x'" or "duplicate object key".
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, position: Int, message: String) {
        self.line = line
        self.column = column
        self.position = position
        self.message = message
    }

    /// "line L, column C (byte P): message".
    public var description: String { "line \(line), column \(column) (byte \(position)): \(message)" }
}
