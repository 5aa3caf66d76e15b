/// A `regarray`: 64-bit cells, the size rounded up to a power of two as DPDK does (`rte_align32pow2`), every cell
/// starting at `initialValue`.
///
/// The packet-path accessors (`regrd`, `regwr`, `regadd`) mask the index with `size - 1`, so any index is
/// valid there, exactly as in DPDK; the control-plane accessors reject an index ≥ `size` instead.
/// Concurrency: packet-path updates are plain stores; readers on other threads may see a slightly stale value.
public final class RegisterArray: @unchecked Sendable {
    /// Number of cells (the `.spec` size rounded up to a power of two).
    public let size: Int
    /// The value every cell starts with and returns to on ``reset()``.
    public let initialValue: UInt64
    let cells: UnsafeMutablePointer<UInt64>
    let indexMask: UInt64

    /// Creates the array. Throws when `size` is 0 or above 2^31 (DPDK's limit for the rounding).
    public init(size: UInt64, initialValue: UInt64 = 0) throws(SWXRuntimeError) {
        guard size > 0, size <= 1 << 31 else {
            throw .invalidArgument("regarray: size \(size) must be between 1 and 2^31")
        }
        let n = KeyBytes.powerOfTwo(atLeast: Int(size))
        self.size = n
        self.initialValue = initialValue
        cells = .allocate(capacity: n)
        cells.initialize(repeating: initialValue, count: n)
        indexMask = UInt64(n - 1)
    }

    deinit { cells.deallocate() }

    // MARK: Packet path

    /// `regrd`: the cell at `index & (size - 1)`.
    @inline(__always)
    public func read(_ index: UInt64) -> UInt64 { cells[Int(index & indexMask)] }

    /// `regwr`: stores `value` at `index & (size - 1)`.
    @inline(__always)
    public func write(_ index: UInt64, _ value: UInt64) { cells[Int(index & indexMask)] = value }

    /// `regadd`: adds `value` (wrapping modulo 2^64) to the cell at `index & (size - 1)`.
    @inline(__always)
    public func add(_ index: UInt64, _ value: UInt64) { cells[Int(index & indexMask)] &+= value }

    // MARK: Control plane

    /// The cell at `index`. Throws `invalidArgument` when `index ≥ size`.
    public func value(at index: UInt64) throws(SWXRuntimeError) -> UInt64 {
        try check(index)
        return cells[Int(index)]
    }

    /// Sets the cell at `index`. Throws `invalidArgument` when `index ≥ size`.
    public func setValue(_ value: UInt64, at index: UInt64) throws(SWXRuntimeError) {
        try check(index)
        cells[Int(index)] = value
    }

    /// Sets every cell back to `initialValue`.
    public func reset() { cells.update(repeating: initialValue, count: size) }

    private func check(_ index: UInt64) throws(SWXRuntimeError) {
        guard index < UInt64(size) else {
            throw .invalidArgument("regarray: index \(index) is out of range (size \(size))")
        }
    }
}
