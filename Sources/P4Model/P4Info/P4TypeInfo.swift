// The p4types.proto messages, one struct each. Kept in one file because they are small, mutually referring
// declarations that read best next to each other, in the proto's order.

/// `p4.config.v1.P4TypeInfo`: the named P4 types a P4Info refers to.
///
/// The proto maps are dictionaries keyed by type name; iterate them through `sortedKeys` (or sort) wherever order
/// affects output, so results never depend on hash seeds.
public struct P4TypeInfo: Sendable, Hashable {
    /// Structs by name.
    public var structs: [String: P4StructTypeSpec]
    /// Headers by name.
    public var headers: [String: P4HeaderTypeSpec]
    /// Header unions by name.
    public var headerUnions: [String: P4HeaderUnionTypeSpec]
    /// Safe enums by name.
    public var enums: [String: P4EnumTypeSpec]
    /// The program's `error` members.
    public var error: P4ErrorTypeSpec?
    /// Serializable enums by name.
    public var serializableEnums: [String: P4SerializableEnumTypeSpec]
    /// `type` declarations (new types), by name, possibly with a `@p4runtime_translation`.
    public var newTypes: [String: P4NewTypeSpec]

    /// Creates type info.
    public init(
        structs: [String: P4StructTypeSpec] = [:], headers: [String: P4HeaderTypeSpec] = [:],
        headerUnions: [String: P4HeaderUnionTypeSpec] = [:], enums: [String: P4EnumTypeSpec] = [:],
        error: P4ErrorTypeSpec? = nil, serializableEnums: [String: P4SerializableEnumTypeSpec] = [:],
        newTypes: [String: P4NewTypeSpec] = [:]
    ) {
        self.structs = structs
        self.headers = headers
        self.headerUnions = headerUnions
        self.enums = enums
        self.error = error
        self.serializableEnums = serializableEnums
        self.newTypes = newTypes
    }
}

/// `p4.config.v1.P4NamedType`: a reference to a named type.
public struct P4NamedType: Sendable, Hashable {
    /// The type name.
    public var name: String
    /// Creates a reference.
    public init(name: String = "") { self.name = name }
}

/// `p4.config.v1.P4DataTypeSpec`: the type of a P4Data value (register cells, digests, struct members).
public struct P4DataTypeSpec: Sendable, Hashable {
    /// The `type_spec` oneof.
    public enum Kind: Sendable, Hashable {
        /// `bit<W>`, `int<W>` or `varbit<W>`.
        case bitstring(P4BitstringLikeTypeSpec)
        /// `bool`.
        case bool
        /// A tuple of member types.
        case tuple([P4DataTypeSpec])
        /// A named struct.
        case `struct`(P4NamedType)
        /// A named header.
        case header(P4NamedType)
        /// A named header union.
        case headerUnion(P4NamedType)
        /// A header stack.
        case headerStack(P4HeaderStackTypeSpec)
        /// A header union stack.
        case headerUnionStack(P4HeaderUnionStackTypeSpec)
        /// A named safe enum.
        case `enum`(P4NamedType)
        /// The `error` type.
        case error
        /// A named serializable enum.
        case serializableEnum(P4NamedType)
        /// A named new type.
        case newType(P4NamedType)
    }

    /// The type; nil when no member of the oneof is set.
    public var kind: Kind?
    /// Creates a type spec.
    public init(_ kind: Kind?) { self.kind = kind }
}

/// `p4.config.v1.P4BitstringLikeTypeSpec`: `bit<W>`, `int<W>` or `varbit<W>`, with annotations.
public struct P4BitstringLikeTypeSpec: Sendable, Hashable, P4Annotated {
    /// The `type_spec` oneof.
    public enum Kind: Sendable, Hashable {
        /// `bit<W>`.
        case bit(bitwidth: Int32)
        /// `int<W>`.
        case int(bitwidth: Int32)
        /// `varbit<W>` with maximum width W.
        case varbit(maxBitwidth: Int32)
    }

