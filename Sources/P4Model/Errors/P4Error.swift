/// The per-update (Write) or per-entity (Read) status P4Runtime carries in `google.rpc.Status.details`
/// (`p4.v1.Error`).
///
/// An OK error has only `canonicalCode == .ok` and empty other fields; that is what successful updates of a failed
/// batch report.
public struct P4Error: Sendable, Hashable, CustomStringConvertible {
    /// The canonical code of this update's outcome.
    public var canonicalCode: CanonicalCode
    /// A human-readable message naming the offending item.
    public var message: String
    /// The vendor error space of `code` (suggested form `<target>-<arch>-<vendor>`); empty when unused.
    public var space: String
    /// A vendor-specific numeric code within `space`; 0 when unused.
    public var code: Int32
    /// Optional vendor details (`p4.v1.Error.details`).
    public var details: ProtoAny?

    /// Creates an error status; the defaults describe success.
    public init(
        canonicalCode: CanonicalCode = .ok, message: String = "", space: String = "", code: Int32 = 0,
        details: ProtoAny? = nil
    ) {
        self.canonicalCode = canonicalCode
        self.message = message
        self.space = space
        self.code = code
        self.details = details
    }

    /// The success status of one update.
    public static let ok = P4Error()

    /// The status carried by `error` (its code and message).
    public init(_ error: P4RuntimeError) {
        self.init(canonicalCode: error.code, message: error.message)
    }

    /// True when this status reports success.
    public var isOK: Bool { canonicalCode == .ok }

    /// `CODE: message`, or just the code name when there is no message.
    public var description: String { message.isEmpty ? canonicalCode.name : "\(canonicalCode.name): \(message)" }
}
