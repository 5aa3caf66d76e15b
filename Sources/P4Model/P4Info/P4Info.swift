/// `p4.config.v1.P4Info`: the control-plane schema of a P4 program, as the compiler emits it.
///
/// This is the plain data, field for field; `P4InfoIndex` validates it and provides lookups by id, name and
/// alias. Build one from text format with `P4Info(textFormat:)`, or from any `ProtoMessage` tree with
/// `P4Info(message:encoding:)`.
public struct P4Info: Sendable, Hashable {
    /// Program-wide information.
    public var pkgInfo: PkgInfo?
    /// Match-action tables.
    public var tables: [Table]
    /// Actions.
    public var actions: [Action]
    /// Action profiles and action selectors.
    public var actionProfiles: [ActionProfile]
    /// Indirect counters.
    public var counters: [Counter]
    /// Direct counters.
    public var directCounters: [DirectCounter]
    /// Indirect meters.
    public var meters: [Meter]
    /// Direct meters.
    public var directMeters: [DirectMeter]
    /// Controller packet metadata headers (`packet_in`, `packet_out`).
    public var controllerPacketMetadata: [ControllerPacketMetadata]
    /// Parser value sets.
    public var valueSets: [ValueSet]
    /// Registers.
    public var registers: [Register]
    /// Digests.
    public var digests: [Digest]
    /// Architecture-specific externs, kept opaque.
    public var externs: [Extern]
    /// Named P4 types used by the objects above.
    public var typeInfo: P4TypeInfo?

    /// Creates a P4Info.
    public init(
        pkgInfo: PkgInfo? = nil, tables: [Table] = [], actions: [Action] = [], actionProfiles: [ActionProfile] = [],
        counters: [Counter] = [], directCounters: [DirectCounter] = [], meters: [Meter] = [],
        directMeters: [DirectMeter] = [], controllerPacketMetadata: [ControllerPacketMetadata] = [],
        valueSets: [ValueSet] = [], registers: [Register] = [], digests: [Digest] = [], externs: [Extern] = [],
        typeInfo: P4TypeInfo? = nil
    ) {
        self.pkgInfo = pkgInfo
        self.tables = tables
        self.actions = actions
        self.actionProfiles = actionProfiles
        self.counters = counters
        self.directCounters = directCounters
        self.meters = meters
        self.directMeters = directMeters
        self.controllerPacketMetadata = controllerPacketMetadata
        self.valueSets = valueSets
        self.registers = registers
        self.digests = digests
        self.externs = externs
        self.typeInfo = typeInfo
    }
}

/// Annotation fields shared by many P4Info messages (`annotations`, `annotation_locations`,
/// `structured_annotations`).
public protocol P4Annotated {
    /// Unstructured annotations as written in the P4 source (`"@brief(…)"`).
    var annotations: [String] { get set }
    /// Source locations of `annotations`, index for index.
    var annotationLocations: [P4Info.SourceLocation] { get set }
    /// Annotations with structured bodies.
    var structuredAnnotations: [P4Info.StructuredAnnotation] { get set }
}

extension P4Info {
    /// `p4.config.v1.Documentation`.
    public struct Documentation: Sendable, Hashable {
        /// A one-line description.
        public var brief: String
        /// A longer description.
        public var description: String
        /// Creates documentation.
        public init(brief: String = "", description: String = "") {
            self.brief = brief
            self.description = description
        }
    }

    /// `p4.config.v1.SourceLocation`: where an annotation was written in the P4 source.
    public struct SourceLocation: Sendable, Hashable {
        /// Source file path.
        public var file: String
        /// Line number.
        public var line: Int32
        /// Column number.
        public var column: Int32
        /// Creates a location.
        public init(file: String = "", line: Int32 = 0, column: Int32 = 0) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    /// `p4.config.v1.Expression`: a constant in a structured annotation.
    public enum Expression: Sendable, Hashable {
        /// A string constant.
        case stringValue(String)
        /// An integer constant.
        case int64Value(Int64)
        /// A boolean constant.
        case boolValue(Bool)
    }

    /// `p4.config.v1.KeyValuePair`: one `key = value` of a structured annotation.
    public struct KeyValuePair: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value; nil when absent.
        public var value: Expression?
        /// Creates a pair.
        public init(key: String = "", value: Expression? = nil) {
            self.key = key
            self.value = value
        }
    }

