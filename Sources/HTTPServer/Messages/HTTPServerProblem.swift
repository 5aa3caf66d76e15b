/// An error the server produces itself (before or instead of calling a handler): unknown path, wrong method,
/// body too large, malformed request target. The server renders it through the configured
/// ``HTTPServer/ErrorRenderer`` so the layer above can use its own error shape.
public struct HTTPServerProblem: Sendable, Equatable, Error {
    /// The status to answer: 400, 404, 405 or 413.
    public var status: Int
    /// A sentence for humans, naming the offending item.
    public var message: String
    /// For 405: the methods the path accepts (also sent as `Allow`, added by the server).
    public var allowedMethods: [HTTPMethod]

    /// Creates a problem.
    public init(status: Int, message: String, allowedMethods: [HTTPMethod] = []) {
        self.status = status
        self.message = message
        self.allowedMethods = allowedMethods
    }

    /// 404 for `path`.
    public static func notFound(_ path: String) -> HTTPServerProblem {
        HTTPServerProblem(status: 404, message: "no resource at \(path)")
    }

    /// 405 for `method` on `path`.
    public static func methodNotAllowed(_ method: HTTPMethod, _ path: String, allowed: [HTTPMethod]) -> HTTPServerProblem {
        HTTPServerProblem(
            status: 405,
            message: "method \(method) not allowed on \(path) (allowed: \(allowed.map(\.rawValue).joined(separator: ", ")))",
            allowedMethods: allowed)
    }

    /// 413 for a body over `limit` bytes.
    public static func bodyTooLarge(limit: Int) -> HTTPServerProblem {
        HTTPServerProblem(status: 413, message: "request body exceeds the limit of \(limit) bytes")
    }

    /// 400 with `message`.
    public static func badRequest(_ message: String) -> HTTPServerProblem {
        HTTPServerProblem(status: 400, message: message)
    }
}
