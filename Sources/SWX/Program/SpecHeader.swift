/// A packet header declared with `header NAME instanceof STRUCT`.
///
/// Headers are numbered in declaration order from 0; DPDK allows at most 64 because the valid bits live in one
/// 64-bit mask. Header fields are stored in network byte order.
public struct SpecHeader: Sendable, Hashable {
    /// The header's index (its bit in the valid mask).
    public var index: Int
    /// The header's name, used as `h.NAME`.
    public var name: String
    /// The index into `SpecProgram.structs` of the header's struct type.
    public var structIndex: Int
    /// The 1-based line of the declaration.
    public var line: Int

    /// Creates a header.
    public init(index: Int, name: String, structIndex: Int, line: Int) {
        self.index = index
        self.name = name
        self.structIndex = structIndex
        self.line = line
    }
}
