import P4Device
import P4Model
@testable import SoftwareTarget
import Testing

/// The controller header packing used for packet-out metadata and packet-in decoding.
struct ControllerHeaderTests {
    let header = [
        MatchFieldSchema(id: 1, name: "egress_port", bitwidth: 9, matchType: nil),
        MatchFieldSchema(id: 2, name: "pad", bitwidth: 7, matchType: nil),
        MatchFieldSchema(id: 3, name: "reason", bitwidth: 8, matchType: nil),
    ]

    @Test func packsFieldsBigEndianInOrderAndReadsThemBack() throws {
        let packed = ControllerHeader.pack([PacketMetadata(metadataId: 3, value: [0xAB]),
                                            PacketMetadata(metadataId: 1, value: [1, 3])], as: header)
        // 9 bits 1_0000_0011, 7 bits 0, 8 bits 0xAB.
        #expect(packed == [0b1000_0001, 0b1000_0000, 0xAB])
        let unpacked = ControllerHeader.unpack(packed + [9, 9], as: header)
        let (metadata, payload) = try #require(unpacked)
        #expect(metadata == [PacketMetadata(metadataId: 1, value: [1, 3]), PacketMetadata(metadataId: 2, value: [0]),
                             PacketMetadata(metadataId: 3, value: [0xAB])])
        #expect(payload == [9, 9])
        #expect(ControllerHeader.unpack([1], as: header) == nil)
    }
}
