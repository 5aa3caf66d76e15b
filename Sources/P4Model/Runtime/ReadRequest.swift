/// `p4.v1.ReadRequest`: entities to read, each possibly with wildcards.
public struct ReadRequest: Sendable, Hashable {
    /// The target device.
    public var deviceId: UInt64
    /// The role whose view is read; empty for the default role.
    public var role: String
    /// The entities (or wildcard patterns) to read, in request order.
    public var entities: [Entity]

    /// Creates a request.
    public init(deviceId: UInt64 = 0, role: String = "", entities: [Entity] = []) {
        self.deviceId = deviceId
        self.role = role
        self.entities = entities
    }
}

/// `p4.v1.ReadResponse`: one chunk of read results (a read may answer with several).
public struct ReadResponse: Sendable, Hashable {
    /// The entities read.
    public var entities: [Entity]

    /// Creates a response.
    public init(entities: [Entity] = []) { self.entities = entities }
}
