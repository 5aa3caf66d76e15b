import P4Device
import P4Model

/// What one Read works on: a consistent copy of the control-plane store (copy-on-write, taken under the device
/// lock and read without it) and the device for data-plane volatile values.
struct ReadView: Sendable {
    let store: ControlPlaneStore
    let installed: InstalledPipeline
    /// True while a saved pipeline awaits COMMIT: the device does not run it, so volatile values are unavailable.
    let isSaved: Bool

    var schema: PipelineSchema { store.schema }
    var device: any P4Device { installed.device }
    var capabilities: DeviceCapabilities { installed.capabilities }
}
