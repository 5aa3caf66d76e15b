import Dispatch
import HTTPServer
import TestSupport
import Synchronization
import Testing

/// Emits "line 0\n" … "line n-1\n", as many whole lines per pull as fit.
final class CountingProducer: HTTPBodyProducer {
    let count: Int
    private let next = Mutex(0)
    let ended = Observed<Bool?>(nil)

    init(count: Int) { self.count = count }

    func produce(into buffer: UnsafeMutableRawBufferPointer, waker: HTTPStreamWaker) -> HTTPStreamChunk {
        next.withLock { next in
            var written = 0
            while next < count {
                let line = Array("line \(next)\n".utf8)
                guard written + line.count <= buffer.count else { break }
                line.withUnsafeBytes { (buffer.baseAddress! + written).copyMemory(from: $0.baseAddress!, byteCount: line.count) }
                written += line.count
                next += 1
            }
            return written > 0 ? .bytes(written) : .end
        }
    }

    func streamDidEnd(completed: Bool) { ended.update { $0 = completed } }
}

/// Sends what other threads feed it; waits (parked) when empty.
final class FeedProducer: HTTPBodyProducer {
    private struct State {
        var pending: [UInt8] = []
        var finished = false
        var waker: HTTPStreamWaker?
        var waits = 0
    }
    private let state = Mutex(State())
    let ended = Observed<Bool?>(nil)

    var waits: Int { state.withLock { $0.waits } }

    func feed(_ text: String, finish: Bool = false) {
        let waker = state.withLock { state -> HTTPStreamWaker? in
            state.pending += Array(text.utf8)
            state.finished = state.finished || finish
            return state.waker
        }
        waker?.resume()
    }

    func produce(into buffer: UnsafeMutableRawBufferPointer, waker: HTTPStreamWaker) -> HTTPStreamChunk {
        state.withLock { state in
            state.waker = waker
            if state.pending.isEmpty {
                if state.finished { return .end }
                state.waits += 1
                return .waitForResume
            }
            let n = min(buffer.count, state.pending.count)
            state.pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: n) }
            state.pending.removeFirst(n)
            return .bytes(n)
        }
    }

    func streamDidEnd(completed: Bool) { ended.update { $0 = completed } }
}

@Suite struct StreamingTests {
    @Test func streamsManyChunksInOrder() throws {
        let producer = CountingProducer(count: 100_000)
        var router = HTTPRouter()
        router.get("/stream") { _ in .stream(producer, contentType: "application/x-ndjson") }
        try withServer(router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            let response = try client.request("GET", "/stream")
            #expect(response.status == 200)
            #expect(response.header("Transfer-Encoding")?.lowercased() == "chunked")
            #expect(response.header("Content-Type") == "application/x-ndjson")
            let lines = response.text.split(separator: "\n")
            #expect(lines.count == 100_000)
            #expect(lines.first == "line 0")
            #expect(lines.last == "line 99999")
            #expect(lines.enumerated().allSatisfy { $0.element == "line \($0.offset)" })
            #expect(waitUntil { producer.ended.get() == true })
            // The connection stays usable after a streamed response.
            let again = try client.request("GET", "/stream")
            #expect(again.status == 200)
        }
    }

    @Test func parkedStreamResumesWhenFed() throws {
        let producer = FeedProducer()
        var router = HTTPRouter()
        router.get("/feed") { _ in .stream(producer, contentType: "text/plain") }
        try withServer(router: router) { _, port in
            let client = try RawHTTPClient(port: port)
            try client.send("GET /feed HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try client.readHead()
            #expect(head.status == 200)
            #expect(waitUntil { producer.waits >= 1 })
            var received = ""
            for i in 0..<20 {
                producer.feed("part \(i);")
                while !received.hasSuffix("part \(i);") {
                    guard let chunk = try client.readChunk() else { break }
                    received += String(decoding: chunk, as: UTF8.self)
                }
            }
            producer.feed("", finish: true)
            #expect(try client.readChunk() == nil)
            #expect(received == (0..<20).map { "part \($0);" }.joined())
            #expect(waitUntil { producer.ended.get() == true })
        }
    }

    @Test func clientGoingAwayEndsTheStreamIncomplete() throws {
        let producer = FeedProducer()
        var router = HTTPRouter()
        router.get("/feed") { _ in .stream(producer, contentType: "text/plain") }
        try withServer(router: router) { _, port in
            do {
                let client = try RawHTTPClient(port: port)
                try client.send("GET /feed HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.readHead()
                producer.feed("first")
                _ = try client.readChunk()
            }
            // Parked connections only notice the disconnect on the next write.
            for i in 0..<200 where producer.ended.get() == nil {
                producer.feed(String(repeating: "x", count: 1000 + i))
                _ = waitUntil(seconds: 0.02) { producer.ended.get() != nil }
            }
            #expect(producer.ended.get() == false)
        }
    }

    @Test func stopEndsParkedStreams() throws {
        let producer = FeedProducer()
        var router = HTTPRouter()
        router.get("/feed") { _ in .stream(producer, contentType: "text/plain") }
        let server = HTTPServer(router: router)
        let port = try server.start()
        let client = try RawHTTPClient(port: port)
        try client.send("GET /feed HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = try client.readHead()
        #expect(waitUntil { producer.waits >= 1 })
        server.stop()
        #expect(producer.ended.get() == false)
        #expect(client.waitForClose())
    }
}
