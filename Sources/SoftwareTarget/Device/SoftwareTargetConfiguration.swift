import Ports

/// How a software target is set up: its ports and which of them stand in for the CPU port.
public struct SoftwareTargetConfiguration: Sendable {
    /// Data-plane ports by port number (the value the program reads as the input port and writes as the output
    /// port), in ascending order.
    public var ports: [(number: UInt32, spec: PortSpec)]
    /// The port a `PacketOut` is injected on, as if received there (nil: packet-out is refused).
    public var packetOutPort: UInt32?
    /// Packets the program sends to this port become `PacketIn` stream events (nil: none).
    public var controllerPort: UInt32?
    /// Maximum packets per burst of the run loop.
    public var burstSize: Int
    /// PNA direction per port (0 = NET_TO_HOST, 1 = HOST_TO_NET), written into the program's `direction`
    /// regarray (p4c-dpdk's PNA port model) whenever a pipeline is committed; unlisted ports are NET_TO_HOST.
    public var portDirections: [UInt32: UInt64]
    /// Calls of `sweepLearners` per full pass of the expiry sweep over a big learner (each call visits this
    /// fraction of its buckets): an expired flow is reported within this many calls, plus one.
    public var learnerExpirySlices: Int = 10
    /// Learned-flow events each learner keeps between two `sweepLearners` calls; beyond it they are reported as
    /// `eventsLost`.
    public var learnerEventLogCapacity: Int = 1 << 16

    /// A configuration; by default ports 0 to 7 are in-memory ports.
    public init(ports: [(number: UInt32, spec: PortSpec)] = (0..<8).map { ($0, PortSpec.memory) },
                packetOutPort: UInt32? = nil, controllerPort: UInt32? = nil, burstSize: Int = 32,
                portDirections: [UInt32: UInt64] = [:]) {
        self.portDirections = portDirections
        self.ports = ports.sorted { $0.number < $1.number }
        self.packetOutPort = packetOutPort
        self.controllerPort = controllerPort
        self.burstSize = max(1, burstSize)
    }

    /// The number of ports the engine is built with: one past the highest configured port number (controller
    /// and packet-out ports included), at least 1.
    var enginePortCount: UInt32 {
        let highest = ([packetOutPort, controllerPort].compactMap { $0 } + ports.map(\.number)).max() ?? 0
        return highest + 1
    }
}
