import P4Model
import Testing
@testable import P4RuntimeHTTP

struct HTTPStatusMappingTests {
    @Test(arguments: [
        (CanonicalCode.ok, 200), (.invalidArgument, 400), (.notFound, 404), (.alreadyExists, 409),
        (.permissionDenied, 403), (.resourceExhausted, 429), (.failedPrecondition, 400), (.outOfRange, 400),
        (.unimplemented, 501), (.internal, 500), (.unavailable, 503), (.unauthenticated, 401), (.unknown, 500),
    ])
    func codesMapLikeGoogleRPC(code: CanonicalCode, status: Int) {
        #expect(HTTPStatusMapping.status(for: code) == status)
    }

    @Test func batchStatusFollowsTheFailedUpdates() {
        let same = P4RuntimeError.batch([.ok, P4Error(canonicalCode: .alreadyExists), P4Error(canonicalCode: .alreadyExists)], message: "")
        #expect(HTTPStatusMapping.status(for: same) == 409)
        let clientErrors = P4RuntimeError.batch([P4Error(canonicalCode: .notFound), P4Error(canonicalCode: .invalidArgument)], message: "")
        #expect(HTTPStatusMapping.status(for: clientErrors) == 400)
        let mixed = P4RuntimeError.batch([P4Error(canonicalCode: .notFound), P4Error(canonicalCode: .internal)], message: "")
        #expect(HTTPStatusMapping.status(for: mixed) == 500)
    }
}

struct PrometheusWriterTests {
    @Test func escapesLabelsAndFormatsNumbers() {
        var writer = PrometheusWriter()
        writer.family("x_total", type: "counter", help: "a \\ b\nc")
        writer.sample("x_total", [("name", "a\"b\\c\nd")], 3.0)
        writer.sample("x_total", [], 0.25)
        writer.sample("x_total", [], Double.infinity)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == "# HELP x_total a \\\\ b\\nc\n# TYPE x_total counter\nx_total{name=\"a\\\"b\\\\c\\nd\"} 3\nx_total 0.25\nx_total +Inf\n")
    }

    @Test func histogramBucketsAreCumulativeAndMergedOverStatuses() {
        let metrics = APIMetrics()
        metrics.record(route: "/v1/write", method: "POST", status: 200, seconds: 0.0002)
        metrics.record(route: "/v1/write", method: "POST", status: 400, seconds: 0.003)
        var writer = PrometheusWriter()
        metrics.write(to: &writer)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text.contains(#"p4rtd_http_requests_total{route="/v1/write",method="POST",status="200"} 1"#))
        #expect(text.contains(#"p4rtd_http_requests_total{route="/v1/write",method="POST",status="400"} 1"#))
        #expect(text.contains(#"p4rtd_http_request_duration_seconds_bucket{route="/v1/write",method="POST",le="0.00025"} 1"#))
        #expect(text.contains(#"p4rtd_http_request_duration_seconds_bucket{route="/v1/write",method="POST",le="0.005"} 2"#))
        #expect(text.contains(#"p4rtd_http_request_duration_seconds_count{route="/v1/write",method="POST"} 2"#))
    }
}
