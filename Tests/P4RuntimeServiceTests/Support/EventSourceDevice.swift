import P4Device
import P4Model
import Synchronization

/// The P4Info-only device plus a way for a test to raise data-plane events (digests, packet-in, learned entries)
/// as a real target would. Everything else is the real P4Info-only device.
final class EventSourceDevice: P4Device {
    private let base = InfoOnlyDevice()
    private let sink = Mutex<(any DeviceEventSink)?>(nil)

    var capabilities: DeviceCapabilities { base.capabilities }
    func verify(_ config: ForwardingPipelineConfig) throws(P4RuntimeError) -> any DevicePipeline {
        var infoOnly = config
        infoOnly.p4DeviceConfig = []
        return try base.verify(infoOnly)
    }
    func commit(_ pipeline: any DevicePipeline, mode: PipelineCommitMode) throws(P4RuntimeError) {
        try base.commit(pipeline, mode: mode)
    }
    func beginTransaction(atomicity: Atomicity) throws(P4RuntimeError) -> any DeviceTransaction {
        try base.beginTransaction(atomicity: atomicity)
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
    func readDataPlaneEntries(_ table: TableID, _ body: (TableEntry) -> Bool) throws(P4RuntimeError) {}
    func packetOut(_ packet: PacketOut) throws(P4RuntimeError) {}
    func setEventSink(_ sink: (any DeviceEventSink)?) { self.sink.withLock { $0 = sink } }

    /// Delivers `event` as the data plane would.
    @discardableResult
    func emit(_ event: DeviceEvent) -> Bool { sink.withLock { $0 }?.deliver(event) ?? false }
}
