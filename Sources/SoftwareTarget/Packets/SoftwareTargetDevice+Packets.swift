#if canImport(Glibc)
import Glibc
#endif
import P4Device
import P4Model
import Ports
import SWX

/// The outcome of injecting one packet: every packet the pipeline emitted, in order, with its output port.
public struct PacketInjection: Sendable, Hashable {
    /// The outputs (port and bytes); empty when the packet was dropped.
    public var outputs: [SWXPacket]
}

extension SoftwareTargetDevice {
    /// Starts the run loop thread that polls the ports and runs received bursts (idempotent).
    public func startRunLoop() {
        runner.withLock { runner in
            if runner == nil { runner = PortRunner(device: self) }
        }
    }

    /// Stops the run loop thread and waits for it (idempotent).
    public func stopRunLoop() {
        let current = runner.withLock { runner -> PortRunner? in defer { runner = nil }; return runner }
        current?.stop()
    }

    /// The in-memory port with `number`, if it is one (the API injects and captures through it).
    public func memoryPort(_ number: UInt32) -> MemoryPort? { ports[number]?.memoryPort }

    /// The configured port numbers, ascending.
    public var portNumbers: [UInt32] { ports.keys.sorted() }

    /// Statistics of every configured port, by number.
    public func portStatistics() -> [(number: UInt32, label: String, statistics: PortStatistics)] {
        ports.keys.sorted().compactMap { number in
            ports[number].map { (number, $0.label, $0.statistics) }
        }
    }

    /// Runs `bytes` through the pipeline as if received on in-memory port `port` and returns everything the
    /// pipeline emitted. Outputs on in-memory ports are returned (not queued for capture); outputs on other
    /// backends are transmitted there, and on the controller port they also become packet-in events.
    ///
    /// - Throws: FAILED_PRECONDITION with no pipeline; INVALID_ARGUMENT for a port that is not an in-memory port
    ///   or an empty packet.
    public func inject(_ bytes: [UInt8], port: UInt32) throws(P4RuntimeError) -> PacketInjection {
        guard !bytes.isEmpty else { throw .invalidArgument("packet: empty packet") }
        guard ports[port]?.memoryPort != nil else {
            throw .invalidArgument("port \(port) is not an in-memory port (configured: "
                + "\(ports.keys.sorted().map { "\($0)=\(ports[$0]?.label ?? "")" }.joined(separator: ", ")))")
        }
        let outputs = try run(bytes, port: port, transmitToMemoryPorts: false)
        return PacketInjection(outputs: outputs)
    }

    /// Injects the payload on the configured packet-out port, as if received there. When the P4Info has a
    /// `packet_out` header, its fields are packed in front of the payload (`ControllerHeader`); likewise packets
    /// to the controller port lose their `packet_in` header to the event's metadata.
    public func packetOut(_ packet: PacketOut) throws(P4RuntimeError) {
        guard let port = configuration.packetOutPort else {
            throw .failedPrecondition("packet-out: no packet-out port is configured (p4rtd --packet-out-port N)")
        }
        guard !packet.payload.isEmpty else { throw .invalidArgument("packet-out: empty payload") }
        let header = try exclusive { () throws(P4RuntimeError) in try requireActive().pipeline.schema.packetOut }
        var bytes = packet.payload
        if let header, !header.fields.isEmpty { bytes = ControllerHeader.pack(packet.metadata, as: header.fields) + bytes }
        _ = try run(bytes, port: port, transmitToMemoryPorts: true)
        counters.withLock { $0.packetOuts += 1 }
    }

    /// Runs one packet; transmits its outputs on their ports under the device lock (one transmitting thread per
    /// port, as `PacketPort` requires), except in-memory ones when `transmitToMemoryPorts` is false; delivers
    /// packet-ins after the lock is released.
    private func run(_ bytes: [UInt8], port: UInt32, transmitToMemoryPorts: Bool) throws(P4RuntimeError)
        -> [SWXPacket]
    {
        let (outputs, header) = try exclusive { () throws(P4RuntimeError) in
            let active = try requireActive()
            let outputs = active.engine.process(bytes, port: port)
            for output in outputs where output.port != configuration.controllerPort {
                if !transmitToMemoryPorts && ports[output.port]?.memoryPort != nil { continue }
                output.bytes.withUnsafeBytes { route(output.port, $0) }
            }
            return (outputs, active.pipeline.schema.packetIn)
        }
        for output in outputs where output.port == configuration.controllerPort {
            deliverPacketIn(output.bytes, header: header)
        }
        return outputs
    }

    /// Runs one received burst (the run loop's path): no allocation per packet except packet-in.
    func runBurst(port: UInt32, _ packets: UnsafeMutableBufferPointer<PacketRef>) {
        // Packet-ins are delivered after the lock is released, so the event path never runs under the device lock.
        var forController: [[UInt8]] = []
        var header: PacketMetadataSchema?
        while waitingWriters.load(ordering: .relaxed) > 0 { sched_yield() }
        lock.withLock {
            guard let active else { return }
            header = active.pipeline.schema.packetIn
            active.engine.process(count: packets.count, input: { index in
                (port, UnsafeRawBufferPointer(start: packets[index].data, count: packets[index].length))
            }, output: { outputPort, bytes in
                if outputPort == self.configuration.controllerPort {
                    forController.append(Array(bytes))
                } else {
                    self.route(outputPort, bytes)
                }
            })
        }
        for packet in forController { deliverPacketIn(packet, header: header) }
    }

    /// Delivers a packet sent to the controller port as a packet-in event, its `packet_in` header (when the
    /// P4Info has one) decoded into metadata.
    func deliverPacketIn(_ packet: [UInt8], header: PacketMetadataSchema?) {
        var event = PacketIn(payload: packet)
        if let header, !header.fields.isEmpty, let (metadata, payload) = ControllerHeader.unpack(packet, as: header.fields) {
            event = PacketIn(payload: payload, metadata: metadata)
        }
        let delivered = sink.withLock { $0 }?.deliver(.packetIn(event)) ?? false
        counters.withLock { delivered ? ($0.packetIns += 1) : ($0.packetInsDropped += 1) }
    }

    /// Transmits one output packet on its port's backend (callers hand controller-port outputs to
    /// `deliverPacketIn` instead, after the device lock is released).
    func route(_ port: UInt32, _ bytes: UnsafeRawBufferPointer) {
        guard let backend = ports[port], let base = bytes.baseAddress else { return }
        var ref = PacketRef(data: UnsafeMutableRawPointer(mutating: base), length: bytes.count)
        withUnsafePointer(to: &ref) { pointer in
            _ = try? backend.transmit(UnsafeBufferPointer(start: pointer, count: 1))
        }
    }
}
