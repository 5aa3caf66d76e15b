/// A `learner NAME { ... }` block: an exact-match table that the data plane fills with `learn`, whose
/// entries expire after one of up to 16 timeouts.
///
/// Learners share the table name space and are numbered in declaration order from 0.
public struct SpecLearner: Sendable, Hashable {
    /// The learner id (declaration order among learners).
    public var index: Int
    /// The learner name.
    public var name: String
    /// The key fields in key-block order; all exact, contiguous, from one struct.
    public var keyFields: [SpecKeyField]
    /// The key window (contiguous, so the mask is all 0xFF).
    public var keyWindow: SpecKeyWindow
    /// The actions entries and the default entry may use.
    public var actions: [SpecTableAction]
    /// The default entry.
    public var defaultAction: SpecDefaultAction
    /// `size N`: the number of keys the learner is sized for.
    public var size: Int
    /// `hash FUNC`, if given (DPDK uses crc32 otherwise).
    public var hashFunction: SpecHashFunction?
    /// The `timeout { }` values in seconds, in order (1 to 16 values, each > 0); timeout id `i` is index `i`.
    public var timeouts: [UInt32]
    /// The 1-based line of the `learner` statement.
    public var line: Int

    /// Creates a learner.
    public init(index: Int, name: String, keyFields: [SpecKeyField], keyWindow: SpecKeyWindow,
                actions: [SpecTableAction], defaultAction: SpecDefaultAction, size: Int,
                hashFunction: SpecHashFunction?, timeouts: [UInt32], line: Int) {
        self.index = index
        self.name = name
        self.keyFields = keyFields
        self.keyWindow = keyWindow
        self.actions = actions
        self.defaultAction = defaultAction
        self.size = size
        self.hashFunction = hashFunction
        self.timeouts = timeouts
        self.line = line
    }

    /// The position in `actions` of the action with id `actionIndex`, or nil if the learner does not list it.
    public func actionPosition(of actionIndex: Int) -> Int? {
        actions.firstIndex { $0.actionIndex == actionIndex }
    }
}
