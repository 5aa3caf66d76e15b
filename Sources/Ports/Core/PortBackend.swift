/// One of the built-in ports, chosen at run time from a `PortSpec`, without an existential: each call
/// switches over four cases and then calls the concrete type directly, so the engine can keep `[PortBackend]`
/// and still get specialised calls.
public enum PortBackend: PacketPort {
    /// A `MemoryPort`.
    case memory(MemoryPort)
    /// A `PcapPort`.
    case pcap(PcapPort)
    /// A `TapPort`.
    case tap(TapPort)
    /// An `AFPacketPort`.
    case afPacket(AFPacketPort)

    /// Opens the port `spec` describes. Throws `PortError` (never traps) when the file, device or interface
    /// cannot be set up; the message names the port and the cause.
    public static func open(
        _ spec: PortSpec,
        memoryQueueCapacity: Int = MemoryPort.defaultQueueCapacity,
        memoryMaximumFrameLength: Int = MemoryPort.defaultMaximumFrameLength
    ) throws(PortError) -> PortBackend {
        switch spec {
        case .memory:
            .memory(try MemoryPort(queueCapacity: memoryQueueCapacity, maximumFrameLength: memoryMaximumFrameLength))
        case .pcap(let input, let output):
            .pcap(try PcapPort(input: input, output: output))
        case .tap(let name):
            .tap(try TapPort(name: name))
        case .afPacket(let interface):
            .afPacket(try AFPacketPort(interface: interface))
        }
    }

    /// The memory port, when this is one (the API injects and captures through it).
    public var memoryPort: MemoryPort? {
        if case .memory(let port) = self { port } else { nil }
    }

    /// See `PacketPort.label`.
    public var label: String {
        switch self {
        case .memory(let port): port.label
        case .pcap(let port): port.label
        case .tap(let port): port.label
        case .afPacket(let port): port.label
        }
    }

    /// See `PacketPort.receive(into:)`.
    @inlinable
    public func receive(into batch: inout PacketBatch) throws(PortError) -> Int {
        switch self {
        case .memory(let port): try port.receive(into: &batch)
        case .pcap(let port): try port.receive(into: &batch)
        case .tap(let port): try port.receive(into: &batch)
        case .afPacket(let port): try port.receive(into: &batch)
        }
    }

    /// See `PacketPort.transmit(_:)`.
    @inlinable
    public func transmit(_ packets: UnsafeBufferPointer<PacketRef>) throws(PortError) -> Int {
        switch self {
        case .memory(let port): try port.transmit(packets)
        case .pcap(let port): try port.transmit(packets)
        case .tap(let port): try port.transmit(packets)
        case .afPacket(let port): try port.transmit(packets)
        }
    }

    /// See `PacketPort.pollDescriptor`.
    public var pollDescriptor: Int32? {
        switch self {
        case .memory(let port): port.pollDescriptor
        case .pcap(let port): port.pollDescriptor
        case .tap(let port): port.pollDescriptor
        case .afPacket(let port): port.pollDescriptor
        }
    }

    /// See `PacketPort.statistics`.
    public var statistics: PortStatistics {
        switch self {
        case .memory(let port): port.statistics
        case .pcap(let port): port.statistics
        case .tap(let port): port.statistics
        case .afPacket(let port): port.statistics
        }
    }

    /// See `PacketPort.close()`.
    public func close() {
        switch self {
        case .memory(let port): port.close()
        case .pcap(let port): port.close()
        case .tap(let port): port.close()
        case .afPacket(let port): port.close()
        }
    }
}
