/// The fixed shape of a pipeline instance: port counts, mirror slots and sessions, packet size bounds.
/// Defaults are DPDK's (4 mirror slots, 64 sessions) and the conformance format's (1 input, 4 output ports).
public struct SWXPipelineConfiguration: Sendable, Hashable {
    /// Number of input ports; packets may arrive on ports `0..<inputPorts`.
    public var inputPorts: UInt32
    /// Number of output ports; a `tx` to a port ≥ this drops the packet (DPDK's internal drop port).
    public var outputPorts: UInt32
    /// Mirror slots per packet (a power of two; `mirror` masks the slot with `mirrorSlots - 1`).
    public var mirrorSlots: Int
    /// Mirror sessions (a power of two; `mirror` masks the session with `mirrorSessions - 1`).
    public var mirrorSessions: Int
    /// The largest packet accepted on input or produced by encapsulation; larger ones are dropped and counted.
    public var maximumPacketSize: Int
    /// How many times one packet may recirculate before it is dropped (DPDK has no bound; a bound keeps a
    /// looping program from hanging the worker).
    public var maximumRecirculations: UInt32
    /// Packet contexts a burst interleaves (DPDK's pipeline threads): while one packet waits for a big table's
    /// memory, the next runs. 1 runs every packet to completion alone. At most 64.
    public var packetContexts: Int
    /// Tables and learners holding at least this many bytes are "big": their lookups prefetch and yield to the
    /// next packet context. Smaller ones (most of them: they stay in the caches) are looked up at once.
    public var interleaveThresholdBytes: Int
    /// Whether big tables ask for transparent huge pages (2 MiB-aligned mappings with MADV_HUGEPAGE); without
    /// kernel support they silently get ordinary pages.
    public var hugePages: Bool
    /// Events each learner's event log holds between two control-plane drains (``LearnerEventLog``); more are
    /// counted as lost.
    public var learnerEventLogCapacity: Int = 1 << 16

    /// A configuration; counts are rounded up to powers of two where DPDK requires it.
    public init(inputPorts: UInt32 = 1, outputPorts: UInt32 = 4, mirrorSlots: Int = 4, mirrorSessions: Int = 64,
                maximumPacketSize: Int = 16_384, maximumRecirculations: UInt32 = 64, packetContexts: Int = 8,
                interleaveThresholdBytes: Int = 1 << 20, hugePages: Bool = true) {
        self.packetContexts = min(max(packetContexts, 1), 64)
        self.interleaveThresholdBytes = max(interleaveThresholdBytes, 0)
        self.hugePages = hugePages
        self.inputPorts = max(inputPorts, 1)
        self.outputPorts = max(outputPorts, 1)
        self.mirrorSlots = max(mirrorSlots, 1).nextPowerOfTwo
        self.mirrorSessions = max(mirrorSessions, 1).nextPowerOfTwo
        self.maximumPacketSize = max(maximumPacketSize, 64)
        self.maximumRecirculations = maximumRecirculations
    }
}