    /// `p4.config.v1.StructuredAnnotation`: `@name[expr, …]` or `@name[key=value, …]`.
    public struct StructuredAnnotation: Sendable, Hashable {
        /// The `body` oneof.
        public enum Body: Sendable, Hashable {
            /// A list of expressions (`expression_list`); nil entries stand for expressions with no value set.
            case expressionList([Expression?])
            /// A list of key-value pairs (`kv_pair_list`).
            case kvPairList([KeyValuePair])
        }

        /// The annotation name, without `@`.
        public var name: String
        /// The body; nil when absent.
        public var body: Body?
        /// Where the annotation was written.
        public var sourceLocation: SourceLocation?
        /// Creates a structured annotation.
        public init(name: String = "", body: Body? = nil, sourceLocation: SourceLocation? = nil) {
            self.name = name
            self.body = body
            self.sourceLocation = sourceLocation
        }
    }

    /// `p4.config.v1.PlatformProperties`: hints about the target's replication engine.
    public struct PlatformProperties: Sendable, Hashable {
        /// Number of multicast groups.
        public var multicastGroupTableSize: Int32
        /// Total replicas across all groups.
        public var multicastGroupTableTotalReplicas: Int32
        /// Replicas per group.
        public var multicastGroupTableMaxReplicasPerEntry: Int32
        /// Creates platform properties.
        public init(
            multicastGroupTableSize: Int32 = 0, multicastGroupTableTotalReplicas: Int32 = 0,
            multicastGroupTableMaxReplicasPerEntry: Int32 = 0
        ) {
            self.multicastGroupTableSize = multicastGroupTableSize
            self.multicastGroupTableTotalReplicas = multicastGroupTableTotalReplicas
            self.multicastGroupTableMaxReplicasPerEntry = multicastGroupTableMaxReplicasPerEntry
        }
    }

    /// `p4.config.v1.PkgInfo`: program-wide information.
    public struct PkgInfo: Sendable, Hashable, P4Annotated {
        /// Program name.
        public var name: String
        /// Program version.
        public var version: String
        /// Documentation.
        public var doc: Documentation?
        /// Unstructured annotations.
        public var annotations: [String]
        /// Source locations of `annotations`.
        public var annotationLocations: [SourceLocation]
        /// Target architecture (`"v1model"`, `"psa"`, `"pna"`).
        public var arch: String
        /// Organization that wrote the program.
        public var organization: String
        /// Contact information.
        public var contact: String
        /// URL for more information.
        public var url: String
        /// Structured annotations.
        public var structuredAnnotations: [StructuredAnnotation]
        /// Target platform hints.
        public var platformProperties: PlatformProperties?

        /// Creates package info.
        public init(
            name: String = "", version: String = "", doc: Documentation? = nil, annotations: [String] = [],
            annotationLocations: [SourceLocation] = [], arch: String = "", organization: String = "",
            contact: String = "", url: String = "", structuredAnnotations: [StructuredAnnotation] = [],
            platformProperties: PlatformProperties? = nil
        ) {
            self.name = name
            self.version = version
            self.doc = doc
            self.annotations = annotations
            self.annotationLocations = annotationLocations
            self.arch = arch
            self.organization = organization
            self.contact = contact
            self.url = url
            self.structuredAnnotations = structuredAnnotations
            self.platformProperties = platformProperties
        }
    }

    /// `p4.config.v1.Preamble`: the identity of a top-level P4Info object.
    public struct Preamble: Sendable, Hashable, P4Annotated {
        /// The id, whose most significant byte is the kind's prefix.
        public var id: UInt32
        /// The fully-qualified name (`"ingress.ipv4_lpm"`).
        public var name: String
        /// A shorter unique name (`"ipv4_lpm"`).
        public var alias: String
        /// Unstructured annotations.
        public var annotations: [String]
        /// Source locations of `annotations`.
        public var annotationLocations: [SourceLocation]
        /// Documentation.
        public var doc: Documentation?
        /// Structured annotations.
        public var structuredAnnotations: [StructuredAnnotation]

        /// Creates a preamble.
        public init(
            id: UInt32 = 0, name: String = "", alias: String = "", annotations: [String] = [],
            annotationLocations: [SourceLocation] = [], doc: Documentation? = nil,
            structuredAnnotations: [StructuredAnnotation] = []
        ) {
            self.id = id
            self.name = name
            self.alias = alias
            self.annotations = annotations
            self.annotationLocations = annotationLocations
            self.doc = doc
            self.structuredAnnotations = structuredAnnotations
        }
    }
}
