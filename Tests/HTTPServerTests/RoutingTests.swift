import HTTPServer
import Testing

@Suite struct RouterTests {
    static func tag(_ name: String) -> HTTPRouter.Handler { { _ in .text(name) } }

    static func resolvedTag(_ router: HTTPRouter, _ method: HTTPMethod, _ path: [String]) -> String? {
        guard case .matched(let handler, _) = router.resolve(method, path) else { return nil }
        let request = HTTPRequest(method: method, path: "/", pathSegments: path)
        guard case .bytes(let bytes) = handler(request).body else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mostSpecificPatternWins() {
        var router = HTTPRouter()
        router.get("/v1/{x...}", Self.tag("rest"))
        router.get("/v1/{kind}/{name}", Self.tag("params"))
        router.get("/v1/tables/{name}", Self.tag("tables"))
        router.get("/v1/tables/special", Self.tag("literal"))
        router.get("/v1/a/{x}", Self.tag("a-param"))
        router.get("/v1/a/{x}/{r...}", Self.tag("a-rest"))
        #expect(Self.resolvedTag(router, .get, ["v1", "tables", "special"]) == "literal")
        #expect(Self.resolvedTag(router, .get, ["v1", "tables", "t1"]) == "tables")
        #expect(Self.resolvedTag(router, .get, ["v1", "counters", "c"]) == "params")
        #expect(Self.resolvedTag(router, .get, ["v1", "a", "b", "c", "d"]) == "a-rest")
        #expect(Self.resolvedTag(router, .get, ["v1", "a", "b"]) == "a-param")
        #expect(Self.resolvedTag(router, .get, ["v1"]) == "rest")
        #expect(Self.resolvedTag(router, .get, ["v2"]) == nil)
    }

    @Test func bindsParametersAndRest() {
        let pattern = HTTPPathPattern("/files/{id}/{path...}")
        let bound = pattern.match(["files", "7", "a", "b c"])
        #expect(bound?.map(\.name) == ["id", "path"])
        #expect(bound?.map(\.value) == ["7", "a/b c"])
        #expect(pattern.match(["files"]) == nil)
        #expect(HTTPPathPattern("/a/{b}").match(["a", "x", "y"]) == nil)
    }

    @Test func notFoundAndMethodNotAllowed() {
        var router = HTTPRouter()
        router.put("/v1/pipeline", Self.tag("put"))
        router.get("/v1/pipeline", Self.tag("get"))
        guard case .methodNotAllowed(let allowed) = router.resolve(.post, ["v1", "pipeline"]) else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.get, .put])
        guard case .notFound = router.resolve(.get, ["v1", "nothing"]) else {
            Issue.record("expected 404")
            return
        }
    }

    @Test func headersAreCaseInsensitiveAndOrdered() {
        var headers: HTTPHeaders = ["Content-Type": "a", "X-Multi": "1"]
        headers.add("x-multi", "2")
        #expect(headers["content-type"] == "a")
        #expect(headers["CONTENT-TYPE"] == "a")
        #expect(headers.values(for: "X-MULTI") == ["1", "2"])
        headers.set("X-Multi", "3")
        #expect(headers.values(for: "x-multi") == ["3"])
        #expect(headers["missing"] == nil)
    }
}
