/// A port as a user names it on the command line: which backend, and its file or interface names.
///
/// Text forms (see `init(parsing:)`): `memory`, `pcap:IN`, `pcap:IN,OUT`, `pcap:,OUT`, `tap:NAME`,
/// `afpacket:IFACE`. `description` prints the canonical form, which parses back to the same value.
public enum PortSpec: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// In-memory inject and capture queues, driven through the API.
    case memory
    /// Capture files: frames are read from `input` and written to `output` (either may be absent, not both).
    case pcap(input: String?, output: String?)
    /// A TAP interface p4rtd creates with this name.
    case tap(name: String)
    /// An existing interface, through an AF_PACKET socket.
    case afPacket(interface: String)

    /// The canonical text form.
    public var description: String {
        switch self {
        case .memory: "memory"
        case .pcap(let input, let output): "pcap:" + (input ?? "") + (output.map { "," + $0 } ?? "")
        case .tap(let name): "tap:\(name)"
        case .afPacket(let interface): "afpacket:\(interface)"
        }
    }
}
