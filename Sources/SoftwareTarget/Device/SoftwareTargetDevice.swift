import P4Device
import P4Model
import Ports
import SWX
import Synchronization

/// The software target: a `P4Device` that runs p4c-dpdk `.spec` programs on the SWX engine with real ports.
///
/// - Pipelines: `p4_device_config` is a JSON object with the `.spec` (and optional context.json, bfrt/tdi.json),
///   IPDK's binary `BfPipelineConfig`/`TdiDeviceConfig`, or bare `.spec` text (`PipelineSource`). P4Info objects
///   bind to spec objects through context.json when present, else through p4c-dpdk's naming rules.
/// - Entries go into the engine at once, one engine commit per operation, while the device lock keeps packet
///   bursts out until the transaction ends: so every atomicity mode holds (DATAPLANE_ATOMIC: no burst sees half a
///   batch; ROLLBACK_ON_ERROR: `abort` undoes the engine changes step by step and restores the maps).
/// - Action profiles and selectors use p4c-dpdk's split (base table + selector + member table) with dense ids.
/// - Learner (add-on-miss) tables: the controller may insert, delete and read their entries (an extension);
///   data-plane-learned entries are listed by reads after the controller's own.
/// - Learned and removed (expired, forgotten) learner entries become stream events through `sweepLearners()`.
/// - Indexed counters and registers live in regarrays; direct counters in the regarray p4c-dpdk indexes by entry id
///   (entry ids are stable, so this works on every table kind, ternary included); meters on metarrays with one
///   engine profile per distinct config; direct meters on the metarray p4c-dpdk indexes by entry id (every table
///   kind), with per-colour counters.
/// - Idle timeouts: the engine records per-entry hit times for NOTIFY_CONTROL tables (`lastHit`, `lastHits`).
public final class SoftwareTargetDevice: P4Device, @unchecked Sendable {
    // @unchecked: `active` and `openTransaction` are only touched with `lock` held; ports and the sink are
    // immutable or Mutex-guarded.

    /// What the software target supports with any pipeline.
    public static let deviceCapabilities = DeviceCapabilities(
        entities: [.tableEntry, .actionProfileMemberAndGroup, .counterEntry, .directCounterEntry, .meterEntry,
                   .directMeterEntry, .meterCounterData, .registerEntry],
        atomicityModes: [.continueOnError, .rollbackOnError, .dataplaneAtomic],
        reconcileAndCommit: true, reportsEntryHits: true, packetIO: true, mixedActionGroups: true,
        targetName: "swx-pna")

    /// The configuration the device was created with.
    public let configuration: SoftwareTargetConfiguration
    let clock: any Clock
    /// Serialises transactions, packet bursts and pipeline swaps.
    let lock = DeviceLock()
    var active: Active?
    let ports: [UInt32: PortBackend]
    let sink = Mutex<(any DeviceEventSink)?>(nil)
    let runner = Mutex<PortRunner?>(nil)
    let counters = Mutex(TargetCounters())
    /// Control-plane callers waiting for the lock; the run loop lets them in before its next burst (pthread mutexes
    /// are not fair, so a busy run loop would otherwise starve the control plane).
    let waitingWriters = Atomic<Int>(0)

    /// The running pipeline: the verified pipeline, its engine and the control-plane maps.
    final class Active: @unchecked Sendable {
        // @unchecked: mutated only with the device lock held.
        let pipeline: SoftwareTargetPipeline
        let engine: SWXPipeline
        var state: TargetState

        init(pipeline: SoftwareTargetPipeline, engine: SWXPipeline) {
            self.pipeline = pipeline
            self.engine = engine
            self.state = TargetState(binding: pipeline.binding)
        }
    }

    /// Creates a device with no pipeline and opens its ports.
    ///
    /// - Throws: `PortError` naming the port that could not be opened.
    public init(configuration: SoftwareTargetConfiguration = SoftwareTargetConfiguration(),
                clock: any Clock = SystemClock()) throws(PortError) {
        self.configuration = configuration
        self.clock = clock
        var ports: [UInt32: PortBackend] = [:]
        for (number, spec) in configuration.ports { ports[number] = try PortBackend.open(spec) }
        self.ports = ports
    }

    deinit {
        stopRunLoop()
        for port in ports.values { port.close() }
    }

    /// The device's capabilities.
    public var capabilities: DeviceCapabilities { Self.deviceCapabilities }

    /// The running pipeline, if any.
    public var pipeline: SoftwareTargetPipeline? { exclusive { active?.pipeline } }

    /// Loads the program in `config.p4DeviceConfig`, binds the P4Info to it and checks that an engine can be
    /// built, changing nothing on the device.
    public func verify(_ config: ForwardingPipelineConfig) throws(P4RuntimeError) -> any DevicePipeline {
        guard let p4info = config.p4info else { throw .invalidArgument("config.p4info: a P4Info is required") }
        let source = try PipelineSource(deviceConfig: config.p4DeviceConfig)
        let program: SpecProgram
        do { program = try SpecLoader.load(source.specText) } catch {
            throw .invalidArgument("config.p4DeviceConfig (.spec): \(error)")
        }
        let schema = try PipelineSchema(p4info)
        let binding = try PipelineBinding(schema: schema, program: program, context: source.context)
        do { _ = try makeEngine(program) } catch {
            throw Self.mapped(error, context: "config.p4DeviceConfig (.spec)")
        }
        return SoftwareTargetPipeline(config: config, schema: schema, program: program, form: source.form,
                                      binding: binding)
    }

