/// A JSON document as a Swift value.
///
/// Numbers keep the distinction the text made: a literal without fraction or exponent is an ``integer`` (it must
/// fit `Int64`), anything else is a ``double``. Objects keep their members in the order they were written (see
/// ``JSONObject``). Equality is structural and order-sensitive for object members; `integer(1)` and `double(1)`
/// are different values.
public enum JSONValue: Sendable, Equatable {
    /// The literal `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent, within `Int64`.
    case integer(Int64)
    /// Any other number. Non-finite values serialize as `null` (JSON cannot express them).
    case double(Double)
    /// A string (may contain U+0000).
    case string(String)
    /// An array, in order.
    case array([JSONValue])
    /// An object with ordered, unique keys.
    case object(JSONObject)
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `nil` literal → ``null``.
    public init(nilLiteral: ()) { self = .null }
    /// Boolean literal → ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// Integer literal → ``integer(_:)``.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// Float literal → ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// String literal → ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Array literal → ``array(_:)``.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Dictionary literal → ``object(_:)`` with members in literal order.
    /// A literal with a repeated key is a programming error and traps.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(uniqueKeysWithValues: elements))
    }
}
