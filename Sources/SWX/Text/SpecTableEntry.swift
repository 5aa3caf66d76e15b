/// A table (or learner) entry in the form the tables consume: key and mask bytes laid over the table's key
/// window, a priority, and an action with its action data.
///
/// Produced by `SpecEntryText.parse(_:for:in:purpose:)` from DPDK's table-entry text format. A regular entry has
/// both parts; a default entry has only `action`; a delete request may have only `match`.
public struct SpecTableEntry: Sendable, Hashable {
    /// The match part, if the line has `match ...`.
    public var match: SpecEntryMatch?
    /// The action part, if the line has `action ...`.
    public var action: SpecEntryAction?

    /// Creates an entry.
    public init(match: SpecEntryMatch?, action: SpecEntryAction?) {
        self.match = match
        self.action = action
    }
}

/// The key of an entry over the table's `SpecKeyWindow`.
///
/// `key` and `mask` each have `window.byteCount` bytes, laid out exactly as the struct stores the fields (header
/// fields big-endian, metadata fields ≤ 64 bits little-endian, wider fields as written). Bytes of holes between
/// key fields are zero in both. A field given without `/MASK` gets an all-ones mask. `priority` follows DPDK:
/// lower wins; for a table with an lpm field whose mask is given, it is `field width − prefix length`.
public struct SpecEntryMatch: Sendable, Hashable {
    /// Key bytes over the window.
    public var key: [UInt8]
    /// Mask bytes over the window.
    public var mask: [UInt8]
    /// Entry priority (0 is highest).
    public var priority: UInt32

    /// Creates a match.
    public init(key: [UInt8], mask: [UInt8], priority: UInt32) {
        self.key = key
        self.mask = mask
        self.priority = priority
    }
}

/// The action of an entry: the action id and its action data laid out as the action's args struct, each
/// argument in the byte order the action stores it (`SpecAction.argumentIsNetworkByteOrder`).
public struct SpecEntryAction: Sendable, Hashable {
    /// Index into `SpecProgram.actions`.
    public var actionIndex: Int
    /// Action data bytes (empty for `args none`).
    public var actionData: [UInt8]

    /// Creates an entry action.
    public init(actionIndex: Int, actionData: [UInt8]) {
        self.actionIndex = actionIndex
        self.actionData = actionData
    }
}

/// Which table-like object an entry line is read against.
public enum SpecEntryTarget: Sendable, Hashable {
    /// A regular table (index into `SpecProgram.tables`).
    case table(Int)
    /// A learner (index into `SpecProgram.learners`).
    case learner(Int)
}

/// What an entry line is for, which decides which parts it needs and which action scopes are allowed.
public enum SpecEntryPurpose: Sendable, Hashable {
    /// A regular entry: `match` (unless the table is key-less) and `action`, the action not `@defaultonly`.
    case entry
    /// The default entry: `action` only, the action not `@tableonly`.
    case defaultEntry
    /// A delete request: `match` only (an action part, if present, is read and checked but not needed).
    case deleteKey
}

/// A problem in entry or case text: the 1-based line (0 when parsing a single line) and what is wrong.
public struct SpecTextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line, or 0 for a single line parsed on its own.
    public var line: Int
    /// What is wrong, naming the token or field.
    public var message: String

    /// Creates an error.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `"line N: message"` (or just the message for line 0).
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
