import Foundation
import Testing
import Ports

@Suite struct PcapPortTests {
    private let t1: UInt64 = 1_700_000_000_123_456_789  // ns; the pcap file keeps microseconds
    private let t2: UInt64 = 1_700_000_001_000_001_000

    @Test func writtenFileHasAClassicPcapHeaderAndReadsBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("out.pcap")
        let writer = try PcapPort(input: nil, output: path)
        var batch = PacketBatch(capacity: 4)
        batch.append(testFrame(1), timestamp: t1)
        batch.append(testFrame(2, length: 1514), timestamp: t2)
        #expect(try writer.transmit(batch) == 2)
        writer.close()

        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.count == 24 + 16 + 60 + 16 + 1514)
        #expect(Array(bytes[0..<4]) == [0xd4, 0xc3, 0xb2, 0xa1])  // microsecond magic, little-endian
        #expect(bytes.readLE(UInt16.self, at: 4) == 2)
        #expect(bytes.readLE(UInt16.self, at: 6) == 4)
        #expect(bytes.readLE(UInt32.self, at: 16) == 262_144)  // snap length
        #expect(bytes.readLE(UInt32.self, at: 20) == 1)  // LINKTYPE_ETHERNET
        #expect(bytes.readLE(UInt32.self, at: 24) == 1_700_000_000)
        #expect(bytes.readLE(UInt32.self, at: 28) == 123_456)
        #expect(bytes.readLE(UInt32.self, at: 32) == 60)
        #expect(bytes.readLE(UInt32.self, at: 36) == 60)
        #expect(Array(bytes[40..<100]) == testFrame(1))

        let reader = try PcapPort(input: path, output: nil)
        var received = PacketBatch(capacity: 8)
        let count = try reader.receive(into: &received)
        #expect(count == 2)
        #expect(received.bytes(of: 0) == testFrame(1))
        #expect(received.bytes(of: 1) == testFrame(2, length: 1514))
        #expect(received.packets[0].timestamp == 1_700_000_000_123_456_000)
        #expect(received.packets[1].timestamp == 1_700_000_001_000_001_000)
        #expect(reader.isInputExhausted)
        let again = try reader.receive(into: &received)
        #expect(again == 0)
        #expect(reader.statistics.rxPackets == 2)
        #expect(reader.statistics.rxBytes == 1574)
    }

    @Test func outputIsFlushedAfterEveryBurst() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("live.pcap")
        let port = try PcapPort(input: nil, output: path)
        var batch = PacketBatch(capacity: 1)
        batch.append(testFrame(3), timestamp: t1)
        _ = try port.transmit(batch)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == 24 + 16 + 60)
        port.close()
    }

    @Test func framesBeyondTheSnapLengthAreRefused() throws {
        let directory = try TemporaryDirectory()
        let port = try PcapPort(input: nil, output: directory.path("big.pcap"))
        var batch = PacketBatch(capacity: 2, slotSize: 300_000, headroom: 0)
        batch.append(testFrame(1, length: 262_145))
        batch.append(testFrame(2))
        #expect(try port.transmit(batch) == 1)
        #expect(port.statistics.txErrors == 1)
        #expect(port.statistics.txDropped == 0)
        #expect(port.statistics.txBytes == 60)
    }

    @Test func readsPcapngThroughLibpcap() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("in.pcapng")
        let frames = [(micros: UInt64(1_700_000_000_000_001), frame: testFrame(5, length: 61)),
                      (micros: UInt64(1_700_000_000_000_002), frame: testFrame(6))]
        try Data(handmadePcapng(frames: frames)).write(to: URL(fileURLWithPath: path))
        let port = try PcapPort(input: path, output: nil)
        var batch = PacketBatch(capacity: 1)
        #expect(try port.receive(into: &batch) == 1)
        #expect(batch.bytes(of: 0) == testFrame(5, length: 61))
        #expect(batch.packets[0].timestamp == 1_700_000_000_000_001_000)
        #expect(!port.isInputExhausted)
        #expect(try port.receive(into: &batch) == 1)
        #expect(batch.bytes(of: 0) == testFrame(6))
        #expect(try port.receive(into: &batch) == 0)
        #expect(port.isInputExhausted)
    }

    @Test func skipsSnapTruncatedAndOversizeFramesCountingErrors() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("cut.pcap")
        let records: [(micros: UInt64, frame: [UInt8], originalLength: Int)] = [
            (1, testFrame(1), 60),
            (2, testFrame(2), 1000),  // cut by the snap length
            (3, testFrame(3, length: 900), 900),  // larger than the batch's slots below
            (4, testFrame(4), 60),
        ]
        try Data(handmadePcap(records: records)).write(to: URL(fileURLWithPath: path))
        let port = try PcapPort(input: path, output: nil)
        var batch = PacketBatch(capacity: 8, slotSize: 512, headroom: 0)
        #expect(try port.receive(into: &batch) == 2)
        #expect(batch.bytes(of: 0) == testFrame(1))
        #expect(batch.bytes(of: 1) == testFrame(4))
        #expect(port.statistics.rxErrors == 2)
    }

    @Test func truncatedFileDeliversWhatPrecedesTheCutThenFails() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("short.pcap")
        let whole = handmadePcap(records: [(1, testFrame(1), 60), (2, testFrame(2), 60)])
        try Data(whole.dropLast(10)).write(to: URL(fileURLWithPath: path))
        let port = try PcapPort(input: path, output: nil)
        var batch = PacketBatch(capacity: 8)
        #expect(try port.receive(into: &batch) == 1)
        do {
            _ = try port.receive(into: &batch)
            Issue.record("expected the truncation to be reported")
        } catch {
            guard case .pcapFailed(let failedPath, let message) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(failedPath == path)
            #expect(message.contains("truncated"))
        }
    }

    @Test func rejectsNonEthernetCaptures() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("raw.pcap")
        try Data(handmadePcap(linkType: 101, records: [])).write(to: URL(fileURLWithPath: path))
        #expect(throws: PortError.unsupportedLinkType(path: path, linkType: 12, name: "RAW")) {
            try PcapPort(input: path, output: nil)
        }
    }

    @Test func missingOrUnwritableFilesAreNamed() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("nope.pcap")
        do {
            _ = try PcapPort(input: missing, output: nil)
            Issue.record("opened a missing file")
        } catch {
            #expect(error.description.hasPrefix("pcap file '\(missing)': "))
            #expect(error.description.contains("No such file"))
        }
        let unwritable = directory.path("no/such/dir/out.pcap")
        #expect(throws: PortError.self) { try PcapPort(input: nil, output: unwritable) }
        let notPcap = directory.path("text.pcap")
        try Data("hello, not a capture\n".utf8).write(to: URL(fileURLWithPath: notPcap))
        #expect(throws: PortError.self) { try PcapPort(input: notPcap, output: nil) }
    }

    @Test func halfPortsReceiveNothingOrDropWhatTheyAreGiven() throws {
        let directory = try TemporaryDirectory()
        let outputOnly = try PcapPort(input: nil, output: directory.path("o.pcap"))
        var batch = PacketBatch(capacity: 2)
        #expect(try outputOnly.receive(into: &batch) == 0)
        #expect(outputOnly.isInputExhausted)
        #expect(outputOnly.pollDescriptor == nil)

        let path = directory.path("i.pcap")
        try Data(handmadePcap(records: [(1, testFrame(1), 60)])).write(to: URL(fileURLWithPath: path))
        let inputOnly = try PcapPort(input: path, output: nil)
        batch.append(testFrame(9))
        #expect(try inputOnly.transmit(batch) == 0)
        #expect(inputOnly.statistics.txDropped == 1)
        #expect(inputOnly.label == "pcap:\(path)")
        inputOnly.close()
        #expect(throws: PortError.closed(port: "pcap:\(path)")) { try inputOnly.receive(into: &batch) }
    }
}
