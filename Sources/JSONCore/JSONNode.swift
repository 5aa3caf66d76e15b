import CJansson
import Dispatch

/// A read-only view of one value inside a document parsed by ``JSONParser/withDocument(_:_:)``: hot decoders read
/// numbers, strings and members straight from jansson's tree instead of building a ``JSONValue`` per node.
///
/// A node borrows the document: it is valid only inside the `withDocument` body that produced it, on that thread.
/// Never store one or let it escape the body (the document is freed when the body returns). String and key bytes
/// are views of the same lifetime. ``value`` converts the node (and everything below it) into a ``JSONValue``.
public struct JSONNode {
    let raw: UnsafeMutablePointer<json_t>

    init(_ raw: UnsafeMutablePointer<json_t>) { self.raw = raw }

    /// Whether the node is `null`.
    public var isNull: Bool { raw.pointee.type == JSON_NULL }

    /// Whether the node is an object.
    public var isObject: Bool { raw.pointee.type == JSON_OBJECT }

    /// Whether the node is an array.
    public var isArray: Bool { raw.pointee.type == JSON_ARRAY }

    /// The value of a number written without fraction or exponent; nil for every other node.
    public var integer: Int64? {
        raw.pointee.type == JSON_INTEGER ? Int64(json_integer_value(raw)) : nil
    }

    /// The value of `true` or `false`; nil for every other node.
    public var bool: Bool? {
        switch raw.pointee.type {
        case JSON_TRUE: true
        case JSON_FALSE: false
        default: nil
        }
    }

    /// The UTF-8 bytes of a string (without quotes, escapes resolved; may contain NUL); nil for every other node.
    /// Valid as long as the node.
    public var stringBytes: UnsafeRawBufferPointer? {
        guard raw.pointee.type == JSON_STRING else { return nil }
        return UnsafeRawBufferPointer(start: json_string_value(raw), count: json_string_length(raw))
    }

    /// The number of elements of an array or members of an object; 0 for every other node.
    public var count: Int {
        switch raw.pointee.type {
        case JSON_ARRAY: json_array_size(raw)
        case JSON_OBJECT: json_object_size(raw)
        default: 0
        }
    }

    /// Element `index` of an array; nil when the node is not an array or `index` is out of bounds.
    public subscript(index: Int) -> JSONNode? {
        guard index >= 0, raw.pointee.type == JSON_ARRAY, let child = json_array_get(raw, index) else { return nil }
        return JSONNode(child)
    }

    /// The members of an object in document order (none for every other node).
    public var members: Members { Members(object: raw.pointee.type == JSON_OBJECT ? raw : nil) }

    /// The node as a ``JSONValue`` (a deep copy).
    public var value: JSONValue { JSONParser.value(of: raw) }

    /// The members of an object node, in document order.
    public struct Members: Sequence, IteratorProtocol {
        let object: UnsafeMutablePointer<json_t>?
        var iterator: UnsafeMutableRawPointer?

        init(object: UnsafeMutablePointer<json_t>?) {
            self.object = object
            iterator = object.flatMap { json_object_iter($0) }
        }

        /// The next member: its key (UTF-8, valid as long as the node) and value.
        public mutating func next() -> (key: JSONKey, value: JSONNode)? {
            guard let object, let current = iterator else { return nil }
            iterator = json_object_iter_next(object, current)
            guard let child = json_object_iter_value(current) else { return next() }
            let key = UnsafeRawBufferPointer(start: json_object_iter_key(current), count: json_object_iter_key_len(current))
            return (JSONKey(bytes: key), JSONNode(child))
        }
    }
}

/// The UTF-8 bytes of an object key inside a parsed document (same lifetime as the ``JSONNode`` it came from),
/// comparable with string literals without building a `String`.
public struct JSONKey {
    /// The key's bytes.
    public let bytes: UnsafeRawBufferPointer

    /// Wraps key bytes.
    @inlinable
    public init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether the key's bytes equal the literal's UTF-8.
    @inlinable
    public static func == (key: JSONKey, literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard key.bytes.count == count else { return false }
        let expected = literal.utf8Start
        for offset in 0..<count where key.bytes[offset] != expected[offset] { return false }
        return true
    }

    /// Pattern matching against literals in `switch` statements.
    @inlinable
    public static func ~= (literal: StaticString, key: JSONKey) -> Bool { key == literal }

    /// The key as a `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

extension JSONParser {
    /// Parses a buffer holding exactly one JSON value, with the same rules and errors as ``parse(_:)-(UnsafeRawBufferPointer)``,
    /// and calls `body` with a borrowed view of the root; the document is freed when `body` returns.
    public func withDocument<R>(_ bytes: UnsafeRawBufferPointer, _ body: (JSONNode) -> R) throws(JSONParseError) -> R {
        let root = try load(bytes)
        defer { json_decref(root) }
        return body(JSONNode(root))
    }
}

extension JSONNode {
    /// Array elements per parallel work item.
    static let elementsPerChunk = 64

    /// `transform` applied to every element of an array node, results in element order (empty for any other node).
    /// With `parallel` and enough elements, elements are visited on all cores: reading a parsed document from
    /// several threads is safe (nothing is written), but `transform` must not let its node escape.
    public func mapElements<T>(parallel: Bool = true, _ transform: @Sendable (_ index: Int, _ element: JSONNode) -> T)
        -> [T]
    {
        let count = raw.pointee.type == JSON_ARRAY ? json_array_size(raw) : 0
        let array = SharedDocument(array: raw)
        return parallelMap(count: count, perChunk: Self.elementsPerChunk, parallel: parallel) { index in
            // In bounds, so jansson returns the element.
            transform(index, json_array_get(array.array, index).map(JSONNode.init) ?? JSONNode(array.array))
        }
    }
}

/// Carries a read-only document into `parallelMap`'s concurrent chunks.
private struct SharedDocument: @unchecked Sendable {
    let array: UnsafeMutablePointer<json_t>
}
