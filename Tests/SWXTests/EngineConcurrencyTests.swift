import SWX
import Testing

/// Bursts and commits from different threads: a burst sees all of a commit or none of it.
@Suite struct EngineConcurrencyTests {
    @Test func burstsNeverSeeHalfACommit() async throws {
        let p = try EngineSamples.pipeline(EngineSamples.forwarding)
        let a = "00000000000a", b = "00000000000b"
        try p.importEntries(table: "mac", text: "match 0x\(a) action fwd port_out 0\nmatch 0x\(b) action fwd port_out 0")
        let burst = [SWXPacket(port: 0, bytes: EngineSamples.packet(to: a)),
                     SWXPacket(port: 0, bytes: EngineSamples.packet(to: b))]
        let torn = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                var failures = 0
                for round in 1...300 {
                    let port = round % 3
                    do {
                        try p.stage(table: "mac", .modify, entriesText: "match 0x\(a) action fwd port_out \(port)")
                        try p.stage(table: "mac", .modify, entriesText: "match 0x\(b) action fwd port_out \(port)")
                        try p.commit()
                    } catch {
                        failures += 1
                    }
                }
                return failures
            }
            group.addTask {
                var torn = 0
                for _ in 0..<2_000 {
                    let out = p.process(burst: burst)
                    if out.count != 2 || out[0].port != out[1].port { torn += 1 }
                }
                return torn
            }
            var total = 0
            for await n in group { total += n }
            return total
        }
        #expect(torn == 0)
        #expect(!p.hasPendingChanges)
    }
}
