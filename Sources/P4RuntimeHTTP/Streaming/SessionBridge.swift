import HTTPServer
import JSONCore
import P4JSON
import P4Model
import P4RuntimeService
import Synchronization

/// Joins one service `StreamSession` to one SSE response: events the service queues are rendered and published
/// in order; the SSE connection's end closes the session (that is the controller's liveness, docs/stream.md).
final class SessionBridge: Sendable {
    let session: StreamSession
    let sse: SSEStream
    /// The secret half of the session id the controller posts to; ids alone are sequential and guessable.
    let token: String
    private let draining = Mutex(())

    init(session: StreamSession, sse: SSEStream, token: String) {
        self.session = session
        self.sse = sse
        self.token = token
    }

    /// The id a controller uses in `POST /v1/stream/{sessionId}`.
    var publicId: String { "\(session.id)-\(token)" }

    /// Moves every pending session event to the SSE stream. Serialised so events keep their order when several
    /// producers wake the bridge at once.
    func drain() {
        draining.withLock { _ in
            while true {
                let events = session.poll(maxCount: 256)
                if events.isEmpty { return }
                for event in events { publish(event) }
            }
        }
    }

    private func publish(_ event: SessionEvent) {
        switch event {
        case .arbitration(let update):
            sse.publish(event: "arbitration", data: ProtoJSON.encode(StreamMessageResponse(.arbitration(update))))
        case .packetIn(let packet):
            sse.publish(event: "packet", data: ProtoJSON.encode(StreamMessageResponse(.packet(packet))))
        case .digestList(let list):
            sse.publish(event: "digest", data: ProtoJSON.encode(StreamMessageResponse(.digest(list))))
        case .idleTimeoutNotification(let notification):
            sse.publish(event: "idleTimeoutNotification",
                        data: ProtoJSON.encode(StreamMessageResponse(.idleTimeoutNotification(notification))))
        case .streamError(let error):
            sse.publish(event: "error", data: ProtoJSON.encode(StreamMessageResponse(.error(error))))
        case .entriesLearned(let table, let entries):
            sse.publish(event: "learnedFlow", data: Self.flowEvent("new", table: table, entries: entries))
        case .entriesRemoved(let table, let entries):
            sse.publish(event: "learnedFlow", data: Self.flowEvent("removed", table: table, entries: entries))
        case .eventsLost(let count):
            sse.publish(event: "lost", data: "{\"lost\":\(count)}")
        }
    }

    /// `{"type":"new","tableId":N,"entries":[TableEntry…]}` (p4rtd extension, docs/stream.md).
    static func flowEvent(_ type: String, table: TableID, entries: [TableEntry]) -> [UInt8] {
        var writer = JSONWriter(style: .compact)
        writer.beginObject()
        writer.key("type")
        writer.string(type)
        writer.key("tableId")
        writer.integer(Int64(table.rawValue))
        writer.key("entries")
        writer.beginArray()
        for entry in entries { entry.encode(to: &writer) }
        writer.endArray()
        writer.endObject()
        return writer.take()
    }
}
