/// `p4.v1.Update`: one change in a `WriteRequest`.
public struct Update: Sendable, Hashable {
    /// What to do.
    public var type: UpdateType
    /// The entity to insert, modify or delete; nil when absent (invalid).
    public var entity: Entity?

    /// Creates an update.
    public init(type: UpdateType = .unspecified, entity: Entity? = nil) {
        self.type = type
        self.entity = entity
    }
}
