import HTTPServer
import JSONCore
import P4Model

/// A data plane that can run one packet synchronously and report what it emitted (the software target's
/// in-memory ports). The executable wires it in; the adapter knows nothing of the target behind it.
public protocol PacketInjector: Sendable {
    /// Runs `packet` as if received on in-memory port `port`; returns every emitted packet with its output port,
    /// in emission order (empty when dropped).
    ///
    /// - Throws: INVALID_ARGUMENT for a port that is not an in-memory port, FAILED_PRECONDITION with no pipeline.
    func injectPacket(_ packet: [UInt8], port: UInt32) throws(P4RuntimeError) -> [(port: UInt32, bytes: [UInt8])]
}

extension P4RuntimeAPI {
    /// `POST /v1/packets/{port}`: injects a packet on an in-memory port, runs it through the pipeline and answers
    /// `{"inputPort": N, "outputs": [{"port": P, "length": L, "hex": "…", "base64": "…"}]}`.
    ///
    /// The body is the packet as hex (`00:11:…`, `0011…`, whitespace and colons ignored) or base64, either raw
    /// (any Content-Type but JSON) or as JSON `{"hex": "…"}` / `{"base64": "…"}`.
    func addPacketRoutes(to router: inout HTTPRouter) {
        guard let injector = configuration.packetInjector else { return }
        route(&router, .post, "/v1/packets/{port}") { request throws(P4RuntimeError) in
            let text = request.parameter("port") ?? ""
            guard let port = UInt32(text) else {
                throw .invalidArgument("path: port '\(text)' is not a port number")
            }
            let packet = try Self.packetBytes(request)
            let outputs = try injector.injectPacket(packet, port: port)
            let rendered: [JSONValue] = outputs.map { output in
                .object(JSONObject(uniqueKeysWithValues: [
                    ("port", .integer(Int64(output.port))),
                    ("length", .integer(Int64(output.bytes.count))),
                    ("hex", .string(Self.hex(output.bytes))),
                    ("base64", .string(Base64.encode(output.bytes))),
                ]))
            }
            let body = JSONValue.object(JSONObject(uniqueKeysWithValues: [
                ("inputPort", .integer(Int64(port))), ("outputs", .array(rendered)),
            ]))
            return .json(body.serialized())
        }
    }

    static func packetBytes(_ request: HTTPRequest) throws(P4RuntimeError) -> [UInt8] {
        var text = String(decoding: request.body, as: UTF8.self)
        var declared: String?
        if request.mediaType == "application/json" || text.first == "{" {
            let value: JSONValue
            do { value = try JSONValue.parse(request.body) } catch {
                throw .invalidArgument("body: not valid JSON: \(error)")
            }
            guard case .object(let object) = value else { throw .invalidArgument("body: expected a JSON object") }
            if case .string(let hex)? = object["hex"] {
                text = hex
                declared = "hex"
            } else if case .string(let base64)? = object["base64"] {
                text = base64
                declared = "base64"
            } else {
                throw .invalidArgument("body: give the packet as {\"hex\": \"…\"} or {\"base64\": \"…\"}")
            }
        }
        let compact = text.filter { !$0.isWhitespace && $0 != ":" }
        if declared != "base64", !compact.isEmpty, compact.count % 2 == 0, compact.allSatisfy(\.isHexDigit) {
            var bytes: [UInt8] = []
            var index = compact.startIndex
            while index < compact.endIndex {
                let next = compact.index(index, offsetBy: 2)
                bytes.append(UInt8(compact[index..<next], radix: 16) ?? 0)
                index = next
            }
            return bytes
        }
        if declared != "hex", let bytes = Base64.decode(compact), !bytes.isEmpty { return bytes }
        throw .invalidArgument("body: the packet is neither hex nor base64")
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
