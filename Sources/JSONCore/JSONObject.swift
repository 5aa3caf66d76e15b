/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member name.
    public var key: String
    /// The member value.
    public var value: JSONValue

    /// Creates a member.
    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object: members in the order they were written, keys unique, with keyed lookup.
///
/// Small objects are searched linearly; objects with more than ``indexThreshold`` members carry a key index.
/// Equality compares the member lists in order.
public struct JSONObject: Sendable, Equatable {
    /// Member count above which a key index is kept.
    public static let indexThreshold = 12

    /// The members, in document order.
    public private(set) var members: [JSONMember]
    private var index: [String: Int]?

    /// An empty object.
    public init() {
        members = []
        index = nil
    }

    /// Creates an object from members; throws ``JSONDuplicateKeyError`` naming the first repeated key.
    public init(members: [JSONMember]) throws(JSONDuplicateKeyError) {
        self.init()
        self.members.reserveCapacity(members.count)
        for member in members {
            if self.position(of: member.key) != nil { throw JSONDuplicateKeyError(key: member.key) }
            append(member)
        }
    }

    /// Creates an object from key/value pairs that the caller guarantees to be unique (traps otherwise: use it
    /// for literals and code-built objects, not for input).
    public init(uniqueKeysWithValues pairs: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in pairs {
            precondition(position(of: key) == nil, "duplicate JSON object key \(key)")
            append(JSONMember(key: key, value: value))
        }
    }

    /// Number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The keys in document order.
    public var keys: [String] { members.map(\.key) }

    /// The position of `key` in ``members``, or nil.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    /// The value of `key`, or nil when absent. Setting a value replaces it in place or appends a new member;
    /// setting nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = position(of: key) else { return nil }
            return members[i].value
        }
        set {
            if let i = position(of: key) {
                if let newValue {
                    members[i].value = newValue
                } else {
                    members.remove(at: i)
                    rebuildIndex()
                }
            } else if let newValue {
                append(JSONMember(key: key, value: newValue))
            }
        }
    }

    /// Whether `key` is present.
    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    private mutating func append(_ member: JSONMember) {
        members.append(member)
        if index != nil {
            index?[member.key] = members.count - 1
        } else if members.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard members.count > Self.indexThreshold else {
            index = nil
            return
        }
        var built: [String: Int] = [:]
        built.reserveCapacity(members.count)
        for (i, member) in members.enumerated() { built[member.key] = i }
        index = built
    }

    /// Order-sensitive equality of the member lists.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }
}

/// A key appeared twice in one object built from members.
public struct JSONDuplicateKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The repeated key.
    public let key: String
    /// Creates the error for `key`.
    public init(key: String) { self.key = key }
    /// "duplicate object key 'k'".
    public var description: String { "duplicate object key '\(key)'" }
}
