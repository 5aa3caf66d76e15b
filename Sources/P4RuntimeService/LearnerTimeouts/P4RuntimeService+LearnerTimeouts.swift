import P4Device
import P4Model

extension P4RuntimeService {
    /// The expire-time profiles (seconds per profile id) of add-on-miss table `table` on the device's running
    /// pipeline. A read: no arbitration, like `Read`.
    ///
    /// - Throws: NOT_FOUND for an unknown device or a table the P4Info lacks, FAILED_PRECONDITION before a pipeline
    ///   is committed, INVALID_ARGUMENT for a table that is not add-on-miss, UNIMPLEMENTED when the device has no
    ///   learner tables (the P4Info-only device).
    public func learnerTimeouts(deviceId: UInt64, table: TableID) throws(P4RuntimeError) -> [UInt32] {
        let device = try committedDevice(deviceId, table: table)
        return try device.learnerTimeouts(table)
    }

    /// Sets expire-time profiles of add-on-miss table `table` (all of them or none) and returns the profiles
    /// afterwards. A write: the caller must be primary for `role`, or send no election id while no controller is
    /// (the single-controller default), as for `Write`.
    ///
    /// - Throws: as `learnerTimeouts`, PERMISSION_DENIED / NOT_FOUND from arbitration, INVALID_ARGUMENT for an empty
    ///   change list, a profile id out of range or 0 seconds (naming `timeouts[i]`).
    public func setLearnerTimeouts(
        deviceId: UInt64, table: TableID, _ changes: [(profile: Int, seconds: UInt32)], role: String = "", electionId: Uint128? = nil
    ) throws(P4RuntimeError) -> [UInt32] {
        let slot = try slot(deviceId)
        try authorize(slot, role: role, electionId: electionId)
        guard !changes.isEmpty else { throw .invalidArgument("timeouts: give at least one profile to set") }
        var seen = Set<Int>()
        for (position, change) in changes.enumerated() where !seen.insert(change.profile).inserted {
            throw .invalidArgument("timeouts[\(position)].profile: profile \(change.profile) is given twice")
        }
        let device = try committedDevice(deviceId, table: table)
        try device.setLearnerTimeouts(table, changes.map { LearnerTimeoutChange(profile: $0.profile, seconds: $0.seconds) })
        return try device.learnerTimeouts(table)
    }

    /// The device realising the committed pipeline, after checking `table` is in its P4Info.
    private func committedDevice(_ deviceId: UInt64, table: TableID) throws(P4RuntimeError) -> any P4Device {
        let slot = try slot(deviceId)
        let installed = slot.state.withLock { $0.committed }
        guard let installed else {
            throw .failedPrecondition("device \(deviceId) has no committed forwarding pipeline; set one first")
        }
        guard installed.schema.index.table(table) != nil else {
            throw .notFound("table \(table) is not in the P4Info of device \(deviceId)")
        }
        return installed.device
    }
}
