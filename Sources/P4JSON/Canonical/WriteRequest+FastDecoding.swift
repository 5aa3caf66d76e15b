import JSONCore
import P4Model

extension ProtoJSON {
    /// Decodes a `p4.v1.WriteRequest` from JSON text with exactly the result and errors of
    /// `decode(WriteRequest.self, from:)`, faster: updates in the common shape (see `FastUpdateDecoder`) are read
    /// straight from the parsed document, on all cores, without building a ``JSONValue`` tree.
    public static func decodeWriteRequest(from bytes: [UInt8]) throws(P4RuntimeError) -> WriteRequest {
        let result: Result<WriteRequest, P4RuntimeError> = bytes.withUnsafeBytes { buffer in
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
}
