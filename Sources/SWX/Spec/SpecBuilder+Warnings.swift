extension SpecBuilder {
    /// PNA programs (p4c-dpdk names their standard metadata `pna_*`, PSA ones `psa_*`) use PNA's colour
    /// numbering.
    static func meterColorEncoding(of metadata: SpecStruct) -> SpecMeterColorEncoding {
        let pna = metadata.fields.contains { $0.name.hasPrefix("pna_") }
        let psa = metadata.fields.contains { $0.name.hasPrefix("psa_") }
        return pna && !psa ? .pna : .dpdk
    }

    /// The DPDK defects the program would hit on stock DPDK, one warning per instruction and defect.
    static func defectWarnings(in program: SpecProgram) -> [SpecWarning] {
        var warnings: [SpecWarning] = []
        var blocks: [(name: String, block: SpecInstructionBlock)] = program.actions.map {
            ("action \($0.name)", $0.body)
        }
        blocks.append(("apply", program.apply))
        for (name, block) in blocks {
            for (index, instruction) in block.instructions.enumerated() {
                let line = block.lines[index]
                if let aliased = instruction.fieldOperands.first(where: { $0.byteOffset >= 256 }) {
                    let fieldName = program.structs[aliased.structIndex].fields[aliased.fieldIndex].name
                    warnings.append(.init(kind: .metadataOffsetAliasing, line: line, message:
                        "\(name): '\(instruction.mnemonic)' uses field '\(fieldName)' at byte offset "
                        + "\(aliased.byteOffset); DPDK encodes operand offsets in 8 bits and would access byte "
                        + "\(aliased.byteOffset % 256) instead"))
                }
                switch instruction {
                case .hash(_, let destination, _), .rss(_, let destination, _):
                    if destination.byteOffset >= 32 {
                        let fieldName = program.structs[destination.structIndex].fields[destination.fieldIndex].name
                        let wrong = ((destination.byteOffset * 8) % 256) / 8
                        warnings.append(.init(kind: .hashDestinationCast, line: line, message:
                            "\(name): '\(instruction.mnemonic)' writes 'm.\(fieldName)' at byte offset "
                            + "\(destination.byteOffset); DPDK truncates the destination bit offset to 8 bits and "
                            + "would write byte \(wrong) instead"))
                    }
                case .meter:
                    if program.meterColorEncoding == .pna {
                        warnings.append(.init(kind: .pnaMeterColor, line: line, message:
                            "\(name): PNA program uses 'meter'; p4c-dpdk does not remap PNA colours "
                            + "(RED=0, GREEN=1, YELLOW=2) to DPDK's (GREEN=0, YELLOW=1, RED=2), so stock DPDK "
                            + "compares the wrong colours; p4rtd translates them"))
                    }
                default:
                    break
                }
            }
        }
        return warnings
    }
}
