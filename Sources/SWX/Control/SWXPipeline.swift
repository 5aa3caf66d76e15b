import Synchronization

/// A running SWX pipeline: a compiled `.spec` program with its tables, selectors, learners, register and meter
/// arrays, mirror sessions and statistics, and the control API over them.
///
/// Thread safety: every method may be called from any thread. Packet bursts and control-plane changes are
/// serialised by one lock, so a burst sees all of a committed transaction or none of it; table changes are staged
/// (`stage…`) and become visible together at `commit()`. Selector groups, learner entries, registers, meter
/// settings and mirror sessions change immediately (between bursts).
///
/// Packet path semantics follow DPDK's SWX pipeline byte for byte (header bytes big-endian in the packet,
/// metadata little-endian, big fields network order), with these deliberate differences: every packet starts with
/// zeroed metadata and header storage; struct offsets past 255 bytes and the `hash` destination are addressed
/// correctly; an `extract` or `lookahead` past the end of the packet drops the packet (counted) instead of reading
/// beyond it; PNA programs get their meter colours translated; mirror sessions never configured send no clone.
public final class SWXPipeline: @unchecked Sendable {
    /// The program this pipeline runs.
    public let program: SpecProgram
    /// Port counts, mirror slots and sessions, size bounds.
    public let configuration: SWXPipelineConfiguration
    /// The time source for learners and meters, read once per burst.
    public let clock: any SWXClock

    let runtime: EngineRuntime
    let lock = Mutex(())
    var pending: [PendingTableChange] = []

    /// Builds a pipeline for `program`. Throws `unimplemented` when the program calls externs, and
    /// `invalidArgument`/`resourceExhausted` when an object cannot be created with the program's sizes.
    public init(program: SpecProgram, configuration: SWXPipelineConfiguration = SWXPipelineConfiguration(),
                clock: any SWXClock = SWXMonotonicClock()) throws(SWXPipelineError) {
        self.program = program
        self.configuration = configuration
        self.clock = clock
        runtime = try EngineRuntime(spec: program, configuration: configuration)
    }

    /// Loads `.spec` text (`SpecLoader`) and builds a pipeline for it; a load error becomes `invalidArgument`
    /// with the loader's message.
    public convenience init(specText: String, configuration: SWXPipelineConfiguration = SWXPipelineConfiguration(),
                            clock: any SWXClock = SWXMonotonicClock()) throws(SWXPipelineError) {
        let program: SpecProgram
        do { program = try SpecLoader.load(specText) } catch {
            throw SWXPipelineError(.invalidArgument, "spec: \(error)")
        }
        try self.init(program: program, configuration: configuration, clock: clock)
    }

    // MARK: Packets

    /// Runs one packet received on input port `port` to completion and returns its outputs in emission order
    /// (mirror clones, then the packet); an empty array means the packet was dropped.
    public func process(_ packet: [UInt8], port: UInt32) -> [SWXPacket] {
        process(burst: [SWXPacket(port: port, bytes: packet)])
    }

    /// Runs a burst of packets under one lock hold and one clock reading; returns every output in packet order
    /// (each packet's mirror clones, then the packet). Programs with big tables interleave the packets'
    /// execution (`SWXPipelineConfiguration.packetContexts`); outputs still leave in packet order.
    public func process(burst: [SWXPacket]) -> [SWXPacket] {
        var sink = CollectingSink()
        // One contiguous copy of the burst, so every packet's bytes stay addressable for the whole run.
        var offsets = [0]
        offsets.reserveCapacity(burst.count + 1)
        var storage: [UInt8] = []
        for packet in burst {
            storage += packet.bytes
            offsets.append(storage.count)
        }
        lock.withLock { _ in
            let now = clock.nanoseconds()
            storage.withUnsafeBytes { bytes in
                runtime.run(count: burst.count, input: { i in
                    (burst[i].port, UnsafeRawBufferPointer(rebasing: bytes[offsets[i]..<offsets[i + 1]]))
                }, now: now, sink: &sink)
            }
        }
        return sink.packets
    }

    /// Runs `count` packets without copying them into Swift arrays: `input(i)` gives packet `i` (its port and bytes,
    /// which must stay valid until this call returns; it is called once per packet, in order), `output` receives
    /// each output packet (valid only during the call), in packet order.
    /// Both run while the pipeline's lock is held: they must not call back into the pipeline.
    public func process(count: Int, input: (Int) -> (port: UInt32, bytes: UnsafeRawBufferPointer),
                        output: (UInt32, UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(output) { output in
            var sink = ClosureSink(body: output)
            lock.withLock { _ in
                runtime.run(count: count, input: input, now: clock.nanoseconds(), sink: &sink)
            }
        }
    }
}

/// A packet entering or leaving the pipeline: the port and the bytes.
public struct SWXPacket: Sendable, Hashable {
    /// Input port (for injected packets) or output port (for outputs).
    public var port: UInt32
    /// The packet bytes, starting at the Ethernet header (or whatever the program parses first).
    public var bytes: [UInt8]

    /// A packet.
    public init(port: UInt32, bytes: [UInt8]) {
        self.port = port
        self.bytes = bytes
    }
}

struct CollectingSink: EnginePacketSink {
    var packets: [SWXPacket] = []
    mutating func transmit(port: UInt32, packet: UnsafeRawBufferPointer) {
        packets.append(SWXPacket(port: port, bytes: Array(packet)))
    }
}

struct ClosureSink: EnginePacketSink {
    let body: (UInt32, UnsafeRawBufferPointer) -> Void
    mutating func transmit(port: UInt32, packet: UnsafeRawBufferPointer) { body(port, packet) }
}
