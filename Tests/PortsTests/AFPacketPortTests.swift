import Foundation
import Glibc
import Testing
import Ports

/// A veth pair made for one test and deleted with it.
private final class VethPair {
    let a = LinuxNetwork.uniqueName("p4va")
    let b = LinuxNetwork.uniqueName("p4vb")

    init() throws {
        try LinuxNetwork.ip("link", "add", a, "type", "veth", "peer", "name", b)
        LinuxNetwork.disableIPv6(a)
        LinuxNetwork.disableIPv6(b)
        try LinuxNetwork.ip("link", "set", a, "up")
        try LinuxNetwork.ip("link", "set", b, "up")
        try LinuxNetwork.waitUntilOperational(a, b)
    }

    deinit { try? LinuxNetwork.ip("link", "del", a) }
}

@Suite(.enabled(if: LinuxNetwork.available, Comment(rawValue: LinuxNetwork.unavailableReason)))
struct AFPacketPortTests {
    @Test func burstsCrossAVethPairAndOwnFramesAreIgnored() throws {
        let veth = try VethPair()
        let sender = try AFPacketPort(interface: veth.a)
        let receiver = try AFPacketPort(interface: veth.b)
        defer {
            sender.close()
            receiver.close()
        }
        #expect(sender.interfaceIndex > 0)
        // 100 frames: more than one recvmmsg/sendmmsg chunk of 64.
        var batch = PacketBatch(capacity: 128)
        let frames = (0..<100).map { testFrame(UInt8($0), length: 60 + $0) }
        for frame in frames { batch.append(frame) }
        #expect(try sender.transmit(batch) == 100)
        #expect(try LinuxNetwork.collect(100, from: receiver, batch: &batch) == frames)
        #expect(sender.statistics.txPackets == 100)
        #expect(sender.statistics.txBytes == UInt64(frames.reduce(0) { $0 + $1.count }))
        #expect(receiver.statistics.rxPackets >= 100)
        batch.removeAll()
        #expect(try sender.receive(into: &batch) == 0, "the sender saw its own frames")
    }

    @Test func framesLargerThanASlotAreCountedAsErrors() throws {
        let veth = try VethPair()
        let sender = try AFPacketPort(interface: veth.a)
        let receiver = try AFPacketPort(interface: veth.b)
        var big = PacketBatch(capacity: 2)
        big.append(testFrame(1, length: 600))
        big.append(testFrame(2))
        #expect(try sender.transmit(big) == 2)
        var small = PacketBatch(capacity: 4, slotSize: 256, headroom: 0)
        #expect(try LinuxNetwork.collect(1, from: receiver, batch: &small) == [testFrame(2)])
        #expect(receiver.statistics.rxErrors == 1)
    }

    @Test func refusedFramesAreErrorsNotCrashes() throws {
        let veth = try VethPair()
        let sender = try AFPacketPort(interface: veth.a)
        var batch = PacketBatch(capacity: 4, slotSize: 16384, headroom: 0)
        batch.append([0x01, 0x02])  // shorter than an Ethernet header
        batch.append(testFrame(1, length: 9000))  // above the 1500-byte MTU
        batch.append(testFrame(2))
        #expect(try sender.transmit(batch) == 1)
        #expect(sender.statistics.txErrors == 2)
    }

    @Test func reportsAVanishedInterface() throws {
        let veth = try VethPair()
        let port = try AFPacketPort(interface: veth.b)
        defer { port.close() }
        try LinuxNetwork.ip("link", "del", veth.a)
        var batch = PacketBatch(capacity: 4)
        batch.append(testFrame(1))
        #expect(throws: PortError.interfaceGone(veth.b)) { try port.transmit(batch) }
        #expect(port.statistics.txErrors == 1)
        #expect(PortError.interfaceGone(veth.b).description == "interface '\(veth.b)' disappeared while in use")
    }
}
