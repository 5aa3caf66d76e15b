import Foundation

/// A fresh directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("p4rtd-ports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Little-endian byte helpers for hand-built capture files.
extension Array where Element == UInt8 {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    func readLE<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        var value: T = 0
        for index in 0..<MemoryLayout<T>.size { value |= T(self[offset + index]) << (8 * index) }
        return value
    }
}

/// A classic little-endian pcap file (microsecond timestamps) holding `records` (ts µs, captured, original length).
func handmadePcap(linkType: UInt32 = 1, records: [(micros: UInt64, frame: [UInt8], originalLength: Int)]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.appendLE(UInt32(0xa1b2_c3d4))
    bytes.appendLE(UInt16(2))
    bytes.appendLE(UInt16(4))
    bytes.appendLE(Int32(0))
    bytes.appendLE(UInt32(0))
    bytes.appendLE(UInt32(65535))
    bytes.appendLE(linkType)
    for record in records {
        bytes.appendLE(UInt32(record.micros / 1_000_000))
        bytes.appendLE(UInt32(record.micros % 1_000_000))
        bytes.appendLE(UInt32(record.frame.count))
        bytes.appendLE(UInt32(record.originalLength))
        bytes += record.frame
    }
    return bytes
}

/// A pcapng file: one section, one Ethernet interface (microsecond resolution), one enhanced packet block per frame.
func handmadePcapng(frames: [(micros: UInt64, frame: [UInt8])]) -> [UInt8] {
    var bytes: [UInt8] = []
    func block(_ type: UInt32, _ body: [UInt8]) {
        let length = UInt32(12 + body.count)
        bytes.appendLE(type)
        bytes.appendLE(length)
        bytes += body
        bytes.appendLE(length)
    }
    var section: [UInt8] = []
    section.appendLE(UInt32(0x1a2b_3c4d))
    section.appendLE(UInt16(1))
    section.appendLE(UInt16(0))
    section.appendLE(Int64(-1))
    block(0x0a0d_0d0a, section)
    var interface: [UInt8] = []
    interface.appendLE(UInt16(1))
    interface.appendLE(UInt16(0))
    interface.appendLE(UInt32(0))
    block(1, interface)
    for entry in frames {
        var packet: [UInt8] = []
        packet.appendLE(UInt32(0))
        packet.appendLE(UInt32(entry.micros >> 32))
        packet.appendLE(UInt32(entry.micros & 0xffff_ffff))
        packet.appendLE(UInt32(entry.frame.count))
        packet.appendLE(UInt32(entry.frame.count))
        packet += entry.frame
        while packet.count % 4 != 0 { packet.append(0) }
        block(6, packet)
    }
    return bytes
}
