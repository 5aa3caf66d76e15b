import Dispatch
import Synchronization

/// The streamed responses alive on one server, so that ``HTTPServer/stop()`` can end them (parked connections
/// must be resumed before MHD stops).
final class StreamRegistry: Sendable {
    private struct State {
        var nextID = 0
        var stopping = false
        var live: [Int: StreamContext] = [:]
        /// Streams resumed by stop whose reader has not run yet.
        var awaiting: Set<Int> = []
    }

    private let state = Mutex(State())
    private let drained = DispatchSemaphore(value: 0)

    /// Registers a new stream (before its response is queued). A stream created while stopping is terminated
    /// at once so that it cannot park.
    func register(_ producer: any HTTPBodyProducer, connection: OpaquePointer) -> StreamContext {
        let waker = HTTPStreamWaker(connection: connection)
        let context = state.withLock { state -> StreamContext in
            state.nextID += 1
            let context = StreamContext(id: state.nextID, producer: producer, waker: waker, registry: self)
            state.live[context.id] = context
            return context
        }
        if state.withLock({ $0.stopping }) { _ = waker.terminate() }
        return context
    }

    func readerRan(_ id: Int) {
        let signal = state.withLock { state -> Bool in
            guard state.awaiting.remove(id) != nil else { return false }
            return state.awaiting.isEmpty
        }
        if signal { drained.signal() }
    }

    func remove(_ id: Int) {
        let signal = state.withLock { state -> Bool in
            state.live[id] = nil
            guard state.awaiting.remove(id) != nil else { return false }
            return state.awaiting.isEmpty
        }
        if signal { drained.signal() }
    }

    /// Terminates every live stream and waits (at most `timeout`) until each parked one has been pulled again,
    /// i.e. is no longer suspended inside MHD.
    func terminateAll(timeout: DispatchTimeInterval) {
        let contexts = state.withLock { state -> [StreamContext] in
            state.stopping = true
            return state.live.keys.sorted().compactMap { state.live[$0] }
        }
        var parked: [Int] = []
        state.withLock { state in
            for context in contexts where context.waker.terminate() {
                state.awaiting.insert(context.id)
                parked.append(context.id)
            }
        }
        guard !parked.isEmpty else { return }
        _ = drained.wait(timeout: .now() + timeout)
    }
}
