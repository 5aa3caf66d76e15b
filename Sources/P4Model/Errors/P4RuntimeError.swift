/// The one error type of p4rtd: a canonical code, a message naming the offending item, and for Write/Read batches
/// one `P4Error` per update or entity (in request order).
///
/// Thrown by model validation (bytestrings, P4Info loading) and by the service; the HTTP adapter renders it as a
/// `google.rpc.Status`.
public struct P4RuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The RPC-level canonical code (UNKNOWN for a batch with per-update failures).
    public var code: CanonicalCode
    /// A human-readable message naming the offending item and, where known, its JSON path or line.
    public var message: String
    /// Per-update or per-entity statuses of a batch, in request order; empty otherwise.
    public var details: [P4Error]

    /// Creates an error.
    public init(_ code: CanonicalCode, _ message: String, details: [P4Error] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// Creates an error (labelled form).
    public init(code: CanonicalCode, message: String, details: [P4Error] = []) {
        self.init(code, message, details: details)
    }

    /// An INVALID_ARGUMENT error.
    public static func invalidArgument(_ message: String) -> P4RuntimeError { P4RuntimeError(.invalidArgument, message) }
    /// A NOT_FOUND error.
    public static func notFound(_ message: String) -> P4RuntimeError { P4RuntimeError(.notFound, message) }
    /// An ALREADY_EXISTS error.
    public static func alreadyExists(_ message: String) -> P4RuntimeError { P4RuntimeError(.alreadyExists, message) }
    /// A PERMISSION_DENIED error.
    public static func permissionDenied(_ message: String) -> P4RuntimeError {
        P4RuntimeError(.permissionDenied, message)
    }
    /// A RESOURCE_EXHAUSTED error.
    public static func resourceExhausted(_ message: String) -> P4RuntimeError {
        P4RuntimeError(.resourceExhausted, message)
    }
    /// A FAILED_PRECONDITION error.
    public static func failedPrecondition(_ message: String) -> P4RuntimeError {
        P4RuntimeError(.failedPrecondition, message)
    }
    /// An OUT_OF_RANGE error.
    public static func outOfRange(_ message: String) -> P4RuntimeError { P4RuntimeError(.outOfRange, message) }
    /// An UNIMPLEMENTED error.
    public static func unimplemented(_ message: String) -> P4RuntimeError { P4RuntimeError(.unimplemented, message) }
    /// An INTERNAL error: reserved for broken invariants (our bugs).
    public static func `internal`(_ message: String) -> P4RuntimeError { P4RuntimeError(.internal, message) }

    /// The top-level error of a batch in which at least one update failed: UNKNOWN with one status per update
    /// (P4Runtime §12.3, §13.3).
    public static func batch(_ statuses: [P4Error], message: String) -> P4RuntimeError {
        P4RuntimeError(.unknown, message, details: statuses)
    }

    /// The same error with `prefix` and ": " put before its message (used to add a JSON path or item name).
    public func prefixed(_ prefix: String) -> P4RuntimeError {
        P4RuntimeError(code, message.isEmpty ? prefix : prefix + ": " + message, details: details)
    }

    /// `CODE: message`.
    public var description: String { "\(code.name): \(message)" }
}
