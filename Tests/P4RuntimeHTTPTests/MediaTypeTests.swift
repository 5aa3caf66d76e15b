import HTTPServer
import Testing
@testable import P4RuntimeHTTP

struct MediaTypeTests {
    /// The reference: what `mediaType` computed before its ASCII fast path.
    static func reference(_ value: String) -> String {
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        return type.trimmingWhitespace().lowercased()
    }

    @Test(arguments: [
        "application/json", "Application/JSON; charset=utf-8", " application/x-ndjson ;q=1", "\ttext/json\t", "",
        ";charset=utf-8", " ; x", "application/json;", "APPLICATION/X-NDJSON", "text/plain", "appl\u{0130}cation/json",
        " \u{301}application/json",
    ])
    func fastPathAgreesWithTheGeneralOne(_ value: String) {
        let request = HTTPRequest(method: .post, path: "/v1/write", pathSegments: ["v1", "write"],
                                  headers: ["Content-Type": value])
        #expect(request.mediaType == Self.reference(value))
    }
}
