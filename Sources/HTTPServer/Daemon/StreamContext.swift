import Synchronization

/// Binds one streamed response to its producer: MHD's content-reader `cls`, retained by MHD until the free
/// callback.
final class StreamContext: Sendable {
    let id: Int
    let producer: any HTTPBodyProducer
    let waker: HTTPStreamWaker
    let registry: StreamRegistry
    private let finish = StreamFinish()

    init(id: Int, producer: any HTTPBodyProducer, waker: HTTPStreamWaker, registry: StreamRegistry) {
        self.id = id
        self.producer = producer
        self.waker = waker
        self.registry = registry
    }

    /// MHD wants up to `max` bytes. Returns a byte count, 0 (parked or retry), -1 (end) or -2 (abort).
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        registry.readerRan(id)
        if waker.isTerminating { return -2 }
        switch producer.produce(into: buffer, waker: waker) {
        case .bytes(let n) where n > 0:
            return min(n, buffer.count)
        case .end:
            finish.markCompleted()
            return -1
        case .bytes, .waitForResume:
            return waker.parkUnlessPending()
        }
    }

    /// MHD released the response.
    func released() {
        waker.markEnded()
        registry.remove(id)
        producer.streamDidEnd(completed: finish.completed)
    }
}

/// Whether the producer reached its end (read on the reader thread, then in the free callback).
private final class StreamFinish: Sendable {
    private let flag = Mutex(false)
    var completed: Bool { flag.withLock { $0 } }
    func markCompleted() { flag.withLock { $0 = true } }
}
