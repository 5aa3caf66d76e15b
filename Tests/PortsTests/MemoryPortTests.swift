import Glibc
import Testing
import Ports

/// A 60-byte Ethernet frame whose bytes encode `tag`, so tests can tell frames apart.
func testFrame(_ tag: UInt8, length: Int = 60) -> [UInt8] {
    var frame = [UInt8](repeating: tag, count: length)
    frame[12] = 0x88
    frame[13] = 0xb5  // IEEE local experimental EtherType
    return frame
}

/// True when `fd` polls readable right now (timeout 0: no waiting).
func isReadable(_ fd: Int32) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 0) == 1 && entry.revents & Int16(POLLIN) != 0
}

@Suite struct MemoryPortTests {
    @Test func injectedFramesReachTheEngineInOrder() throws {
        let port = try MemoryPort(queueCapacity: 8)
        var batch = PacketBatch(capacity: 4)
        #expect(try port.inject(testFrame(1), timestamp: 11))
        #expect(try port.inject(testFrame(2, length: 100), timestamp: 22))
        #expect(try port.receive(into: &batch) == 2)
        #expect(batch.count == 2)
        #expect(batch.bytes(of: 0) == testFrame(1))
        #expect(batch.bytes(of: 1) == testFrame(2, length: 100))
        #expect(batch.packets[0].timestamp == 11)
        #expect(batch.packets[1].timestamp == 22)
        #expect(batch.packets[0].data == batch.slotStart(0) + batch.headroom)
        #expect(try port.receive(into: &batch) == 0)
        #expect(batch.count == 0)
        let stats = port.statistics
        #expect(stats.rxPackets == 2)
        #expect(stats.rxBytes == 160)
    }

    @Test func receiveStopsAtBatchCapacity() throws {
        let port = try MemoryPort(queueCapacity: 8)
        for tag in 0..<5 { try port.inject(testFrame(UInt8(tag))) }
        var batch = PacketBatch(capacity: 3)
        #expect(try port.receive(into: &batch) == 3)
        #expect(batch.bytes(of: 2) == testFrame(2))
        #expect(port.injectQueueDepth == 2)
        #expect(try port.receive(into: &batch) == 2)
        #expect(batch.bytes(of: 0) == testFrame(3))
    }

    @Test func fullInjectQueueDropsAndCounts() throws {
        let port = try MemoryPort(queueCapacity: 2)
        #expect(try port.inject(testFrame(1)))
        #expect(try port.inject(testFrame(2)))
        #expect(try port.inject(testFrame(3)) == false)
        #expect(port.statistics.rxDropped == 1)
        var batch = PacketBatch(capacity: 8)
        #expect(try port.receive(into: &batch) == 2)
        #expect(batch.bytes(of: 1) == testFrame(2))
    }

    @Test func transmittedFramesAreCapturedAndFullCaptureQueueDrops() throws {
        let port = try MemoryPort(queueCapacity: 2)
        var batch = PacketBatch(capacity: 4)
        batch.append(testFrame(7), timestamp: 70)
        batch.append(testFrame(8), timestamp: 80)
        batch.append(testFrame(9), timestamp: 90)
        #expect(try port.transmit(batch) == 2)
        let stats = port.statistics
        #expect(stats.txPackets == 2)
        #expect(stats.txBytes == 120)
        #expect(stats.txDropped == 1)
        #expect(port.capture(limit: 1) == [CapturedPacket(bytes: testFrame(7), timestamp: 70)])
        #expect(port.capture() == [CapturedPacket(bytes: testFrame(8), timestamp: 80)])
        #expect(port.capture().isEmpty)
    }

    @Test func untimedTransmitsGetTheCurrentTime() throws {
        let port = try MemoryPort()
        var batch = PacketBatch(capacity: 1)
        batch.append(testFrame(1))
        _ = try port.transmit(batch)
        #expect(try #require(port.capture().first).timestamp > 1_600_000_000_000_000_000)
    }

