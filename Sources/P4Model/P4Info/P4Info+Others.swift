extension P4Info {
    /// `p4.config.v1.ControllerPacketMetadata`: the fields of the `packet_in` or `packet_out` header.
    public struct ControllerPacketMetadata: Sendable, Hashable {
        /// `ControllerPacketMetadata.Metadata`: one header field.
        public struct Metadata: Sendable, Hashable, P4Annotated {
            /// The field's id within the header, starting at 1.
            public var id: MetadataID
            /// The field name.
            public var name: String
            /// Unstructured annotations.
            public var annotations: [String]
            /// Source locations of `annotations`.
            public var annotationLocations: [SourceLocation]
            /// Width in bits (for translated types: the SDN width).
            public var bitwidth: Int32
            /// The named P4 type of the field, if any.
            public var typeName: P4NamedType?
            /// Structured annotations.
            public var structuredAnnotations: [StructuredAnnotation]

            /// Creates a field.
            public init(
                id: MetadataID = 0, name: String = "", annotations: [String] = [],
                annotationLocations: [SourceLocation] = [], bitwidth: Int32 = 0, typeName: P4NamedType? = nil,
                structuredAnnotations: [StructuredAnnotation] = []
            ) {
                self.id = id
                self.name = name
                self.annotations = annotations
                self.annotationLocations = annotationLocations
                self.bitwidth = bitwidth
                self.typeName = typeName
                self.structuredAnnotations = structuredAnnotations
            }
        }

        /// Identity (prefix 0x04); the name is `packet_in` or `packet_out`.
        public var preamble: Preamble
        /// The fields in header order.
        public var metadata: [Metadata]
        /// Creates a controller header.
        public init(preamble: Preamble = Preamble(), metadata: [Metadata] = []) {
            self.preamble = preamble
            self.metadata = metadata
        }
        /// The header's id.
        public var id: ControllerPacketMetadataID { ControllerPacketMetadataID(preamble.id) }
    }

    /// `p4.config.v1.ValueSet`: a parser value set.
    public struct ValueSet: Sendable, Hashable {
        /// Identity (prefix 0x03).
        public var preamble: Preamble
        /// The fields each member matches.
        public var match: [MatchField]
        /// Maximum number of members.
        public var size: Int32
        /// Creates a value set.
        public init(preamble: Preamble = Preamble(), match: [MatchField] = [], size: Int32 = 0) {
            self.preamble = preamble
            self.match = match
            self.size = size
        }
        /// The value set's id.
        public var id: ValueSetID { ValueSetID(preamble.id) }
    }

    /// `p4.config.v1.Register`: a register array.
    public struct Register: Sendable, Hashable {
        /// Identity (prefix 0x16).
        public var preamble: Preamble
        /// The type of each cell.
        public var typeSpec: P4DataTypeSpec?
        /// Number of cells.
        public var size: Int32
        /// The named type of the index, if the program declared one.
        public var indexTypeName: P4NamedType?
        /// Creates a register.
        public init(
            preamble: Preamble = Preamble(), typeSpec: P4DataTypeSpec? = nil, size: Int32 = 0,
            indexTypeName: P4NamedType? = nil
        ) {
            self.preamble = preamble
            self.typeSpec = typeSpec
            self.size = size
            self.indexTypeName = indexTypeName
        }
        /// The register's id.
        public var id: RegisterID { RegisterID(preamble.id) }
    }

    /// `p4.config.v1.Digest`: a digest (data-plane to controller message) and its type.
    public struct Digest: Sendable, Hashable {
        /// Identity (prefix 0x17).
        public var preamble: Preamble
        /// The type of each message.
        public var typeSpec: P4DataTypeSpec?
        /// Creates a digest.
        public init(preamble: Preamble = Preamble(), typeSpec: P4DataTypeSpec? = nil) {
            self.preamble = preamble
            self.typeSpec = typeSpec
        }
        /// The digest's id.
        public var id: DigestID { DigestID(preamble.id) }
    }

    /// `p4.config.v1.ExternInstance`: one instance of an architecture-specific extern, kept opaque.
    public struct ExternInstance: Sendable, Hashable {
        /// Identity (prefix: the extern type id).
        public var preamble: Preamble
        /// Architecture-specific information.
        public var info: ProtoAny?
        /// Creates an instance.
        public init(preamble: Preamble = Preamble(), info: ProtoAny? = nil) {
            self.preamble = preamble
            self.info = info
        }
        /// The instance's id.
        public var id: ExternInstanceID { ExternInstanceID(preamble.id) }
    }

    /// `p4.config.v1.Extern`: the instances of one architecture-specific extern type.
    public struct Extern: Sendable, Hashable {
        /// The extern type (0x81…0xfe by the spec).
        public var externTypeId: ExternTypeID
        /// The extern type's name.
        public var externTypeName: String
        /// The instances.
        public var instances: [ExternInstance]
        /// Creates an extern.
        public init(externTypeId: ExternTypeID = 0, externTypeName: String = "", instances: [ExternInstance] = []) {
            self.externTypeId = externTypeId
            self.externTypeName = externTypeName
            self.instances = instances
        }
    }
}
