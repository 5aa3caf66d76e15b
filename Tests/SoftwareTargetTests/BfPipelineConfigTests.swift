import Foundation
import Testing
import SoftwareTarget
import TestSupport

/// A BfPipelineConfig with one profile, packed pipe_scope and a packet_io_config.
private func sampleConfig(scopePacked: Bool = true) -> [UInt8] {
    var profile = ProtobufWriter()
    profile.stringField(1, "pipe")
    profile.bytesField(2, Array("{\"ctx\":1}".utf8))
    profile.bytesField(3, Array("struct s { bit<8> a }\n".utf8))
    if scopePacked {
        profile.packedField(4, [0, 1, 2, 300])
    } else {
        for value: UInt64 in [0, 1, 2, 300] { profile.varintField(4, value) }
    }
    var io = ProtobufWriter()
    io.packedField(1, [64, 65])
    io.varintField(2, 4)
    io.varintField(3, 2)
    var top = ProtobufWriter()
    top.stringField(1, "prog")
    top.bytesField(2, Array("{\"tables\":[]}".utf8))
    top.bytesField(3, profile.bytes)
    top.bytesField(4, io.bytes)
    return top.bytes
}

@Suite struct BfPipelineConfigTests {
    @Test func decodesEveryField() throws {
        let config = try BfPipelineConfig(serialized: sampleConfig())
        #expect(config.p4Name == "prog")
        #expect(config.bfruntimeInfo == Array("{\"tables\":[]}".utf8))
        #expect(config.profiles.count == 1)
        #expect(config.profiles[0].profileName == "pipe")
        #expect(config.profiles[0].context == Array("{\"ctx\":1}".utf8))
        #expect(config.profiles[0].binary == Array("struct s { bit<8> a }\n".utf8))
        #expect(config.profiles[0].pipeScope == [0, 1, 2, 300])
        #expect(config.packetIoConfig?.ports == [64, 65])
        #expect(config.packetIoConfig?.rxQueueCount == 4)
        #expect(config.packetIoConfig?.txQueueCount == 2)
    }

    @Test func unpackedRepeatedScalarsDecodeAsPacked() throws {
        let packed = try BfPipelineConfig(serialized: sampleConfig(scopePacked: true))
        let unpacked = try BfPipelineConfig(serialized: sampleConfig(scopePacked: false))
        #expect(packed == unpacked)
    }

    @Test func skipsUnknownFieldsOfEveryWireType() throws {
        var noise = ProtobufWriter()
        noise.varintField(90, 12345)
        noise.fixed32Field(91, 0xdead_beef)
        noise.fixed64Field(92, 1)
        noise.bytesField(93, [1, 2, 3])
        noise.tag(94, 3)              // group 94 { group 95 { varint } }
        noise.tag(95, 3)
        noise.varintField(1, 7)
        noise.tag(95, 4)
        noise.tag(94, 4)
        let withNoise = try BfPipelineConfig(serialized: noise.bytes + sampleConfig() + noise.bytes)
        #expect(withNoise == (try BfPipelineConfig(serialized: sampleConfig())))
    }

    @Test func everyTruncationIsRejectedOrDecodesAPrefix() {
        let full = sampleConfig()
        var rejected = 0
        for length in 0..<full.count {
            do {
                _ = try BfPipelineConfig(serialized: Array(full[..<length]))
            } catch {
                rejected += 1
                #expect(error.offset <= length, "offset \(error.offset) beyond input of \(length) bytes")
            }
        }
        // Only the cuts that fall exactly between top-level fields (0 and after fields 1, 2, 3) decode.
        #expect(rejected == full.count - 4)
    }

    @Test func lengthPastTheEndNamesFieldAndOffset() {
        var top = ProtobufWriter()
        top.stringField(1, "p")
        top.tag(3, 2)
        top.varint(50)
        top.bytes.append(contentsOf: [0x0a, 0x01])
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 4,
                                      reason: .lengthExceedsRemaining(field: 3, declared: 50, remaining: 2))) {
            try BfPipelineConfig(serialized: top.bytes)
        }
    }

    @Test func nestedErrorsCarryTheMessagePath() {
        var profile = ProtobufWriter()
        profile.stringField(1, "pipe")
        profile.varintField(2, 1)  // context must be length-delimited
        var top = ProtobufWriter()
        top.bytesField(3, profile.bytes)
        do {
            _ = try BfPipelineConfig(serialized: top.bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "BfPipelineConfig.profiles[0]")
            #expect(error.reason == .unexpectedWireType(field: 2, name: "context", expected: .lengthDelimited, found: .varint))
            #expect(error.offset == 8)
            #expect(error.description.contains("context"))
        }
    }

    @Test func rejectsMalformedTags() {
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 0, reason: .invalidWireType(field: 1, rawValue: 6))) {
            try BfPipelineConfig(serialized: [0x0e])
        }
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 0, reason: .invalidFieldNumber(0))) {
            try BfPipelineConfig(serialized: [0x02, 0x00])
        }
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 1, reason: .varintTooLong)) {
            try BfPipelineConfig(serialized: [0x78] + [UInt8](repeating: 0xff, count: 11))
        }
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 1, reason: .truncatedFixed(width: 4))) {
            try BfPipelineConfig(serialized: [0x7d, 1, 2])  // field 15, fixed32, 2 of 4 bytes
        }
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 0, reason: .unmatchedEndGroup(field: 9))) {
            try BfPipelineConfig(serialized: [0x4c])
        }
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 1, reason: .unterminatedGroup(field: 9))) {
            try BfPipelineConfig(serialized: [0x4b])
        }
        #expect(throws: ProtobufError(path: "BfPipelineConfig", offset: 2, reason: .invalidUTF8(field: 1, name: "p4_name"))) {
            try BfPipelineConfig(serialized: [0x0a, 0x02, 0xc3, 0x28])
        }
    }

    @Test func deeplyNestedGroupsAreBounded() {
        var bytes: [UInt8] = []
        for _ in 0..<1000 { bytes.append(0x4b) }
        #expect(throws: ProtobufError.self) { try BfPipelineConfig(serialized: bytes) }
    }
}

@Suite struct K8sDeviceConfigTests {
    private static let corpus = "swx/k8s_dp"

    private func read(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Fixtures.shared("\(Self.corpus)/\(relative)")))
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func decodesIPDKPipelineByteForByte() throws {
        let config = try SpecPipelineConfig(deviceConfig: try read("k8s_dp.pb.bin"))
        #expect(config.format == .bfPipelineConfig)
        #expect(config.programName == "k8s_dp")
        #expect(config.pipelineName == "pipe")
        #expect(config.pipeScope == [0, 1, 2, 3])
        #expect(Array(config.specText.utf8) == (try read("pipe/k8s_dp.spec")))
        #expect(config.contextJSON == (try read("pipe/context.json")))
        #expect(config.tdiJSON == (try read("tdi.json")))
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, Comment(rawValue: Fixtures.sharedMissing)))
    func rejectsTheCorruptHeadBlob() throws {
        let bytes = try read("head-8456b28-corrupt/k8s_dp.pb.bin")
        do {
            _ = try SpecPipelineConfig(deviceConfig: bytes)
            Issue.record("the corrupt blob decoded")
        } catch {
            guard case .malformed(let cause) = error else {
                Issue.record("expected a malformed-wire-format error, got \(error)")
                return
            }
            #expect(cause.path.hasPrefix("BfPipelineConfig"))
            #expect(cause.offset < bytes.count)
            #expect(error.description.contains("at byte \(cause.offset)"))
        }
    }
}
