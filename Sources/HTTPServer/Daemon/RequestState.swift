/// Per-request state owned through MHD's `*con_cls`: created on the first access-handler call, released in the
/// request-completed callback (also for uploads cut off mid-body). Only the MHD thread serving the request
/// touches it.
final class RequestState {
    let method: HTTPMethod
    let url: String
    let version: String
    var body: [UInt8] = []
    /// A response was queued already (413 on the first call); later calls only drain.
    var answered = false

    init(method: HTTPMethod, url: String, version: String) {
        self.method = method
        self.url = url
        self.version = version
    }
}
