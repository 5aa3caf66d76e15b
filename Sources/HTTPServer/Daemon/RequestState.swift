import Synchronization

/// Per-request state owned through MHD's `*con_cls`: created on the first access-handler call, released in the
/// request-completed callback (also for uploads cut off mid-body). Only the MHD thread serving the request
/// touches it.
final class RequestState {
    let counter: RequestCounter
    let method: HTTPMethod
    let url: String
    let version: String
    var body: [UInt8] = []
    /// A response was queued already (413 on the first call); later calls only drain.
    var answered = false

    init(method: HTTPMethod, url: String, version: String, counter: RequestCounter) {
        self.method = method
        self.url = url
        self.version = version
        self.counter = counter
        counter.value.add(1, ordering: .relaxed)
    }

    deinit { counter.value.subtract(1, ordering: .relaxed) }
}

/// Number of requests whose state is alive (received, not yet completed or aborted).
final class RequestCounter: Sendable {
    let value = Atomic<Int>(0)
}
