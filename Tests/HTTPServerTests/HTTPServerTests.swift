import Dispatch
import HTTPServer
import TestSupport
import Testing

@Suite struct HTTPServerTests {
    static func echoRouter() -> HTTPRouter {
        var router = HTTPRouter()
        router.get("/v1/tables/{table}/entries") { request in
            var lines = ["table=\(request.parameter("table") ?? "-")"]
            for item in request.query { lines.append("q:\(item.name)=\(item.value ?? "<none>")") }
            lines.append("h:\(request.headers["x-test"] ?? "-")")
            lines.append("segments=\(request.pathSegments.joined(separator: "|"))")
            return .text(lines.joined(separator: "\n"))
        }
        router.post("/v1/echo") { request in
            .bytes(request.body, contentType: "application/octet-stream")
        }
        router.get("/files/{rest...}") { request in .text(request.parameter("rest") ?? "") }
        return router
    }

    @Test func routesWithParametersQueryAndHeaders() throws {
        try withServer(router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port)
            let response = try client.request(
                "GET", "/v1/tables/my%20table%2Fx/entries?a=1&b=x%20y+z&flag&c=%C3%A9",
                headers: [("X-Test", "hello")])
            #expect(response.status == 200)
            #expect(
                response.text == """
                    table=my table/x
                    q:a=1
                    q:b=x y z
                    q:flag=<none>
                    q:c=é
                    h:hello
                    segments=v1|tables|my table/x|entries
                    """)
            let rest = try client.request("GET", "/files/a/b//c.txt")
            #expect(rest.text == "a/b/c.txt")
        }
    }

    @Test func unknownPathWrongMethodAndBadEncodingUseTheRenderer() throws {
        var configuration = HTTPServer.Configuration()
        configuration.errorRenderer = { problem in
            .json(Array("{\"status\":\(problem.status)}".utf8), status: problem.status)
        }
        try withServer(configuration, router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port)
            let missing = try client.request("GET", "/nope")
            #expect(missing.status == 404)
            #expect(missing.text == "{\"status\":404}")
            #expect(missing.header("Content-Type") == "application/json")
            let wrong = try client.request("DELETE", "/v1/echo")
            #expect(wrong.status == 405)
            #expect(wrong.header("Allow") == "POST")
            let bad = try client.request("GET", "/v1/tables/%zz/entries")
            #expect(bad.status == 400)
            let badUTF8 = try client.request("GET", "/v1/tables/%FF/entries")
            #expect(badUTF8.status == 400)
        }
    }

    @Test func keepAliveReusesTheConnection() throws {
        try withServer(router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port)
            for i in 0..<20 {
                let response = try client.request("POST", "/v1/echo", body: Array("body \(i)".utf8))
                #expect(response.status == 200)
                #expect(response.text == "body \(i)")
                #expect(response.header("Connection")?.lowercased() != "close")
            }
        }
    }

    @Test func pipelinedAndByteByByteRequests() throws {
        try withServer(router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port)
            let request = "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
            for byte in Array(request.utf8) { try client.send([byte]) }
            #expect(try client.readResponse().text == "hello")
            try client.send(request + request)
            #expect(try client.readResponse().text == "hello")
            #expect(try client.readResponse().text == "hello")
        }
    }

    @Test func chunkedUploadIsReassembled() throws {
        try withServer(router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            var expected: [UInt8] = []
            for i in 0..<50 {
                let piece = Array(String(repeating: "\(i % 10)", count: 100 + i).utf8)
                expected += piece
                try client.send(String(piece.count, radix: 16) + "\r\n")
                try client.send(piece + Array("\r\n".utf8))
            }
            try client.send("0\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.body == expected)
        }
    }

    @Test func oversizedBodiesGet413WithoutBeingRead() throws {
        var configuration = HTTPServer.Configuration()
        configuration.maxBodyBytes = 1000
        try withServer(configuration, router: Self.echoRouter()) { server, port in
            let client = try RawHTTPClient(port: port)
            // Only the head is sent: the answer must come without the body.
            try client.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 413)
            #expect(response.text.contains("1000 bytes"))

            let within = try RawHTTPClient(port: port)
            #expect(try within.request("POST", "/v1/echo", body: [UInt8](repeating: 65, count: 1000)).status == 200)

            let chunked = try RawHTTPClient(port: port)
            try chunked.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
            var status: Int?
            for _ in 0..<10 {
                do {
                    try chunked.send("200\r\n" + String(repeating: "x", count: 512) + "\r\n")
                } catch {
                    break
                }
            }
            if let head = try? chunked.readHead() { status = head.status }
            // Either a 413 or, where libmicrohttpd no longer accepts a response mid-body, a closed connection.
            #expect(status == 413 || status == nil)
            #expect(status != nil || chunked.waitForClose())
            #expect(waitUntil { server.activeRequestCount == 0 })
        }
    }

    @Test func abortedUploadsReleaseTheirState() throws {
        try withServer(router: Self.echoRouter()) { server, port in
            do {
                let client = try RawHTTPClient(port: port)
                try client.send("POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\npartial")
                #expect(waitUntil { server.activeRequestCount == 1 })
            }
            #expect(waitUntil { server.activeRequestCount == 0 })
        }
    }

    @Test func stalledRequestsAreClosedByTheTimeout() throws {
        var configuration = HTTPServer.Configuration()
        configuration.connectionTimeout = .seconds(1)
        try withServer(configuration, router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /v1/tables/t/entries HTTP/1.1\r\nHost:")
            #expect(client.waitForClose())
        }
    }

    @Test(arguments: [
        "GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "GET / HTTP/1.1\r\nNoColonHeader\r\n\r\n",
        "\u{0}\u{1}\u{2}\u{3}\r\n\r\n", "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        "POST /v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    ])
    func garbageDoesNotHurtTheServer(_ input: String) throws {
        try withServer(router: Self.echoRouter()) { _, port in
            let client = try RawHTTPClient(port: port, timeoutSeconds: 1)
            try client.send(input)
            if let head = try? client.readHead() {
                #expect(head.status >= 400)
            }
            let fresh = try RawHTTPClient(port: port)
            #expect(try fresh.request("POST", "/v1/echo", body: Array("ok".utf8)).text == "ok")
        }
    }

    @Test func threadPoolServesConcurrentClients() throws {
        var configuration = HTTPServer.Configuration()
        configuration.threading = .threadPool(2)
        try withServer(configuration, router: Self.echoRouter()) { _, port in
            let failures = Observed(0)
            DispatchQueue.concurrentPerform(iterations: 8) { i in
                do {
                    let client = try RawHTTPClient(port: port)
                    for j in 0..<10 where try client.request("POST", "/v1/echo", body: Array("\(i)-\(j)".utf8)).text != "\(i)-\(j)" {
                        failures.update { $0 += 1 }
                    }
                } catch {
                    failures.update { $0 += 1 }
                }
            }
            #expect(failures.get() == 0)
        }
    }

    @Test func startReportsAddressProblems() throws {
        let first = HTTPServer(router: Self.echoRouter())
        let port = try first.start()
        defer { first.stop() }
        #expect(first.port == port)
        #expect(throws: HTTPServerError.alreadyRunning) { try first.start() }
        var clash = HTTPServer.Configuration()
        clash.port = port
        #expect(throws: HTTPServerError.addressInUse(host: "127.0.0.1", port: port)) {
            try HTTPServer(configuration: clash, router: HTTPRouter()).start()
        }
        var invalid = HTTPServer.Configuration()
        invalid.host = "not-an-address"
        #expect(throws: HTTPServerError.invalidAddress("not-an-address")) {
            try HTTPServer(configuration: invalid, router: HTTPRouter()).start()
        }
        first.stop()
        first.stop()
        #expect(first.port == nil)
        // Restart after stop works.
        let again = try first.start()
        let client = try RawHTTPClient(port: again)
        #expect(try client.request("GET", "/files/x").text == "x")
    }
}
