/// The most significant byte of a P4Info object id, which names the object's kind (p4info.proto `P4Ids.Prefix`).
///
/// p4c assigns ids as `prefix << 24 | hash`, and P4Runtime servers may rely on it; the P4Info loader checks it.
/// Extern instances use their extern type id (0x81…0xfe) as prefix and are not listed here.
public enum P4IDPrefix: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `P4Ids.ACTION`.
    case action = 0x01
    /// `P4Ids.TABLE`.
    case table = 0x02
    /// `P4Ids.VALUE_SET`.
    case valueSet = 0x03
    /// `P4Ids.CONTROLLER_HEADER` (controller packet metadata).
    case controllerHeader = 0x04
    /// `P4Ids.ACTION_PROFILE` (action profiles and action selectors).
    case actionProfile = 0x11
    /// `P4Ids.COUNTER`.
    case counter = 0x12
    /// `P4Ids.DIRECT_COUNTER`.
    case directCounter = 0x13
    /// `P4Ids.METER`.
    case meter = 0x14
    /// `P4Ids.DIRECT_METER`.
    case directMeter = 0x15
    /// `P4Ids.REGISTER`.
    case register = 0x16
    /// `P4Ids.DIGEST`.
    case digest = 0x17

    /// First prefix reserved for PSA externs (`P4Ids.PSA_EXTERNS_START`).
    public static let psaExternsStart: UInt8 = 0x10
    /// First prefix reserved for architecture-specific externs (`P4Ids.OTHER_EXTERNS_START`).
    public static let otherExternsStart: UInt8 = 0x80
    /// Largest prefix value (`P4Ids.MAX`).
    public static let max: UInt8 = 0xff

    /// The prefix of `id` if it is one of the known kinds.
    public init?(of id: UInt32) { self.init(rawValue: UInt8(truncatingIfNeeded: id >> 24)) }

    /// The English name of the kind, as used in messages ("action profile", "direct counter").
    public var description: String {
        switch self {
        case .action: "action"
        case .table: "table"
        case .valueSet: "value set"
        case .controllerHeader: "controller packet metadata"
        case .actionProfile: "action profile"
        case .counter: "counter"
        case .directCounter: "direct counter"
        case .meter: "meter"
        case .directMeter: "direct meter"
        case .register: "register"
        case .digest: "digest"
        }
    }
}
