import CMicroHTTPD
import Synchronization

/// Wakes a streamed response that is waiting for data (its connection is suspended in libmicrohttpd).
///
/// ``resume()`` may be called from any thread at any time, any number of times: a resume that arrives while the
/// response is still running is remembered, so a producer that said "wait" just after new data came is pulled
/// again at once (no lost wake-up). After the response ended it does nothing.
public final class HTTPStreamWaker: Sendable {
    private enum Phase {
        case running
        case suspended
        case ended
    }

    private struct State {
        var phase = Phase.running
        var resumePending = false
        var terminating = false
    }

    private let state = Mutex(State())
    private nonisolated(unsafe) let connection: OpaquePointer

    init(connection: OpaquePointer) {
        self.connection = connection
    }

    /// Pulls the response again if it is waiting; remembers the request otherwise.
    public func resume() {
        state.withLock { state in
            switch state.phase {
            case .suspended:
                state.phase = .running
                MHD_resume_connection(connection)
            case .running:
                state.resumePending = true
            case .ended:
                break
            }
        }
    }

    /// Whether the server is stopping this stream.
    var isTerminating: Bool { state.withLock { $0.terminating } }

    /// Called by the content reader when the producer has nothing: suspends the connection unless a resume is
    /// pending. Returns what the reader should answer MHD: 0 (try again later) or -2 (end with error, the server is
    /// stopping).
    func parkUnlessPending() -> Int {
        state.withLock { state in
            if state.terminating { return -2 }
            if state.resumePending {
                state.resumePending = false
                return 0
            }
            state.phase = .suspended
            MHD_suspend_connection(connection)
            return 0
        }
    }

    /// Marks the stream as stopping and resumes it if parked, so its reader runs once more and ends it. Returns
    /// true when the connection was parked (the caller waits for the reader to run).
    func terminate() -> Bool {
        state.withLock { state in
            guard state.phase != .ended else { return false }
            state.terminating = true
            guard state.phase == .suspended else { return false }
            state.phase = .running
            MHD_resume_connection(connection)
            return true
        }
    }

    /// The response is gone; later resumes do nothing.
    func markEnded() {
        state.withLock { $0.phase = .ended }
    }
}
