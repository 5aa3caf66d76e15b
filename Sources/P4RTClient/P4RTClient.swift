import Foundation
import JSONCore
import P4JSON
import P4Model

/// A client of p4rtd's HTTP API: typed calls for the P4Runtime RPCs (canonical JSON) and for the friendly,
/// name-based endpoints. Calls are synchronous and thread-safe; errors are `P4RTClientError`, carrying the server's
/// canonical code and message.
public struct P4RTClient: Sendable {
    /// The server's base URL, e.g. `http://127.0.0.1:9559`.
    public let baseURL: URL
    /// The device every call addresses.
    public var deviceId: UInt64
    /// The election id sent with writes (nil: none, fine while no controller is primary).
    public var electionId: Uint128?
    let transport: HTTPTransport

    /// Creates a client; `timeout` bounds each request.
    public init(baseURL: URL, deviceId: UInt64 = 1, electionId: Uint128? = nil, timeout: TimeInterval = 60) {
        self.baseURL = baseURL
        self.deviceId = deviceId
        self.electionId = electionId
        self.transport = HTTPTransport(baseURL: baseURL, timeout: timeout)
    }

    // MARK: P4Runtime RPCs (canonical JSON)

    /// `Capabilities`.
    public func capabilities() throws(P4RTClientError) -> CapabilitiesResponse {
        try decode(CapabilitiesResponse.self, try call("GET", "/v1/capabilities"))
    }

    /// `SetForwardingPipelineConfig`; the request's device id defaults to the client's.
    public func setPipeline(_ request: SetForwardingPipelineConfigRequest) throws(P4RTClientError) {
        var request = request
        if request.deviceId == 0 { request.deviceId = deviceId }
        if request.electionId == nil { request.electionId = electionId }
        _ = try call("PUT", "/v1/pipeline", body: ProtoJSON.encode(request))
    }

    /// `GetForwardingPipelineConfig`.
    public func getPipeline(_ responseType: GetForwardingPipelineConfigRequest.ResponseType = .all)
        throws(P4RTClientError) -> GetForwardingPipelineConfigResponse
    {
        try decode(GetForwardingPipelineConfigResponse.self, try call(
            "GET", "/v1/pipeline", query: [("deviceId", String(deviceId)), ("responseType", responseType.name ?? "ALL")]))
    }

    /// The validated P4Info of the device's installed pipeline, for commands that resolve names.
    ///
    /// - Throws: `protocolViolation` when the device has no pipeline or its P4Info does not validate.
    public func pipelineIndex() throws(P4RTClientError) -> P4InfoIndex {
        guard let p4info = try getPipeline(.p4infoAndCookie).config?.p4info else {
            throw .protocolViolation("device \(deviceId) has no pipeline")
        }
        do {
            return try P4InfoIndex(p4info)
        } catch {
            throw .protocolViolation("the server's P4Info does not validate: \(error.message)")
        }
    }

    /// `Write`; device id and election id default to the client's.
    public func write(_ request: WriteRequest) throws(P4RTClientError) {
        var request = request
        if request.deviceId == 0 { request.deviceId = deviceId }
        if request.electionId == nil { request.electionId = electionId }
        _ = try call("POST", "/v1/write", body: ProtoJSON.encode(request))
    }

    /// `Write` of many updates as one bulk NDJSON request (parsed on the server's cores), same atomicity rules.
    public func writeBulk(_ updates: [Update], atomicity: Atomicity = .continueOnError) throws(P4RTClientError) {
        try writeBulk(ndjson: BulkWrite.encode(updates), atomicity: atomicity)
    }

    /// `Write` of updates already encoded as NDJSON (``BulkWrite/encode(_:)``, one `Update` per line; a caller
    /// with many updates can encode parts of them on several cores and send the parts with
    /// ``writeBulk(ndjsonParts:atomicity:)``).
    public func writeBulk(ndjson: [UInt8], atomicity: Atomicity = .continueOnError) throws(P4RTClientError) {
        try writeBulk(ndjsonParts: [ndjson], atomicity: atomicity)
    }

