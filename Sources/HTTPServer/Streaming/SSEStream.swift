import Dispatch
import Synchronization

/// One Server-Sent Events subscriber: a bounded queue of encoded events, drained by the client's connection.
///
/// - ``publish(event:data:id:)`` never blocks and may be called from any thread. When `capacity` events are
///   waiting, further events are dropped and counted; the client then receives `event: lost` with
///   `data: {"lost":N}` (N = events dropped since the last such notice) at the point where they were dropped,
///   i.e. before the next delivered event or as soon as the queue has drained.
/// - Every `keepAliveInterval` an SSE comment (`:\n\n`) is queued when nothing else is waiting, so a vanished
///   client is detected by the failing write (or the server's connection timeout when the client stops reading).
/// - The stream starts with one comment (`: open`) so the client sees the response headers at once.
/// - `onClose` runs exactly once, on a server thread, when the response is over: the client went away, the stream
///   was ``close()``d and drained, or the server stopped.
/// - No thread per subscriber: an idle stream's connection is parked until the next publish or keep-alive.
public final class SSEStream: HTTPBodyProducer {
    private struct Entry {
        var bytes: [UInt8]
        var isEvent: Bool
    }

    private struct State {
        var queue: [Entry] = []
        var head = 0
        var queuedEvents = 0
        var current: [UInt8] = Array(": open\n\n".utf8)
        var currentOffset = 0
        var pendingLost = 0
        var totalLost = 0
        var closed = false
        var ended = false
        var waker: HTTPStreamWaker?
        var timer: KeepAliveTimer?
        var onClose: (@Sendable () -> Void)?
    }

    private static let timerQueue = DispatchQueue(label: "p4rtd.HTTPServer.SSE.keepalive")

    /// Maximum number of events waiting for the client.
    public let capacity: Int
    /// Interval of keep-alive comments; nil disables them (``sendKeepAlive()`` still works).
    public let keepAliveInterval: Duration?
    private let state: Mutex<State>

    /// Creates a stream holding at most `capacity` (≥ 1) undelivered events.
    public init(capacity: Int = 1024, keepAliveInterval: Duration? = .seconds(15), onClose: (@Sendable () -> Void)? = nil) {
        self.capacity = max(1, capacity)
        self.keepAliveInterval = keepAliveInterval
        var initial = State()
        initial.onClose = onClose
        state = Mutex(initial)
    }

    /// Queues one event. `event` and `id` lose any CR/LF; `data` is split into one `data:` line per line (CR, LF
    /// or CRLF). Returns false when the event was dropped (queue full, counted as lost) or the stream is closed.
    @discardableResult
    public func publish(event: String? = nil, data: String, id: String? = nil) -> Bool {
        enqueue(Self.encode(event: event, data: Array(data.utf8), id: id))
    }

    /// Queues one event whose data is UTF-8 bytes (e.g. compact JSON from a writer); see
    /// ``publish(event:data:id:)-(String?,String,String?)``.
    @discardableResult
    public func publish(event: String? = nil, data: [UInt8], id: String? = nil) -> Bool {
        enqueue(Self.encode(event: event, data: data, id: id))
    }

    /// Events dropped so far because the queue was full.
    public var droppedCount: Int { state.withLock { $0.totalLost } }

    /// Events waiting for the client.
    public var queuedCount: Int { state.withLock { $0.queuedEvents } }

    /// Whether ``close()`` was called or the response ended.
    public var isClosed: Bool { state.withLock { $0.closed || $0.ended } }

    /// Stops accepting events; the response ends after the queued ones were sent.
    public func close() {
        let waker = state.withLock { state -> HTTPStreamWaker? in
            state.closed = true
            return state.waker
        }
        waker?.resume()
    }

    /// Queues a keep-alive comment unless data is already waiting.
    public func sendKeepAlive() {
        let waker = state.withLock { state -> HTTPStreamWaker? in
            guard !state.closed, !state.ended, state.head == state.queue.count,
                state.currentOffset == state.current.count
            else { return nil }
            state.queue.append(Entry(bytes: Array(":\n\n".utf8), isEvent: false))
            return state.waker
        }
        waker?.resume()
    }

    private func enqueue(_ bytes: [UInt8]) -> Bool {
        let result = state.withLock { state -> (Bool, HTTPStreamWaker?) in
            if state.closed || state.ended { return (false, nil) }
            if state.queuedEvents >= capacity {
                state.pendingLost += 1
                state.totalLost += 1
                return (false, nil)
            }
            if state.pendingLost > 0 {
                state.queue.append(Entry(bytes: Self.lostNotice(state.pendingLost), isEvent: false))
                state.pendingLost = 0
            }
            state.queue.append(Entry(bytes: bytes, isEvent: true))
            state.queuedEvents += 1
            return (true, state.waker)
        }
        result.1?.resume()
        return result.0
    }

