import P4Device
import P4Model
import SWX

/// The control-plane side of the running pipeline that the engine does not hold: which spec entries realise each
/// P4Runtime entry, and the dense id maps of action profiles. A ROLLBACK_ON_ERROR transaction restores it from
/// one `UndoRecord` per operation (the engine is undone step by step).
struct TargetState: Sendable {
    /// One P4Runtime table entry as installed.
    struct Installed: Sendable {
        /// The spec matches (several for an expanded range).
        var matches: [SpecEntryMatch]
        /// The spec action every match carries.
        var action: SpecEntryAction
        /// The hidden group and members of a one-shot action set.
        var oneShot: OneShot?
        /// The engine entry ids of `matches` (the direct counter and meter cells), for tables with a direct counter
        /// or meter or that track hits.
        var ids: [UInt32] = []
        /// The direct meter's config (nil: the default, all green), for tables with a direct meter.
        var meterConfig: MeterConfig? = nil
    }

    /// The hidden selector group and members realising a one-shot action set.
    struct OneShot: Sendable {
        var group: UInt32?
        var members: [(dense: UInt32, action: SpecEntryAction)]
    }

    /// One action profile's dense id maps.
    struct Profile: Sendable {
        var members: [ActionProfileMemberID: (dense: UInt32, action: Action)] = [:]
        var groups: [ActionProfileGroupID: UInt32] = [:]
        var memberPool: DensePool
        var groupPool: DensePool
    }

    /// The configs of an indirect meter's cells: one for every cell plus those set individually.
    struct MeterCells: Sendable {
        var fill: MeterConfig?
        var cells: [Int64: MeterConfig?] = [:]

        subscript(index: Int64) -> MeterConfig? { cells[index] ?? fill }
    }

    var entries: [TableID: InstalledTable] = [:]
    var meters: [MeterID: MeterCells] = [:]
    var profiles: [ActionProfileID: Profile] = [:]
    /// Learner keys the controller wrote, so reads of data-plane entries do not list them twice.
    var controllerLearnerKeys: [TableID: Set<[UInt8]>] = [:]
    /// Engine ids by handle for the tables that track hits (NOTIFY_CONTROL), see `SoftwareTargetDevice+IdleTimeout`.
    var idle: [TableID: IdleHitIndex] = [:]

    /// Every action profile's member and group id pools (see `apply`).
    var pools: [ActionProfileID: (members: DensePool, groups: DensePool)] {
        profiles.mapValues { ($0.memberPool, $0.groupPool) }
    }

    /// Puts back pools taken with `pools`.
    mutating func restorePools(_ pools: [ActionProfileID: (members: DensePool, groups: DensePool)]) {
        for (id, pool) in pools {
            profiles[id]?.memberPool = pool.members
            profiles[id]?.groupPool = pool.groups
        }
    }

    init(binding: PipelineBinding) {
        idle = Self.idleIndexes(binding)
        for (id, profile) in binding.profiles {
            profiles[id] = Profile(memberPool: DensePool(first: 1, limit: profile.memberIdLimit),
                                   groupPool: DensePool(first: 0, limit: max(profile.groupIdLimit, 0)))
        }
    }
}
