import JSONCore
import P4Model

extension ProtoJSON {
    /// Decodes a `p4.v1.WriteRequest` from JSON text with exactly the result and errors of
    /// `decode(WriteRequest.self, from:)`, faster: updates in the common shape (see `FastUpdateDecoder`) are read
    /// straight from the parsed document, on all cores, without building a ``JSONValue`` tree.
    public static func decodeWriteRequest(from bytes: [UInt8]) throws(P4RuntimeError) -> WriteRequest {
        let result: Result<WriteRequest, P4RuntimeError> = bytes.withUnsafeBytes { buffer in
            if let scanned = scannedWriteRequest(buffer) { return .success(scanned) }
            do throws(JSONParseError) {
                return try JSONParser().withDocument(buffer) { root in decodeWriteRequest(root) }
            } catch {
                return .failure(.invalidArgument("invalid JSON: \(error)"))
            }
        }
        return try result.get()
    }

    private static func decodeWriteRequest(_ root: JSONNode) -> Result<WriteRequest, P4RuntimeError> {
        if let fast = fastWriteRequest(root) { return fast }
        do throws(P4RuntimeError) {
            return .success(try decode(WriteRequest.self, from: root.value))
        } catch {
            return .failure(error)
        }
    }

    /// The request when every update is in the fast subset (the other members go through the full decoder: when
    /// the updates cannot fail, its first error is the first error of the whole request); nil otherwise.
    private static func fastWriteRequest(_ root: JSONNode) -> Result<WriteRequest, P4RuntimeError>? {
        guard root.isObject else { return nil }
        var others: [JSONMember] = []
        var updatesNode: JSONNode?
        for (key, value) in root.members {
            if key == "updates" && value.isArray {
                updatesNode = value
            } else {
                others.append(JSONMember(key: key.string, value: value.value))
            }
        }
        var updates: [Update] = []
        if let updatesNode {
            let decoded = updatesNode.mapElements { _, element in FastUpdateDecoder.update(element) }
            updates.reserveCapacity(decoded.count)
            for update in decoded {
                guard let update else { return nil }
                updates.append(update)
            }
        }
        guard let object = try? JSONObject(members: others) else { return nil }
        do throws(P4RuntimeError) {
            var request = try decode(WriteRequest.self, from: .object(object))
            request.updates = updates
            return .success(request)
        } catch {
            return .failure(error)
        }
    }

    /// The request read by ``JSONScanner`` when the whole text is in the fast subset (plain decimal ids, updates
    /// in `FastUpdateDecoder`'s shape), else nil (then jansson and the full decoder run).
    private static func scannedWriteRequest(_ bytes: UnsafeRawBufferPointer) -> WriteRequest? {
        var s = JSONScanner(bytes)
        guard s.beginObject() else { return nil }
        var request = WriteRequest()
        var first = true
        var seen: UInt8 = 0
        func once(_ bit: UInt8) -> Bool {
            defer { seen |= bit }
            return seen & bit == 0
        }
        loop: while true {
            switch s.nextMember(&first) {
            case .end: break loop
            case .invalid: return nil
            case .next(let key):
                switch key {
                case "deviceId":
                    guard once(1), let id = scannedUInt64(&s) else { return nil }
                    request.deviceId = id
                case "updates":
                    guard once(2), s.beginArray() else { return nil }
                    var updates: [Update] = []
                    var elementFirst = true
                    while true {
                        guard let more = s.nextElement(&elementFirst) else { return nil }
                        if !more { break }
                        guard let update = FastUpdateDecoder.update(&s) else { return nil }
                        updates.append(update)
                    }
                    request.updates = updates
                case "electionId":
                    guard once(4), s.beginObject() else { return nil }
                    var election = Uint128()
                    var electionFirst = true
                    var electionSeen: UInt8 = 0
                    inner: while true {
                        switch s.nextMember(&electionFirst) {
                        case .end: break inner
                        case .invalid: return nil
                        case .next(let part):
                            if part == "high", electionSeen & 1 == 0, let value = scannedUInt64(&s) {
                                election.high = value
                                electionSeen |= 1
                            } else if part == "low", electionSeen & 2 == 0, let value = scannedUInt64(&s) {
                                election.low = value
                                electionSeen |= 2
                            } else {
                                return nil
                            }
                        }
                    }
                    request.electionId = election
                case "role":
                    guard once(8), let text = s.string() else { return nil }
                    request.role = String(decoding: text, as: UTF8.self)
                case "atomicity":
                    guard once(16), let text = s.string(),
                          let atomicity = Atomicity(name: String(decoding: text, as: UTF8.self)) else { return nil }
                    request.atomicity = atomicity
                default:
                    return nil
                }
            }
        }
        return s.finish() ? request : nil
    }

    /// A uint64 given as a JSON integer or as a string of plain decimal digits (no sign, no leading zero).
    private static func scannedUInt64(_ s: inout JSONScanner) -> UInt64? {
        guard s.nextIsString() else { return s.integer().flatMap { UInt64(exactly: $0) } }
        guard let text = s.string(), !text.isEmpty, text.count <= 19 else { return nil }
        if text[0] == UInt8(ascii: "0") && text.count > 1 { return nil }
        var value: UInt64 = 0
        for byte in text {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return value
    }
}
