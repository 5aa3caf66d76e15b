/// An answer to a request: status, header fields and a body of bytes or a pull-based stream.
///
/// `Content-Length` is set by the server for byte bodies; streamed bodies use chunked transfer encoding on
/// HTTP/1.1 (and end by closing the connection on HTTP/1.0).
public struct HTTPResponse: Sendable {
    /// Where the body comes from.
    public enum Body: Sendable {
        /// A complete body.
        case bytes([UInt8])
        /// A body pulled from a producer while the client reads it.
        case stream(any HTTPBodyProducer)
    }

    /// The status code, e.g. 200.
    public var status: Int
    /// The header fields to send.
    public var headers: HTTPHeaders
    /// The body.
    public var body: Body

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A byte body with the given content type.
    public static func bytes(_ bytes: [UInt8], status: Int = 200, contentType: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: .bytes(bytes))
    }

    /// A JSON body (`application/json`); the bytes must already be JSON.
    public static func json(_ bytes: [UInt8], status: Int = 200) -> HTTPResponse {
        .bytes(bytes, status: status, contentType: "application/json")
    }

    /// A UTF-8 plain-text body.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        .bytes(Array(text.utf8), status: status, contentType: "text/plain; charset=utf-8")
    }

    /// A streamed body with the given content type (e.g. `application/x-ndjson`).
    public static func stream(_ producer: any HTTPBodyProducer, status: Int = 200, contentType: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": contentType], body: .stream(producer))
    }

    /// A Server-Sent Events response for `stream` (`text/event-stream`, no caching).
    public static func eventStream(_ stream: SSEStream) -> HTTPResponse {
        HTTPResponse(
            status: 200,
            headers: ["Content-Type": "text/event-stream", "Cache-Control": "no-cache", "X-Accel-Buffering": "no"],
            body: .stream(stream))
    }
}
