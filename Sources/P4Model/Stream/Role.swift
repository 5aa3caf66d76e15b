/// `p4.v1.Role`: the role a controller acts in; an absent role is the default role with full access.
public struct Role: Sendable, Hashable {
    /// Deprecated numeric role id.
    public var id: UInt64
    /// The role name (v1.4).
    public var name: String
    /// Role configuration in a scheme agreed between controller and server; nil when absent.
    public var config: ProtoAny?

    /// Creates a role.
    public init(id: UInt64 = 0, name: String = "", config: ProtoAny? = nil) {
        self.id = id
        self.name = name
        self.config = config
    }
}

/// `p4.v1.MasterArbitrationUpdate`: a controller's bid to be primary (request), or the server's advisory of the
/// arbitration state (response).
public struct MasterArbitrationUpdate: Sendable, Hashable {
    /// The device.
    public var deviceId: UInt64
    /// The role; nil for the default role.
    public var role: Role?
    /// The election id; nil when absent (a permanent backup), `Uint128()` is the set value 0.
    public var electionId: Uint128?
    /// In responses: OK to the primary, ALREADY_EXISTS / NOT_FOUND to backups.
    public var status: RPCStatus?

    /// Creates an arbitration update.
    public init(deviceId: UInt64 = 0, role: Role? = nil, electionId: Uint128? = nil, status: RPCStatus? = nil) {
        self.deviceId = deviceId
        self.role = role
        self.electionId = electionId
        self.status = status
    }
}
