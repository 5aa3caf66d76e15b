import P4Device
import P4Model
import Synchronization

/// A pipeline installed (or saved) on a device: which device realises it and the device's prepared form.
struct InstalledPipeline: Sendable {
    let device: any P4Device
    let pipeline: any DevicePipeline
    var schema: PipelineSchema { pipeline.schema }
    var capabilities: DeviceCapabilities { pipeline.capabilities }
}

/// The pipeline lifecycle and control-plane store of one device, guarded by `DeviceSlot.state`.
struct DeviceState: Sendable {
    /// The pipeline realised on the device.
    var committed: InstalledPipeline?
    /// A pipeline saved by VERIFY_AND_SAVE and not yet committed; reads and writes refer to it.
    var saved: InstalledPipeline?
    /// The store of the pipeline reads and writes refer to (`saved ?? committed`).
    var store: ControlPlaneStore?
    /// Device operations of writes accepted since VERIFY_AND_SAVE, replayed by COMMIT.
    var replayLog: [DeviceOperation] = []

    /// The pipeline reads and writes refer to.
    var active: InstalledPipeline? { saved ?? committed }
}

/// One device the server hosts: its id, its target (for non-empty device configs), the P4Info-only device (for
/// empty ones), pipeline state, arbitration and event routing.
final class DeviceSlot: Sendable {
    let id: UInt64
    let target: (any P4Device)?
    let infoOnly = InfoOnlyDevice()
    /// Pipeline and store; a write holds it for its whole batch, a read only to take a snapshot.
    let state = Mutex(DeviceState())
    let arbitration = Mutex(ArbitrationState())
    let digests = Mutex(DigestState())

    init(id: UInt64, target: (any P4Device)?) {
        self.id = id
        self.target = target
    }
}
