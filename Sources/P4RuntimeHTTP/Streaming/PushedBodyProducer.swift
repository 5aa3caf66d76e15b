import Dispatch
import HTTPServer
import Synchronization

/// Bridges a push-style writer (the service's read callback, running on its own worker) to the HTTP server's
/// pull-style body: the writer blocks once `highWater` bytes wait for the client, so a slow client slows the read
/// instead of growing memory, and a vanished client stops it.
final class PushedBodyProducer: HTTPBodyProducer {
    private struct State {
        var chunks: [[UInt8]] = []
        var head = 0
        var offset = 0
        var buffered = 0
        var finished = false
        var cancelled = false
        var writerWaiting = false
        var waker: HTTPStreamWaker?
    }

    private let state = Mutex(State())
    private let space = DispatchSemaphore(value: 0)
    private let highWater: Int

    /// Starts `writer` on a worker; it pushes with `push` and must return when `push` says the client is gone.
    init(highWater: Int = 1 << 20, writer: @escaping @Sendable (PushedBodyProducer) -> Void) {
        self.highWater = highWater
        DispatchQueue.global().async { [self] in
            writer(self)
            finish()
        }
    }

    /// Queues bytes for the client; blocks while too much is waiting. Returns false once the client went away.
    func push(_ bytes: [UInt8]) -> Bool {
        if bytes.isEmpty { return !isCancelled }
        while true {
            let outcome = state.withLock { state -> (accepted: Bool, cancelled: Bool, waker: HTTPStreamWaker?) in
                if state.cancelled { return (false, true, nil) }
                if state.buffered >= highWater {
                    state.writerWaiting = true
                    return (false, false, nil)
                }
                state.chunks.append(bytes)
                state.buffered += bytes.count
                let waker = state.waker
                state.waker = nil
                return (true, false, waker)
            }
            if outcome.cancelled { return false }
            if outcome.accepted {
                outcome.waker?.resume()
                return true
            }
            space.wait()
        }
    }

    private var isCancelled: Bool { state.withLock { $0.cancelled } }

    private func finish() {
        let waker = state.withLock { state -> HTTPStreamWaker? in
            state.finished = true
            let waker = state.waker
            state.waker = nil
            return waker
        }
        waker?.resume()
    }

    func produce(into buffer: UnsafeMutableRawBufferPointer, waker: HTTPStreamWaker) -> HTTPStreamChunk {
        let (chunk, wakeWriter) = state.withLock { state -> (HTTPStreamChunk, Bool) in
            var written = 0
            while written < buffer.count && state.head < state.chunks.count {
                let source = state.chunks[state.head]
                let count = min(buffer.count - written, source.count - state.offset)
                source.withUnsafeBytes { bytes in
                    (buffer.baseAddress! + written).copyMemory(from: bytes.baseAddress! + state.offset, byteCount: count)
                }
                written += count
                state.offset += count
                state.buffered -= count
                if state.offset == source.count {
                    state.head += 1
                    state.offset = 0
                }
            }
            if state.head == state.chunks.count {
                state.chunks.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head > 64 {
                state.chunks.removeFirst(state.head)
                state.head = 0
            }
            let wake = state.writerWaiting && state.buffered < highWater
            if wake { state.writerWaiting = false }
            if written > 0 { return (.bytes(written), wake) }
            if state.finished { return (.end, wake) }
            state.waker = waker
            return (.waitForResume, wake)
        }
        if wakeWriter { space.signal() }
        return chunk
    }

    func streamDidEnd(completed: Bool) {
        let wake = state.withLock { state -> Bool in
            state.cancelled = true
            state.chunks = []
            let wake = state.writerWaiting
            state.writerWaiting = false
            return wake
        }
        if wake { space.signal() }
    }
}
