import JSONCore
import P4JSON
import P4Model

/// The NDJSON lines of service-bucket upserts (`backends` INSERT or MODIFY), byte for byte what `BulkWrite.encode`
/// writes for `LoadBalancerSync.bucketEntry`, assembled from fragments the canonical encoder wrote once: a
/// service's match, a bucket's match and a backend's action each repeat across the 640,000 lines of a
/// 10,000-service apply, so no line builds an `Update` of its own.
struct BucketUpsertLines {
    private let sync: LoadBalancerSync
    /// `{"fieldId":…,"exact":{"value":…}}` of each bucket number.
    private let bucketMatches: [[UInt8]]
    /// `{"action":{…}}` of each backend met so far.
    private var actions: [LoadBalancerState.BackendValue: [UInt8]] = [:]
    private let head: [UInt8]

    init(_ sync: LoadBalancerSync) {
        self.sync = sync
        bucketMatches = (0..<LoadBalancerState.bucketCount).map { number in
            Self.encoded { sync.bucketMatch(0, number)[1].encode(to: &$0) }  // [service, bucket]
        }
        head = Array(#","entity":{"tableEntry":{"tableId":\#(sync.binding.backends.rawValue),"match":["#.utf8)
    }

    /// `service`'s match fragment, for the lines of its buckets.
    func serviceMatch(_ service: UInt16) -> [UInt8] {
        Self.encoded { sync.bucketMatch(service, 0)[0].encode(to: &$0) }
    }

    /// Appends the line of an upsert of `service`'s bucket `bucket` (its `serviceMatch`) to `backend`.
    mutating func append(_ type: UpdateType, service: [UInt8], bucket: Int, backend: LoadBalancerState.BackendValue,
                         to out: inout [UInt8]) {
        out += type == .insert ? Self.insertType : Self.modifyType
        out += head
        out += service
        out.append(UInt8(ascii: ","))
        out += bucketMatches[bucket]
        out += Self.actionKey
        if let action = actions[backend] {
            out += action
        } else {
            let action = Self.encoded { sync.dnatAction(backend).encode(to: &$0) }
            actions[backend] = action
            out += action
        }
        out += Self.tail
    }

    private static let insertType = Array(#"{"type":"INSERT""#.utf8)
    private static let modifyType = Array(#"{"type":"MODIFY""#.utf8)
    private static let actionKey = Array(#"],"action":"#.utf8)
    private static let tail = Array("}}}\n".utf8)

    private static func encoded(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(style: .compact, reservingCapacity: 128)
        write(&writer)
        return writer.take()
    }
}
