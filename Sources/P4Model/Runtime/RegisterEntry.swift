/// `p4.v1.RegisterEntry`: a cell (or, with `index` absent, every cell) of a register.
public struct RegisterEntry: Sendable, Hashable {
    /// The register; 0 in a read means all registers.
    public var registerId: RegisterID
    /// The cell; nil means all cells (in reads and writes).
    public var index: Index?
    /// The value, which must match the register's P4Info `type_spec`.
    public var data: P4Data?

    /// Creates a register entry.
    public init(registerId: RegisterID = 0, index: Index? = nil, data: P4Data? = nil) {
        self.registerId = registerId
        self.index = index
        self.data = data
    }
}
