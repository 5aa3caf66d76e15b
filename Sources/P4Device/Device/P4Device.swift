import P4Model

/// A P4 target the service drives: the software target, the P4Info-only device, a hardware driver some day.
///
/// The service owns P4Runtime semantics and the canonical control-plane store (what the controller wrote); the
/// device owns the data plane and its volatile state (counters, meters, registers, last-hit times, learned entries).
/// All methods are synchronous and thread-safe; write transactions are serialised by the service per device, reads
/// may run concurrently with them. Nothing here speaks JSON, HTTP or SWX.
///
/// Anything a device cannot do answers UNIMPLEMENTED with a message naming it, never a silent success.
public protocol P4Device: AnyObject, Sendable {
    /// What the device can do before any pipeline is loaded (and with a pipeline, see `DevicePipeline.capabilities`).
    var capabilities: DeviceCapabilities { get }

    /// Checks that `config` can be realised and prepares it, changing nothing on the device.
    ///
    /// - Throws: INVALID_ARGUMENT with a precise message (P4Info path, `.spec` line) when it cannot.
    func verify(_ config: ForwardingPipelineConfig) throws(P4RuntimeError) -> any DevicePipeline

    /// Makes a pipeline returned by this device's `verify` the running one.
    ///
    /// - Throws: INVALID_ARGUMENT when `mode` is `.reconcile` and state cannot be kept, UNIMPLEMENTED when
    ///   reconciling is not supported; on error the previous pipeline keeps running.
    func commit(_ pipeline: any DevicePipeline, mode: PipelineCommitMode) throws(P4RuntimeError)

    /// Starts a write batch with the given atomicity.
    ///
    /// - Throws: FAILED_PRECONDITION with no pipeline, UNIMPLEMENTED for an unsupported atomicity mode.
    func beginTransaction(atomicity: Atomicity) throws(P4RuntimeError) -> any DeviceTransaction

    /// Calls `body` for one cell (`index`) or every cell (nil, in index order) of an indirect counter until it
    /// returns false.
    func readCounter(_ id: CounterID, index: Int64?, _ body: (Int64, CounterData) -> Bool) throws(P4RuntimeError)

    /// The direct counter of one entry; nil when the handle is stale (the entry is gone).
    func readDirectCounter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> CounterData?

    /// Calls `body` for one cell or every cell of an indirect meter until it returns false.
    func readMeter(_ id: MeterID, index: Int64?, _ body: (Int64, MeterCellState) -> Bool) throws(P4RuntimeError)

    /// The direct meter of one entry; nil when the handle is stale.
    func readDirectMeter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> MeterCellState?

    /// Calls `body` for one cell or every cell of a register until it returns false.
    func readRegister(_ id: RegisterID, index: Int64?, _ body: (Int64, P4Data) -> Bool) throws(P4RuntimeError)

    /// When the entry was last hit by a packet (monotonic ns of the service's clock); nil when never hit or stale.
    func lastHit(_ table: TableID, _ handle: EntryHandle) -> UInt64?

    /// Bulk `lastHit` for the idle-timeout sweep: `lastHits[i]` receives the last hit of `handles[i]`, 0 when never
    /// hit or stale; the first `min(handles.count, lastHits.count)` positions are written. The default calls
    /// `lastHit` per handle; devices with many entries answer under one lock hold.
    func lastHits(_ table: TableID, _ handles: UnsafeBufferPointer<EntryHandle>,
                  into lastHits: UnsafeMutableBufferPointer<UInt64>)

    /// Streams the entries the data plane itself manages in `table` (learner / add-on-miss tables) until `body`
    /// returns false. Tables without such entries stream nothing.
    func readDataPlaneEntries(_ table: TableID, _ body: (TableEntry) -> Bool) throws(P4RuntimeError)

    /// `readDataPlaneEntries(_:_:)` that also fills each entry's direct counter data when `counterData` is true
    /// (and the table has a direct counter), and may leave out, before building them, entries whose action is not
    /// `action` (its id and the values of the parameters it lists) or, with `match` (canonical), whose match is
    /// not that one (a keyed read: the device may look the key up instead of listing the table). The caller
    /// still checks what it receives. The default ignores `action` and `match`.
    func readDataPlaneEntries(_ table: TableID, counterData: Bool, action: Action?, match: [FieldMatch]?,
                              _ body: (TableEntry) -> Bool) throws(P4RuntimeError)

    /// Sends a packet from the controller; `packet.metadata` is already checked against `packet_out`.
    ///
    /// - Throws: UNIMPLEMENTED or FAILED_PRECONDITION when the device has no data plane or no port for it.
    func packetOut(_ packet: PacketOut) throws(P4RuntimeError)

    /// Registers (or with nil removes) the receiver of data-plane events; the device never blocks on it.
    func setEventSink(_ sink: (any DeviceEventSink)?)

    /// The expire-time profiles of add-on-miss (learner) table `table`: seconds per profile, indexed by profile id.
    ///
    /// - Throws: FAILED_PRECONDITION with no pipeline, NOT_FOUND for a table the pipeline lacks, INVALID_ARGUMENT
    ///   for a table that is not add-on-miss, UNIMPLEMENTED when the device has no learner tables (the default).
    func learnerTimeouts(_ table: TableID) throws(P4RuntimeError) -> [UInt32]

    /// Sets the given expire-time profiles of learner table `table` (all of them or, on error, none); entries
    /// already armed keep their expiry, later arms use the new values.
    ///
    /// - Throws: as `learnerTimeouts`, and INVALID_ARGUMENT naming the first profile id out of range or 0 seconds.
    func setLearnerTimeouts(_ table: TableID, _ changes: [LearnerTimeoutChange]) throws(P4RuntimeError)
}
