import P4Model

/// Arbitration state of one device: every role that was ever used, by name (`""` is the default role).
struct ArbitrationState: Sendable {
    var roles: [String: RoleArbitration] = ["": RoleArbitration()]

    /// True when `role` exists: the default role always, others once a controller arbitrated for them.
    func isKnown(_ role: String) -> Bool { roles[role] != nil }
}
