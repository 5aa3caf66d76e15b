/// The syntax tree of a `.spec` file: every statement as written, with its line, before any name is resolved.
///
/// `SpecParser.parse(_:)` produces it (grammar checks only, DPDK's `pipeline_spec_parse`); `SpecLoader`
/// configures and translates it (DPDK's `pipeline_spec_configure`). Each array keeps file order.
public struct SpecDocument: Sendable, Hashable {
    /// `extobj NAME instanceof TYPE [pragma ARGS]`.
    public struct ExternObject: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The extern type name after `instanceof`.
        public var typeName: String
        /// The argument after `pragma`, if any.
        public var pragma: String?
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `struct NAME { bit<N>|varbit<N> FIELD ... }`.
    public struct Struct: Sendable, Hashable {
        /// One field line.
        public struct Field: Sendable, Hashable {
            /// The declared name.
            public var name: String
            /// The width in bits (a positive multiple of 8).
            public var bitWidth: Int
            /// Whether the field was declared `varbit<N>`.
            public var isVarbit: Bool
            /// The 1-based line of the statement.
            public var line: Int
        }
        /// The declared name.
        public var name: String
        /// The field lines in order.
        public var fields: [Field]
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `header NAME instanceof STRUCT`.
    public struct Header: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The struct type name after `instanceof`.
        public var structName: String
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `metadata instanceof STRUCT`.
    public struct Metadata: Sendable, Hashable {
        /// The struct type name after `instanceof`.
        public var structName: String
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// One instruction line of an action or apply block: its tokens (label included) and line.
    public struct Instruction: Sendable, Hashable {
        /// The tokens as written, label and `:` included.
        public var tokens: [String]
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `action NAME args none|instanceof STRUCT { ... }`.
    public struct Action: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The args struct name, or nil for `args none`.
        public var argumentsStructName: String?
        /// The instruction lines in order.
        public var instructions: [Instruction]
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// A key field line (`FIELD MATCH` in tables; `FIELD` in learners, whose match kind is exact).
    public struct KeyField: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The match kind (always `.exact` for learner and selector fields).
        public var matchKind: SpecMatchKind
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// An `actions { }` line.
    public struct ActionReference: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The `@tableonly`/`@defaultonly` annotation.
        public var scope: SpecActionScope
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// A `default_action NAME args none|ARG VAL ... [const]` line; `arguments` holds the tokens after `args`
    /// (empty for `none`).
    public struct DefaultAction: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The tokens after `args` (`NAME VALUE` pairs), empty for `none`.
        public var arguments: [String]
        /// Whether the line ends with `const`.
        public var isConst: Bool
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `table NAME { ... }`.
    public struct Table: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The key field lines.
        public var keyFields: [KeyField]
        /// The `actions { }` lines.
        public var actions: [ActionReference]
        /// The `default_action` line, if any.
        public var defaultAction: DefaultAction?
        /// The `hash` function name, if given.
        public var hashFunctionName: String?
        /// The `instanceof` table type, if given.
        public var recommendedTypeName: String?
        /// The `pragma` argument, if given.
        public var pragma: String?
        /// The `size` value (0 when absent).
        public var size: UInt32
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `selector NAME { ... }`.
    public struct Selector: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The `group_id` field name, if given.
        public var groupIDFieldName: String?
        /// The fields of the inner `selector { }` block.
        public var selectorFields: [KeyField]
        /// The `member_id` field name, if given.
        public var memberIDFieldName: String?
        /// `n_groups_max` (0 when absent).
        public var groupCountMax: UInt32
        /// `n_members_per_group_max` (0 when absent).
        public var membersPerGroupMax: UInt32
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `learner NAME { ... }`.
    public struct Learner: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The key field lines.
        public var keyFields: [KeyField]
        /// The `actions { }` lines.
        public var actions: [ActionReference]
        /// The `default_action` line, if any.
        public var defaultAction: DefaultAction?
        /// The `hash` function name, if given.
        public var hashFunctionName: String?
        /// The `size` value (0 when absent).
        public var size: UInt32
        /// The `timeout { }` values in seconds.
        public var timeouts: [UInt32]
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `regarray NAME size N initval V`.
    public struct RegisterArray: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The `size` value (0 when absent).
        public var size: UInt32
        /// The `initval` value.
        public var initialValue: UInt64
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `metarray NAME size N`.
    public struct MeterArray: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The `size` value (0 when absent).
        public var size: UInt32
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `rss NAME`.
    public struct RSSObject: Sendable, Hashable {
        /// The declared name.
        public var name: String
        /// The 1-based line of the statement.
        public var line: Int
    }
    /// `apply { ... }`.
    public struct Apply: Sendable, Hashable {
        /// The instruction lines in order.
        public var instructions: [Instruction]
        /// The 1-based line of the statement.
        public var line: Int
    }

    /// Extern objects in file order.
    public var externObjects: [ExternObject] = []
    /// Structs in file order.
    public var structs: [Struct] = []
    /// Headers in file order.
    public var headers: [Header] = []
    /// Metadata statements (DPDK accepts exactly one at configuration).
    public var metadata: [Metadata] = []
    /// Actions in file order.
    public var actions: [Action] = []
    /// Tables in file order.
    public var tables: [Table] = []
    /// Selectors in file order.
    public var selectors: [Selector] = []
    /// Learners in file order.
    public var learners: [Learner] = []
    /// Register arrays in file order.
    public var registerArrays: [RegisterArray] = []
    /// Meter arrays in file order.
    public var meterArrays: [MeterArray] = []
    /// RSS objects in file order.
    public var rssObjects: [RSSObject] = []
    /// Apply blocks in file order (DPDK configures each in turn; the last one is the one that runs).
    public var applyBlocks: [Apply] = []

    /// An empty document.
    public init() {}
}
