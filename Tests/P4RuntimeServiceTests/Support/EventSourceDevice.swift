import P4Device
import P4Model
import Synchronization

/// The P4Info-only device plus a way for a test to raise data-plane events (digests, packet-in, learned entries)
/// as a real target would. Everything else is the real P4Info-only device.
final class EventSourceDevice: P4Device {
    /// A P4Info-only pipeline that declares `managed` as a learner table.
    final class LearnerPipeline: DevicePipeline {
        let base: any DevicePipeline
        let managed: TableID
        init(base: any DevicePipeline, managed: TableID) {
            self.base = base
            self.managed = managed
        }
        var config: ForwardingPipelineConfig { base.config }
        var schema: PipelineSchema { base.schema }
        var capabilities: DeviceCapabilities { base.capabilities }
        var dataPlaneManagedTables: Set<TableID> { [managed] }
    }

    private let base = InfoOnlyDevice()
    private let sink = Mutex<(any DeviceEventSink)?>(nil)
    /// Entries "learned" by the data plane in the managed table.
    let learned = Mutex<[TableEntry]>([])
    let managedTable: TableID

    init(managedTable: TableID = 0x0200_0008) { self.managedTable = managedTable }

    var capabilities: DeviceCapabilities { base.capabilities }
    func verify(_ config: ForwardingPipelineConfig) throws(P4RuntimeError) -> any DevicePipeline {
        var infoOnly = config
        infoOnly.p4DeviceConfig = []
        return LearnerPipeline(base: try base.verify(infoOnly), managed: managedTable)
    }
    func commit(_ pipeline: any DevicePipeline, mode: PipelineCommitMode) throws(P4RuntimeError) {
        guard let pipeline = pipeline as? LearnerPipeline else { throw .internal("foreign pipeline") }
        try base.commit(pipeline.base, mode: mode)
    }
    func beginTransaction(atomicity: Atomicity) throws(P4RuntimeError) -> any DeviceTransaction {
        LearnerTransaction(base: try base.beginTransaction(atomicity: atomicity), device: self)
    }

    /// Handles deletes of learned entries, passes everything else to the P4Info-only device.
    final class LearnerTransaction: DeviceTransaction {
        let base: any DeviceTransaction
        let device: EventSourceDevice
        init(base: any DeviceTransaction, device: EventSourceDevice) {
            self.base = base
            self.device = device
        }
        func apply(_ operation: DeviceOperation) -> P4RuntimeError? {
            guard case .deleteDataPlaneEntry(_, let key) = operation else { return base.apply(operation) }
            return device.learned.withLock { learned in
                guard let index = learned.firstIndex(where: { $0.match == key.match }) else {
                    return P4RuntimeError.notFound("no learned entry with this key")
                }
                learned.remove(at: index)
                return nil
            }
        }
        func commit() throws(P4RuntimeError) { try base.commit() }
        func abort() { base.abort() }
    }
    func readCounter(_ id: CounterID, index: Int64?, _ body: (Int64, CounterData) -> Bool) throws(P4RuntimeError) {
        try base.readCounter(id, index: index, body)
    }
    func readDirectCounter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> CounterData? {
        try base.readDirectCounter(table, handle)
    }
    func readMeter(_ id: MeterID, index: Int64?, _ body: (Int64, MeterCellState) -> Bool) throws(P4RuntimeError) {
        try base.readMeter(id, index: index, body)
    }
    func readDirectMeter(_ table: TableID, _ handle: EntryHandle) throws(P4RuntimeError) -> MeterCellState? {
        try base.readDirectMeter(table, handle)
    }
    func readRegister(_ id: RegisterID, index: Int64?, _ body: (Int64, P4Data) -> Bool) throws(P4RuntimeError) {
        try base.readRegister(id, index: index, body)
    }
    func lastHit(_ table: TableID, _ handle: EntryHandle) -> UInt64? { nil }
    func readDataPlaneEntries(_ table: TableID, _ body: (TableEntry) -> Bool) throws(P4RuntimeError) {
        guard table == managedTable else { return }
        for entry in learned.withLock({ $0 }) where !body(entry) { return }
    }
    func packetOut(_ packet: PacketOut) throws(P4RuntimeError) {}
    func setEventSink(_ sink: (any DeviceEventSink)?) { self.sink.withLock { $0 = sink } }

    /// Delivers `event` as the data plane would.
    @discardableResult
    func emit(_ event: DeviceEvent) -> Bool { sink.withLock { $0 }?.deliver(event) ?? false }
}
