/// A `google.rpc.Status` as carried inside P4Runtime messages (`MasterArbitrationUpdate.status`).
///
/// Errors returned by RPCs use `P4RuntimeError` instead; this type is for statuses that travel as data.
public struct RPCStatus: Sendable, Hashable {
    /// The status code (google.rpc.Status.code).
    public var code: CanonicalCode
    /// A developer-facing message.
    public var message: String
    /// Packed detail messages.
    public var details: [ProtoAny]

    /// Creates a status; the default is OK with no message.
    public init(code: CanonicalCode = .ok, message: String = "", details: [ProtoAny] = []) {
        self.code = code
        self.message = message
        self.details = details
    }
}
