import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Blocking HTTP requests over URLSession (Foundation's well-kept client), for the synchronous client API and the
/// command-line tool.
struct HTTPTransport: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: [UInt8]
        var contentType: String?
    }

    let baseURL: URL
    let timeout: TimeInterval

    func send(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
              contentType: String = "application/json", accept: String? = nil) throws(P4RTClientError) -> Response {
        guard var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false) else {
            throw .transport("bad URL \(baseURL)\(path)")
        }
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        guard let url = components.url else { throw .transport("bad URL \(baseURL)\(path)") }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body)
            request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        }
        if let accept { request.setValue(accept, forHTTPHeaderField: "Accept") }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(.transport(error.localizedDescription))
            } else if let http = response as? HTTPURLResponse {
                box.result = .success(Response(
                    status: http.statusCode, body: Array(data ?? Data()),
                    contentType: http.value(forHTTPHeaderField: "Content-Type")))
            } else {
                box.result = .failure(.transport("no HTTP response"))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        switch box.result {
        case .success(let response)?: return response
        case .failure(let error)?: throw error
        case nil: throw .transport("no answer")
        }
    }
}

/// Carries a URLSession completion's result to the waiting thread (the semaphore orders the accesses).
private final class ResultBox: @unchecked Sendable {
    var result: Result<HTTPTransport.Response, P4RTClientError>?
}