    /// Copies as many queued bytes as fit.
    public func produce(into buffer: UnsafeMutableRawBufferPointer, waker: HTTPStreamWaker) -> HTTPStreamChunk {
        let startTimer = state.withLock { state -> Bool in
            guard state.waker == nil else { return false }
            state.waker = waker
            return keepAliveInterval != nil
        }
        if startTimer { armKeepAlive() }
        let out = OutputBuffer(buffer: buffer)
        return state.withLock { state -> HTTPStreamChunk in
            let buffer = out.buffer
            var written = 0
            while written < buffer.count {
                if state.currentOffset < state.current.count {
                    let n = min(buffer.count - written, state.current.count - state.currentOffset)
                    state.current.withUnsafeBytes { source in
                        (buffer.baseAddress! + written).copyMemory(
                            from: source.baseAddress! + state.currentOffset, byteCount: n)
                    }
                    written += n
                    state.currentOffset += n
                } else if state.head < state.queue.count {
                    let entry = state.queue[state.head]
                    state.queue[state.head].bytes = []
                    state.head += 1
                    if entry.isEvent { state.queuedEvents -= 1 }
                    state.current = entry.bytes
                    state.currentOffset = 0
                    if state.head == state.queue.count {
                        state.queue.removeAll(keepingCapacity: true)
                        state.head = 0
                    } else if state.head >= 64 && state.head * 2 >= state.queue.count {
                        state.queue.removeFirst(state.head)
                        state.head = 0
                    }
                } else if state.pendingLost > 0 {
                    state.current = Self.lostNotice(state.pendingLost)
                    state.currentOffset = 0
                    state.pendingLost = 0
                } else {
                    break
                }
            }
            if written > 0 { return .bytes(written) }
            return state.closed ? .end : .waitForResume
        }
    }

    /// Runs `onClose` (once) and stops the keep-alive timer.
    public func streamDidEnd(completed: Bool) {
        let (onClose, timer) = state.withLock { state -> ((@Sendable () -> Void)?, KeepAliveTimer?) in
            state.ended = true
            state.waker = nil
            defer {
                state.onClose = nil
                state.timer = nil
            }
            return (state.onClose, state.timer)
        }
        timer?.source.cancel()
        onClose?()
    }

    private func armKeepAlive() {
        guard let interval = keepAliveInterval else { return }
        let timer = DispatchSource.makeTimerSource(queue: Self.timerQueue)
        let (seconds, attoseconds) = interval.components
        let nanoseconds = max(1_000_000, Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [weak self] in self?.sendKeepAlive() }
        let keep = state.withLock { state -> Bool in
            guard !state.ended else { return false }
            state.timer = KeepAliveTimer(source: timer)
            return true
        }
        if keep { timer.resume() }
    }

    static func lostNotice(_ count: Int) -> [UInt8] {
        Array("event: lost\ndata: {\"lost\":\(count)}\n\n".utf8)
    }

    static func encode(event: String?, data: [UInt8], id: String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 32)
        if let event {
            out.append(contentsOf: "event: ".utf8)
            out.append(contentsOf: event.utf8.filter { $0 != 0x0A && $0 != 0x0D })
            out.append(0x0A)
        }
        if let id {
            out.append(contentsOf: "id: ".utf8)
            out.append(contentsOf: id.utf8.filter { $0 != 0x0A && $0 != 0x0D && $0 != 0 })
            out.append(0x0A)
        }
        var lineStart = 0
        var i = 0
        while i <= data.count {
            let atEnd = i == data.count
            let byte: UInt8 = atEnd ? 0x0A : data[i]
            if byte == 0x0A || byte == 0x0D {
                out.append(contentsOf: "data: ".utf8)
                out.append(contentsOf: data[lineStart..<i])
                out.append(0x0A)
                if byte == 0x0D && i + 1 < data.count && data[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
            }
            i += 1
        }
        out.append(0x0A)
        return out
    }
}

/// A dispatch timer held in the stream's state (dispatch sources are thread-safe).
private struct KeepAliveTimer: @unchecked Sendable {
    let source: any DispatchSourceTimer
}

/// MHD's output buffer, used only inside the synchronous `produce` call that received it.
private struct OutputBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer
}
