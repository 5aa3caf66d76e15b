import P4Model

/// The P4Info-only device: holds the complete control-plane state of any P4Info (v1model, PSA, PNA alike) with no
/// data plane. Selected by `SetForwardingPipelineConfig` with a P4Info and an empty `p4_device_config`.
///
/// Behaviour, documented for users:
/// - Counters, meters and registers are real cells (register values checked against `type_spec`); with no
///   traffic, counters only change when written and meters count nothing.
/// - Table capacity is the P4Info `size`: an insert beyond it answers RESOURCE_EXHAUSTED (a `size` of 0 means no
///   limit). Action profiles hold at most `size` members the same way.
/// - No packets: packet-out answers UNIMPLEMENTED; no packet-in, digests or learned entries are ever produced.
/// - Entries are never hit, so idle timeouts fire after their TTL, as they would with no traffic.
/// - Every atomicity mode is supported: with no packets, applying a batch under one lock is data-plane atomic, and
///   ROLLBACK_ON_ERROR restores the state the transaction started from.
public final class InfoOnlyDevice: P4Device, @unchecked Sendable {
    // @unchecked: `state` and `openTransaction` are only touched with `lock` held.
    private let lock = DeviceLock()
    private var state: InfoOnlyState?
    private var openTransaction = false

    /// The capabilities of every P4Info-only device.
    public static let deviceCapabilities = DeviceCapabilities(
        entities: .all.subtracting(.externEntry),
        atomicityModes: [.continueOnError, .rollbackOnError, .dataplaneAtomic],
        reconcileAndCommit: true, reportsEntryHits: false, packetIO: false, mixedActionGroups: true,
        targetName: "p4rtd-info-only")

    /// Creates a device with no pipeline.
    public init() {}

    /// The device's capabilities.
    public var capabilities: DeviceCapabilities { Self.deviceCapabilities }

    /// Accepts any consistent P4Info with an empty device config.
    public func verify(_ config: ForwardingPipelineConfig) throws(P4RuntimeError) -> any DevicePipeline {
        guard let p4info = config.p4info else {
            throw .invalidArgument("config.p4info: a P4Info is required")
        }
        if !config.p4DeviceConfig.isEmpty {
            throw .invalidArgument(
                "config.p4DeviceConfig: the P4Info-only device takes an empty device config (got \(config.p4DeviceConfig.count) bytes)")
        }
        return InfoOnlyPipeline(config: config, schema: try PipelineSchema(p4info))
    }

    /// Installs `pipeline`; `.reconcile` keeps cells of unchanged objects.
    public func commit(_ pipeline: any DevicePipeline, mode: PipelineCommitMode) throws(P4RuntimeError) {
        guard let pipeline = pipeline as? InfoOnlyPipeline else {
            throw .internal("commit: the pipeline was not verified by the P4Info-only device")
        }
        lock.withLock {
            var fresh = InfoOnlyState(pipeline: pipeline)
            if mode == .reconcile, let previous = state { fresh.keepCells(of: previous) }
            state = fresh
        }
    }

    /// Starts a batch; the device lock is held until `commit` or `abort`.
    public func beginTransaction(atomicity: Atomicity) throws(P4RuntimeError) -> any DeviceTransaction {
        switch atomicity {
        case .continueOnError, .rollbackOnError, .dataplaneAtomic: break
        case .unrecognized(let value): throw .invalidArgument("atomicity \(value) is not a known mode")
        }
        lock.lock()
        guard state != nil else {
            lock.unlock()
            throw .failedPrecondition("no forwarding pipeline is installed on the device")
        }
        openTransaction = true
        return Transaction(device: self, keepsUndo: atomicity != .continueOnError)
    }

    /// Reads indirect counter cells.
    public func readCounter(_ id: CounterID, index: Int64?, _ body: (Int64, CounterData) -> Bool)
        throws(P4RuntimeError)
    {
        let cells: CellArray<CounterData> = try lock.withLock { () throws(P4RuntimeError) in
            let state = try requireState()
            guard let position = state.pipeline.schema.counters.firstIndex(where: { $0.id == id }) else {
                throw .notFound("counter \(id) is not in the pipeline")
            }
            return state.counters[position]
        }
        cells.forEach(index: index, body)
    }

