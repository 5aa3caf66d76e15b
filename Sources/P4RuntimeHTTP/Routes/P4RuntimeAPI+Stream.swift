import HTTPServer
import P4JSON
import P4Model
import P4RuntimeService

extension P4RuntimeAPI {
    /// `GET /v1/stream` opens a controller session as Server-Sent Events; `POST /v1/stream/{sessionId}` carries the
    /// controller's `StreamMessageRequest`s (arbitration, packet-out, digest ack). See docs/stream.md.
    func addStreamRoutes(to router: inout HTTPRouter) {
        let service = self.service
        let configuration = self.configuration
        let bridges = self.bridges
        route(&router, .get, "/v1/stream") { request throws(P4RuntimeError) in
            let session = try service.openSession()
            let token = Self.randomToken()
            let sse = SSEStream(capacity: configuration.streamCapacity, keepAliveInterval: configuration.streamKeepAlive) {
                bridges.withLock { _ = $0.removeValue(forKey: session.id) }
                service.closeSession(session)
            }
            let bridge = SessionBridge(session: session, sse: sse, token: token)
            bridges.withLock { $0[session.id] = bridge }
            sse.publish(event: "session", data: "{\"sessionId\":\"\(bridge.publicId)\"}")
            session.setWakeup { [weak bridge] in bridge?.drain() }
            bridge.drain()
            if request.queryValue("electionId") != nil || request.queryValue("electionId.low") != nil
                || request.queryValue("electionId.high") != nil {
                // Arbitration on open, for clients that cannot easily POST (e.g. `curl -N`).
                let update = MasterArbitrationUpdate(
                    deviceId: try request.queryUInt64("deviceId", default: configuration.defaultDeviceId),
                    role: request.queryValue("role").map { Role(name: $0) },
                    electionId: try request.queryElectionId())
                do throws(P4RuntimeError) {
                    try service.handle(StreamMessageRequest(.arbitration(update)), from: session)
                } catch {
                    Self.terminate(bridge, with: error, service: service)
                }
            }
            return .eventStream(sse)
        }
        route(&router, .post, "/v1/stream/{sessionId}") { request throws(P4RuntimeError) in
            let text = request.parameter("sessionId") ?? ""
            let parts = text.split(separator: "-", maxSplits: 1)
            guard parts.count == 2, let id = UInt64(parts[0]),
                  let bridge = bridges.withLock({ $0[id] }), bridge.token == String(parts[1]) else {
                throw .notFound("stream session '\(text)' is not open (open one with GET /v1/stream)")
            }
            let message = try request.decodeBody(StreamMessageRequest.self)
            do throws(P4RuntimeError) {
                try service.handle(message, from: bridge.session)
            } catch {
                Self.terminate(bridge, with: error, service: service)
                throw error
            }
            return .json(Array("{}".utf8))
        }
    }

    /// Ends a session the way a gRPC stream ends with a status: a final `status` event, then the stream closes.
    static func terminate(_ bridge: SessionBridge, with error: P4RuntimeError, service: P4RuntimeService) {
        bridge.drain()
        bridge.sse.publish(event: "status", data: ProtoJSON.encodeStatus(error))
        service.closeSession(bridge.session)
        bridge.sse.close()
    }

    /// 64 random bits as 16 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
