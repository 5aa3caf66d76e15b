/// `p4.v1.WriteRequest`: a batch of updates from the primary controller of (`deviceId`, `role`).
public struct WriteRequest: Sendable, Hashable {
    /// The target device; 0 is never valid.
    public var deviceId: UInt64
    /// Deprecated numeric role id (`role_id`); kept so it can be rejected or ignored deliberately.
    public var roleId: UInt64
    /// The role name; empty for the default role (full pipeline access).
    public var role: String
    /// The writer's election id; nil when absent, which no primary can have.
    public var electionId: Uint128?
    /// The updates, in request order.
    public var updates: [Update]
    /// How the batch is applied.
    public var atomicity: Atomicity

    /// Creates a request.
    public init(
        deviceId: UInt64 = 0, roleId: UInt64 = 0, role: String = "", electionId: Uint128? = nil,
        updates: [Update] = [], atomicity: Atomicity = .continueOnError
    ) {
        self.deviceId = deviceId
        self.roleId = roleId
        self.role = role
        self.electionId = electionId
        self.updates = updates
        self.atomicity = atomicity
    }
}

/// `p4.v1.WriteResponse`: the (empty) answer of a fully successful `Write`.
public struct WriteResponse: Sendable, Hashable {
    /// Creates the empty response.
    public init() {}
}