    /// Reads one entry's direct counter.
    public func readDirectCounter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> CounterData? {
        try lock.withLock { () throws(P4RuntimeError) in try liveCell(table, handle)?.counter }
    }

    /// Reads indirect meter cells.
    public func readMeter(_ id: MeterID, index: Int64?, _ body: (Int64, MeterCellState) -> Bool)
        throws(P4RuntimeError)
    {
        let cells: CellArray<MeterCellState> = try lock.withLock { () throws(P4RuntimeError) in
            let state = try requireState()
            guard let position = state.pipeline.schema.meters.firstIndex(where: { $0.id == id }) else {
                throw .notFound("meter \(id) is not in the pipeline")
            }
            return state.meters[position]
        }
        cells.forEach(index: index, body)
    }

    /// Reads one entry's direct meter.
    public func readDirectMeter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> MeterCellState? {
        try lock.withLock { () throws(P4RuntimeError) in
            guard try liveCell(table, handle) != nil, let state,
                  let position = state.pipeline.schema.tablePosition(table) else { return nil }
            return state.tables[position].meter(Int(handle.slot))
        }
    }

    /// Reads register cells.
    public func readRegister(_ id: RegisterID, index: Int64?, _ body: (Int64, P4Data) -> Bool)
        throws(P4RuntimeError)
    {
        let cells: CellArray<P4Data> = try lock.withLock { () throws(P4RuntimeError) in
            let state = try requireState()
            guard let position = state.pipeline.schema.registers.firstIndex(where: { $0.id == id }) else {
                throw .notFound("register \(id) is not in the pipeline")
            }
            return state.registers[position]
        }
        cells.forEach(index: index, body)
    }

    /// Always nil: with no data plane, no entry is ever hit.
    public func lastHit(_ table: TableID, _ handle: EntryHandle) -> UInt64? { nil }

    /// Streams nothing: the data plane adds no entries by itself.
    public func readDataPlaneEntries(_ table: TableID, _ body: (TableEntry) -> Bool) throws(P4RuntimeError) {}

    /// UNIMPLEMENTED: the device has no data plane.
    public func packetOut(_ packet: PacketOut) throws(P4RuntimeError) {
        throw .unimplemented(
            "packet-out: the P4Info-only device has no data plane; load a device config (e.g. a .spec) to send packets")
    }

    /// Ignored: the device produces no events.
    public func setEventSink(_ sink: (any DeviceEventSink)?) {}

    // MARK: - Internals (lock held)

    private func requireState() throws(P4RuntimeError) -> InfoOnlyState {
        guard let state else { throw .failedPrecondition("no forwarding pipeline is installed on the device") }
        return state
    }

    private func liveCell(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> InfoOnlyState.DirectCell? {
        let state = try requireState()
        guard let position = state.pipeline.schema.tablePosition(table) else {
            throw .notFound("table \(table) is not in the pipeline")
        }
        let cells = state.tables[position].cells
        let slot = Int(handle.slot)
        guard slot < cells.count, cells[slot].live, cells[slot].generation == handle.generation else { return nil }
        return cells[slot]
    }

    fileprivate func withState<T>(_ body: (inout InfoOnlyState) -> T) -> T {
        // Only called by the open transaction, which holds `lock`.
        body(&state!)
    }

    fileprivate func finishTransaction(restoring saved: InfoOnlyState?) {
        if let saved { state = saved }
        openTransaction = false
        lock.unlock()
    }

    fileprivate var currentState: InfoOnlyState? { state }

    /// One batch; holds the device lock from creation to `commit`/`abort`.
    private final class Transaction: DeviceTransaction {
        private let device: InfoOnlyDevice
        private var saved: InfoOnlyState?
        private var finished = false

        init(device: InfoOnlyDevice, keepsUndo: Bool) {
            self.device = device
            self.saved = keepsUndo ? device.currentState : nil
        }

        deinit {
            if !finished { device.finishTransaction(restoring: saved) }
        }

        func apply(_ operation: DeviceOperation) -> P4RuntimeError? {
            guard !finished else { return .internal("apply after the transaction ended") }
            return device.withState { state in state.apply(operation) }
        }

        func commit() throws(P4RuntimeError) {
            guard !finished else { return }
            finished = true
            device.finishTransaction(restoring: nil)
        }

        func abort() {
            guard !finished else { return }
            finished = true
            device.finishTransaction(restoring: saved)
        }
    }
}
