extension P4Info {
    /// `p4.config.v1.Action`: an action and its parameters.
    public struct Action: Sendable, Hashable {
        /// `Action.Param`: one action parameter.
        public struct Param: Sendable, Hashable, P4Annotated {
            /// The parameter's id within its action, starting at 1.
            public var id: ActionParamID
            /// The parameter name.
            public var name: String
            /// Unstructured annotations.
            public var annotations: [String]
            /// Source locations of `annotations`.
            public var annotationLocations: [SourceLocation]
            /// Width in bits (for translated types: the SDN width).
            public var bitwidth: Int32
            /// Documentation.
            public var doc: Documentation?
            /// The named P4 type of the parameter, if any.
            public var typeName: P4NamedType?
            /// Structured annotations.
            public var structuredAnnotations: [StructuredAnnotation]

            /// Creates a parameter.
            public init(
                id: ActionParamID = 0, name: String = "", annotations: [String] = [],
                annotationLocations: [SourceLocation] = [], bitwidth: Int32 = 0, doc: Documentation? = nil,
                typeName: P4NamedType? = nil, structuredAnnotations: [StructuredAnnotation] = []
            ) {
                self.id = id
                self.name = name
                self.annotations = annotations
                self.annotationLocations = annotationLocations
                self.bitwidth = bitwidth
                self.doc = doc
                self.typeName = typeName
                self.structuredAnnotations = structuredAnnotations
            }
        }

        /// Identity (prefix 0x01).
        public var preamble: Preamble
        /// Parameters in declaration order.
        public var params: [Param]

        /// Creates an action.
        public init(preamble: Preamble = Preamble(), params: [Param] = []) {
            self.preamble = preamble
            self.params = params
        }

        /// The action's id.
        public var id: ActionID { ActionID(preamble.id) }
    }

    /// `p4.config.v1.ActionProfile`: an action profile, or with `withSelector` an action selector.
    public struct ActionProfile: Sendable, Hashable {
        /// The `selector_size_semantics` oneof (v1.4): how group sizes are counted.
        public enum SelectorSizeSemantics: Sendable, Hashable {
            /// Size is the sum of member weights (the default when unset).
            case sumOfWeights
            /// Size is the number of members; each weight at most `maxMemberWeight`.
            case sumOfMembers(maxMemberWeight: Int32)
        }

        /// Identity (prefix 0x11).
        public var preamble: Preamble
        /// Tables implemented by this profile.
        public var tableIds: [TableID]
        /// True for an action selector.
        public var withSelector: Bool
        /// Maximum number of members (or, per `selectorSizeSemantics`, total weight).
        public var size: Int64
        /// Maximum size of one group; 0 means no limit beyond `size`.
        public var maxGroupSize: Int32
        /// How group sizes are counted; nil when unset (sum of weights).
        public var selectorSizeSemantics: SelectorSizeSemantics?
        /// True when member weights are not supported (then weights must be 0, v1.5).
        public var weightsDisallowed: Bool

        /// Creates an action profile.
        public init(
            preamble: Preamble = Preamble(), tableIds: [TableID] = [], withSelector: Bool = false, size: Int64 = 0,
            maxGroupSize: Int32 = 0, selectorSizeSemantics: SelectorSizeSemantics? = nil,
            weightsDisallowed: Bool = false
        ) {
            self.preamble = preamble
            self.tableIds = tableIds
            self.withSelector = withSelector
            self.size = size
            self.maxGroupSize = maxGroupSize
            self.selectorSizeSemantics = selectorSizeSemantics
            self.weightsDisallowed = weightsDisallowed
        }

        /// The profile's id.
        public var id: ActionProfileID { ActionProfileID(preamble.id) }
    }
}
