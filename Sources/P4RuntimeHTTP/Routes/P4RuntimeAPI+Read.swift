import HTTPServer
import JSONCore
import P4JSON
import P4Model
import P4RuntimeService

extension P4RuntimeAPI {
    /// `POST /v1/read` = Read. The answer is one `ReadResponse` JSON; with `Accept: application/x-ndjson` it streams
    /// one `ReadResponse` line per entity (chunked, never built whole in memory) and, when some entity request
    /// failed, a final `{"status": google.rpc.Status}` line with one `p4.v1.Error` per request. In the plain JSON
    /// form a failed request makes the whole answer that error status (use NDJSON to keep the partial results).
    func addReadRoutes(to router: inout HTTPRouter) {
        let service = self.service
        route(&router, .post, "/v1/read") { request throws(P4RuntimeError) in
            let read = try request.decodeBody(ReadRequest.self)
            if request.wantsNDJSON {
                return Self.streamedRead(read, service: service)
            }
            var writer = JSONWriter(style: .compact)
            writer.beginObject()
            writer.key("entities")
            writer.beginArray()
            do throws(P4RuntimeError) {
                try service.read(read) { entity in
                    entity.encode(to: &writer)
                    return true
                }
            } catch {
                return ErrorResponse.response(for: error)
            }
            writer.endArray()
            writer.endObject()
            return .json(writer.take())
        }
    }

    /// The NDJSON answer of a read, produced on a worker while the client reads.
    static func streamedRead(_ read: ReadRequest, service: P4RuntimeService) -> HTTPResponse {
        let producer = PushedBodyProducer { output in
            // Large chunks: every hand-over may wake the HTTP thread, and the encoder is the slower side.
            var lines = ReadStreamWriter(capacity: 160 * 1024)
            var clientGone = false
            do throws(P4RuntimeError) {
                try service.read(read) { entity in
                    lines.append(entity)
                    if lines.count >= 128 * 1024 {
                        clientGone = !output.push(lines.take())
                    }
                    return !clientGone
                }
            } catch {
                if !clientGone { lines.appendStatus(error) }
            }
            if !clientGone { _ = output.push(lines.take()) }
        }
        return .stream(producer, contentType: "application/x-ndjson")
    }
}
