import P4Model

/// Arbitration state of one (device, role): P4Runtime v1.5 §5.3.
///
/// The primary is the live session whose election id is at least the highest id ever seen for the role; that
/// highest id is never lowered when the primary leaves (no promotion of a backup).
struct RoleArbitration: Sendable {
    /// The highest election id ever seen for this role; nil when no controller ever sent one.
    var highestElectionId: Uint128?
    /// The current primary, if any.
    var primary: StreamSession?
    /// The latest `role.config` received from a primary.
    var roleConfig: ProtoAny?
    /// Live sessions bound to this role, in arrival order.
    var sessions: [StreamSession] = []

    /// The election id of the current primary.
    var primaryElectionId: Uint128? { primary?.binding?.electionId }
}
