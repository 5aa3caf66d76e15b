import Testing
import SoftwareTarget

private func profile(name: String, binary: [UInt8]) -> [UInt8] {
    var writer = ProtobufWriter()
    writer.stringField(1, name)
    writer.bytesField(2, Array("{}".utf8))
    writer.bytesField(3, binary)
    writer.packedField(4, [0])
    return writer.bytes
}

private let specBytes = Array("header h { bit<8> x }\n".utf8)

@Suite struct SpecPipelineConfigTests {
    @Test func takesTheSingleBfProfile() throws {
        var top = ProtobufWriter()
        top.stringField(1, "prog")
        top.bytesField(3, profile(name: "pipe", binary: specBytes))
        let config = try SpecPipelineConfig(deviceConfig: top.bytes)
        #expect(config.format == .bfPipelineConfig)
        #expect(config.programName == "prog")
        #expect(config.pipelineName == "pipe")
        #expect(Array(config.specText.utf8) == specBytes)
        #expect(config.contextJSON == Array("{}".utf8))
        #expect(config.tdiJSON == nil)
        #expect(config.pipeScope == [0])
    }

    @Test func decodesTheTdiDeviceConfigLayout() throws {
        var pipeline = ProtobufWriter()
        pipeline.stringField(1, "pipe")
        pipeline.packedField(2, [0, 1])
        pipeline.bytesField(3, Array("{\"c\":0}".utf8))
        pipeline.bytesField(4, specBytes)
        var program = ProtobufWriter()
        program.stringField(1, "prog")
        program.bytesField(2, Array("{\"t\":0}".utf8))
        program.bytesField(3, [0x0a, 0x00])
        program.bytesField(4, pipeline.bytes)
        var top = ProtobufWriter()
        top.bytesField(1, program.bytes)
        let config = try SpecPipelineConfig(deviceConfig: top.bytes)
        #expect(config.format == .tdiDeviceConfig)
        #expect(config.programName == "prog")
        #expect(config.pipelineName == "pipe")
        #expect(config.pipeScope == [0, 1])
        #expect(config.contextJSON == Array("{\"c\":0}".utf8))
        #expect(config.tdiJSON == Array("{\"t\":0}".utf8))
        #expect(Array(config.specText.utf8) == specBytes)
        let raw = try TdiDeviceConfig(serialized: top.bytes)
        #expect(raw.programs[0].p4infoSerialized == [0x0a, 0x00])
    }

    @Test func rejectsConfigsWithoutExactlyOneTextPipeline() {
        #expect(throws: DeviceConfigError.empty) { try SpecPipelineConfig(deviceConfig: []) }

        var nameOnly = ProtobufWriter()
        nameOnly.varintField(5, 1)
        #expect(throws: DeviceConfigError.noPipeline(format: .bfPipelineConfig)) {
            try SpecPipelineConfig(deviceConfig: nameOnly.bytes)
        }

        var two = ProtobufWriter()
        two.bytesField(3, profile(name: "a", binary: specBytes))
        two.bytesField(3, profile(name: "b", binary: specBytes))
        #expect(throws: DeviceConfigError.multiplePipelines(format: .bfPipelineConfig, count: 2)) {
            try SpecPipelineConfig(deviceConfig: two.bytes)
        }

        var binary = ProtobufWriter()
        binary.bytesField(3, profile(name: "a", binary: [0xff, 0xfe, 0x00]))
        #expect(throws: DeviceConfigError.specNotText(path: "BfPipelineConfig.profiles[0].binary")) {
            try SpecPipelineConfig(deviceConfig: binary.bytes)
        }

        var emptySpec = ProtobufWriter()
        emptySpec.bytesField(3, profile(name: "a", binary: []))
        #expect(throws: DeviceConfigError.emptySpec(path: "BfPipelineConfig.profiles[0].binary")) {
            try SpecPipelineConfig(deviceConfig: emptySpec.bytes)
        }
    }

    @Test func reportsTheBfErrorWhenNothingParses() {
        do {
            _ = try SpecPipelineConfig(deviceConfig: [0x1a, 0x05, 0x0a])
            Issue.record("expected an error")
        } catch {
            #expect(error == .malformed(ProtobufError(
                path: "BfPipelineConfig", offset: 1,
                reason: .lengthExceedsRemaining(field: 3, declared: 5, remaining: 1))))
            #expect(error.description.contains("field 3 declares 5 bytes but only 1 remain"))
        }
    }
}
