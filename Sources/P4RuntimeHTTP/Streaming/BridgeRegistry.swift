import Synchronization

/// The open SSE sessions by service session id, for routing `POST /v1/stream/{sessionId}`.
final class BridgeRegistry: Sendable {
    private let bridges = Mutex<[UInt64: SessionBridge]>([:])

    /// Runs `body` with the registry locked.
    func withLock<R>(_ body: (inout [UInt64: SessionBridge]) -> R) -> R {
        bridges.withLock { body(&$0) }
    }

    /// Every open bridge (used to close streams at shutdown).
    var all: [SessionBridge] { bridges.withLock { Array($0.values) } }
}