    /// The type; nil when no member of the oneof is set.
    public var kind: Kind?
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates a bitstring type.
    public init(
        _ kind: Kind?, annotations: [String] = [], annotationLocations: [P4Info.SourceLocation] = [],
        structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.kind = kind
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}

/// `p4.config.v1.P4StructTypeSpec`: a struct's members.
public struct P4StructTypeSpec: Sendable, Hashable, P4Annotated {
    /// `P4StructTypeSpec.Member`.
    public struct Member: Sendable, Hashable {
        /// Member name.
        public var name: String
        /// Member type; nil when absent.
        public var typeSpec: P4DataTypeSpec?
        /// Creates a member.
        public init(name: String = "", typeSpec: P4DataTypeSpec? = nil) {
            self.name = name
            self.typeSpec = typeSpec
        }
    }

    /// Members in declaration order.
    public var members: [Member]
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates a struct type.
    public init(
        members: [Member] = [], annotations: [String] = [], annotationLocations: [P4Info.SourceLocation] = [],
        structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.members = members
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}

/// `p4.config.v1.P4HeaderTypeSpec`: a header's fields.
public struct P4HeaderTypeSpec: Sendable, Hashable, P4Annotated {
    /// `P4HeaderTypeSpec.Member`.
    public struct Member: Sendable, Hashable {
        /// Field name.
        public var name: String
        /// Field type; nil when absent.
        public var typeSpec: P4BitstringLikeTypeSpec?
        /// Creates a field.
        public init(name: String = "", typeSpec: P4BitstringLikeTypeSpec? = nil) {
            self.name = name
            self.typeSpec = typeSpec
        }
    }

    /// Fields in declaration order.
    public var members: [Member]
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates a header type.
    public init(
        members: [Member] = [], annotations: [String] = [], annotationLocations: [P4Info.SourceLocation] = [],
        structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.members = members
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}

/// `p4.config.v1.P4HeaderUnionTypeSpec`: a header union's members.
public struct P4HeaderUnionTypeSpec: Sendable, Hashable, P4Annotated {
    /// `P4HeaderUnionTypeSpec.Member`.
    public struct Member: Sendable, Hashable {
        /// Member name.
        public var name: String
        /// The member's header type; nil when absent.
        public var header: P4NamedType?
        /// Creates a member.
        public init(name: String = "", header: P4NamedType? = nil) {
            self.name = name
            self.header = header
        }
    }

    /// Members in declaration order.
    public var members: [Member]
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates a header union type.
    public init(
        members: [Member] = [], annotations: [String] = [], annotationLocations: [P4Info.SourceLocation] = [],
        structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.members = members
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}

/// `p4.config.v1.P4HeaderStackTypeSpec`: `H[size]`.
public struct P4HeaderStackTypeSpec: Sendable, Hashable {
    /// The header type; nil when absent.
    public var header: P4NamedType?
    /// Number of entries.
    public var size: Int32
    /// Creates a header stack type.
    public init(header: P4NamedType? = nil, size: Int32 = 0) {
        self.header = header
        self.size = size
    }
}

/// `p4.config.v1.P4HeaderUnionStackTypeSpec`: `U[size]`.
public struct P4HeaderUnionStackTypeSpec: Sendable, Hashable {
    /// The header union type; nil when absent.
    public var headerUnion: P4NamedType?
    /// Number of entries.
    public var size: Int32
    /// Creates a header union stack type.
    public init(headerUnion: P4NamedType? = nil, size: Int32 = 0) {
        self.headerUnion = headerUnion
        self.size = size
    }
}

/// `p4.config.v1.P4EnumTypeSpec`: a safe enum's members.
public struct P4EnumTypeSpec: Sendable, Hashable, P4Annotated {
    /// `P4EnumTypeSpec.Member`.
    public struct Member: Sendable, Hashable, P4Annotated {
        /// Member name.
        public var name: String
        /// Unstructured annotations.
        public var annotations: [String]
        /// Source locations of `annotations`.
        public var annotationLocations: [P4Info.SourceLocation]
        /// Structured annotations.
        public var structuredAnnotations: [P4Info.StructuredAnnotation]
        /// Creates a member.
        public init(
            name: String = "", annotations: [String] = [], annotationLocations: [P4Info.SourceLocation] = [],
            structuredAnnotations: [P4Info.StructuredAnnotation] = []
        ) {
            self.name = name
            self.annotations = annotations
            self.annotationLocations = annotationLocations
            self.structuredAnnotations = structuredAnnotations
        }
    }

