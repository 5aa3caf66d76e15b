/// A bounds-checked cursor over protobuf wire-format bytes: reads tags, varints, fixed-width values and
/// length-delimited payloads, and skips unknown fields.
///
/// The reader never traps on malformed input: every read checks the remaining length of the current message
/// and throws a `ProtobufError` naming the message path and the byte offset. Nested messages get their own
/// reader over a sub-range of the same buffer (no copy), so offsets in errors are always relative to the
/// outermost buffer.
public struct ProtobufReader: Sendable {
    /// One decoded field tag.
    public struct Tag: Equatable, Sendable {
        /// The field number (1 ... 2^29 - 1).
        public let fieldNumber: Int
        /// How the value that follows is encoded.
        public let wireType: WireType
        /// Offset of the tag's first byte in the outermost buffer.
        public let offset: Int
    }

    /// Groups may nest; this bounds the work a hostile input can cause when skipping them.
    public static let maximumGroupDepth = 64

    private let buffer: [UInt8]
    private let end: Int
    /// Offset of the next unread byte in the outermost buffer.
    public private(set) var position: Int
    /// The message path used in errors, e.g. `BfPipelineConfig.profiles[0]`.
    public let path: String

    /// A reader over all of `bytes`, reporting errors under `path`.
    public init(_ bytes: [UInt8], path: String) {
        self.buffer = bytes
        self.position = 0
        self.end = bytes.count
        self.path = path
    }

    private init(buffer: [UInt8], range: Range<Int>, path: String) {
        self.buffer = buffer
        self.position = range.lowerBound
        self.end = range.upperBound
        self.path = path
    }

    /// True when every byte of the current message has been consumed.
    public var isAtEnd: Bool { position >= end }

    /// Reads the next tag, or returns nil at the end of the message.
    public mutating func nextTag() throws(ProtobufError) -> Tag? {
        guard position < end else { return nil }
        let start = position
        let key = try readVarint()
        let number = key >> 3
        guard number >= 1, number <= (1 << 29) - 1 else {
            throw ProtobufError(path: path, offset: start, reason: .invalidFieldNumber(number))
        }
        let raw = UInt8(truncatingIfNeeded: key & 7)
        guard let wireType = WireType(rawValue: raw) else {
            throw ProtobufError(path: path, offset: start, reason: .invalidWireType(field: Int(number), rawValue: raw))
        }
        return Tag(fieldNumber: Int(number), wireType: wireType, offset: start)
    }

    /// Reads a base-128 varint (at most ten bytes).
    public mutating func readVarint() throws(ProtobufError) -> UInt64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ProtobufError(path: path, offset: start, reason: .truncatedVarint) }
            guard shift < 70 else { throw ProtobufError(path: path, offset: start, reason: .varintTooLong) }
            let byte = buffer[position]
            position += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// Reads a little-endian 32-bit value.
    public mutating func readFixed32() throws(ProtobufError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readLittleEndian(width: 4))
    }

    /// Reads a little-endian 64-bit value.
    public mutating func readFixed64() throws(ProtobufError) -> UInt64 {
        try readLittleEndian(width: 8)
    }

    private mutating func readLittleEndian(width: Int) throws(ProtobufError) -> UInt64 {
        guard end - position >= width else {
            throw ProtobufError(path: path, offset: position, reason: .truncatedFixed(width: width))
        }
        var value: UInt64 = 0
        for index in 0..<width {
            value |= UInt64(buffer[position + index]) << (8 * UInt64(index))
        }
        position += width
        return value
    }

    /// Reads the length prefix of `tag`'s payload and returns the payload's range, leaving the reader after it.
    public mutating func readLengthDelimited(_ tag: Tag) throws(ProtobufError) -> Range<Int> {
        let lengthOffset = position
        let declared = try readVarint()
        let remaining = end - position
        guard declared <= UInt64(remaining) else {
            throw ProtobufError(
                path: path, offset: lengthOffset,
                reason: .lengthExceedsRemaining(field: tag.fieldNumber, declared: declared, remaining: remaining))
        }
        let range = position..<(position + Int(declared))
        position = range.upperBound
        return range
    }

    /// Reads a length-delimited payload as bytes.
    public mutating func readBytes(_ tag: Tag) throws(ProtobufError) -> [UInt8] {
        Array(buffer[try readLengthDelimited(tag)])
    }

    /// Reads a length-delimited payload as a strict UTF-8 string; `name` is the field name used in errors.
    public mutating func readString(_ tag: Tag, name: String) throws(ProtobufError) -> String {
        let range = try readLengthDelimited(tag)
        guard let text = String(validating: buffer[range], as: UTF8.self) else {
            throw ProtobufError(path: path, offset: range.lowerBound, reason: .invalidUTF8(field: tag.fieldNumber, name: name))
        }
        return text
    }

    /// A reader over the embedded message that `tag` introduces, reporting errors under `childPath`.
    public mutating func readMessage(_ tag: Tag, childPath: String) throws(ProtobufError) -> ProtobufReader {
        let range = try readLengthDelimited(tag)
        return ProtobufReader(buffer: buffer, range: range, path: childPath)
    }

    /// Throws unless `tag` has the wire type the declaration of field `name` requires.
    public func expect(_ tag: Tag, _ wireType: WireType, name: String) throws(ProtobufError) {
        guard tag.wireType == wireType else {
            throw ProtobufError(
                path: path, offset: tag.offset,
                reason: .unexpectedWireType(field: tag.fieldNumber, name: name, expected: wireType, found: tag.wireType))
        }
    }

    /// Skips the value of an unknown field (including a whole group, nested groups and all).
    public mutating func skip(_ tag: Tag) throws(ProtobufError) {
        var openGroups: [Int] = []
        var current = tag
        while true {
            switch current.wireType {
            case .varint: _ = try readVarint()
            case .fixed64: _ = try readFixed64()
            case .fixed32: _ = try readFixed32()
            case .lengthDelimited: _ = try readLengthDelimited(current)
            case .startGroup:
                guard openGroups.count < Self.maximumGroupDepth else {
                    throw ProtobufError(path: path, offset: current.offset, reason: .nestingTooDeep(limit: Self.maximumGroupDepth))
                }
                openGroups.append(current.fieldNumber)
            case .endGroup:
                guard openGroups.last == current.fieldNumber else {
                    throw ProtobufError(path: path, offset: current.offset, reason: .unmatchedEndGroup(field: current.fieldNumber))
                }
                openGroups.removeLast()
            }
            guard let open = openGroups.last else { return }
            guard let next = try nextTag() else {
                throw ProtobufError(path: path, offset: position, reason: .unterminatedGroup(field: open))
            }
            current = next
        }
    }
}
