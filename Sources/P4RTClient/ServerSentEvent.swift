/// One Server-Sent Event as p4rtd sends them on `/v1/stream` (docs/stream.md).
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` name (`session`, `arbitration`, `packet`, `idleTimeoutNotification`, `learnedFlow`, `lost`…);
    /// `message` when the server sent none.
    public var event: String
    /// The `data:` lines joined with newlines.
    public var data: String
    /// The `id:` field, if any.
    public var id: String?

    /// Creates an event.
    public init(event: String, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// Splits a byte stream into Server-Sent Events (the text/event-stream format): fields per line, events separated by
/// a blank line, comment lines (`:`) ignored, CR, LF or CRLF line ends. Feed it bytes as they arrive.
public struct ServerSentEventParser: Sendable {
    private var pending: [UInt8] = []
    private var event = ""
    private var data: [String] = []
    private var id: String?
    private var sawField = false

    /// Creates a parser.
    public init() {}

    /// Consumes `bytes` and returns the events they completed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [ServerSentEvent] {
        pending.append(contentsOf: bytes)
        var events: [ServerSentEvent] = []
        var start = 0
        var index = 0
        while index < pending.count {
            let byte = pending[index]
            if byte == 0x0A || byte == 0x0D {
                // A CR at the end of what we have may be the first half of CRLF: wait for more.
                if byte == 0x0D && index + 1 == pending.count { break }
                let line = String(decoding: pending[start..<index], as: UTF8.self)
                if byte == 0x0D && pending[index + 1] == 0x0A { index += 1 }
                index += 1
                start = index
                if let completed = take(line) { events.append(completed) }
                continue
            }
            index += 1
        }
        pending.removeFirst(start)
        return events
    }

    private mutating func take(_ line: String) -> ServerSentEvent? {
        if line.isEmpty {
            defer { event = ""; data = []; id = nil; sawField = false }
            guard sawField, !data.isEmpty || !event.isEmpty else { return nil }
            return ServerSentEvent(event: event.isEmpty ? "message" : event, data: data.joined(separator: "\n"), id: id)
        }
        if line.hasPrefix(":") { return nil }
        let name: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            name = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            name = Substring(line)
            value = ""
        }
        sawField = true
        switch name {
        case "event": event = String(value)
        case "data": data.append(String(value))
        case "id": id = String(value)
        default: break
        }
        return nil
    }
}
