/// Translates the instruction lines of one action or of the apply block into a `SpecInstructionBlock`,
/// applying DPDK's `instr_translate` checks (operand classes, widths, contexts), then its label checks and
/// `instr_verify` rules. Every failure is a `SpecError` with stage `.translate`.
///
/// The per-mnemonic rules live in `SpecTranslator+Instructions.swift`; operand resolution in
/// `SpecTranslator+Operands.swift`; DPDK's action-argument byte-order rule in `SpecTranslator+ByteOrder.swift`.
struct SpecTranslator {
    /// DPDK's `RTE_SWX_INSTRUCTION_SIZE`: the re-joined instruction text must be shorter.
    static let instructionSize = 256
    /// DPDK's `RTE_SWX_INSTRUCTION_TOKENS_MAX`.
    static let maximumInstructionTokens = 16

    let builder: SpecBuilder
    /// The action being translated, or nil for the apply block.
    let action: SpecAction?
    var labels: [String: Int] = [:]
    var line = 0
    var text = ""
    var blockName = ""

    init(builder: SpecBuilder, action: SpecAction?) {
        self.builder = builder
        self.action = action
    }

    mutating func translate(_ source: [SpecDocument.Instruction], blockLine: Int,
                            blockName: String) throws(SpecError) -> SpecInstructionBlock {
        self.blockName = blockName
        guard !source.isEmpty else {
            throw SpecError(stage: .translate, line: blockLine, message: "\(blockName) has no instructions")
        }
        // Pass 1: limits and labels.
        var bodies: [[String]] = []
        for (index, instruction) in source.enumerated() {
            line = instruction.line
            text = instruction.tokens.joined(separator: " ")
            guard text.utf8.count < Self.instructionSize else {
                throw fail("instruction is \(text.utf8.count) characters long; the limit is "
                    + "\(Self.instructionSize - 1)")
            }
            guard instruction.tokens.count <= Self.maximumInstructionTokens else {
                throw fail("instruction has \(instruction.tokens.count) tokens; the limit is "
                    + "\(Self.maximumInstructionTokens)")
            }
            var tokens = instruction.tokens
            if tokens.count >= 2, tokens[1] == ":" {
                let label = tokens[0]
                tokens.removeFirst(2)
                guard !tokens.isEmpty else { throw fail("label '\(label)' is not followed by an instruction") }
                guard labels[label] == nil else {
                    throw fail("duplicate label '\(label)' (first used at line \(source[labels[label] ?? 0].line))")
                }
                labels[label] = index
            }
            bodies.append(tokens)
        }
        // Pass 2: translation.
        var instructions: [SpecInstruction] = []
        for (index, tokens) in bodies.enumerated() {
            line = source[index].line
            text = source[index].tokens.joined(separator: " ")
            let instruction = try translateOne(tokens)
            if let target = instruction.jumpTarget, target == index, source[index].tokens.count >= 2,
               source[index].tokens[1] == ":" {
                throw fail("a jump may not target its own instruction (label '\(source[index].tokens[0])')")
            }
            instructions.append(instruction)
        }
        let block = SpecInstructionBlock(instructions: instructions, lines: source.map(\.line), labels: labels)
        try verify(block, blockLine: blockLine)
        return block
    }

    /// DPDK's `instr_verify`.
    func verify(_ block: SpecInstructionBlock, blockLine: Int) throws(SpecError) {
        if action == nil {
            guard case .rx = block.instructions[0] else {
                throw SpecError(stage: .translate, line: block.lines[0],
                                message: "apply: the first instruction must be 'rx'")
            }
            guard block.instructions.contains(where: \.isTransmit) else {
                throw SpecError(stage: .translate, line: blockLine,
                                message: "apply: there must be at least one 'tx' or 'drop' instruction")
            }
            let last = block.instructions[block.count - 1]
            var endsWithJump = false
            if case .jmp = last { endsWithJump = true }
            guard last.isTransmit || endsWithJump else {
                throw SpecError(stage: .translate, line: block.lines[block.count - 1],
                                message: "apply: the last instruction must be 'tx', 'drop' or 'jmp'")
            }
        } else {
            let ends = block.instructions.contains {
                if case .return = $0 { return true }
                return $0.isTransmit
            }
            guard ends else {
                throw SpecError(stage: .translate, line: blockLine,
                                message: "\(blockName): an action needs at least one 'return', 'tx' or 'drop'")
            }
        }
    }

    func fail(_ message: String) -> SpecError {
        SpecError(stage: .translate, line: line, message: "\(blockName): '\(text)': \(message)")
    }
}
