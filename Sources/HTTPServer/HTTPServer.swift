import CHTTPShim
import CMicroHTTPD
import Glibc
import Synchronization

/// An HTTP/1.1 server on libmicrohttpd: routes requests to synchronous handlers, enforces a body limit, streams
/// response bodies with back-pressure and serves Server-Sent Events.
///
/// Handlers run on libmicrohttpd's threads (one epoll thread by default) and must not block for long. Requests are
/// answered on the second access-handler call so connections stay keep-alive (swift-notes §1.5). Errors the server
/// produces itself (404, 405, 413, 400 for an undecodable path or query) go through ``Configuration/errorRenderer``;
/// requests that are not HTTP at all are answered by libmicrohttpd itself (400 with its own body) and closed.
///
/// Body limit: a `Content-Length` over ``Configuration/maxBodyBytes`` is answered 413 before any body byte is read;
/// a chunked upload that crosses the limit is cut off by closing the connection, because libmicrohttpd 0.9.75
/// accepts no response in the middle of an upload.
public final class HTTPServer: Sendable {
    /// How requests are served.
    public enum Threading: Sendable, Equatable {
        /// One internal epoll thread for all connections.
        case singleThread
        /// A pool of internal epoll threads (values below 2 mean ``singleThread``).
        case threadPool(Int)
    }

    /// Renders a server-produced error as a response (the server adds `Allow` for 405).
    public typealias ErrorRenderer = @Sendable (HTTPServerProblem) -> HTTPResponse

    /// Server settings.
    public struct Configuration: Sendable {
        /// Numeric IPv4/IPv6 address to listen on; `localhost`, `*` and "" are accepted too.
        public var host: String
        /// TCP port; 0 lets the kernel choose (see the value returned by ``HTTPServer/start()``).
        public var port: UInt16
        /// Thread model.
        public var threading: Threading
        /// A connection with no traffic for this long is closed (also slow or stalled uploads); whole seconds,
        /// rounded up; nil = never. Parked streams do not time out, which is why SSE sends keep-alives.
        public var connectionTimeout: Duration?
        /// Largest accepted request body; larger ones get 413 without being read.
        public var maxBodyBytes: Int
        /// Renders 400/404/405/413.
        public var errorRenderer: ErrorRenderer

        /// Creates a configuration; defaults: 127.0.0.1, port 0, one thread, 30 s timeout, 64 MiB bodies, plain
        /// text errors.
        public init(
            host: String = "127.0.0.1", port: UInt16 = 0, threading: Threading = .singleThread,
            connectionTimeout: Duration? = .seconds(30), maxBodyBytes: Int = 64 << 20,
            errorRenderer: @escaping ErrorRenderer = HTTPServer.plainTextError
        ) {
            self.host = host
            self.port = port
            self.threading = threading
            self.connectionTimeout = connectionTimeout
            self.maxBodyBytes = maxBodyBytes
            self.errorRenderer = errorRenderer
        }
    }

    /// The default error renderer: `text/plain` with the problem's message.
    public static let plainTextError: ErrorRenderer = { problem in .text(problem.message + "\n", status: problem.status) }

    private struct Running: @unchecked Sendable {
        // @unchecked: the daemon pointer is only used by start/stop, which the lifecycle lock serializes.
        var daemon: OpaquePointer
        var core: ServerCore
        var port: UInt16
    }

    /// The settings given at creation.
    public let configuration: Configuration
    /// The routes.
    public let router: HTTPRouter
    /// Serializes start and stop; never taken on server threads, so handlers cannot deadlock a stop.
    private let lifecycle = Mutex(())
    private let running = Mutex<Running?>(nil)
    private let requestCounter = RequestCounter()

    /// Requests currently in progress (headers received, not yet completed, failed or aborted by the client).
    public var activeRequestCount: Int { requestCounter.value.load(ordering: .relaxed) }

    /// Creates a stopped server.
    public init(configuration: Configuration = Configuration(), router: HTTPRouter) {
        self.configuration = configuration
        self.router = router
    }

    deinit { stop() }

    /// The bound port while running, else nil.
    public var port: UInt16? { running.withLock { $0?.port } }

    /// Binds the socket and starts serving; returns the bound port. Throws when the address is invalid or in use,
    /// or when the server already runs. A stopped server may be started again.
    @discardableResult
    public func start() throws(HTTPServerError) -> UInt16 {
        try lifecycle.withLock { _ throws(HTTPServerError) -> UInt16 in
            if running.withLock({ $0 != nil }) { throw .alreadyRunning }
            let (fd, port) = try ListenSocket.open(host: configuration.host, port: configuration.port)
            var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            flags |= MHD_ALLOW_SUSPEND_RESUME.rawValue
            let pool: UInt32
            switch configuration.threading {
            case .singleThread: pool = 0
            case .threadPool(let n): pool = n > 1 ? UInt32(n) : 0
            }
            let timeout = configuration.connectionTimeout.map { duration -> UInt32 in
                let (seconds, attoseconds) = duration.components
                return UInt32(clamping: max(1, seconds + (attoseconds > 0 ? 1 : 0)))
            } ?? 0
            let core = ServerCore(configuration: configuration, router: router, requestCounter: requestCounter)
            let cls = Unmanaged.passRetained(core).toOpaque()
            let daemon = httpshim_start_daemon(
                flags, configuration.host, port, fd, pool, timeout, 0, 1, httpAccessHandler, cls,
                httpRequestCompleted, nil)
            guard let daemon else {
                Unmanaged<ServerCore>.fromOpaque(cls).release()
                close(fd)
                throw .daemonStartFailed
            }
            running.withLock { $0 = Running(daemon: daemon, core: core, port: port) }
            return port
        }
    }

    /// Stops serving: ends every streamed response (parked ones are resumed first, as libmicrohttpd requires),
    /// closes all connections and waits for the server threads. Safe to call when not running, repeatedly and
    /// from several threads (later callers wait for the first). Must not be called from a handler (it waits for the
    /// handler's own thread).
    public func stop() {
        lifecycle.withLock { _ in
            guard let stopping = running.withLock({ $0.take() }) else { return }
            stopping.core.registry.terminateAll(timeout: .seconds(2))
            MHD_stop_daemon(stopping.daemon)
            Unmanaged.passUnretained(stopping.core).release()
        }
    }
}
