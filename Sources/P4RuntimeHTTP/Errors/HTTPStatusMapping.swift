import P4Model

/// The one place where P4Runtime's canonical codes become HTTP statuses.
///
/// The mapping is google.rpc.Code's own (code.proto comments). A Write or Read batch in which some updates failed is
/// UNKNOWN at the RPC level, which that table maps to 500; a 500 makes proxies and scripts think the server broke, so
/// for batches the status is derived from the failed updates instead: their common code's status when they agree,
/// 400 when every failure is a client error, 500 otherwise. The body always carries the full `google.rpc.Status`, and
/// clients should key off its `code` (docs/decisions/0002-http-status-of-batches.md).
public enum HTTPStatusMapping {
    /// The HTTP status for a canonical code.
    public static func status(for code: CanonicalCode) -> Int {
        switch code {
        case .ok: 200
        case .cancelled: 499
        case .unknown: 500
        case .invalidArgument: 400
        case .deadlineExceeded: 504
        case .notFound: 404
        case .alreadyExists: 409
        case .permissionDenied: 403
        case .resourceExhausted: 429
        case .failedPrecondition: 400
        case .aborted: 409
        case .outOfRange: 400
        case .unimplemented: 501
        case .internal: 500
        case .unavailable: 503
        case .dataLoss: 500
        case .unauthenticated: 401
        }
    }

    /// The HTTP status for an error, looking through batch details as described on the type.
    public static func status(for error: P4RuntimeError) -> Int {
        let failed = error.details.map(\.canonicalCode).filter { $0 != .ok }
        guard error.code == .unknown, let first = failed.first else { return status(for: error.code) }
        if failed.allSatisfy({ $0 == first }) { return status(for: first) }
        let statuses = failed.map { status(for: $0) }
        return statuses.allSatisfy({ (400..<500).contains($0) }) ? 400 : 500
    }
}