    /// Builds a fresh engine for the pipeline and makes it the running one; `.reconcile` also keeps the cells of
    /// regarrays with the same name and size and the entries learners learned (`keepLearnedEntries`); the entries
    /// the controller wrote are replayed by the service.
    public func commit(_ pipeline: any DevicePipeline, mode: PipelineCommitMode) throws(P4RuntimeError) {
        guard let pipeline = pipeline as? SoftwareTargetPipeline else {
            throw .internal("commit: the pipeline was not verified by the software target")
        }
        let engine: SWXPipeline
        do { engine = try makeEngine(pipeline.program) } catch {
            throw Self.mapped(error, context: "config.p4DeviceConfig (.spec)")
        }
        if engine.program.registerArrayIndex(named: "direction") != nil {
            for (port, direction) in configuration.portDirections.sorted(by: { $0.key < $1.key }) {
                try? engine.writeRegister("direction", index: UInt64(port), value: direction)
            }
        }
        Self.enableHitTracking(engine, for: pipeline)
        let fresh = Active(pipeline: pipeline, engine: engine)
        exclusive {
            if mode == .reconcile, let previous = active {
                Self.keepRegisters(from: previous.engine, into: engine)
                Self.keepLearnedEntries(from: previous.engine, into: engine, controllerKeys: Self.controllerLearnerKeys(
                    previous.state, binding: previous.pipeline.binding))
            }
            active = fresh
        }
    }

    /// Starts a batch; the device lock (and so the packet path) is held until `commit` or `abort`.
    public func beginTransaction(atomicity: Atomicity) throws(P4RuntimeError) -> any DeviceTransaction {
        switch atomicity {
        case .continueOnError, .rollbackOnError, .dataplaneAtomic: break
        case .unrecognized(let value): throw .invalidArgument("atomicity \(value) is not a known mode")
        }
        waitingWriters.add(1, ordering: .relaxed)
        lock.lock()
        waitingWriters.subtract(1, ordering: .relaxed)
        guard let active else {
            lock.unlock()
            throw .failedPrecondition("no forwarding pipeline is installed on the device")
        }
        return SoftwareTargetTransaction(device: self, active: active, keepsUndo: atomicity != .continueOnError)
    }

    /// Registers the receiver of packet-in and learner events.
    public func setEventSink(_ sink: (any DeviceEventSink)?) { self.sink.withLock { $0 = sink } }

    /// An entry's direct counter: the sum of the regarray cells of its engine entries (nil for a stale handle).
    public func readDirectCounter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> CounterData? {
        let (active, installed) = try exclusive { () throws(P4RuntimeError) in
            let active = try requireActive()
            return (active, active.state.entries[table]?[handle])
        }
        guard let installed else { return nil }
        guard let counter = active.pipeline.binding.tables[table]?.directCounter else {
            throw .unimplemented("table \(table): the spec has no regarray for its direct counter")
        }
        let cells: [CounterData]
        do { cells = try counter.cells(at: installed.ids.map { UInt64($0) }, engine: active.engine) } catch {
            throw Self.mapped(error, context: "table \(table) direct counter")
        }
        // A range entry realised as several engine entries counts in each of them.
        return cells.reduce(into: CounterData()) {
            $0.packetCount &+= $1.packetCount
            $0.byteCount &+= $1.byteCount
        }
    }

    // MARK: Helpers

    /// Runs `body` with the device lock held, ahead of the run loop's next burst.
    func exclusive<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        waitingWriters.add(1, ordering: .relaxed)
        lock.lock()
        waitingWriters.subtract(1, ordering: .relaxed)
        defer { lock.unlock() }
        return try body()
    }

    func makeEngine(_ program: SpecProgram) throws(SWXPipelineError) -> SWXPipeline {
        let count = configuration.enginePortCount
        var engineConfiguration = SWXPipelineConfiguration(inputPorts: count, outputPorts: count)
        engineConfiguration.learnerEventLogCapacity = configuration.learnerEventLogCapacity
        return try SWXPipeline(program: program, configuration: engineConfiguration, clock: EngineClock(clock: clock))
    }

    func requireActive() throws(P4RuntimeError) -> Active {
        guard let active else { throw .failedPrecondition("no forwarding pipeline is installed on the device") }
        return active
    }

    static func keepRegisters(from old: SWXPipeline, into new: SWXPipeline) {
        for array in new.program.registerArrays { new.copyRegisterArray(array.name, from: old) }
    }

    /// The canonical status for an engine error.
    static func mapped(_ error: SWXPipelineError, context: String) -> P4RuntimeError {
        let message = context.isEmpty ? error.message : "\(context): \(error.message)"
        switch error.code {
        case .invalidArgument: return .invalidArgument(message)
        case .notFound: return .notFound(message)
        case .alreadyExists: return .alreadyExists(message)
        case .resourceExhausted: return .resourceExhausted(message)
        case .failedPrecondition: return .failedPrecondition(message)
        case .unimplemented: return .unimplemented(message)
        }
    }
}

/// The device clock as the engine's clock (learner expiry and meters follow the same time as the service).
struct EngineClock: SWXClock {
    let clock: any Clock
    func nanoseconds() -> UInt64 { clock.monotonicNanoseconds() }
}

/// Packet counts of the target's own paths (not the engine's).
struct TargetCounters: Sendable {
    var packetIns: UInt64 = 0
    var packetInsDropped: UInt64 = 0
    var packetOuts: UInt64 = 0
}
