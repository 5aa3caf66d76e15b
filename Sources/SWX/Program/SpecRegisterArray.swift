/// A `regarray NAME size N initval V` declaration: an array of 64-bit registers.
public struct SpecRegisterArray: Sendable, Hashable {
    /// The regarray id (declaration order).
    public var index: Int
    /// The name.
    public var name: String
    /// The declared size N (> 0).
    public var size: Int
    /// The value every cell starts with.
    public var initialValue: UInt64
    /// The 1-based line of the declaration.
    public var line: Int

    /// Creates a register array.
    public init(index: Int, name: String, size: Int, initialValue: UInt64, line: Int) {
        self.index = index
        self.name = name
        self.size = size
        self.initialValue = initialValue
        self.line = line
    }

    /// The number of cells actually allocated: `size` rounded up to a power of two, as DPDK does; indices are
    /// masked with `capacity - 1`.
    public var capacity: Int { size.nextPowerOfTwo }
}

/// A `metarray NAME size N` declaration: an array of two-rate three-colour meters.
public struct SpecMeterArray: Sendable, Hashable {
    /// The metarray id (declaration order).
    public var index: Int
    /// The name.
    public var name: String
    /// The declared size N (> 0).
    public var size: Int
    /// The 1-based line of the declaration.
    public var line: Int

    /// Creates a meter array.
    public init(index: Int, name: String, size: Int, line: Int) {
        self.index = index
        self.name = name
        self.size = size
        self.line = line
    }

    /// The number of meters allocated: `size` rounded up to a power of two; indices are masked with
    /// `capacity - 1`.
    public var capacity: Int { size.nextPowerOfTwo }
}

/// An `rss NAME` declaration: a Toeplitz hash object whose key the control plane sets.
public struct SpecRSSObject: Sendable, Hashable {
    /// The rss object id (declaration order).
    public var index: Int
    /// The name.
    public var name: String
    /// The 1-based line of the declaration.
    public var line: Int

    /// Creates an rss object.
    public init(index: Int, name: String, line: Int) {
        self.index = index
        self.name = name
        self.line = line
    }
}

extension Int {
    /// The smallest power of two ≥ self (1 for values ≤ 1; `Int.max` when that power does not fit).
    var nextPowerOfTwo: Int {
        guard self > 1 else { return 1 }
        let shift = Int.bitWidth - (self - 1).leadingZeroBitCount
        return shift >= Int.bitWidth - 1 ? Int.max : 1 << shift
    }
}
