import HTTPServer
import P4JSON
import P4Model

/// Renders errors as HTTP responses: the body is always the `google.rpc.Status` JSON P4Runtime defines, and the
/// status comes from `HTTPStatusMapping`.
enum ErrorResponse {
    /// The response for a P4Runtime error.
    static func response(for error: P4RuntimeError) -> HTTPResponse {
        var response = HTTPResponse.json(ProtoJSON.encodeStatus(error), status: HTTPStatusMapping.status(for: error))
        response.headers.set("P4rt-Status", error.code.name)
        return response
    }

    /// The response for a problem the HTTP server detected itself (unknown path, wrong method, oversize body,
    /// malformed request): the HTTP status stays, and the body carries the closest canonical code.
    @Sendable static func response(for problem: HTTPServerProblem) -> HTTPResponse {
        let code: CanonicalCode = switch problem.status {
        case 404: .notFound
        case 405: .unimplemented
        case 413: .resourceExhausted
        case 408: .deadlineExceeded
        default: problem.status >= 500 ? .internal : .invalidArgument
        }
        var response = HTTPResponse.json(ProtoJSON.encodeStatus(P4RuntimeError(code, problem.message)), status: problem.status)
        response.headers.set("P4rt-Status", code.name)
        return response
    }
}
