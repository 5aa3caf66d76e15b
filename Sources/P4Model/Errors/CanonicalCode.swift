/// The canonical gRPC status codes (google/rpc/code.proto), which P4Runtime uses for every error.
public enum CanonicalCode: Int32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Not an error.
    case ok = 0
    /// The operation was cancelled, typically by the caller.
    case cancelled = 1
    /// Unknown error; P4Runtime also uses it as the top-level code of a batch with per-update errors.
    case unknown = 2
    /// The client specified an invalid argument.
    case invalidArgument = 3
    /// The deadline expired before the operation could complete.
    case deadlineExceeded = 4
    /// Some requested entity was not found.
    case notFound = 5
    /// The entity a client attempted to create already exists.
    case alreadyExists = 6
    /// The caller may not execute the operation (e.g. not the primary controller).
    case permissionDenied = 7
    /// Some resource has been exhausted (e.g. a table is full).
    case resourceExhausted = 8
    /// The system is not in a state required for the operation (e.g. no pipeline).
    case failedPrecondition = 9
    /// The operation was aborted, typically due to a concurrency issue.
    case aborted = 10
    /// The operation was attempted past the valid range (e.g. an index or a value too wide).
    case outOfRange = 11
    /// The operation is not implemented or supported.
    case unimplemented = 12
    /// An internal invariant was broken: a bug in the server.
    case `internal` = 13
    /// The service is currently unavailable.
    case unavailable = 14
    /// Unrecoverable data loss or corruption.
    case dataLoss = 15
    /// The request lacks valid authentication credentials.
    case unauthenticated = 16

    /// The name as spelled in google/rpc/code.proto (`"INVALID_ARGUMENT"`).
    public var name: String {
        switch self {
        case .ok: "OK"
        case .cancelled: "CANCELLED"
        case .unknown: "UNKNOWN"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .deadlineExceeded: "DEADLINE_EXCEEDED"
        case .notFound: "NOT_FOUND"
        case .alreadyExists: "ALREADY_EXISTS"
        case .permissionDenied: "PERMISSION_DENIED"
        case .resourceExhausted: "RESOURCE_EXHAUSTED"
        case .failedPrecondition: "FAILED_PRECONDITION"
        case .aborted: "ABORTED"
        case .outOfRange: "OUT_OF_RANGE"
        case .unimplemented: "UNIMPLEMENTED"
        case .internal: "INTERNAL"
        case .unavailable: "UNAVAILABLE"
        case .dataLoss: "DATA_LOSS"
        case .unauthenticated: "UNAUTHENTICATED"
        }
    }

    /// Looks a code up by its google/rpc/code.proto name; nil for anything else.
    public init?(name: String) {
        guard let code = CanonicalCode.allCases.first(where: { $0.name == name }) else { return nil }
        self = code
    }

    /// The code's name.
    public var description: String { name }
}
