import P4Device
import P4Model
import Synchronization

/// P4Runtime v1.5 semantics over any `P4Device`: devices by id, pipeline lifecycle, arbitration and roles,
/// validation of every entity against P4Info, atomicity modes, wildcard reads and stream sessions.
///
/// Every method is synchronous and thread-safe. Writes to one device are serialised; reads run concurrently with
/// them and see each write batch fully or not at all; read results are streamed to a callback without building
/// the whole answer and without holding any lock while the callback renders them.
///
/// Errors are `P4RuntimeError`s carrying canonical codes; a Write or Read batch with per-item failures throws
/// UNKNOWN with exactly one `P4Error` per update (or read entity), in request order, OK ones included.
public final class P4RuntimeService: Sendable {
    /// The P4Runtime version this service implements (`CapabilitiesResponse.p4runtime_api_version`).
    public static let apiVersion = "1.5.0"

    let clock: any Clock
    let configuration: ServiceConfiguration
    private let slots = Mutex<[UInt64: DeviceSlot]>([:])
    let sessionRegistry = Mutex(SessionRegistry())
    let counters = MetricCounters()

    /// Creates a service with no devices.
    public init(clock: any Clock = SystemClock(), configuration: ServiceConfiguration = ServiceConfiguration()) {
        self.clock = clock
        self.configuration = configuration
    }

    /// Hosts a device under `id`. A pipeline whose device config is empty runs on the built-in P4Info-only
    /// device; a non-empty device config goes to `target` (INVALID_ARGUMENT when there is none).
    ///
    /// - Throws: INVALID_ARGUMENT for id 0, ALREADY_EXISTS for an id already hosted.
    public func addDevice(id: UInt64, target: (any P4Device)? = nil) throws(P4RuntimeError) {
        if id == 0 { throw .invalidArgument("device_id 0 is not valid") }
        let added = slots.withLock { slots -> Bool in
            if slots[id] != nil { return false }
            slots[id] = DeviceSlot(id: id, target: target)
            return true
        }
        if !added { throw .alreadyExists("device \(id) is already hosted") }
    }

    /// The hosted device ids, ascending.
    public var deviceIds: [UInt64] { slots.withLock { $0.keys.sorted() } }

    /// The device with `id`, or NOT_FOUND.
    func slot(_ id: UInt64) throws(P4RuntimeError) -> DeviceSlot {
        if id == 0 { throw .invalidArgument("device_id 0 is not valid") }
        guard let slot = slots.withLock({ $0[id] }) else { throw .notFound("device \(id) is not known") }
        return slot
    }

    /// Every hosted device, by ascending id.
    func allSlots() -> [DeviceSlot] {
        slots.withLock { slots in slots.keys.sorted().compactMap { slots[$0] } }
    }

    /// The checked P4Info reads and writes of the device refer to (the saved one after VERIFY_AND_SAVE), for
    /// adapters that translate names (`P4InfoIndex` in `schema.index`) or need widths; nil before any pipeline.
    ///
    /// - Throws: NOT_FOUND for an unknown device.
    public func pipelineSchema(deviceId: UInt64) throws(P4RuntimeError) -> PipelineSchema? {
        let slot = try slot(deviceId)
        return slot.state.withLock { $0.active?.schema }
    }

    /// A snapshot of the service's counters.
    public var metrics: ServiceMetrics {
        var metrics = ServiceMetrics()
        metrics.writes = counters.writes.load(ordering: .relaxed)
        metrics.updates = counters.updates.load(ordering: .relaxed)
        metrics.failedUpdates = counters.failedUpdates.load(ordering: .relaxed)
        metrics.reads = counters.reads.load(ordering: .relaxed)
        metrics.readEntities = counters.readEntities.load(ordering: .relaxed)
        metrics.eventsLost = counters.eventsLost.load(ordering: .relaxed)
        metrics.idleTimeoutNotifications = counters.idleTimeoutNotifications.load(ordering: .relaxed)
        metrics.openSessions = sessionRegistry.withLock { $0.open.count }
        return metrics
    }

    // MARK: Capabilities

    /// `Capabilities`: the API version; with a device id (v1.5) also checks the device exists.
    ///
    /// - Throws: NOT_FOUND for an unknown device id.
    public func capabilities(_ request: CapabilitiesRequest) throws(P4RuntimeError) -> CapabilitiesResponse {
        if request.deviceId != 0 { _ = try slot(request.deviceId) }
        return CapabilitiesResponse(p4runtimeApiVersion: Self.apiVersion)
    }

    /// What the device can do with its current pipeline (nil before any pipeline), for the capabilities endpoint.
    ///
    /// - Throws: NOT_FOUND for an unknown device id.
    public func deviceCapabilities(deviceId: UInt64) throws(P4RuntimeError) -> DeviceCapabilities? {
        let slot = try slot(deviceId)
        return slot.state.withLock { $0.active?.capabilities }
    }
}
