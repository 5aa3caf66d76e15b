/// A route path such as `/v1/tables/{table}/entries` or `/static/{rest...}`.
///
/// Segments are literals (matched against the decoded request segment exactly), `{name}` (any one segment) or a
/// final `{name...}` (the remaining zero or more segments, joined by `/`). Empty segments are ignored, so
/// `/a//b/` is `/a/b`.
public struct HTTPPathPattern: Sendable, Equatable, CustomStringConvertible {
    /// One pattern segment.
    public enum Segment: Sendable, Equatable {
        /// Must equal the request segment.
        case literal(String)
        /// Binds one request segment.
        case parameter(String)
        /// Binds all remaining request segments; only last.
        case rest(String)
    }

    /// The segments.
    public let segments: [Segment]
    /// The pattern text as given.
    public let description: String

    /// Parses a pattern; a malformed one (`{}`, `{rest...}` not last, a repeated name) is a programming error.
    public init(_ pattern: String) {
        var segments: [Segment] = []
        var names: [String] = []
        let parts = pattern.split(separator: "/", omittingEmptySubsequences: true)
        for (i, part) in parts.enumerated() {
            if part.hasPrefix("{") && part.hasSuffix("}") {
                var name = part.dropFirst().dropLast()
                let isRest = name.hasSuffix("...")
                if isRest { name = name.dropLast(3) }
                precondition(!name.isEmpty, "route pattern \(pattern): empty parameter name")
                precondition(!names.contains(String(name)), "route pattern \(pattern): parameter \(name) repeated")
                precondition(!isRest || i == parts.count - 1, "route pattern \(pattern): {\(name)...} must be last")
                names.append(String(name))
                segments.append(isRest ? .rest(String(name)) : .parameter(String(name)))
            } else {
                segments.append(.literal(String(part)))
            }
        }
        self.segments = segments
        self.description = pattern
    }

    /// The bound parameters when `path` matches, else nil.
    public func match(_ path: [String]) -> [(name: String, value: String)]? {
        var bound: [(name: String, value: String)] = []
        for (i, segment) in segments.enumerated() {
            switch segment {
            case .rest(let name):
                bound.append((name, path[min(i, path.count)...].joined(separator: "/")))
                return bound
            case .literal(let text):
                guard i < path.count, path[i] == text else { return nil }
            case .parameter(let name):
                guard i < path.count else { return nil }
                bound.append((name, path[i]))
            }
        }
        return path.count == segments.count ? bound : nil
    }

    /// Specificity rank per segment (literal 2, parameter 1, rest 0, plus 1 for the end of a pattern without
    /// rest, so `/a/{x}` beats `/a/{x}/{r...}` on `/a/b`): the route with the lexicographically larger rank wins
    /// when several match.
    var rank: [Int] {
        var rank = segments.map { segment -> Int in
            switch segment {
            case .literal: 2
            case .parameter: 1
            case .rest: 0
            }
        }
        if case .rest = segments.last {} else { rank.append(1) }
        return rank
    }
}
