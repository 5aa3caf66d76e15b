/// The pipeline-wide set of named meter profiles (`rte_swx_ctl_meter_profile_add/delete`). Meters refer to a
/// profile by name; a profile in use by any meter cannot be deleted.
public final class MeterProfileRegistry: @unchecked Sendable {
    struct Record {
        var name: String
        var profile: MeterProfile
        var users: Int
    }

    /// The clock rate the profiles are derived for (10^9: nanoseconds).
    public let ticksPerSecond: UInt64
    var records: [Record] = []

    /// An empty registry for a clock of `ticksPerSecond` ticks.
    public init(ticksPerSecond: UInt64 = 1_000_000_000) {
        self.ticksPerSecond = ticksPerSecond
    }

    /// Adds profile `name`. Throws `alreadyExists` when the name is taken, `invalidArgument` for bad parameters
    /// or an empty name.
    public func add(name: String, parameters: MeterProfileParameters) throws(SWXRuntimeError) {
        guard !name.isEmpty else { throw .invalidArgument("meter profile: empty name") }
        guard index(of: name) == nil else {
            throw .alreadyExists("meter profile \(name) already exists", entryID: 0)
        }
        let profile: MeterProfile
        do { profile = try MeterProfile(parameters, ticksPerSecond: ticksPerSecond) } catch {
            throw .invalidArgument("meter profile \(name): \(error.message)")
        }
        records.append(Record(name: name, profile: profile, users: 0))
    }

    /// Deletes profile `name`. Throws `notFound`, or `failedPrecondition` while meters use it.
    public func delete(name: String) throws(SWXRuntimeError) {
        guard let i = index(of: name) else { throw .notFound("meter profile \(name) does not exist") }
        guard records[i].users == 0 else {
            throw .failedPrecondition("meter profile \(name) is used by \(records[i].users) meter(s)")
        }
        records.remove(at: i)
    }

    /// The profile called `name`, or nil.
    public func profile(named name: String) -> MeterProfile? {
        index(of: name).map { records[$0].profile }
    }

    /// Number of meters using profile `name` (0 when absent).
    public func users(of name: String) -> Int {
        index(of: name).map { records[$0].users } ?? 0
    }

    /// Profile names in the order they were added.
    public var names: [String] { records.map(\.name) }

    func index(of name: String) -> Int? { records.firstIndex { $0.name == name } }

    func retain(_ name: String) {
        if let i = index(of: name) { records[i].users += 1 }
    }

    func release(_ name: String) {
        if let i = index(of: name), records[i].users > 0 { records[i].users -= 1 }
    }
}