    @Test func rejectsBadFramesWithClearErrors() throws {
        let port = try MemoryPort(label: "memory:0", maximumFrameLength: 128)
        #expect(throws: PortError.emptyFrame(port: "memory:0")) { try port.inject([]) }
        #expect(throws: PortError.frameTooLarge(port: "memory:0", length: 129, limit: 128)) {
            try port.inject(testFrame(1, length: 129))
        }
        #expect(PortError.frameTooLarge(port: "memory:0", length: 129, limit: 128).description
            == "memory:0: frame of 129 bytes exceeds the port's limit of 128 bytes")
    }

    @Test func framesLargerThanTheBatchSlotsAreCountedAsErrors() throws {
        let port = try MemoryPort()
        try port.inject(testFrame(1, length: 1500))
        try port.inject(testFrame(2))
        var batch = PacketBatch(capacity: 4, slotSize: 512, headroom: 0)
        #expect(try port.receive(into: &batch) == 1)
        #expect(batch.bytes(of: 0) == testFrame(2))
        #expect(port.statistics.rxErrors == 1)
    }

    @Test func pollDescriptorIsReadableExactlyWhileFramesWait() throws {
        let port = try MemoryPort()
        let fd = try #require(port.pollDescriptor)
        #expect(!isReadable(fd))
        try port.inject(testFrame(1))
        try port.inject(testFrame(2))
        #expect(isReadable(fd))
        var batch = PacketBatch(capacity: 1)
        _ = try port.receive(into: &batch)
        #expect(isReadable(fd))
        _ = try port.receive(into: &batch)
        #expect(!isReadable(fd))
        try port.inject(testFrame(3))
        #expect(isReadable(fd))
    }

    @Test func closedPortRefusesEverything() throws {
        let port = try MemoryPort(label: "m")
        try port.inject(testFrame(1))
        port.close()
        port.close()
        var batch = PacketBatch(capacity: 1)
        #expect(throws: PortError.closed(port: "m")) { try port.receive(into: &batch) }
        #expect(throws: PortError.closed(port: "m")) { try port.inject(testFrame(1)) }
        #expect(throws: PortError.closed(port: "m")) { try port.transmit(batch) }
        #expect(!isReadable(try #require(port.pollDescriptor)))
    }

    @Test func concurrentInjectorsLoseNothingBelowCapacity() async throws {
        let port = try MemoryPort(queueCapacity: 4000)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for index in 0..<1000 { _ = try? port.inject(testFrame(UInt8(worker)), timestamp: UInt64(index + 1)) }
                }
            }
        }
        var batch = PacketBatch(capacity: 256)
        var total = 0
        var perWorker = [Int](repeating: 0, count: 4)
        while true {
            let received = try port.receive(into: &batch)
            if received == 0 { break }
            for packet in batch.packets { perWorker[Int(packet.data.load(as: UInt8.self))] += 1 }
            total += received
        }
        #expect(total == 4000)
        #expect(perWorker == [1000, 1000, 1000, 1000])
        #expect(port.statistics.rxDropped == 0)
    }
}

@Suite struct PacketBatchTests {
    @Test func slotsAreCacheLineAlignedAndAppendRespectsRoom() {
        var batch = PacketBatch(capacity: 2, slotSize: 100, headroom: 16)
        #expect(batch.slotSize == 128)
        #expect(batch.frameRoom == 112)
        #expect(Int(bitPattern: batch.slotStart(1)) % 64 == 0)
        #expect(batch.append(testFrame(1, length: 113)) == false)
        let fitsRoom = batch.append(testFrame(1, length: 112))
        let fitsSecond = batch.append(testFrame(2))
        #expect(fitsRoom && fitsSecond)
        #expect(batch.append(testFrame(3)) == false)
        #expect(batch.count == 2)
        batch.removeAll()
        #expect(batch.packets.isEmpty)
    }
}
