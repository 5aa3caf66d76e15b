import P4Device
import P4Model
import SWX

/// An action profile or selector bound to p4c-dpdk's split: the member table (keyed by a dense member id, holding
/// the members' actions) and, for a selector, the selector mapping dense group ids to dense member ids.
struct ProfileBinding: Sendable {
    /// The P4Info profile.
    var schema: ActionProfileSchema
    /// The member table (index into `SpecProgram.tables`).
    var memberTable: Int
    /// The member table's name.
    var memberTableName: String
    /// Where the dense member id goes in the member table's key window.
    var memberKey: FieldPlacement
    /// The member table's key window size.
    var memberKeySize: Int
    /// Member actions by P4Info id.
    var actions: [ActionID: ActionBinding]
    /// The selector (index into `SpecProgram.selectors`) and its name, for action selectors.
    var selector: (index: Int, name: String)?
    /// Dense member ids must stay below this (the selector's `n_members_per_group_max`, or the member table size).
    var memberIdLimit: UInt32
    /// Dense group ids must stay below this (`n_groups_max`).
    var groupIdLimit: UInt32
    /// Slots per group (the selector's `n_members_per_group_max`).
    var slotsPerGroup: Int
}

/// Indexed counters, registers and meters bound to regarrays and metarrays.
struct ExternBinding: Sendable {
    /// A counter's regarrays: packets and/or bytes.
    struct Counter: Sendable {
        var packets: String?
        var bytes: String?
        var size: Int64
    }

    var counters: [CounterID: Counter] = [:]
    var registers: [RegisterID: (name: String, size: Int64, bits: Int)] = [:]
    var meters: [MeterID: (name: String, size: Int64)] = [:]
}
