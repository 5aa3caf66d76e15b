/// Why a protobuf message could not be decoded: where (message path and byte offset in the outermost buffer)
/// and what was wrong there.
public struct ProtobufError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong at `offset`.
    public enum Reason: Equatable, Sendable {
        /// The buffer ended inside a varint.
        case truncatedVarint
        /// A varint ran past ten bytes (no valid 64-bit varint does).
        case varintTooLong
        /// The buffer ended inside a fixed-width value of `width` bytes.
        case truncatedFixed(width: Int)
        /// A length-delimited field declared more bytes than its enclosing message has left.
        case lengthExceedsRemaining(field: Int, declared: UInt64, remaining: Int)
        /// A tag carried wire type 6 or 7, which do not exist.
        case invalidWireType(field: Int, rawValue: UInt8)
        /// A tag carried field number 0 or one above 2^29 - 1.
        case invalidFieldNumber(UInt64)
        /// A known field arrived with a wire type its declaration does not allow.
        case unexpectedWireType(field: Int, name: String, expected: WireType, found: WireType)
        /// A `string` field was not valid UTF-8.
        case invalidUTF8(field: Int, name: String)
        /// An end-group tag appeared without a matching start-group tag.
        case unmatchedEndGroup(field: Int)
        /// A group was still open when its enclosing message ended.
        case unterminatedGroup(field: Int)
        /// Groups nested deeper than the reader allows.
        case nestingTooDeep(limit: Int)
    }

    /// The message path, e.g. `BfPipelineConfig.profiles[0]`.
    public let path: String
    /// Byte offset of the problem within the buffer given to the outermost decoder.
    public let offset: Int
    /// What was wrong.
    public let reason: Reason

    /// Creates an error at `offset` inside the message at `path`.
    public init(path: String, offset: Int, reason: Reason) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    /// One line naming the message, the byte offset and the cause.
    public var description: String {
        let cause: String
        switch reason {
        case .truncatedVarint:
            cause = "input ends inside a varint (truncated message)"
        case .varintTooLong:
            cause = "varint longer than 10 bytes"
        case .truncatedFixed(let width):
            cause = "input ends inside a \(width)-byte fixed-width value (truncated message)"
        case .lengthExceedsRemaining(let field, let declared, let remaining):
            cause = "field \(field) declares \(declared) bytes but only \(remaining) remain (truncated or corrupt length prefix)"
        case .invalidWireType(let field, let rawValue):
            cause = "field \(field) has invalid wire type \(rawValue)"
        case .invalidFieldNumber(let number):
            cause = "invalid field number \(number)"
        case .unexpectedWireType(let field, let name, let expected, let found):
            cause = "field \(field) (\(name)) has wire type \(found), expected \(expected)"
        case .invalidUTF8(let field, let name):
            cause = "field \(field) (\(name)) is not valid UTF-8"
        case .unmatchedEndGroup(let field):
            cause = "end-group tag for field \(field) without a matching start-group"
        case .unterminatedGroup(let field):
            cause = "group of field \(field) is not terminated before the message ends"
        case .nestingTooDeep(let limit):
            cause = "groups nested deeper than \(limit) levels"
        }
        return "\(path) at byte \(offset): \(cause)"
    }
}
