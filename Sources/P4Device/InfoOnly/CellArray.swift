/// The cells of an indexed extern (counter, meter, register) stored sparsely: a fill value for every cell plus the
/// cells written individually, so a P4Info `size` of 2^32 costs nothing until cells are written.
struct CellArray<Value: Sendable>: Sendable {
    /// The number of cells.
    let size: Int64
    /// The value of every cell not in `written`.
    private(set) var fill: Value
    /// Individually written cells.
    private var written: [Int64: Value] = [:]

    init(size: Int64, fill: Value) {
        self.size = size
        self.fill = fill
    }

    subscript(index: Int64) -> Value {
        get { written[index] ?? fill }
        set { written[index] = newValue }
    }

    /// Sets every cell to `value`.
    mutating func setAll(_ value: Value) {
        fill = value
        written.removeAll()
    }

    /// Calls `body` for one cell or, with nil, every cell in index order, until it returns false.
    func forEach(index: Int64?, _ body: (Int64, Value) -> Bool) {
        if let index {
            _ = body(index, self[index])
            return
        }
        var cell: Int64 = 0
        while cell < size {
            if !body(cell, self[cell]) { return }
            cell += 1
        }
    }
}
