/// An Ethernet/IPv4/TCP-or-UDP frame described by its fields; `bytes` builds it with every checksum computed from
/// scratch, so a frame a program rewrote incrementally can be compared byte for byte with the frame it should be.
struct Frame {
    static let tcp: UInt8 = 6
    static let udp: UInt8 = 17
    static let syn: UInt8 = 0x02, ack: UInt8 = 0x10

    var destinationMAC: UInt64 = 0x0200_0000_0002
    var sourceMAC: UInt64 = 0x0200_0000_0001
    var source: UInt32
    var destination: UInt32
    var ipProtocol: UInt8
    var sourcePort: UInt16
    var destinationPort: UInt16
    var tcpFlags: UInt8 = syn
    var payload: [UInt8] = []
    /// UDP only: send checksum 0 ("none").
    var noUDPChecksum = false

    static func address(_ text: String) -> UInt32 {
        text.split(separator: ".").reduce(0) { $0 << 8 | (UInt32($1) ?? 0) }
    }

    static func mac(_ value: UInt64) -> [UInt8] { (0..<6).map { UInt8(truncatingIfNeeded: value >> (8 * (5 - $0))) } }

    var bytes: [UInt8] {
        let be16 = TestPackets.be16, be32 = TestPackets.be32
        var segment: [UInt8]
        if ipProtocol == Self.tcp {
            segment = be16(sourcePort) + be16(destinationPort) + be32(1000) + be32(tcpFlags & Self.ack != 0 ? 2000 : 0)
                + [0x50, tcpFlags] + be16(0xFFFF) + [0, 0, 0, 0] + payload
        } else {
            segment = be16(sourcePort) + be16(destinationPort) + be16(UInt16(8 + payload.count)) + [0, 0] + payload
        }
        let pseudo = be32(source) + be32(destination) + [0, ipProtocol] + be16(UInt16(segment.count))
        let sum = TestPackets.checksum(ArraySlice(pseudo + segment))
        if ipProtocol == Self.tcp {
            segment[16...17] = ArraySlice(be16(sum))
        } else if !noUDPChecksum {
            segment[6...7] = ArraySlice(be16(sum == 0 ? 0xFFFF : sum))
        }
        var ip = [0x45, 0] + be16(UInt16(20 + segment.count)) + [0, 1, 0x40, 0, 64, ipProtocol, 0, 0]
        ip += be32(source) + be32(destination)
        ip[10...11] = ArraySlice(be16(TestPackets.checksum(ArraySlice(ip))))
        return Self.mac(destinationMAC) + Self.mac(sourceMAC) + [0x08, 0x00] + ip + segment
    }

    /// The IPv4 total length (what byte counters count).
    var totalLength: Int { bytes.count - 14 }
}
