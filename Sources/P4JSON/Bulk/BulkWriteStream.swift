import Dispatch
import JSONCore
import P4Model
import Synchronization

/// The updates of an NDJSON body decoded in order, part by part, on other threads while the caller applies the
/// parts already decoded, so a large write's decoding overlaps its application instead of preceding it.
///
/// Parts hold `linesPerPart` lines each (the last fewer). At most `partsAhead` decoded parts wait for the
/// consumer, which bounds the memory held by decoded updates to a few parts instead of the whole batch. Call
/// ``next()`` until it returns nil or throws, then ``cancel()`` (always, e.g. in a `defer`: it stops the decoder
/// when the consumer gave up early, and is harmless otherwise).
public final class BulkWriteStream: Sendable {
    /// One decoded part, the first decode error, or the end of the body.
    private enum Item {
        case part([Update])
        case failure(P4RuntimeError)
        case end
    }

    private struct Queue {
        var items: [Item] = []
        var head = 0
        var cancelled = false
        var exhausted = false
    }

    /// The number of updates in the body (its non-blank lines).
    public let count: Int
    private let body: [UInt8]
    private let lines: [(lineNumber: Int, range: Range<Int>)]
    private let linesPerPart: Int
    private let ignoresUnknownFields: Bool
    private let queue = Mutex(Queue())
    /// Signalled once per item queued.
    private let ready = DispatchSemaphore(value: 0)
    /// Counts the parts the decoder may still queue before the consumer takes one.
    private let room: DispatchSemaphore

    /// Starts decoding `body` (one `p4.v1.Update` JSON object per line) on a background thread.
    public init(body: [UInt8], linesPerPart: Int = 16_384, partsAhead: Int = 4, ignoresUnknownFields: Bool = false) {
        self.body = body
        lines = body.withUnsafeBytes { NDJSON.lines(in: $0) }
        count = lines.count
        self.linesPerPart = max(1, linesPerPart)
        self.ignoresUnknownFields = ignoresUnknownFields
        // Created at 0 and raised: libdispatch traps when a semaphore is freed below its initial value, which a
        // cancelled stream's would be.
        room = DispatchSemaphore(value: 0)
        for _ in 0..<max(1, partsAhead) { room.signal() }
        // A serial queue of its own runs on libdispatch's overcommit pool: the decoder blocks while parts wait for
        // the consumer, and must not hold one of the few threads the global queue's work (and `parallelMap`) needs.
        DispatchQueue(label: "p4json.bulk-write-stream").async { self.decodeParts() }
    }

    /// The next part of the updates in line order, waiting for it to be decoded; nil after the last.
    ///
    /// - Throws: INVALID_ARGUMENT for the first line that is not a valid `Update` (as ``BulkWrite/decode(_:deviceId:electionId:role:atomicity:ignoresUnknownFields:)``
    ///   words it), once every part before it has been returned. Later calls return nil.
    public func next() throws(P4RuntimeError) -> [Update]? {
        if queue.withLock({ $0.exhausted }) { return nil }
        ready.wait()
        let item: Item = queue.withLock { queue in
            let item = queue.items[queue.head]
            queue.items[queue.head] = .end  // drops the part's updates as soon as the caller has them
            queue.head += 1
            if queue.head == queue.items.count {
                queue.items.removeAll(keepingCapacity: true)
                queue.head = 0
            }
            switch item {
            case .part: break
            case .failure, .end: queue.exhausted = true
            }
            return item
        }
        room.signal()
        switch item {
        case .part(let updates): return updates
        case .failure(let error): throw error
        case .end: return nil
        }
    }

    /// Stops decoding parts not yet started; ``next()`` returns nil from now on.
    public func cancel() {
        let wasCancelled = queue.withLock { queue in
            defer {
                queue.cancelled = true
                queue.exhausted = true
            }
            return queue.cancelled
        }
        // Wakes a decoder waiting for room, which then sees the flag and stops.
        if !wasCancelled { room.signal() }
    }

    private func decodeParts() {
        var start = 0
        while start < lines.count {
            room.wait()
            if queue.withLock({ $0.cancelled }) { return }
            let end = min(start + linesPerPart, lines.count)
            let decoded = body.withUnsafeBytes { buffer in
                Result { () throws(P4RuntimeError) in
                    try BulkWrite.decodeUpdates(buffer, lines: lines[start..<end], ignoresUnknownFields)
                }
            }
            let item: Item
            switch decoded {
            case .success(let updates): item = .part(updates)
            case .failure(let error): item = .failure(error)
            }
            publish(item)
            if case .failure = item { return }
            start = end
        }
        publish(.end)
    }

    private func publish(_ item: Item) {
        queue.withLock { $0.items.append(item) }
        ready.signal()
    }
}
