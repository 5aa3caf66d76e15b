/// A regular match-action `table NAME { ... }`.
///
/// Tables, selectors and learners share one name space. Tables are numbered in declaration order from 0.
public struct SpecTable: Sendable, Hashable {
    /// The table id (declaration order among tables).
    public var index: Int
    /// The table name.
    public var name: String
    /// The key fields in key-block order (the order match values appear in the entry text format).
    public var keyFields: [SpecKeyField]
    /// The lookup structure DPDK would use for this key.
    public var kind: SpecTableKind
    /// The key window (nil for a key-less stub table).
    public var keyWindow: SpecKeyWindow?
    /// The actions an entry or the default entry may use, in the order listed.
    public var actions: [SpecTableAction]
    /// The default entry given by `default_action`.
    public var defaultAction: SpecDefaultAction
    /// `size N`: the maximum number of entries.
    public var size: Int
    /// `hash FUNC`, if given (used by exact tables for bucket selection).
    public var hashFunction: SpecHashFunction?
    /// `instanceof TYPE`, the recommended table type name, if given.
    public var recommendedTypeName: String?
    /// `pragma ARGS`, the opaque arguments for the table type, if given.
    public var pragma: String?
    /// The 1-based line of the `table` statement.
    public var line: Int

    /// Creates a table.
    public init(index: Int, name: String, keyFields: [SpecKeyField], kind: SpecTableKind,
                keyWindow: SpecKeyWindow?, actions: [SpecTableAction], defaultAction: SpecDefaultAction,
                size: Int, hashFunction: SpecHashFunction?, recommendedTypeName: String?, pragma: String?,
                line: Int) {
        self.index = index
        self.name = name
        self.keyFields = keyFields
        self.kind = kind
        self.keyWindow = keyWindow
        self.actions = actions
        self.defaultAction = defaultAction
        self.size = size
        self.hashFunction = hashFunction
        self.recommendedTypeName = recommendedTypeName
        self.pragma = pragma
        self.line = line
    }

    /// The position in `actions` of the action with id `actionIndex`, or nil if the table does not list it.
    public func actionPosition(of actionIndex: Int) -> Int? {
        actions.firstIndex { $0.actionIndex == actionIndex }
    }
}

/// The lookup structure a table needs, chosen by DPDK's rule.
public enum SpecTableKind: Sendable, Hashable {
    /// Every key field is `exact` and the fields are contiguous: a hash table.
    case exact
    /// Any `wildcard` or `lpm` field, or exact fields with holes between them: a priority-ordered ternary table.
    /// LPM is a wildcard table whose priority follows the prefix length.
    case wildcard
    /// No key: every lookup misses and runs the default action.
    case stub
}

/// The match kind written after a key field.
public enum SpecMatchKind: String, Sendable, Hashable, CaseIterable {
    /// Exact match.
    case exact
    /// Ternary match with a mask.
    case wildcard
    /// Longest prefix match (at most one per table, all other fields exact).
    case lpm
}

/// Where a table's or selector's key fields come from: all from one header, or all from the metadata.
public enum SpecKeySource: Sendable, Hashable {
    /// The header with this index.
    case header(Int)
    /// The metadata struct.
    case metadata
}

/// One key field of a table, resolved.
public struct SpecKeyField: Sendable, Hashable {
    /// The field as written (`h.ipv4.dst_addr`, `m.vrf_id`).
    public var name: String
    /// The resolved field (offset, width, byte order).
    public var field: SpecFieldOperand
    /// The match kind.
    public var matchKind: SpecMatchKind

    /// Creates a key field.
    public init(name: String, field: SpecFieldOperand, matchKind: SpecMatchKind) {
        self.name = name
        self.field = field
        self.matchKind = matchKind
    }
}

/// The bytes a lookup reads: from the first byte of the lowest-offset key field to the last byte of the
/// highest one, in struct layout order (not key-block order), with a per-byte mask that is 0xFF on bytes that
/// belong to a key field and 0x00 on holes between them.
public struct SpecKeyWindow: Sendable, Hashable {
    /// The struct the key comes from.
    public var source: SpecKeySource
    /// The index into `SpecProgram.structs` of that struct's type.
    public var structIndex: Int
    /// Offset of the window's first byte in the struct.
    public var byteOffset: Int
    /// Window length in bytes.
    public var byteCount: Int
    /// Per-byte mask, `byteCount` bytes.
    public var mask: [UInt8]

    /// Creates a key window.
    public init(source: SpecKeySource, structIndex: Int, byteOffset: Int, byteCount: Int, mask: [UInt8]) {
        self.source = source
        self.structIndex = structIndex
        self.byteOffset = byteOffset
        self.byteCount = byteCount
        self.mask = mask
    }
}

/// Where an action may be used in a table or learner.
public enum SpecActionScope: String, Sendable, Hashable {
    /// For entries and for the default entry (no annotation).
    case any
    /// `@tableonly`: only for regular entries, never as the default entry.
    case tableOnly
    /// `@defaultonly`: only as the default entry.
    case defaultOnly

    /// Whether an entry added by the control plane (or learned) may use the action.
    public var allowsEntries: Bool { self != .defaultOnly }
    /// Whether the default entry may use the action.
    public var allowsDefault: Bool { self != .tableOnly }
}

/// One line of a table's or learner's `actions` block.
public struct SpecTableAction: Sendable, Hashable {
    /// The action id (index into `SpecProgram.actions`).
    public var actionIndex: Int
    /// The scope annotation.
    public var scope: SpecActionScope

    /// Creates a table action reference.
    public init(actionIndex: Int, scope: SpecActionScope) {
        self.actionIndex = actionIndex
        self.scope = scope
    }
}

/// The `default_action ANAME args ... [const]` line of a table or learner.
public struct SpecDefaultAction: Sendable, Hashable {
    /// The action id.
    public var actionIndex: Int
    /// The action data laid out as the action's args struct, each argument in the byte order the action uses
    /// (`SpecAction.argumentIsNetworkByteOrder`); empty for `args none`.
    public var actionData: [UInt8]
    /// Whether `const` was given: the control plane may not change the default entry.
    public var isConst: Bool

    /// Creates a default action.
    public init(actionIndex: Int, actionData: [UInt8], isConst: Bool) {
        self.actionIndex = actionIndex
        self.actionData = actionData
        self.isConst = isConst
    }
}
