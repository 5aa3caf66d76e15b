/// Why ``HTTPServer/start()`` failed.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host is not a numeric IPv4/IPv6 address (or `localhost`, `*`, empty).
    case invalidAddress(String)
    /// Another socket is bound to host:port.
    case addressInUse(host: String, port: UInt16)
    /// The socket could not be created, bound or put into listening state.
    case cannotListen(host: String, port: UInt16, reason: String)
    /// libmicrohttpd refused to start on the socket.
    case daemonStartFailed
    /// ``HTTPServer/start()`` was called on a running server.
    case alreadyRunning

    /// A sentence naming the address and the cause.
    public var description: String {
        switch self {
        case .invalidAddress(let host): "invalid listen address '\(host)' (expected a numeric IPv4 or IPv6 address)"
        case .addressInUse(let host, let port): "address \(host) port \(port) is already in use"
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host) port \(port): \(reason)"
        case .daemonStartFailed: "libmicrohttpd failed to start"
        case .alreadyRunning: "the server is already running"
        }
    }
}
