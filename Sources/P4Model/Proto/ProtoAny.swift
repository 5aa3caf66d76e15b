/// A `google.protobuf.Any`: a type URL and the packed message.
///
/// p4rtd never needs to understand the packed message of an Any it merely stores (extern entries, `Role.config`,
/// P4Info `other_properties`), so the content is kept as given: either the serialized binary bytes (text format's
/// `type_url: … value: "…"` form) or an expanded message tree (text format's `[type.googleapis.com/…] { … }`, the
/// JSON form with `@type`).
public struct ProtoAny: Sendable, Hashable {
    /// The content of an Any.
    public enum Content: Sendable, Hashable {
        /// The packed message's protobuf binary encoding.
        case binary([UInt8])
        /// The packed message as a field tree.
        case message(ProtoMessage)
    }

    /// The type URL, e.g. `type.googleapis.com/p4.v1.Error`.
    public var typeURL: String
    /// The packed message.
    public var content: Content

    /// Creates an Any.
    public init(typeURL: String, content: Content) {
        self.typeURL = typeURL
        self.content = content
    }

    /// The fully-qualified message name: the part of `typeURL` after its last `/`.
    public var typeName: Substring {
        guard let slash = typeURL.lastIndex(of: "/") else { return typeURL[...] }
        return typeURL[typeURL.index(after: slash)...]
    }
}
