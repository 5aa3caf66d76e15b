import P4RTClient
import Testing

struct ServerSentEventParserTests {
    @Test func splitsEventsAcrossArbitraryChunks() {
        let text = Array(": open\n\nevent: session\ndata: {\"sessionId\":\"1-ab\"}\n\nevent: lost\r\ndata: {\"lost\":3}\r\n\r\ndata: a\ndata: b\nid: 7\n\n".utf8)
        for chunk in [1, 2, 5, text.count] {
            var parser = ServerSentEventParser()
            var events: [ServerSentEvent] = []
            var start = 0
            while start < text.count {
                events += parser.feed(text[start..<min(start + chunk, text.count)])
                start += chunk
            }
            #expect(events == [
                ServerSentEvent(event: "session", data: #"{"sessionId":"1-ab"}"#),
                ServerSentEvent(event: "lost", data: #"{"lost":3}"#),
                ServerSentEvent(event: "message", data: "a\nb", id: "7"),
            ], "chunk size \(chunk)")
        }
    }

    @Test func ignoresCommentsAndKeepAlives() {
        var parser = ServerSentEventParser()
        #expect(parser.feed(Array(":\n\n:\n\n".utf8)).isEmpty)
    }
}
