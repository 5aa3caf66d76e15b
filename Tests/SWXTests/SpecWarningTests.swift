import SWX
import Testing

/// DPDK defects: the program loads with correct operands and a warning names the defect and line.
@Suite struct SpecWarningTests {
    static func spec(padding bytes: Int, body: String) -> String {
        """
        struct m_t {
            bit<32> port
            bit<\(bytes * 8)> pad
            bit<32> far
            bit<32> src
        }
        metadata instanceof m_t
        apply {
            rx m.port
        \(body)
            tx m.port
        }
        """
    }

    @Test func metadataPastByte255IsWarnedAndKeptExact() throws {
        let program = try SpecLoader.load(Self.spec(padding: 300, body: "    mov m.far 7\n    mov m.port 1"))
        guard case .mov(let destination, _) = program.apply.instructions[1] else { Issue.record("mov"); return }
        #expect(destination.byteOffset == 304)
        #expect(program.warnings.count == 1)
        let warning = try #require(program.warnings.first)
        #expect(warning.kind == .metadataOffsetAliasing)
        #expect(warning.line == 10)
        #expect(warning.message.contains("'far'") && warning.message.contains("304") && warning.message.contains("48"))
    }

    @Test func hashDestinationPastByte31IsWarned() throws {
        let program = try SpecLoader.load(Self.spec(padding: 40, body: "    hash jhash m.far m.port m.port"))
        guard case .hash(_, let destination, _) = program.apply.instructions[1] else { Issue.record("hash"); return }
        #expect(destination.byteOffset == 44)
        #expect(program.warnings.map(\.kind) == [.hashDestinationCast])
        #expect(program.warnings.first?.message.contains("byte 12") == true, "(44 * 8) mod 256 / 8 = 12")
        let near = try SpecLoader.load(Self.spec(padding: 1, body: "    hash jhash m.far m.port m.port"))
        #expect(near.warnings.isEmpty)
    }

    @Test func warningsDescribeThemselves() {
        let warning = SpecWarning(kind: .pnaMeterColor, line: 3, message: "m")
        #expect(warning.description == "warning at line 3 (pnaMeterColor): m")
        #expect(SpecError(stage: .parse, line: 0, message: "x").description == "parse error: x")
    }
}
