/// The translated body of an action or of the apply block.
///
/// `instructions[i]` came from `.spec` line `lines[i]`; `labels` maps each label to the index of the
/// instruction it names. Jump targets inside `instructions` are already indices into this block. Unlike DPDK,
/// no instruction fusion is applied: the block holds exactly one instruction per source instruction.
public struct SpecInstructionBlock: Sendable, Hashable {
    /// The translated instructions in source order.
    public var instructions: [SpecInstruction]
    /// The 1-based source line of each instruction (same count as `instructions`).
    public var lines: [Int]
    /// Label name → instruction index, for diagnostics and printing.
    public var labels: [String: Int]

    /// Creates a block.
    public init(instructions: [SpecInstruction], lines: [Int], labels: [String: Int]) {
        self.instructions = instructions
        self.lines = lines
        self.labels = labels
    }

    /// The number of instructions.
    public var count: Int { instructions.count }
}
