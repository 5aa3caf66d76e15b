extension P4Info {
    /// `p4.config.v1.CounterSpec`: what a counter counts.
    public struct CounterSpec: Sendable, Hashable {
        /// `CounterSpec.Unit`.
        public enum Unit: ProtoEnum {
            /// `UNSPECIFIED` (0): unset.
            case unspecified
            /// `BYTES` (1): bytes only.
            case bytes
            /// `PACKETS` (2): packets only.
            case packets
            /// `BOTH` (3): packets and bytes.
            case both
            /// A value with no name in the proto definition.
            case unrecognized(Int32)

            /// The case for `rawValue`.
            public init(rawValue: Int32) {
                switch rawValue {
                case 0: self = .unspecified
                case 1: self = .bytes
                case 2: self = .packets
                case 3: self = .both
                default: self = .unrecognized(rawValue)
                }
            }

            /// The numeric value.
            public var rawValue: Int32 {
                switch self {
                case .unspecified: 0
                case .bytes: 1
                case .packets: 2
                case .both: 3
                case .unrecognized(let value): value
                }
            }

            /// The named values in declaration order.
            public static let namedValues: [(value: Int32, name: String)] = [
                (0, "UNSPECIFIED"),
                (1, "BYTES"),
                (2, "PACKETS"),
                (3, "BOTH"),
            ]
        }

        /// The unit.
        public var unit: Unit
        /// Creates a counter spec.
        public init(unit: Unit = .unspecified) { self.unit = unit }
    }

    /// `p4.config.v1.Counter`: an indirect counter array.
    public struct Counter: Sendable, Hashable {
        /// Identity (prefix 0x12).
        public var preamble: Preamble
        /// The unit.
        public var spec: CounterSpec?
        /// Number of cells.
        public var size: Int64
        /// The named type of the index, if the program declared one.
        public var indexTypeName: P4NamedType?
        /// Creates a counter.
        public init(
            preamble: Preamble = Preamble(), spec: CounterSpec? = nil, size: Int64 = 0,
            indexTypeName: P4NamedType? = nil
        ) {
            self.preamble = preamble
            self.spec = spec
            self.size = size
            self.indexTypeName = indexTypeName
        }
        /// The counter's id.
        public var id: CounterID { CounterID(preamble.id) }
    }

    /// `p4.config.v1.DirectCounter`: a counter with one cell per entry of a table.
    public struct DirectCounter: Sendable, Hashable {
        /// Identity (prefix 0x13).
        public var preamble: Preamble
        /// The unit.
        public var spec: CounterSpec?
        /// The table the counter is attached to.
        public var directTableId: TableID
        /// Creates a direct counter.
        public init(preamble: Preamble = Preamble(), spec: CounterSpec? = nil, directTableId: TableID = 0) {
            self.preamble = preamble
            self.spec = spec
            self.directTableId = directTableId
        }
        /// The counter's id.
        public var id: DirectCounterID { DirectCounterID(preamble.id) }
    }

    /// `p4.config.v1.MeterSpec`: what a meter measures and how it colours.
    public struct MeterSpec: Sendable, Hashable {
        /// `MeterSpec.Unit`.
        public enum Unit: ProtoEnum {
            /// `UNSPECIFIED` (0): unset.
            case unspecified
            /// `BYTES` (1): rates in bytes per second.
            case bytes
            /// `PACKETS` (2): rates in packets per second.
            case packets
            /// A value with no name in the proto definition.
            case unrecognized(Int32)

            /// The case for `rawValue`.
            public init(rawValue: Int32) {
                switch rawValue {
                case 0: self = .unspecified
                case 1: self = .bytes
                case 2: self = .packets
                default: self = .unrecognized(rawValue)
                }
            }

            /// The numeric value.
            public var rawValue: Int32 {
                switch self {
                case .unspecified: 0
                case .bytes: 1
                case .packets: 2
                case .unrecognized(let value): value
                }
            }

            /// The named values in declaration order.
            public static let namedValues: [(value: Int32, name: String)] = [
                (0, "UNSPECIFIED"),
                (1, "BYTES"),
                (2, "PACKETS"),
            ]
        }

        /// `MeterSpec.Type` (v1.4): the colouring algorithm.
        public enum MeterType: ProtoEnum {
            /// `TWO_RATE_THREE_COLOR` (0): RFC 2698 trTCM (the default).
            case twoRateThreeColor
            /// `SINGLE_RATE_THREE_COLOR` (1): RFC 2697 srTCM.
            case singleRateThreeColor
            /// `SINGLE_RATE_TWO_COLOR` (2): one rate, green or red.
            case singleRateTwoColor
            /// A value with no name in the proto definition.
            case unrecognized(Int32)

            /// The case for `rawValue`.
            public init(rawValue: Int32) {
                switch rawValue {
                case 0: self = .twoRateThreeColor
                case 1: self = .singleRateThreeColor
                case 2: self = .singleRateTwoColor
                default: self = .unrecognized(rawValue)
                }
            }

            /// The numeric value.
            public var rawValue: Int32 {
                switch self {
                case .twoRateThreeColor: 0
                case .singleRateThreeColor: 1
                case .singleRateTwoColor: 2
                case .unrecognized(let value): value
                }
            }

            /// The named values in declaration order.
            public static let namedValues: [(value: Int32, name: String)] = [
                (0, "TWO_RATE_THREE_COLOR"),
                (1, "SINGLE_RATE_THREE_COLOR"),
                (2, "SINGLE_RATE_TWO_COLOR"),
            ]
        }

        /// The unit.
        public var unit: Unit
        /// The colouring algorithm (proto field `type`).
        public var type: MeterType
        /// Creates a meter spec.
        public init(unit: Unit = .unspecified, type: MeterType = .twoRateThreeColor) {
            self.unit = unit
            self.type = type
        }
    }

    /// `p4.config.v1.Meter`: an indirect meter array.
    public struct Meter: Sendable, Hashable {
        /// Identity (prefix 0x14).
        public var preamble: Preamble
        /// Unit and type.
        public var spec: MeterSpec?
        /// Number of cells.
        public var size: Int64
        /// The named type of the index, if the program declared one.
        public var indexTypeName: P4NamedType?
        /// Creates a meter.
        public init(
            preamble: Preamble = Preamble(), spec: MeterSpec? = nil, size: Int64 = 0, indexTypeName: P4NamedType? = nil
        ) {
            self.preamble = preamble
            self.spec = spec
            self.size = size
            self.indexTypeName = indexTypeName
        }
        /// The meter's id.
        public var id: MeterID { MeterID(preamble.id) }
    }

    /// `p4.config.v1.DirectMeter`: a meter with one cell per entry of a table.
    public struct DirectMeter: Sendable, Hashable {
        /// Identity (prefix 0x15).
        public var preamble: Preamble
        /// Unit and type.
        public var spec: MeterSpec?
        /// The table the meter is attached to.
        public var directTableId: TableID
        /// Creates a direct meter.
        public init(preamble: Preamble = Preamble(), spec: MeterSpec? = nil, directTableId: TableID = 0) {
            self.preamble = preamble
            self.spec = spec
            self.directTableId = directTableId
        }
        /// The meter's id.
        public var id: DirectMeterID { DirectMeterID(preamble.id) }
    }
}
