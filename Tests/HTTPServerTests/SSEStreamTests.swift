import Dispatch
import HTTPServer
import TestSupport
import Synchronization
import Testing

@Suite struct SSEStreamTests {
    /// A router whose /events handler creates a stream through `make` and hands it to the test.
    static func router(_ streams: Observed<[SSEStream]>, make: @escaping @Sendable () -> SSEStream) -> HTTPRouter {
        var router = HTTPRouter()
        router.get("/events") { _ in
            let stream = make()
            streams.update { $0.append(stream) }
            return .eventStream(stream)
        }
        return router
    }

    @Test func deliversEventsInOrderWithFields() throws {
        let streams = Observed<[SSEStream]>([])
        let router = Self.router(streams) { SSEStream(keepAliveInterval: nil) }
        try withServer(router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readHead()
            #expect(head.status == 200)
            #expect(head.header("Content-Type") == "text/event-stream")
            let opened = try client.readEvents { $0.contains(": open\n\n") }
            #expect(opened == ": open\n\n")
            let stream = try #require(streams.get().first)
            #expect(stream.publish(event: "idle", data: "{\"a\":1}", id: "7"))
            #expect(stream.publish(data: "two\nlines"))
            #expect(stream.publish(event: "bytes", data: Array("{\"b\":2}".utf8)))
            let text = try client.readEvents { $0.contains("{\"b\":2}") }
            #expect(
                text == "event: idle\nid: 7\ndata: {\"a\":1}\n\ndata: two\ndata: lines\n\nevent: bytes\ndata: {\"b\":2}\n\n")
        }
    }

    @Test func overflowIsCountedAndAnnounced() throws {
        let streams = Observed<[SSEStream]>([])
        var router = HTTPRouter()
        router.get("/events") { _ in
            let stream = SSEStream(capacity: 2, keepAliveInterval: nil)
            // Nothing drains before the handler returns, so the queue holds two and drops three.
            for i in 1...5 { stream.publish(event: "e", data: "\(i)") }
            streams.update { $0.append(stream) }
            return .eventStream(stream)
        }
        try withServer(router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readHead()
            let first = try client.readEvents { $0.contains("{\"lost\":3}") }
            #expect(first == ": open\n\nevent: e\ndata: 1\n\nevent: e\ndata: 2\n\nevent: lost\ndata: {\"lost\":3}\n\n")
            let stream = try #require(streams.get().first)
            #expect(stream.droppedCount == 3)
            #expect(stream.publish(event: "e", data: "6"))
            #expect(try client.readEvents { $0.contains("data: 6") } == "event: e\ndata: 6\n\n")
        }
    }

    @Test(arguments: [HTTPServer.Threading.singleThread, .threadPool(2)])
    func concurrentPublishersLoseNothingWhenTheQueueIsLargeEnough(_ threading: HTTPServer.Threading) throws {
        let streams = Observed<[SSEStream]>([])
        let router = Self.router(streams) { SSEStream(capacity: 100_000, keepAliveInterval: nil) }
        var configuration = HTTPServer.Configuration()
        configuration.threading = threading
        try withServer(configuration, router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readHead()
            _ = try client.readEvents { $0.contains(": open") }
            let stream = try #require(streams.get().first)
            let perPublisher = 1_000
            DispatchQueue.global().async {
                DispatchQueue.concurrentPerform(iterations: 4) { publisher in
                    for i in 0..<perPublisher {
                        stream.publish(data: "\(publisher):\(i)")
                        // Every so often wait for the reader, so that parked/resumed hand-overs happen too.
                        if i % 250 == 0 { _ = waitUntil(seconds: 1) { stream.queuedCount == 0 } }
                    }
                }
                stream.close()
            }
            let text = try client.readEvents { _ in false }
            var next = [Int](repeating: 0, count: 4)
            var inOrder = true
            for line in text.split(separator: "\n") where line.hasPrefix("data: ") {
                let parts = line.dropFirst(6).split(separator: ":")
                guard parts.count == 2, let publisher = Int(parts[0]), let seq = Int(parts[1]) else {
                    inOrder = false
                    continue
                }
                if next[publisher] != seq { inOrder = false }
                next[publisher] = seq + 1
            }
            #expect(inOrder)
            #expect(next == [perPublisher, perPublisher, perPublisher, perPublisher])
            #expect(stream.droppedCount == 0)
        }
    }

    @Test func keepAliveCommentsAreSent() throws {
        let streams = Observed<[SSEStream]>([])
        let router = Self.router(streams) { SSEStream(keepAliveInterval: .milliseconds(50)) }
        try withServer(router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readHead()
            let text = try client.readEvents { $0.hasSuffix("\n\n:\n\n:\n\n") }
            #expect(text.hasPrefix(": open\n\n:\n\n"))
        }
    }

    @Test func onCloseFiresOnceWhenTheClientGoesAway() throws {
        let closes = Observed(0)
        let streams = Observed<[SSEStream]>([])
        let router = Self.router(streams) {
            SSEStream(keepAliveInterval: .milliseconds(20)) { closes.update { $0 += 1 } }
        }
        try withServer(router: router) { _, port in
            do {
                let client = try RawHTTPClient(port: port)
                try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.readHead()
                _ = try client.readEvents { $0.contains(": open") }
            }
            #expect(waitUntil { closes.get() == 1 })
            let stream = try #require(streams.get().first)
            #expect(stream.isClosed)
            #expect(!stream.publish(data: "after close"))
            stream.close()
            #expect(closes.get() == 1)
        }
    }

    @Test func closeEndsTheStreamAfterQueuedEvents() throws {
        let closes = Observed(0)
        let streams = Observed<[SSEStream]>([])
        let router = Self.router(streams) { SSEStream(keepAliveInterval: nil) { closes.update { $0 += 1 } } }
        try withServer(router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readHead()
            _ = try client.readEvents { $0.contains(": open") }
            let stream = try #require(streams.get().first)
            stream.publish(data: "last")
            stream.close()
            let text = try client.readEvents { _ in false }
            #expect(text == "data: last\n\n")
            #expect(waitUntil { closes.get() == 1 })
            // The connection is still usable for another request.
            #expect(try client.request("GET", "/elsewhere").status == 404)
        }
    }

    @Test func stopWithOpenSubscribersClosesThemAll() throws {
        let closes = Observed(0)
        let streams = Observed<[SSEStream]>([])
        let router = Self.router(streams) { SSEStream(keepAliveInterval: nil) { closes.update { $0 += 1 } } }
        let server = HTTPServer(router: router)
        let port = try server.start()
        var clients: [RawHTTPClient] = []
        for _ in 0..<5 {
            let client = try RawHTTPClient(port: port)
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readHead()
            _ = try client.readEvents { $0.contains(": open") }
            clients.append(client)
        }
        // Publishers racing with stop must not crash or block.
        let publisher = DispatchQueue(label: "publisher")
        publisher.async {
            for i in 0..<1000 { for stream in streams.get() { stream.publish(data: "\(i)") } }
        }
        server.stop()
        publisher.sync {}
        #expect(closes.get() == 5)
        for client in clients { #expect(client.waitForClose()) }
    }
}
