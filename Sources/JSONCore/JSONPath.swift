/// A location inside a JSON document, for error messages: `updates[2].entity.tableEntry.match[0]`.
///
/// Keys that are not plain identifiers are written quoted in brackets (`["a b"]`). The root renders as `$`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// The steps from the root.
    public private(set) var components: [Component]

    /// The root path.
    public init(_ components: [Component] = []) { self.components = components }

    /// The root path.
    public static let root = JSONPath()

    /// Whether this is the root.
    public var isRoot: Bool { components.isEmpty }

    /// This path extended by an object member.
    public func appending(_ key: String) -> JSONPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    /// This path extended by an array index.
    public func appending(_ index: Int) -> JSONPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// Shorthand for ``appending(_:)-(String)``.
    public static func / (path: JSONPath, key: String) -> JSONPath { path.appending(key) }

    /// Shorthand for ``appending(_:)-(Int)``.
    public static func / (path: JSONPath, index: Int) -> JSONPath { path.appending(index) }

    /// `a.b[2].c`, `$` for the root, `["odd key"]` for non-identifier keys.
    public var description: String {
        if components.isEmpty { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .index(let i):
                text += "[\(i)]"
            case .key(let key):
                if Self.isIdentifier(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[" + JSONValue.string(key).serializedString() + "]"
                }
            }
        }
        return text
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "@")
        }
    }
}
