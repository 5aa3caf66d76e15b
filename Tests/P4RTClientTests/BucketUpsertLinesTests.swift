import Foundation
import P4JSON
import P4Model
@testable import P4RTClient
import Testing
import TestSupport

/// `lb apply`'s bucket upserts, assembled from fragments, are byte for byte what the canonical encoder writes for
/// the same updates (the server decodes either alike, but `lb apply` output must stay plain canonical JSON).
struct BucketUpsertLinesTests {
    @Test func linesAreTheCanonicalEncodingOfTheBucketUpdates() throws {
        let text = try String(contentsOf: Fixtures.project("p4info/node.p4info.txt"), encoding: .utf8)
        let p4info = try P4Info.decode(textFormat: text, source: "node.p4info.txt").p4info
        let sync = LoadBalancerSync(client: P4RTClient(baseURL: URL(string: "http://127.0.0.1:1")!),
                                    binding: try NodeProgramBinding(try P4InfoIndex(p4info)))
        var lines = BucketUpsertLines(sync)
        var assembled: [UInt8] = []
        var updates: [Update] = []
        let backends: [LoadBalancerState.BackendValue] = [
            .init(address: 0, port: 0, mac: 0), .init(address: 0x0A80_0001, port: 8080),
            .init(address: 0xFFFF_FFFF, port: 65535, mac: 0xFFFF_FFFF_FFFF), .init(address: 0x0A80_0001, port: 8080),
        ]
        for service: UInt16 in [0, 1, 255, 256, 65535] {
            let match = lines.serviceMatch(service)
            for bucket in [0, 1, 63] {
                for (index, backend) in backends.enumerated() {
                    let type: UpdateType = index.isMultiple(of: 2) ? .insert : .modify
                    lines.append(type, service: match, bucket: bucket, backend: backend, to: &assembled)
                    updates.append(Update(type: type, entity: sync.bucketEntry(service, bucket, backend)))
                }
            }
        }
        #expect(String(decoding: assembled, as: UTF8.self) == String(decoding: BulkWrite.encode(updates), as: UTF8.self))
        #expect(try BulkWrite.decode(assembled, deviceId: 1, electionId: nil).updates == updates)
    }
}
