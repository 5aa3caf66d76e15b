extension P4Info {
    /// `p4.config.v1.MatchField`: one key field of a table or value set.
    public struct MatchField: Sendable, Hashable, P4Annotated {
        /// `MatchField.MatchType`: a standard match kind.
        public enum MatchType: ProtoEnum {
            /// `UNSPECIFIED` (0): unset.
            case unspecified
            /// `EXACT` (2): exact match.
            case exact
            /// `LPM` (3): longest-prefix match.
            case lpm
            /// `TERNARY` (4): value and mask.
            case ternary
            /// `RANGE` (5): inclusive range.
            case range
            /// `OPTIONAL` (6): exact match or wildcard (v1.3).
            case optional
            /// A value with no name in the proto definition.
            case unrecognized(Int32)

            /// The case for `rawValue`.
            public init(rawValue: Int32) {
                switch rawValue {
                case 0: self = .unspecified
                case 2: self = .exact
                case 3: self = .lpm
                case 4: self = .ternary
                case 5: self = .range
                case 6: self = .optional
                default: self = .unrecognized(rawValue)
                }
            }

            /// The numeric value.
            public var rawValue: Int32 {
                switch self {
                case .unspecified: 0
                case .exact: 2
                case .lpm: 3
                case .ternary: 4
                case .range: 5
                case .optional: 6
                case .unrecognized(let value): value
                }
            }

            /// The named values in declaration order.
            public static let namedValues: [(value: Int32, name: String)] = [
                (0, "UNSPECIFIED"),
                (2, "EXACT"),
                (3, "LPM"),
                (4, "TERNARY"),
                (5, "RANGE"),
                (6, "OPTIONAL"),
            ]
        }

        /// The `match` oneof: a standard match kind or an architecture-specific one by name.
        public enum Match: Sendable, Hashable {
            /// A standard match kind (`match_type`).
            case matchType(MatchType)
            /// An architecture-specific match kind (`other_match_type`), e.g. `"selector"`.
            case otherMatchType(String)
        }

        /// The field's id within its table, starting at 1.
        public var id: MatchFieldID
        /// The field name (the P4 key expression or its `@name`).
        public var name: String
        /// Unstructured annotations.
        public var annotations: [String]
        /// Source locations of `annotations`.
        public var annotationLocations: [SourceLocation]
        /// Width in bits of the field's values (for translated types: the SDN width).
        public var bitwidth: Int32
        /// The match kind; nil when neither member is set.
        public var match: Match?
        /// Documentation.
        public var doc: Documentation?
        /// The named P4 type of the field (user-defined types), if any.
        public var typeName: P4NamedType?
        /// Structured annotations.
        public var structuredAnnotations: [StructuredAnnotation]

        /// Creates a match field.
        public init(
            id: MatchFieldID = 0, name: String = "", annotations: [String] = [],
            annotationLocations: [SourceLocation] = [], bitwidth: Int32 = 0, match: Match? = nil,
            doc: Documentation? = nil, typeName: P4NamedType? = nil, structuredAnnotations: [StructuredAnnotation] = []
        ) {
            self.id = id
            self.name = name
            self.annotations = annotations
            self.annotationLocations = annotationLocations
            self.bitwidth = bitwidth
            self.match = match
            self.doc = doc
            self.typeName = typeName
            self.structuredAnnotations = structuredAnnotations
        }

        /// The standard match kind, or nil for an architecture-specific or unset kind.
        public var matchType: MatchType? {
            if case .matchType(let type) = match { return type }
            return nil
        }
    }

    /// `p4.config.v1.TableActionCall`: an action with constant arguments (a table's initial default action).
    public struct TableActionCall: Sendable, Hashable {
        /// `TableActionCall.Argument`.
        public struct Argument: Sendable, Hashable {
            /// The parameter.
            public var paramId: ActionParamID
            /// The argument as a bytestring.
            public var value: [UInt8]
            /// Creates an argument.
            public init(paramId: ActionParamID = 0, value: [UInt8] = []) {
                self.paramId = paramId
                self.value = value
            }
        }

        /// The action.
        public var actionId: ActionID
        /// The arguments.
        public var arguments: [Argument]
        /// Creates an action call.
        public init(actionId: ActionID = 0, arguments: [Argument] = []) {
            self.actionId = actionId
            self.arguments = arguments
        }
    }

    /// `p4.config.v1.ActionRef`: an action a table may use, with its scope.
    public struct ActionRef: Sendable, Hashable, P4Annotated {
        /// `ActionRef.Scope`: where the action may be used.
        public enum Scope: ProtoEnum {
            /// `TABLE_AND_DEFAULT` (0): in entries and as default action.
            case tableAndDefault
            /// `TABLE_ONLY` (1): only in entries (`@tableonly`).
            case tableOnly
            /// `DEFAULT_ONLY` (2): only as default action (`@defaultonly`).
            case defaultOnly
            /// A value with no name in the proto definition.
            case unrecognized(Int32)

            /// The case for `rawValue`.
            public init(rawValue: Int32) {
                switch rawValue {
                case 0: self = .tableAndDefault
                case 1: self = .tableOnly
                case 2: self = .defaultOnly
                default: self = .unrecognized(rawValue)
                }
            }

            /// The numeric value.
            public var rawValue: Int32 {
                switch self {
                case .tableAndDefault: 0
                case .tableOnly: 1
                case .defaultOnly: 2
                case .unrecognized(let value): value
                }
            }

            /// The named values in declaration order.
            public static let namedValues: [(value: Int32, name: String)] = [
                (0, "TABLE_AND_DEFAULT"),
                (1, "TABLE_ONLY"),
                (2, "DEFAULT_ONLY"),
            ]
        }

        /// The action.
        public var id: ActionID
        /// Where the action may be used.
        public var scope: Scope
        /// Unstructured annotations.
        public var annotations: [String]
        /// Source locations of `annotations`.
        public var annotationLocations: [SourceLocation]
        /// Structured annotations.
        public var structuredAnnotations: [StructuredAnnotation]

        /// Creates an action reference.
        public init(
            id: ActionID = 0, scope: Scope = .tableAndDefault, annotations: [String] = [],
            annotationLocations: [SourceLocation] = [], structuredAnnotations: [StructuredAnnotation] = []
        ) {
            self.id = id
            self.scope = scope
            self.annotations = annotations
            self.annotationLocations = annotationLocations
            self.structuredAnnotations = structuredAnnotations
        }
    }

    /// `p4.config.v1.Table`: a match-action table.
    public struct Table: Sendable, Hashable {
        /// `Table.IdleTimeoutBehavior`: whether entries age.
        public enum IdleTimeoutBehavior: ProtoEnum {
            /// `NO_TIMEOUT` (0): entries never age.
            case noTimeout
            /// `NOTIFY_CONTROL` (1): expired entries are reported to the controller.
            case notifyControl
            /// A value with no name in the proto definition.
            case unrecognized(Int32)

            /// The case for `rawValue`.
            public init(rawValue: Int32) {
                switch rawValue {
                case 0: self = .noTimeout
                case 1: self = .notifyControl
                default: self = .unrecognized(rawValue)
                }
            }

            /// The numeric value.
            public var rawValue: Int32 {
                switch self {
                case .noTimeout: 0
                case .notifyControl: 1
                case .unrecognized(let value): value
                }
            }

            /// The named values in declaration order.
            public static let namedValues: [(value: Int32, name: String)] = [
                (0, "NO_TIMEOUT"),
                (1, "NOTIFY_CONTROL"),
            ]
        }

        /// Identity (prefix 0x02).
        public var preamble: Preamble
        /// Key fields, in key order.
        public var matchFields: [MatchField]
        /// Actions the table may use.
        public var actionRefs: [ActionRef]
        /// The const default action, or 0 when the default action may change.
        public var constDefaultActionId: ActionID
        /// The default action the program starts with, if P4Info states it.
        public var initialDefaultAction: TableActionCall?
        /// The action profile or selector implementing the table, or 0 for a direct table.
        public var implementationId: UInt32
        /// Direct counters and meters attached to the table.
        public var directResourceIds: [UInt32]
        /// The table size (a hint: the number of entries the program asked for).
        public var size: Int64
        /// Whether entries age.
        public var idleTimeoutBehavior: IdleTimeoutBehavior
        /// True for tables whose entries are fixed by the program (`const entries`).
        public var isConstTable: Bool
        /// True when the program gives initial entries (v1.4).
        public var hasInitialEntries: Bool
        /// Architecture-specific properties.
        public var otherProperties: ProtoAny?

        /// Creates a table.
        public init(
            preamble: Preamble = Preamble(), matchFields: [MatchField] = [], actionRefs: [ActionRef] = [],
            constDefaultActionId: ActionID = 0, initialDefaultAction: TableActionCall? = nil,
            implementationId: UInt32 = 0, directResourceIds: [UInt32] = [], size: Int64 = 0,
            idleTimeoutBehavior: IdleTimeoutBehavior = .noTimeout, isConstTable: Bool = false,
            hasInitialEntries: Bool = false, otherProperties: ProtoAny? = nil
        ) {
            self.preamble = preamble
            self.matchFields = matchFields
            self.actionRefs = actionRefs
            self.constDefaultActionId = constDefaultActionId
            self.initialDefaultAction = initialDefaultAction
            self.implementationId = implementationId
            self.directResourceIds = directResourceIds
            self.size = size
            self.idleTimeoutBehavior = idleTimeoutBehavior
            self.isConstTable = isConstTable
            self.hasInitialEntries = hasInitialEntries
            self.otherProperties = otherProperties
        }

        /// The table's id.
        public var id: TableID { TableID(preamble.id) }
    }
}
