/// `p4.v1.ExternEntry`: an entry of an architecture-specific extern, packed in an Any.
public struct ExternEntry: Sendable, Hashable {
    /// The extern type (0x81…0xfe).
    public var externTypeId: ExternTypeID
    /// The instance within the type; 0 in a read means all instances.
    public var externId: ExternInstanceID
    /// The architecture-specific entry; nil when absent.
    public var entry: ProtoAny?

    /// Creates an extern entry.
    public init(externTypeId: ExternTypeID = 0, externId: ExternInstanceID = 0, entry: ProtoAny? = nil) {
        self.externTypeId = externTypeId
        self.externId = externId
        self.entry = entry
    }
}