    /// Members in declaration order.
    public var members: [Member]
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates an enum type.
    public init(
        members: [Member] = [], annotations: [String] = [], annotationLocations: [P4Info.SourceLocation] = [],
        structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.members = members
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}

/// `p4.config.v1.P4SerializableEnumTypeSpec`: an enum with an underlying `bit<W>` type.
public struct P4SerializableEnumTypeSpec: Sendable, Hashable, P4Annotated {
    /// `P4SerializableEnumTypeSpec.Member`.
    public struct Member: Sendable, Hashable, P4Annotated {
        /// Member name.
        public var name: String
        /// Member value as a bytestring.
        public var value: [UInt8]
        /// Unstructured annotations.
        public var annotations: [String]
        /// Source locations of `annotations`.
        public var annotationLocations: [P4Info.SourceLocation]
        /// Structured annotations.
        public var structuredAnnotations: [P4Info.StructuredAnnotation]
        /// Creates a member.
        public init(
            name: String = "", value: [UInt8] = [], annotations: [String] = [],
            annotationLocations: [P4Info.SourceLocation] = [], structuredAnnotations: [P4Info.StructuredAnnotation] = []
        ) {
            self.name = name
            self.value = value
            self.annotations = annotations
            self.annotationLocations = annotationLocations
            self.structuredAnnotations = structuredAnnotations
        }
    }

    /// Width of the underlying `bit<W>` type (`underlying_type.bitwidth`); nil when `underlying_type` is absent.
    public var underlyingBitwidth: Int32?
    /// Members in declaration order.
    public var members: [Member]
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates a serializable enum type.
    public init(
        underlyingBitwidth: Int32? = nil, members: [Member] = [], annotations: [String] = [],
        annotationLocations: [P4Info.SourceLocation] = [], structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.underlyingBitwidth = underlyingBitwidth
        self.members = members
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}

/// `p4.config.v1.P4ErrorTypeSpec`: the members of the program's `error` type.
public struct P4ErrorTypeSpec: Sendable, Hashable {
    /// Member names.
    public var members: [String]
    /// Creates an error type.
    public init(members: [String] = []) { self.members = members }
}

/// `p4.config.v1.P4NewTypeTranslation`: how a `@p4runtime_translation` type appears to the controller.
public struct P4NewTypeTranslation: Sendable, Hashable {
    /// The `sdn_type` oneof.
    public enum SdnType: Sendable, Hashable {
        /// The controller sees a bitstring of this width.
        case sdnBitwidth(Int32)
        /// The controller sees a string.
        case sdnString
    }

    /// The translation's URI (e.g. `"p4.org/psa/v1/PortId_t"`).
    public var uri: String
    /// The controller-side representation; nil when unset.
    public var sdnType: SdnType?
    /// Creates a translation.
    public init(uri: String = "", sdnType: SdnType? = nil) {
        self.uri = uri
        self.sdnType = sdnType
    }
}

/// `p4.config.v1.P4NewTypeSpec`: a `type` declaration: either its original type or a translation.
public struct P4NewTypeSpec: Sendable, Hashable, P4Annotated {
    /// The `representation` oneof.
    public enum Representation: Sendable, Hashable {
        /// The controller sees the underlying type.
        case originalType(P4DataTypeSpec)
        /// The controller sees a translated type.
        case translatedType(P4NewTypeTranslation)
    }

    /// The representation; nil when unset.
    public var representation: Representation?
    /// Unstructured annotations.
    public var annotations: [String]
    /// Source locations of `annotations`.
    public var annotationLocations: [P4Info.SourceLocation]
    /// Structured annotations.
    public var structuredAnnotations: [P4Info.StructuredAnnotation]

    /// Creates a new type.
    public init(
        representation: Representation? = nil, annotations: [String] = [],
        annotationLocations: [P4Info.SourceLocation] = [], structuredAnnotations: [P4Info.StructuredAnnotation] = []
    ) {
        self.representation = representation
        self.annotations = annotations
        self.annotationLocations = annotationLocations
        self.structuredAnnotations = structuredAnnotations
    }
}
