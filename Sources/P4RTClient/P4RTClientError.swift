import P4Model

/// What a client call can fail with: the server's P4Runtime error (its canonical code and message, and per-update
/// details for batches), or a transport problem before any answer.
public enum P4RTClientError: Error, Sendable, CustomStringConvertible {
    /// The server answered with a `google.rpc.Status`.
    case server(P4RuntimeError, httpStatus: Int)
    /// The server could not be reached, or the connection failed mid-way.
    case transport(String)
    /// The server's answer was not what the API defines (not JSON, wrong shape).
    case protocolViolation(String)

    /// `CODE: message` for server errors (with per-update failures listed), the reason otherwise.
    public var description: String {
        switch self {
        case .server(let error, _):
            var text = "\(error.code.name): \(error.message)"
            for (position, detail) in error.details.enumerated() where detail.canonicalCode != .ok {
                text += "\n  [\(position)] \(detail.canonicalCode.name): \(detail.message)"
            }
            return text
        case .transport(let reason): return "cannot reach the server: \(reason)"
        case .protocolViolation(let reason): return "unexpected answer from the server: \(reason)"
        }
    }
}