    /// `Write` of updates encoded as NDJSON in consecutive parts (each a whole number of lines), sent as one body
    /// without joining the parts first.
    public func writeBulk(ndjsonParts: [[UInt8]], atomicity: Atomicity = .continueOnError) throws(P4RTClientError) {
        var query = [("deviceId", String(deviceId)), ("atomicity", atomicity.name ?? "CONTINUE_ON_ERROR")]
        if let electionId {
            query += [("electionId.high", String(electionId.high)), ("electionId.low", String(electionId.low))]
        }
        _ = try call("POST", "/v1/write", query: query, bodyParts: ndjsonParts, contentType: "application/x-ndjson")
    }

    /// `Read`, streamed: `body` gets each entity as its line arrives in order; a failed entity request throws
    /// after the entities that were read.
    public func read(_ request: ReadRequest, _ body: (Entity) -> Void) throws(P4RTClientError) {
        var request = request
        if request.deviceId == 0 { request.deviceId = deviceId }
        let response = try call("POST", "/v1/read", body: ProtoJSON.encode(request), accept: "application/x-ndjson")
        let status: P4RuntimeError?
        do {
            // Line by line: a large answer is never held decoded whole.
            status = try ReadStream.decode(response.body) { entities in entities.forEach(body) }
        } catch {
            throw .protocolViolation("read answer: \(error.message)")
        }
        if let status { throw .server(status, httpStatus: response.status) }
    }

    /// `Read`, collected.
    public func read(_ request: ReadRequest) throws(P4RTClientError) -> [Entity] {
        var entities: [Entity] = []
        try read(request) { entities.append($0) }
        return entities
    }

    // MARK: Friendly endpoints (names and human values)

    /// The program's tables (`GET /v1/tables`), as JSON.
    public func tables() throws(P4RTClientError) -> JSONValue {
        try json(try call("GET", "/v1/tables", query: [("deviceId", String(deviceId))]))
    }

    /// Sends a friendly request (`path` under `/v1/`) and returns the answer as JSON.
    public func friendly(_ method: String, _ path: String, body: JSONValue? = nil, query: [(String, String)] = [])
        throws(P4RTClientError) -> JSONValue
    {
        var query = [("deviceId", String(deviceId))] + query
        if let electionId, method != "GET" {
            query += [("electionId.high", String(electionId.high)), ("electionId.low", String(electionId.low))]
        }
        return try json(try call(method, "/v1/" + path, query: query, body: body.map { $0.serialized() }))
    }

    // MARK: Plumbing

    func call(_ method: String, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil,
              contentType: String = "application/json", accept: String? = nil) throws(P4RTClientError)
        -> HTTPTransport.Response
    {
        try call(method, path, query: query, bodyParts: body.map { [$0] }, contentType: contentType, accept: accept)
    }

    /// `call` with the body in consecutive parts.
    func call(_ method: String, _ path: String, query: [(String, String)] = [], bodyParts: [[UInt8]]?,
              contentType: String = "application/json", accept: String? = nil) throws(P4RTClientError)
        -> HTTPTransport.Response
    {
        let response = try transport.send(
            method, path, query: query, bodyParts: bodyParts, contentType: contentType, accept: accept)
        guard (200..<300).contains(response.status) else {
            if let status = try? ProtoJSON.decodeStatus(response.body) {
                throw .server(status, httpStatus: response.status)
            }
            throw .protocolViolation("HTTP \(response.status): \(String(decoding: response.body.prefix(300), as: UTF8.self))")
        }
        return response
    }

    func decode<M: ProtoJSONMessage>(_ type: M.Type, _ response: HTTPTransport.Response) throws(P4RTClientError) -> M {
        do {
            return try ProtoJSON.decode(type, from: response.body, ignoresUnknownFields: true)
        } catch {
            throw .protocolViolation("\(M.protoName): \(error.message)")
        }
    }

    func json(_ response: HTTPTransport.Response) throws(P4RTClientError) -> JSONValue {
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw .protocolViolation("not JSON: \(error)")
        }
    }
}
