import HTTPServer
import P4JSON
import P4Model

/// What a request body may be.
enum BodyKind {
    case json
    case ndjson
}

extension HTTPRequest {
    /// The media type of the body without parameters, lowercased; nil when the header is absent.
    var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        if let ascii = Self.asciiMediaType(value) { return ascii }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingWhitespace().lowercased()
    }

    /// `mediaType` for an all-ASCII header, computed on its bytes (the general path costs ~10k instructions per
    /// request); nil for anything else.
    private static func asciiMediaType(_ value: String) -> String? {
        var utf8 = value.utf8[...]
        if let semicolon = utf8.firstIndex(of: UInt8(ascii: ";")) {
            // `split` omits an empty first part: leave that case to the general path.
            if semicolon == utf8.startIndex { return nil }
            utf8 = utf8[..<semicolon]
        }
        guard utf8.allSatisfy({ $0 < 0x80 }), value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8 = utf8.dropFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8 = utf8.dropLast() }
        return String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Checks the Content-Type against what the endpoint takes. An absent header counts as JSON, so `curl -d` with a
    /// JSON body works; a form encoding (curl's default `-d` type) or anything else is refused with a hint.
    func bodyKind(allowing kinds: [BodyKind]) throws(P4RuntimeError) -> BodyKind {
        switch mediaType {
        case nil, "application/json", "text/json":
            if kinds.contains(.json) { return .json }
        case "application/x-ndjson", "application/ndjson", "application/jsonl":
            if kinds.contains(.ndjson) { return .ndjson }
        default:
            break
        }
        let accepted = kinds.map { $0 == .json ? "application/json" : "application/x-ndjson" }.joined(separator: " or ")
        throw .invalidArgument(
            "Content-Type '\(headers["Content-Type"] ?? "")' is not accepted here; send \(accepted)"
            + " (with curl: -H 'Content-Type: application/json')")
    }

    /// Decodes the JSON body as `type`. An empty body decodes as `{}`.
    func decodeBody<M: ProtoJSONMessage>(_ type: M.Type) throws(P4RuntimeError) -> M {
        _ = try bodyKind(allowing: [.json])
        return try ProtoJSON.decode(type, from: body.isEmpty ? Array("{}".utf8) : body)
    }

    /// True when the client asked for NDJSON (`Accept: application/x-ndjson`).
    var wantsNDJSON: Bool {
        guard let accept = headers["Accept"]?.lowercased() else { return false }
        return accept.contains("application/x-ndjson") || accept.contains("application/ndjson")
    }

    /// An unsigned integer query parameter, or `fallback` when absent.
    func queryUInt64(_ name: String, default fallback: UInt64) throws(P4RuntimeError) -> UInt64 {
        guard let text = queryValue(name), !text.isEmpty else { return fallback }
        guard let value = UInt64(text) else {
            throw .invalidArgument("query parameter \(name): '\(text)' is not an unsigned integer")
        }
        return value
    }

    /// An election id given as query parameters `electionId` (low 64 bits) or `electionId.high` / `electionId.low`.
    func queryElectionId() throws(P4RuntimeError) -> Uint128? {
        let plain = queryValue("electionId")
        let high = queryValue("electionId.high")
        let low = queryValue("electionId.low")
        if plain == nil && high == nil && low == nil { return nil }
        func parse(_ name: String, _ text: String?) throws(P4RuntimeError) -> UInt64 {
            guard let text else { return 0 }
            guard let value = UInt64(text) else {
                throw .invalidArgument("query parameter \(name): '\(text)' is not an unsigned integer")
            }
            return value
        }
        if plain != nil && (high != nil || low != nil) {
            throw .invalidArgument("query parameters: give electionId or electionId.high/electionId.low, not both")
        }
        if plain != nil { return Uint128(high: 0, low: try parse("electionId", plain)) }
        return Uint128(high: try parse("electionId.high", high), low: try parse("electionId.low", low))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
