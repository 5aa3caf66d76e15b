/// `p4.v1.SetForwardingPipelineConfigRequest`: installs, verifies or commits a pipeline.
public struct SetForwardingPipelineConfigRequest: Sendable, Hashable {
    /// `SetForwardingPipelineConfigRequest.Action`: what to do with the config.
    public enum Action: ProtoEnum {
        /// `UNSPECIFIED` (0): unset; invalid.
        case unspecified
        /// `VERIFY` (1): check that the config can be realized; change nothing.
        case verify
        /// `VERIFY_AND_SAVE` (2): check and save without touching forwarding state.
        case verifyAndSave
        /// `VERIFY_AND_COMMIT` (3): check, save and realize; forwarding state is cleared.
        case verifyAndCommit
        /// `COMMIT` (4): realize the last saved config, replaying writes made since the save.
        case commit
        /// `RECONCILE_AND_COMMIT` (5): check, save and realize while keeping forwarding state.
        case reconcileAndCommit
        /// A value with no name in the proto definition.
        case unrecognized(Int32)

        /// The case for `rawValue`.
        public init(rawValue: Int32) {
            switch rawValue {
            case 0: self = .unspecified
            case 1: self = .verify
            case 2: self = .verifyAndSave
            case 3: self = .verifyAndCommit
            case 4: self = .commit
            case 5: self = .reconcileAndCommit
            default: self = .unrecognized(rawValue)
            }
        }

        /// The numeric value.
        public var rawValue: Int32 {
            switch self {
            case .unspecified: 0
            case .verify: 1
            case .verifyAndSave: 2
            case .verifyAndCommit: 3
            case .commit: 4
            case .reconcileAndCommit: 5
            case .unrecognized(let value): value
            }
        }

        /// The named values in declaration order.
        public static let namedValues: [(value: Int32, name: String)] = [
            (0, "UNSPECIFIED"),
            (1, "VERIFY"),
            (2, "VERIFY_AND_SAVE"),
            (3, "VERIFY_AND_COMMIT"),
            (4, "COMMIT"),
            (5, "RECONCILE_AND_COMMIT"),
        ]
    }

    /// The device.
    public var deviceId: UInt64
    /// Deprecated numeric role id.
    public var roleId: UInt64
    /// The role name; empty for the default role.
    public var role: String
    /// The caller's election id; nil when absent.
    public var electionId: Uint128?
    /// What to do.
    public var action: Action
    /// The config; nil when absent (required except for COMMIT, which forbids it).
    public var config: ForwardingPipelineConfig?

    /// Creates a request.
    public init(
        deviceId: UInt64 = 0, roleId: UInt64 = 0, role: String = "", electionId: Uint128? = nil,
        action: Action = .unspecified, config: ForwardingPipelineConfig? = nil
    ) {
        self.deviceId = deviceId
        self.roleId = roleId
        self.role = role
        self.electionId = electionId
        self.action = action
        self.config = config
    }
}

/// `p4.v1.SetForwardingPipelineConfigResponse`: the (empty) answer of a successful set.
public struct SetForwardingPipelineConfigResponse: Sendable, Hashable {
    /// Creates the empty response.
    public init() {}
}
