import Glibc
import HTTPServer
import Logging
import P4JSON
import P4Model
import P4RuntimeService

/// The HTTP adapter: routes requests to `P4RuntimeService` calls, renders answers and errors as P4Runtime's JSON,
/// and keeps the API's own metrics.
///
/// Handlers run on libmicrohttpd's threads; everything here is thread-safe because the service is.
public final class P4RuntimeAPI: Sendable {
    /// The P4Runtime service the API serves.
    public let service: P4RuntimeService
    /// Request counters and latency histograms, exposed on `/metrics`.
    public let metrics = APIMetrics()
    /// The adapter's settings.
    public let configuration: APIConfiguration
    let logger: Logger
    let bridges = BridgeRegistry()

    /// Creates the adapter over `service`.
    public init(service: P4RuntimeService, configuration: APIConfiguration = APIConfiguration(), logger: Logger) {
        self.service = service
        self.configuration = configuration
        self.logger = logger
    }

    /// How server-detected problems (404, 405, 413, malformed HTTP) are rendered: as a `google.rpc.Status` body.
    public static let errorRenderer: HTTPServer.ErrorRenderer = ErrorResponse.response(for:)

    /// The router with every endpoint of the API.
    public func makeRouter() -> HTTPRouter {
        var router = HTTPRouter()
        addPipelineRoutes(to: &router)
        addWriteRoutes(to: &router)
        addReadRoutes(to: &router)
        addStreamRoutes(to: &router)
        addServiceRoutes(to: &router)
        addFriendlyRoutes(to: &router)
        addLearnerTimeoutRoutes(to: &router)
        addPacketRoutes(to: &router)
        return router
    }

    /// Registers `handler` for `method` and `pattern`, measuring it and turning thrown errors into responses.
    func route(
        _ router: inout HTTPRouter, _ method: HTTPMethod, _ pattern: String,
        _ handler: @escaping @Sendable (HTTPRequest) throws(P4RuntimeError) -> HTTPResponse
    ) {
        let metrics = self.metrics
        let logger = self.logger
        router.add(method, pattern) { request in
            let start = Self.monotonicSeconds()
            let response: HTTPResponse
            do throws(P4RuntimeError) {
                response = try handler(request)
            } catch {
                if error.code == .internal {
                    logger.error("internal error", metadata: ["route": "\(pattern)", "message": "\(error.message)"])
                }
                response = ErrorResponse.response(for: error)
            }
            metrics.record(route: pattern, method: method.rawValue, status: response.status,
                           seconds: Self.monotonicSeconds() - start)
            return response
        }
    }

    /// Closes every open controller stream (before the HTTP server stops, so no connection stays parked).
    public func closeStreams() {
        for bridge in bridges.all {
            service.closeSession(bridge.session)
            bridge.sse.close()
        }
    }

    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
