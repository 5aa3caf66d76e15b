/// Builds IPv4 TCP/UDP frames with correct checksums and checks the checksums of frames a pipeline emits.
enum TestPackets {
    /// Ones'-complement sum folded to 16 bits, complemented (RFC 1071).
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var sum: UInt32 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let high = UInt32(bytes[index]) << 8
            let low = index + 1 < bytes.endIndex ? UInt32(bytes[index + 1]) : 0
            sum += high | low
            index += 2
        }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    static func be32(_ value: UInt32) -> [UInt8] { be16(UInt16(value >> 16)) + be16(UInt16(value & 0xFFFF)) }

    /// An Ethernet + IPv4 + UDP frame with valid checksums.
    static func udp(source: UInt32, destination: UInt32, sourcePort: UInt16, destinationPort: UInt16,
                    payload: [UInt8]) -> [UInt8] {
        var segment = be16(sourcePort) + be16(destinationPort) + be16(UInt16(8 + payload.count)) + [0, 0] + payload
        let pseudo = be32(source) + be32(destination) + [0, 17] + be16(UInt16(segment.count))
        let sum = checksum(ArraySlice(pseudo + segment))
        segment[6...7] = ArraySlice(be16(sum == 0 ? 0xFFFF : sum))
        var ip = [0x45, 0] + be16(UInt16(20 + segment.count)) + [0, 0, 0x40, 0, 64, 17, 0, 0]
        ip += be32(source) + be32(destination)
        ip[10...11] = ArraySlice(be16(checksum(ArraySlice(ip))))
        return [0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0x08, 0x00] + ip + segment
    }

    /// True when the frame's IPv4 header checksum and UDP/TCP checksum (if non-zero for UDP) verify.
    static func checksumsValid(_ frame: [UInt8]) -> Bool {
        guard frame.count >= 34 else { return false }
        let ip = frame[14..<34]
        guard checksum(ip) == 0 else { return false }
        let segment = Array(frame[34...])
        let pseudo = Array(frame[26..<34]) + [0, frame[23]] + be16(UInt16(segment.count))
        if frame[23] == 17 && segment[6] == 0 && segment[7] == 0 { return true }
        return checksum(ArraySlice(pseudo + segment)) == 0
    }

    static func destinationAddress(_ frame: [UInt8]) -> UInt32 {
        frame[30..<34].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
