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
        // @unchecked: the daemon pointer is only used under the state mutex (start/stop).
        var daemon: OpaquePointer
        var port: UInt16
    }

    private struct State {
        var running: Running?
        var registry = StreamRegistry()
    }

    /// The settings given at creation.
    public let configuration: Configuration
    /// The routes.
    public let router: HTTPRouter
    private let state = Mutex(State())
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
    public var port: UInt16? { state.withLock { $0.running?.port } }

    /// Binds the socket and starts serving; returns the bound port. Throws when the address is invalid or in use,
    /// or when the server already runs.
    @discardableResult
    public func start() throws(HTTPServerError) -> UInt16 {
        try state.withLock { state throws(HTTPServerError) -> UInt16 in
            if state.running != nil { throw .alreadyRunning }
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
            let daemon = httpshim_start_daemon(
                flags, configuration.host, port, fd, pool, timeout, 0, 1,
                httpAccessHandler, Unmanaged.passUnretained(self).toOpaque(), httpRequestCompleted, nil)
            guard let daemon else {
                close(fd)
                throw .daemonStartFailed
            }
            state.registry = StreamRegistry()
            state.running = Running(daemon: daemon, port: port)
            return port
        }
    }

    /// Stops serving: ends every streamed response (parked ones are resumed first, as libmicrohttpd requires),
    /// closes all connections and waits for the server threads. Safe to call when not running, and repeatedly.
    public func stop() {
        state.withLock { state in
            guard let running = state.running else { return }
            state.running = nil
            state.registry.terminateAll(timeout: .seconds(2))
            MHD_stop_daemon(running.daemon)
        }
    }

    private var registry: StreamRegistry { state.withLock { $0.registry } }

    // MARK: - Request handling (MHD threads)

    func handle(
        connection: OpaquePointer, url: UnsafePointer<CChar>, method: UnsafePointer<CChar>,
        version: UnsafePointer<CChar>?, upload: UnsafePointer<CChar>?, size: UnsafeMutablePointer<Int>,
        conCls: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let opaque = conCls.pointee else {
            let request = RequestState(
                method: HTTPMethod(String(cString: method)), url: String(cString: url),
                version: version.map { String(cString: $0) } ?? "HTTP/1.1", counter: requestCounter)
            conCls.pointee = Unmanaged.passRetained(request).toOpaque()
            if let text = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length"),
                let length = Int(String(cString: text)), length > configuration.maxBodyBytes
            {
                request.answered = true
                return queue(problem: .bodyTooLarge(limit: configuration.maxBodyBytes), on: connection)
            }
            return .YES
        }
        let request = Unmanaged<RequestState>.fromOpaque(opaque).takeUnretainedValue()
        if size.pointee > 0 {
            let count = size.pointee
            size.pointee = 0
            if request.answered { return .YES }
            guard request.body.count + count <= configuration.maxBodyBytes else {
                // A chunked upload crossed the limit. Answer 413 if MHD still lets us; otherwise close.
                request.answered = true
                request.body = []
                return queue(problem: .bodyTooLarge(limit: configuration.maxBodyBytes), on: connection)
            }
            if let upload {
                request.body.append(contentsOf: UnsafeRawBufferPointer(start: upload, count: count))
            }
            return .YES
        }
        if request.answered { return .YES }
        request.answered = true
        return queue(respond(to: request, connection: connection), on: connection)
    }

    private func respond(to state: RequestState, connection: OpaquePointer) -> HTTPResponse {
        let (rawPath, _) = splitQuery(state.url)
        var segments: [String] = []
        for part in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = PercentDecoding.decode(part) else {
                return render(.badRequest("malformed percent-encoding in path segment '\(part)'"))
            }
            segments.append(decoded)
        }
        var query: [HTTPRequest.QueryItem] = []
        for (name, value) in values(of: .GET_ARGUMENT_KIND, connection) {
            guard let decodedName = PercentDecoding.decode(Substring(name)) else {
                return render(.badRequest("malformed percent-encoding in query parameter '\(name)'"))
            }
            var decodedValue: String?
            if let value {
                guard let decoded = PercentDecoding.decode(Substring(value)) else {
                    return render(.badRequest("malformed percent-encoding in query parameter '\(decodedName)'"))
                }
                decodedValue = decoded
            }
            query.append(HTTPRequest.QueryItem(name: decodedName, value: decodedValue))
        }
        var headers = HTTPHeaders()
        for (name, value) in values(of: .HEADER_KIND, connection) { headers.add(name, value ?? "") }
        switch router.resolve(state.method, segments) {
        case .notFound:
            return render(.notFound(String(rawPath)))
        case .methodNotAllowed(let allowed):
            return render(.methodNotAllowed(state.method, String(rawPath), allowed: allowed))
        case .matched(let handler, let bound):
            let request = HTTPRequest(
                method: state.method, path: String(rawPath), pathSegments: segments, pathParameters: bound,
                query: query, headers: headers, body: state.body, version: state.version)
            state.body = []
            return handler(request)
        }
    }

    private func splitQuery(_ url: String) -> (Substring, Substring?) {
        guard let mark = url.firstIndex(of: "?") else { return (Substring(url), nil) }
        return (url[..<mark], url[url.index(after: mark)...])
    }

    private func values(of kind: MHD_ValueKind, _ connection: OpaquePointer) -> [(String, String?)] {
        let collector = KeyValueCollector()
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(
                connection, kind, httpCollectKeyValue, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.pairs
    }

    private func render(_ problem: HTTPServerProblem) -> HTTPResponse {
        var response = configuration.errorRenderer(problem)
        if problem.status == 405 {
            response.headers.set("Allow", problem.allowedMethods.map(\.rawValue).joined(separator: ", "))
        }
        return response
    }

    private func queue(problem: HTTPServerProblem, on connection: OpaquePointer) -> MHD_Result {
        queue(render(problem), on: connection)
    }

    private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        let created: OpaquePointer?
        switch response.body {
        case .bytes(let bytes):
            created = bytes.withUnsafeBytes { buffer in
                MHD_create_response_from_buffer(
                    buffer.count, UnsafeMutableRawPointer(mutating: buffer.baseAddress), .RESPMEM_MUST_COPY)
            }
        case .stream(let producer):
            let context = registry.register(producer, connection: connection)
            let cls = Unmanaged.passRetained(context).toOpaque()
            created = MHD_create_response_from_callback(UInt64.max, 32 * 1024, httpStreamReader, cls, httpStreamFree)
            if created == nil {
                Unmanaged<StreamContext>.fromOpaque(cls).release()
                context.released()
            }
        }
        guard let created else { return .NO }
        for field in response.headers { _ = MHD_add_response_header(created, field.name, field.value) }
        let result = MHD_queue_response(connection, UInt32(clamping: response.status), created)
        MHD_destroy_response(created)
        return result
    }
}
