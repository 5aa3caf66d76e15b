/// An `action NAME args none|instanceof STRUCT { ... }` block.
///
/// Actions are numbered in declaration order from 0 (DPDK's action ids). The action data of a table entry is
/// laid out exactly as the args struct; `argumentIsNetworkByteOrder[i]` says whether argument `i` is stored
/// big-endian in that data (DPDK stores arguments in network order when `validate h.X` is immediately followed
/// by a `mov` of every field of X, in order, from consecutive arguments used nowhere else; otherwise host order).
public struct SpecAction: Sendable, Hashable {
    /// The action id (declaration order).
    public var index: Int
    /// The action name.
    public var name: String
    /// The index into `SpecProgram.structs` of the args struct, or nil for `args none`.
    public var argumentsStructIndex: Int?
    /// Per argument (args struct field): whether it is stored in network byte order. Empty for `args none`.
    public var argumentIsNetworkByteOrder: [Bool]
    /// The translated body.
    public var body: SpecInstructionBlock
    /// The 1-based line of the `action` statement.
    public var line: Int

    /// Creates an action.
    public init(index: Int, name: String, argumentsStructIndex: Int?, argumentIsNetworkByteOrder: [Bool],
                body: SpecInstructionBlock, line: Int) {
        self.index = index
        self.name = name
        self.argumentsStructIndex = argumentsStructIndex
        self.argumentIsNetworkByteOrder = argumentIsNetworkByteOrder
        self.body = body
        self.line = line
    }

    /// Whether any argument is stored in network byte order (such an action cannot be the target of `learn`).
    public var hasNetworkByteOrderArguments: Bool { argumentIsNetworkByteOrder.contains(true) }

    /// Whether the body contains `learn` or `forget` (such an action may only be used by learners).
    public var doesLearning: Bool {
        body.instructions.contains {
            switch $0 {
            case .learn, .forget: true
            default: false
            }
        }
    }
}
