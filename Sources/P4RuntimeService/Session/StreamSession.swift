import P4Model
import Synchronization

/// A controller's stream channel, abstracted from its transport: the HTTP layer binds one to an SSE connection or
/// a lease, passes the controller's messages to `P4RuntimeService.handle(_:from:)`, drains events with `poll`,
/// and calls `P4RuntimeService.closeSession(_:)` when the connection ends.
///
/// Events wait in a bounded queue; when it is full, new events are dropped and counted, and the next `poll`
/// starts with `.eventsLost(count:)`. Producers never block.
public final class StreamSession: Sendable, Hashable, CustomStringConvertible {
    /// The arbitration binding of a session once it sent its first `MasterArbitrationUpdate`.
    public struct Binding: Sendable, Hashable {
        /// The device.
        public var deviceId: UInt64
        /// The role name (empty for the default role).
        public var role: String
        /// The controller's election id; nil for a permanent backup.
        public var electionId: Uint128?
    }

    private struct Queue {
        var events: [SessionEvent] = []
        var head = 0
        var lost = 0
        var closed = false
        var binding: Binding?
        var wakeup: (@Sendable () -> Void)?
    }

    /// A unique id (for logs and HTTP routing).
    public let id: UInt64
    /// The most events held before new ones are dropped.
    public let capacity: Int
    private let queue: Mutex<Queue>
    private let counters: MetricCounters?

    init(id: UInt64, capacity: Int, counters: MetricCounters? = nil) {
        self.id = id
        self.capacity = max(1, capacity)
        self.queue = Mutex(Queue())
        self.counters = counters
    }

    /// The device, role and election id the session is bound to; nil before its first arbitration update.
    public var binding: Binding? { queue.withLock { $0.binding } }

    /// True once the session was closed (by the transport or the service).
    public var isClosed: Bool { queue.withLock { $0.closed } }

    /// Takes up to `maxCount` pending events without blocking, oldest first; a pending loss report comes first.
    public func poll(maxCount: Int = Int.max) -> [SessionEvent] {
        queue.withLock { queue in
            var result: [SessionEvent] = []
            if queue.lost > 0 {
                result.append(.eventsLost(count: queue.lost))
                queue.lost = 0
            }
            let available = queue.events.count - queue.head
            let take = min(available, max(0, maxCount - result.count))
            if take > 0 {
                result.append(contentsOf: queue.events[queue.head..<queue.head + take])
                queue.head += take
            }
            if queue.head == queue.events.count {
                queue.events.removeAll(keepingCapacity: true)
                queue.head = 0
            } else if queue.head > 1024 && queue.head * 2 > queue.events.count {
                queue.events.removeFirst(queue.head)
                queue.head = 0
            }
            return result
        }
    }

    /// The number of events waiting.
    public var pendingCount: Int { queue.withLock { $0.events.count - $0.head } }

    /// Installs (or removes) a callback run, outside any lock, after events are queued: the SSE writer uses it to
    /// resume a suspended connection. It must not block.
    public func setWakeup(_ wakeup: (@Sendable () -> Void)?) {
        queue.withLock { $0.wakeup = wakeup }
    }

    /// Counts `count` events lost before they reached this session (a device's bounded log overflowed); the next
    /// `poll` reports them with the queue's own losses, first.
    func recordLost(_ count: Int) {
        guard count > 0 else { return }
        let wakeup = queue.withLock { queue -> (@Sendable () -> Void)? in
            if queue.closed { return nil }
            queue.lost += count
            counters?.eventsLost.wrappingAdd(UInt64(count), ordering: .relaxed)
            return queue.wakeup
        }
        wakeup?()
    }

    /// Queues `event`; returns false when the queue was full (the event is counted as lost) or the session closed.
    @discardableResult
    func enqueue(_ event: SessionEvent) -> Bool {
        let (accepted, wakeup) = queue.withLock { queue -> (Bool, (@Sendable () -> Void)?) in
            if queue.closed { return (false, nil) }
            if queue.events.count - queue.head >= capacity {
                queue.lost += 1
                counters?.eventsLost.wrappingAdd(1, ordering: .relaxed)
                return (false, queue.wakeup)
            }
            queue.events.append(event)
            return (true, queue.wakeup)
        }
        wakeup?()
        return accepted
    }

    func setBinding(_ binding: Binding?) { queue.withLock { $0.binding = binding } }

    /// Marks the session closed; returns false if it already was.
    func markClosed() -> Bool {
        let wakeup = queue.withLock { queue -> (@Sendable () -> Void)?? in
            if queue.closed { return nil }
            queue.closed = true
            return .some(queue.wakeup)
        }
        guard let wakeup else { return false }
        wakeup?()
        return true
    }

    /// Sessions are equal when they are the same object.
    public static func == (lhs: StreamSession, rhs: StreamSession) -> Bool { lhs === rhs }

    /// Hashes the session's id.
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// `session N`.
    public var description: String { "session \(id)" }
}
