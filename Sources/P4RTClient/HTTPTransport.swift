import CCurl
import Foundation
import Synchronization

/// Blocking HTTP requests over libcurl (the well-kept client that Foundation's URLSession itself wraps on Linux),
/// for the synchronous client API and the command-line tool.
///
/// libcurl is called directly because URLSession hops between dispatch threads for every chunk it moves: sending
/// the 190 MB bulk write of a 10,000-service `lb apply` cost 8 s of CPU in the kernel alone, against 0.25 s here.
/// Easy handles are pooled so that successive requests reuse their keep-alive connection.
struct HTTPTransport: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
        var contentType: String?
    }

    let baseURL: URL
    let timeout: TimeInterval
    private let handles = HandlePool()

    init(baseURL: URL, timeout: TimeInterval) {
        self.baseURL = baseURL
        self.timeout = timeout
    }

    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
              contentType: String = "application/json", accept: String? = nil) throws(P4RTClientError) -> Response {
        try send(method, path, query: query, bodyParts: body.map { [$0] }, contentType: contentType, accept: accept)
    }

    /// `send` with a body given as consecutive parts, sent as one body without joining them first (a 190 MB bulk
    /// write built in parts on several cores would otherwise be copied whole, once or twice).
    func send(_ method: String, _ path: String, query: [(String, String)] = [], bodyParts: [[UInt8]]?,
              contentType: String = "application/json", accept: String? = nil) throws(P4RTClientError) -> Response {
        let body = bodyParts.map { $0.count == 1 ? $0[0] : [] }
        let reader = bodyParts.flatMap { $0.count > 1 ? BodyReader(parts: $0) : nil }
        guard var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false) else {
            throw .transport("bad URL \(baseURL)\(path)")
        }
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components.url else { throw .transport("bad URL \(baseURL)\(path)") }

        let handle = handles.take()
        defer { handles.give(back: handle) }
        let curl = handle.raw
        curl_easy_reset(curl)
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        // curl announces large bodies with `Expect: 100-continue` and waits a round trip for the go-ahead.
        headers = curl_slist_append(headers, "Expect:")
        if body != nil { headers = curl_slist_append(headers, "Content-Type: \(contentType)") }
        if let accept { headers = curl_slist_append(headers, "Accept: \(accept)") }
        let sink = ResponseSink()
        var errorText = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)

        let code: CURLcode = errorText.withUnsafeMutableBufferPointer { errorBuffer in
            // A zero-length body still needs a valid pointer: it points at one byte and sends none.
            let payload = body.flatMap { $0.isEmpty ? nil : $0 } ?? [0]
            return payload.withUnsafeBytes { bytes in
                _ = p4rt_curl_set_pointer(curl, CURLOPT_URL, url.absoluteString)
                _ = p4rt_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
                _ = p4rt_curl_set_long(curl, CURLOPT_TIMEOUT_MS, max(1, Int(timeout * 1000)))
                _ = p4rt_curl_set_long(curl, CURLOPT_BUFFERSIZE, 512 * 1024)
                _ = p4rt_curl_set_long(curl, CURLOPT_UPLOAD_BUFFERSIZE, 2 * 1024 * 1024)
                _ = p4rt_curl_set_pointer(curl, CURLOPT_HTTPHEADER, headers)
                _ = p4rt_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer.baseAddress)
                _ = p4rt_curl_set_write_function(curl, appendToSink)
                _ = p4rt_curl_set_pointer(curl, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                if let reader {
                    _ = p4rt_curl_set_long(curl, CURLOPT_POST, 1)
                    _ = p4rt_curl_set_offset(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(reader.count))
                    _ = p4rt_curl_set_read_function(curl, readFromBody)
                    _ = p4rt_curl_set_pointer(curl, CURLOPT_READDATA, Unmanaged.passUnretained(reader).toOpaque())
                    if method != "POST" { _ = p4rt_curl_set_pointer(curl, CURLOPT_CUSTOMREQUEST, method) }
                } else if body != nil || method == "POST" {
                    // A body, even an empty one, goes as POSTFIELDS; another method name replaces POST on the wire.
                    _ = p4rt_curl_set_offset(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body?.count ?? 0))
                    _ = p4rt_curl_set_pointer(curl, CURLOPT_POSTFIELDS, bytes.baseAddress)
                    if method != "POST" { _ = p4rt_curl_set_pointer(curl, CURLOPT_CUSTOMREQUEST, method) }
                } else if method != "GET" {
                    _ = p4rt_curl_set_pointer(curl, CURLOPT_CUSTOMREQUEST, method)
                }
                return withExtendedLifetime(reader) { curl_easy_perform(curl) }
            }
        }
        guard code == CURLE_OK else {
            let detail = String(decoding: errorText.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw .transport(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
        var status = 0
        _ = p4rt_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        var type: UnsafeMutablePointer<CChar>?
        _ = p4rt_curl_get_string(curl, CURLINFO_CONTENT_TYPE, &type)
        return Response(status: status, body: sink.bytes, contentType: type.map { String(cString: $0) })
    }
}

/// libcurl's process-wide set-up, done once before the first handle is made.
private let curlInitialised: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

/// Receives the response body (libcurl calls `appendToSink` on the requesting thread, during `curl_easy_perform`).
private final class ResponseSink {
    var bytes: [UInt8] = []
}

private let appendToSink: p4rt_curl_write_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    return length
}

/// A body in parts, handed to libcurl piece by piece (`readFromBody` runs on the requesting thread, during
/// `curl_easy_perform`).
private final class BodyReader {
    let parts: [[UInt8]]
    let count: Int
    private var part = 0
    private var offset = 0

    init(parts: [[UInt8]]) {
        self.parts = parts
        count = parts.reduce(0) { $0 + $1.count }
    }

    /// Copies the next bytes into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        while written < buffer.count && part < parts.count {
            let length = min(buffer.count - written, parts[part].count - offset)
            if length > 0, let target = buffer.baseAddress {
                parts[part].withUnsafeBytes { source in
                    if let start = source.baseAddress {
                        (target + written).copyMemory(from: start + offset, byteCount: length)
                    }
                }
            }
            written += length
            offset += length
            if offset == parts[part].count {
                part += 1
                offset = 0
            }
        }
        return written
    }
}

private let readFromBody: p4rt_curl_read_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let reader = Unmanaged<BodyReader>.fromOpaque(context).takeUnretainedValue()
    return reader.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}

/// One libcurl easy handle; used by one request at a time (the pool hands it out exclusively).
private struct EasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
}

/// Idle easy handles, so a client's requests reuse connections; concurrent requests each take their own.
private final class HandlePool: Sendable {
    private let idle = Mutex<[EasyHandle]>([])

    func take() -> EasyHandle {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        precondition(curlInitialised, "libcurl failed to initialise")
        guard let raw = curl_easy_init() else { preconditionFailure("curl_easy_init failed (out of memory)") }
        return EasyHandle(raw: raw)
    }

    func give(back handle: EasyHandle) {
        idle.withLock { $0.append(handle) }
    }

    deinit {
        idle.withLock { handles in handles.forEach { curl_easy_cleanup($0.raw) } }
    }
}
