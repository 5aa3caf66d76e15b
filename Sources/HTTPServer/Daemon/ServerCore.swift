import CMicroHTTPD

/// What one running daemon needs on its threads: the settings, routes, stream registry and request counter.
/// MHD's `cls` points at it (retained from start until the daemon stopped), so request handling never touches
/// the ``HTTPServer``'s lifecycle lock.
final class ServerCore: Sendable {
    let configuration: HTTPServer.Configuration
    let router: HTTPRouter
    let registry = StreamRegistry()
    let requestCounter: RequestCounter

    init(configuration: HTTPServer.Configuration, router: HTTPRouter, requestCounter: RequestCounter) {
        self.configuration = configuration
        self.router = router
        self.requestCounter = requestCounter
    }

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
                let length = Int(String(cString: text))
            {
                if length > configuration.maxBodyBytes {
                    request.answered = true
                    return queue(problem: .bodyTooLarge(limit: configuration.maxBodyBytes), on: connection)
                }
                // One allocation for the whole body instead of a doubling series of copies (and page faults).
                if length > 0 { request.body.reserveCapacity(length) }
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
