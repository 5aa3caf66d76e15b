/// The syntax tree of a `.spec` file: every statement as written, with its line, before any name is resolved.
///
/// `SpecParser.parse(_:)` produces it (grammar checks only, DPDK's `pipeline_spec_parse`); `SpecLoader`
/// configures and translates it (DPDK's `pipeline_spec_configure`). Each array keeps file order.
public struct SpecDocument: Sendable, Hashable {
    /// `extobj NAME instanceof TYPE [pragma ARGS]`.
    public struct ExternObject: Sendable, Hashable {
        public var name: String, typeName: String, pragma: String?, line: Int
    }
    /// `struct NAME { bit<N>|varbit<N> FIELD ... }`.
    public struct Struct: Sendable, Hashable {
        /// One field line.
        public struct Field: Sendable, Hashable {
            public var name: String, bitWidth: Int, isVarbit: Bool, line: Int
        }
        public var name: String, fields: [Field], line: Int
    }
    /// `header NAME instanceof STRUCT`.
    public struct Header: Sendable, Hashable {
        public var name: String, structName: String, line: Int
    }
    /// `metadata instanceof STRUCT`.
    public struct Metadata: Sendable, Hashable {
        public var structName: String, line: Int
    }
    /// One instruction line of an action or apply block: its tokens (label included) and line.
    public struct Instruction: Sendable, Hashable {
        public var tokens: [String], line: Int
    }
    /// `action NAME args none|instanceof STRUCT { ... }`.
    public struct Action: Sendable, Hashable {
        public var name: String, argumentsStructName: String?, instructions: [Instruction], line: Int
    }
    /// A key field line (`FIELD MATCH` in tables; `FIELD` in learners, whose match kind is exact).
    public struct KeyField: Sendable, Hashable {
        public var name: String, matchKind: SpecMatchKind, line: Int
    }
    /// An `actions { }` line.
    public struct ActionReference: Sendable, Hashable {
        public var name: String, scope: SpecActionScope, line: Int
    }
    /// A `default_action NAME args none|ARG VAL ... [const]` line; `arguments` holds the tokens after `args`
    /// (empty for `none`).
    public struct DefaultAction: Sendable, Hashable {
        public var name: String, arguments: [String], isConst: Bool, line: Int
    }
    /// `table NAME { ... }`.
    public struct Table: Sendable, Hashable {
        public var name: String
        public var keyFields: [KeyField]
        public var actions: [ActionReference]
        public var defaultAction: DefaultAction?
        public var hashFunctionName: String?
        public var recommendedTypeName: String?
        public var pragma: String?
        public var size: UInt32
        public var line: Int
    }
    /// `selector NAME { ... }`.
    public struct Selector: Sendable, Hashable {
        public var name: String
        public var groupIDFieldName: String?
        public var selectorFields: [KeyField]
        public var memberIDFieldName: String?
        public var groupCountMax: UInt32
        public var membersPerGroupMax: UInt32
        public var line: Int
    }
    /// `learner NAME { ... }`.
    public struct Learner: Sendable, Hashable {
        public var name: String
        public var keyFields: [KeyField]
        public var actions: [ActionReference]
        public var defaultAction: DefaultAction?
        public var hashFunctionName: String?
        public var size: UInt32
        public var timeouts: [UInt32]
        public var line: Int
    }
    /// `regarray NAME size N initval V`.
    public struct RegisterArray: Sendable, Hashable {
        public var name: String, size: UInt32, initialValue: UInt64, line: Int
    }
    /// `metarray NAME size N`.
    public struct MeterArray: Sendable, Hashable {
        public var name: String, size: UInt32, line: Int
    }
    /// `rss NAME`.
    public struct RSSObject: Sendable, Hashable {
        public var name: String, line: Int
    }
    /// `apply { ... }`.
    public struct Apply: Sendable, Hashable {
        public var instructions: [Instruction], line: Int
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
