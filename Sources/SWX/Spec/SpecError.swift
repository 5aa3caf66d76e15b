/// Why a `.spec` file was rejected.
///
/// `stage` says which of DPDK's phases would have refused it: `parse` (tokenizer and block grammar,
/// `rte_swx_pipeline_spec.c`), `config` (object configuration: structs, headers, tables, ...), or `translate`
/// (instruction translation and checks of an action or the apply block). `line` is the 1-based source line
/// (0 when the problem concerns the whole file, e.g. a missing `apply` block). `message` names the offending
/// item and the rule it breaks.
public struct SpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The loading phase that failed.
    public enum Stage: String, Sendable, Hashable, CaseIterable {
        /// Tokenizing or block grammar.
        case parse
        /// Object configuration and validation.
        case config
        /// Instruction translation.
        case translate
    }

    /// The failing phase.
    public var stage: Stage
    /// The 1-based line, or 0 for whole-file problems.
    public var line: Int
    /// What is wrong, naming the item and the rule.
    public var message: String

    /// Creates an error.
    public init(stage: Stage, line: Int, message: String) {
        self.stage = stage
        self.line = line
        self.message = message
    }

    /// `"<stage> error at line <line>: <message>"`.
    public var description: String {
        line > 0 ? "\(stage.rawValue) error at line \(line): \(message)" : "\(stage.rawValue) error: \(message)"
    }
}
