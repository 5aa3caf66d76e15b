/// Builds and parses Ethernet/IPv4/TCP frames for scenario tests, with real checksums.
enum TestPackets {
    static func ipv4(_ text: String) -> [UInt8] { text.split(separator: ".").map { UInt8($0)! } }

    /// The Internet checksum (one's complement of the one's-complement sum) of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var i = 0
        while i + 1 < bytes.count {
            sum += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
            i += 2
        }
        if i < bytes.count { sum += UInt32(bytes[i]) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    /// An Ethernet + IPv4 + TCP frame (20-byte headers, no payload) with correct checksums.
    static func tcp(srcMAC: [UInt8] = [0x02, 0, 0, 0, 0, 1], dstMAC: [UInt8] = [0x02, 0, 0, 0, 0, 2],
                    src: String, dst: String, sport: UInt16, dport: UInt16, flags: UInt8,
                    payload: [UInt8] = []) -> [UInt8] {
        var ip: [UInt8] = [0x45, 0, 0, 0, 0x12, 0x34, 0x40, 0, 64, 6, 0, 0] + ipv4(src) + ipv4(dst)
        let total = UInt16(20 + 20 + payload.count)
        ip[2] = UInt8(total >> 8)
        ip[3] = UInt8(total & 0xFF)
        let ipSum = checksum(ip)
        ip[10] = UInt8(ipSum >> 8)
        ip[11] = UInt8(ipSum & 0xFF)
        var tcp: [UInt8] = [UInt8(sport >> 8), UInt8(sport & 0xFF), UInt8(dport >> 8), UInt8(dport & 0xFF),
                            0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xFF, 0xFF, 0, 0, 0, 0] + payload
        let sum = tcpChecksum(ip: ip, tcp: tcp)
        tcp[16] = UInt8(sum >> 8)
        tcp[17] = UInt8(sum & 0xFF)
        return dstMAC + srcMAC + [0x08, 0x00] + ip + tcp
    }

    static func tcpChecksum(ip: [UInt8], tcp: [UInt8]) -> UInt16 {
        var zeroed = tcp
        zeroed[16] = 0
        zeroed[17] = 0
        let length = UInt16(tcp.count)
        let pseudo = Array(ip[12..<20]) + [0, 6, UInt8(length >> 8), UInt8(length & 0xFF)]
        return checksum(pseudo + zeroed)
    }

    /// The fields of a parsed Ethernet/IPv4/TCP frame.
    struct Parsed: Equatable {
        var src: String
        var dst: String
        var sport: UInt16
        var dport: UInt16
        var flags: UInt8
        var ipChecksumValid: Bool
        var tcpChecksumValid: Bool
    }

    static func parse(_ frame: [UInt8]) -> Parsed? {
        guard frame.count >= 54, frame[12] == 0x08, frame[13] == 0x00 else { return nil }
        let ip = Array(frame[14..<34])
        let tcp = Array(frame[34...])
        func address(_ bytes: ArraySlice<UInt8>) -> String { bytes.map(String.init).joined(separator: ".") }
        let tcpSum = UInt16(tcp[16]) << 8 | UInt16(tcp[17])
        return Parsed(src: address(ip[12..<16]), dst: address(ip[16..<20]),
                      sport: UInt16(tcp[0]) << 8 | UInt16(tcp[1]), dport: UInt16(tcp[2]) << 8 | UInt16(tcp[3]),
                      flags: tcp[13], ipChecksumValid: checksum(ip) == 0,
                      tcpChecksumValid: tcpChecksum(ip: ip, tcp: tcp) == tcpSum)
    }
}
