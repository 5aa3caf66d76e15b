/// A protobuf message as an ordered tree of named fields, independent of its source syntax.
///
/// The text-format parser (`TextFormat`) and the JSON layer both produce this tree; the schema-aware builders
/// (e.g. `P4Info.init(message:encoding:)`) turn it into typed values. Field order and repetition are kept exactly as
/// written: a repeated field appears once per element (or as one `.list` value in text format's `[a, b]` syntax).
public struct ProtoMessage: Sendable, Hashable {
    /// The fields in source order.
    public var fields: [ProtoField]

    /// Creates a message from its fields.
    public init(_ fields: [ProtoField] = []) { self.fields = fields }

    /// True when the message has no fields (`{}`), which is still a present message.
    public var isEmpty: Bool { fields.isEmpty }

    /// Appends a field.
    public mutating func append(_ name: String, _ value: ProtoValue, at position: SourcePosition? = nil) {
        fields.append(ProtoField(name: name, value: value, position: position))
    }
}

/// One field occurrence of a `ProtoMessage`.
///
/// Equality and hashing consider the name and value only: the source position is where the field was written,
/// not part of its content.
public struct ProtoField: Sendable, Hashable {
    /// The field name as written: a proto field name (`table_id`), its JSON name (`tableId`), or a map key when the
    /// message is a JSON object standing for a proto map.
    public var name: String
    /// The value.
    public var value: ProtoValue
    /// Where the field's name starts in the source, when it came from text.
    public var position: SourcePosition?

    /// Creates a field.
    public init(name: String, value: ProtoValue, position: SourcePosition? = nil) {
        self.name = name
        self.value = value
        self.position = position
    }

    /// Compares name and value, ignoring positions.
    public static func == (lhs: ProtoField, rhs: ProtoField) -> Bool { lhs.name == rhs.name && lhs.value == rhs.value }

    /// Hashes name and value, ignoring positions.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(value)
    }
}

/// A one-based line and column (in bytes) in a source text.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Line number, starting at 1.
    public var line: Int
    /// Column number in bytes, starting at 1.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders positions by line, then column.
    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}
