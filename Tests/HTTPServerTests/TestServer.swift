import Dispatch
import HTTPServer
import Synchronization

/// Starts a server on a kernel-chosen port for one test and stops it afterwards.
func withServer<T>(
    _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(), router: HTTPRouter,
    _ body: (HTTPServer, UInt16) throws -> T
) throws -> T {
    let server = HTTPServer(configuration: configuration, router: router)
    let port = try server.start()
    defer { server.stop() }
    return try body(server, port)
}

/// Waits (with a deadline) until `condition` holds, checking whenever `signal` fires or every 10 ms.
func waitUntil(seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
    let tick = DispatchSemaphore(value: 0)
    while !condition() {
        if DispatchTime.now().uptimeNanoseconds > deadline { return false }
        _ = tick.wait(timeout: .now() + .milliseconds(10))
    }
    return true
}

/// A thread-safe box for values observed by callbacks.
final class Observed<Value: Sendable>: Sendable {
    private let value: Mutex<Value>
    init(_ initial: Value) { value = Mutex(initial) }
    func get() -> Value { value.withLock { $0 } }
    func update(_ change: (inout Value) -> Void) { value.withLock { change(&$0) } }
}
