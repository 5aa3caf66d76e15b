import P4Model

/// One expire-time profile of a learner (add-on-miss) table set to a new value: profile `profile` arms entries for
/// `seconds` from now on.
public struct LearnerTimeoutChange: Sendable, Hashable {
    /// The profile id (the index in the table's `timeout` list, as `expire_time_profile_id` names it).
    public var profile: Int
    /// The new expiry in seconds (at least 1).
    public var seconds: UInt32

    /// A change of one profile.
    public init(profile: Int, seconds: UInt32) {
        self.profile = profile
        self.seconds = seconds
    }
}

extension P4Device {
    /// Answers UNIMPLEMENTED: devices without add-on-miss tables (the P4Info-only device) have no expire-time
    /// profiles.
    public func learnerTimeouts(_ table: TableID) throws(P4RuntimeError) -> [UInt32] {
        throw .unimplemented("table \(table): this device has no add-on-miss tables, so no expire-time profiles")
    }

    /// Answers UNIMPLEMENTED, like `learnerTimeouts`.
    public func setLearnerTimeouts(_ table: TableID, _ changes: [LearnerTimeoutChange]) throws(P4RuntimeError) {
        throw .unimplemented("table \(table): this device has no add-on-miss tables, so no expire-time profiles")
    }
}
