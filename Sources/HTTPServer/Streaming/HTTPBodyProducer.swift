/// What a producer did with the buffer it was offered.
public enum HTTPStreamChunk: Sendable, Equatable {
    /// The first `n` bytes of the buffer hold the next part of the body (`n` > 0; 0 counts as
    /// ``waitForResume``).
    case bytes(Int)
    /// The body is complete.
    case end
    /// Nothing to send yet: the connection is parked (no thread, no polling) until the producer calls
    /// ``HTTPStreamWaker/resume()``.
    case waitForResume
}

/// A pull-based source of a response body: the server asks for more only when the client has taken what was sent,
/// so a slow client slows the producer (back-pressure) and nothing is buffered beyond one chunk.
///
/// `produce` is called on a server thread, never concurrently for one response. `streamDidEnd` is called exactly
/// once, after the last `produce`, when the response is finished: `completed` is true when the producer returned
/// ``HTTPStreamChunk/end`` and the body was handed over, false when the client went away, the connection timed out
/// or the server stopped.
public protocol HTTPBodyProducer: AnyObject, Sendable {
    /// Fills `buffer` with up to `buffer.count` bytes of body, or reports the end, or asks to wait. Keep `waker`
    /// to call ``HTTPStreamWaker/resume()`` after answering ``HTTPStreamChunk/waitForResume``.
    func produce(into buffer: UnsafeMutableRawBufferPointer, waker: HTTPStreamWaker) -> HTTPStreamChunk

    /// The response is over (see the protocol contract).
    func streamDidEnd(completed: Bool)
}
