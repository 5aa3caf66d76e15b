import P4Model

/// A pipeline a device has verified and can commit: the config, its schema and whatever the device prepared.
///
/// Devices return their own conforming type from `P4Device.verify`; the service keeps it opaque and hands it back
/// to `commit` (possibly much later, for VERIFY_AND_SAVE then COMMIT).
public protocol DevicePipeline: AnyObject, Sendable {
    /// The config as given, kept byte for byte for `GetForwardingPipelineConfig`.
    var config: ForwardingPipelineConfig { get }
    /// The checked, indexed P4Info.
    var schema: PipelineSchema { get }
    /// What the device can do with this pipeline loaded.
    var capabilities: DeviceCapabilities { get }
    /// Tables whose entries the data plane adds or removes by itself (learner / add-on-miss tables): reads
    /// include `P4Device.readDataPlaneEntries`, and a DELETE of an entry the service did not write goes to the
    /// device as `DeviceOperation.deleteDataPlaneEntry`.
    var dataPlaneManagedTables: Set<TableID> { get }
}

extension DevicePipeline {
    /// No table is managed by the data plane unless the device says so.
    public var dataPlaneManagedTables: Set<TableID> { [] }
}

/// How a committed pipeline treats the forwarding state of the previous one.
public enum PipelineCommitMode: Sendable, Hashable {
    /// Clear everything: tables, profiles, cells (VERIFY_AND_COMMIT, COMMIT).
    case replace
    /// Keep data-plane volatile state of indexed objects whose id and shape are unchanged (counter, meter and
    /// register cells); table entries, members and groups are cleared and then replayed by the service in one
    /// transaction, with their direct counter values and meter configs (RECONCILE_AND_COMMIT).
    case reconcile
}
