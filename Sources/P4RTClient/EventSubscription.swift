import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A live `/v1/stream` connection: events are handed to the callback in order as they arrive, on a URLSession
/// delegate queue, until `close()` or the server ends the stream (then `onEnd` runs once with the reason, nil for a
/// clean end).
public final class EventSubscription: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let parser = Mutex(ServerSentEventParser())
    private let onEvent: @Sendable (ServerSentEvent) -> Void
    private let onEnd: @Sendable (String?) -> Void
    private let ended = Atomic<Bool>(false)
    // Set once in `start`, read on the delegate queue afterwards.
    private var session: URLSession?
    private var task: URLSessionDataTask?

    init(onEvent: @escaping @Sendable (ServerSentEvent) -> Void, onEnd: @escaping @Sendable (String?) -> Void) {
        self.onEvent = onEvent
        self.onEnd = onEnd
    }

    func start(_ request: URLRequest) {
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: .default, delegate: self, delegateQueue: queue)
        self.session = session
        let task = session.dataTask(with: request)
        self.task = task
        task.resume()
    }

    /// Closes the connection: the server ends the controller session (and its arbitration role).
    public func close() {
        task?.cancel()
        session?.invalidateAndCancel()
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                           completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            finish("HTTP \(http.statusCode)")
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    public func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let events = parser.withLock { $0.feed(data) }
        events.forEach(onEvent)
    }

    public func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let cancelled = (error as? URLError)?.code == .cancelled
        finish(error == nil || cancelled ? nil : error!.localizedDescription)
        session.finishTasksAndInvalidate()
    }

    private func finish(_ reason: String?) {
        if !ended.exchange(true, ordering: .acquiringAndReleasing) { onEnd(reason) }
    }
}

extension P4RTClient {
    /// Opens `/v1/stream` (docs/stream.md). With `electionId` the session arbitrates on open and becomes the
    /// primary if its id is the highest seen; without, it only receives advisories after a later arbitration.
    public func subscribe(electionId: Uint128Text? = nil, role: String? = nil,
                          onEvent: @escaping @Sendable (ServerSentEvent) -> Void,
                          onEnd: @escaping @Sendable (String?) -> Void = { _ in }) -> EventSubscription {
        var components = URLComponents(url: baseURL.appendingPathComponent("/v1/stream"), resolvingAgainstBaseURL: false)!
        var items = [URLQueryItem(name: "deviceId", value: String(deviceId))]
        if let electionId {
            items += [URLQueryItem(name: "electionId.high", value: electionId.high),
                      URLQueryItem(name: "electionId.low", value: electionId.low)]
        }
        if let role { items.append(URLQueryItem(name: "role", value: role)) }
        components.queryItems = items
        var request = URLRequest(url: components.url!, timeoutInterval: 24 * 3600)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        let subscription = EventSubscription(onEvent: onEvent, onEnd: onEnd)
        subscription.start(request)
        return subscription
    }
}

/// An election id as the query parameters carry it (decimal halves).
public struct Uint128Text: Sendable {
    /// The high 64 bits, decimal.
    public var high: String
    /// The low 64 bits, decimal.
    public var low: String

    /// An election id from its two halves.
    public init(high: UInt64 = 0, low: UInt64) {
        self.high = String(high)
        self.low = String(low)
    }
}
