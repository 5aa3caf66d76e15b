import Foundation
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import SWX

/// `p4rtd-bench write-batch [N]`: one P4Runtime write batch through the service onto a software target running
/// the node program (p4info/node.p4info.txt, programs/node), timed on the calling thread. Prints
/// - `write-batch services N µs per update`: N inserts (at most the table's 16,384) into `services`;
/// - `write-batch backends N µs per update`: N service buckets (the entries `lb apply` writes, 64 per service);
/// - `write-batch ct_forward N µs per update`: N controller-written entries (default 100,000) in the `ct_forward`
///   learner;
/// each for CONTINUE_ON_ERROR and ROLLBACK_ON_ERROR, as CPU time of the thread (wall time alongside). A cost
/// that grows with the batch (an operation copying a map) shows as a per-update time growing with N.
enum WriteBatchBenchmarks {
    static let p4infoPath = "p4info/node.p4info.txt"
    static let specPath = "programs/node/node.spec"
    static let contextPath = "programs/node/context.json"
    static let services = TableID(rawValue: 48_949_494)
    static let setService = ActionID(rawValue: 30_615_871)
    static let backends = TableID(rawValue: 46_519_230)
    static let dnat = ActionID(rawValue: 22_974_168)
    static let ctForward = TableID(rawValue: 35_949_677)
    static let ctForwardHit = ActionID(rawValue: 25_365_873)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(updates: Int) {
        do {
            for atomicity in [Atomicity.continueOnError, .rollbackOnError] {
                try measure("services", updates: min(updates, 16_384), atomicity: atomicity) { i in
                    let vip = 0x0A60_0000 | UInt32(i + 1)
                    return Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
                        tableId: services, match: [exact(1, bytes(vip, 4)), exact(2, [6]), exact(3, [0, 80])],
                        action: .action(Action(actionId: setService, params: [.init(paramId: 1, value: bytes(UInt32(i + 1), 2))]))))))
                }
                try measure("backends", updates: min(updates, 16_384 * 64), atomicity: atomicity) { i in
                    let pod = 0x0A80_0000 | UInt32(i + 1)
                    return Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
                        tableId: backends, match: [exact(1, bytes(UInt32(i / 64 + 1), 2)), exact(2, [UInt8(i % 64)])],
                        action: .action(Action(actionId: dnat, params: [
                            .init(paramId: 1, value: bytes(pod, 4)), .init(paramId: 2, value: [0x1F, 0x90]),
                            .init(paramId: 3, value: [2, 0x42] + bytes(pod, 4))]))))))
                }
                try measure("ct_forward", updates: updates, atomicity: atomicity) { i in
                    Update(type: .insert, entity: Entity(.tableEntry(TableEntry(
                        tableId: ctForward,
                        match: [exact(1, bytes(0x0B00_0000 | UInt32(i), 4)), exact(2, bytes(0x0A60_0001, 4)),
                                exact(3, [6]), exact(4, [0x9C, 0x40]), exact(5, [0, 80])],
                        action: .action(Action(actionId: ctForwardHit, params: [
                            .init(paramId: 1, value: bytes(0x0AF4_0001, 4)), .init(paramId: 2, value: [0x1F, 0x90]),
                            .init(paramId: 3, value: [2, 0, 0, 0, 0, 1])]))))))
                }
            }
        } catch {
            print("write-batch failed: \(error)")
        }
    }

    static func exact(_ id: UInt32, _ value: [UInt8]) -> FieldMatch { FieldMatch(fieldId: MatchFieldID(rawValue: id), .exact(value: value)) }

    static func bytes(_ value: UInt32, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32(count - 1 - $0))) }
    }

    /// A service with the node pipeline.
    static func service() throws -> P4RuntimeService {
        let p4infoText = try ConformanceFiles.readText(p4infoPath)
        let payload = try JSONSerialization.data(withJSONObject: [
            "spec": try ConformanceFiles.readText(specPath), "context": try ConformanceFiles.readText(contextPath)])
        let clock = ManualClock()
        let device = try SoftwareTargetDevice(clock: clock)
        let p4info = try P4Info.decode(textFormat: p4infoText, source: p4infoPath).p4info
        return try BenchSupport.service(device: device, clock: clock, p4info: p4info, deviceConfig: Array(payload))
    }

    static func measure(_ name: String, updates: Int, atomicity: Atomicity, update: (Int) -> Update) throws {
        let service = try service()
        let batch = (0..<updates).map(update)
        let cpu0 = BenchSupport.threadCPUNanoseconds(), wall0 = BenchSupport.wallNanoseconds()
        try service.write(WriteRequest(deviceId: 1, updates: batch, atomicity: atomicity))
        let cpu = Double(BenchSupport.threadCPUNanoseconds() - cpu0), wall = Double(BenchSupport.wallNanoseconds() - wall0)
        let n = Double(max(updates, 1))
        print("write-batch \(name) \(atomicity) \(updates) updates: \(String(format: "%.2f", cpu / n / 1000)) µs per update "
            + "(\(String(format: "%.3f", cpu / 1e9)) s CPU, wall \(String(format: "%.3f", wall / 1e9)) s)")
    }
}
