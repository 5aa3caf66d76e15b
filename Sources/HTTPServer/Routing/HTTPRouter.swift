/// Maps method + path to handlers.
///
/// When several patterns match a path the most specific wins (literal over `{param}` over `{rest...}`, compared
/// segment by segment from the left; ties go to the earlier registration). A path that matches no pattern is a
/// 404; a path that matches only with other methods is a 405 listing them.
public struct HTTPRouter: Sendable {
    /// A request handler, called synchronously on a server thread.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The outcome of routing one request.
    public enum Resolution: Sendable {
        /// A handler and the parameters its pattern bound.
        case matched(Handler, [(name: String, value: String)])
        /// No pattern matches the path.
        case notFound
        /// Patterns match the path but not the method; the sorted methods they accept.
        case methodNotAllowed([HTTPMethod])
    }

    private struct Route: Sendable {
        let method: HTTPMethod
        let pattern: HTTPPathPattern
        let rank: [Int]
        let handler: Handler
    }

    private struct LiteralKey: Hashable, Sendable {
        let method: HTTPMethod
        let segments: [String]
    }

    private var routes: [Route] = []
    /// Routes whose pattern is all literals, by method and segments (the first registered of equal patterns).
    /// Such a route outranks every other pattern matching the same path, so a hit needs no scan.
    private var literalRoutes: [LiteralKey: Int] = [:]

    /// An empty router.
    public init() {}

    /// Registers `handler` for `method` on `pattern` (see ``HTTPPathPattern``).
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        let parsed = HTTPPathPattern(pattern)
        routes.append(Route(method: method, pattern: parsed, rank: parsed.rank, handler: handler))
        var literals: [String] = []
        for segment in parsed.segments {
            guard case .literal(let text) = segment else { return }
            literals.append(text)
        }
        let key = LiteralKey(method: method, segments: literals)
        if literalRoutes[key] == nil { literalRoutes[key] = routes.count - 1 }
    }

    /// Registers a GET handler.
    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add(.get, pattern, handler) }
    /// Registers a POST handler.
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add(.post, pattern, handler) }
    /// Registers a PUT handler.
    public mutating func put(_ pattern: String, _ handler: @escaping Handler) { add(.put, pattern, handler) }
    /// Registers a DELETE handler.
    public mutating func delete(_ pattern: String, _ handler: @escaping Handler) { add(.delete, pattern, handler) }

    /// Finds the handler for `method` on the decoded `segments`.
    public func resolve(_ method: HTTPMethod, _ segments: [String]) -> Resolution {
        if let index = literalRoutes[LiteralKey(method: method, segments: segments)] {
            return .matched(routes[index].handler, [])
        }
        var best: (route: Route, bound: [(name: String, value: String)])?
        var otherMethods: [HTTPMethod] = []
        for route in routes {
            guard let bound = route.pattern.match(segments) else { continue }
            guard route.method == method else {
                if !otherMethods.contains(route.method) { otherMethods.append(route.method) }
                continue
            }
            if let current = best, !current.route.rank.lexicographicallyPrecedes(route.rank) { continue }
            best = (route, bound)
        }
        if let best { return .matched(best.route.handler, best.bound) }
        if otherMethods.isEmpty { return .notFound }
        return .methodNotAllowed(otherMethods.sorted())
    }
}
