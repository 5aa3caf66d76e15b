/// One parsed HTTP request, as handed to a route handler.
public struct HTTPRequest: Sendable {
    /// One `name=value` pair of the query string, percent-decoded (`+` is a space). `value` is nil for a bare
    /// `name`.
    public struct QueryItem: Sendable, Equatable {
        /// The decoded name.
        public var name: String
        /// The decoded value, nil when the item had no `=`.
        public var value: String?

        /// Creates an item.
        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// The method.
    public var method: HTTPMethod
    /// The path as sent (still percent-encoded), without the query string.
    public var path: String
    /// The non-empty path segments, percent-decoded (`%2F` stays inside its segment).
    public var pathSegments: [String]
    /// Values bound by the route pattern (`{name}` → decoded segment, `{rest...}` → remaining segments joined by
    /// `/`), in pattern order.
    public var pathParameters: [(name: String, value: String)]
    /// The query items in order.
    public var query: [QueryItem]
    /// The request header fields.
    public var headers: HTTPHeaders
    /// The body bytes (empty when there was none).
    public var body: [UInt8]
    /// The protocol version, e.g. "HTTP/1.1".
    public var version: String

    /// Creates a request (the server builds these; tests may too).
    public init(
        method: HTTPMethod, path: String, pathSegments: [String], pathParameters: [(name: String, value: String)] = [],
        query: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], version: String = "HTTP/1.1"
    ) {
        self.method = method
        self.path = path
        self.pathSegments = pathSegments
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.body = body
        self.version = version
    }

    /// The value bound to `{name}` by the matched route, or nil.
    public func parameter(_ name: String) -> String? {
        pathParameters.first { $0.name == name }?.value
    }

    /// The first query value for `name` (empty string for a bare `name`), or nil when absent.
    public func queryValue(_ name: String) -> String? {
        guard let item = query.first(where: { $0.name == name }) else { return nil }
        return item.value ?? ""
    }

    /// All query values for `name` in order (bare names give "").
    public func queryValues(_ name: String) -> [String] {
        query.filter { $0.name == name }.map { $0.value ?? "" }
    }
}
