import Foundation
import P4Model
import P4RuntimeService
import TestSupport

/// programs/ct (a TCP conntrack learner of 1M flows) as the JSON device config the software target takes.
struct CTProgram {
    /// The P4Info and `{"spec": …, "context": …}`.
    let config: ForwardingPipelineConfig
    /// The P4Info id of the learner table `MainControlImpl.conntrack`.
    let conntrack: TableID

    init() throws {
        let text = try String(contentsOf: Fixtures.project("p4info/ct.p4info.txt"), encoding: .utf8)
        let p4info = try P4Info.decode(textFormat: text, source: "ct.p4info.txt").p4info
        let spec = try String(contentsOf: Fixtures.project("programs/ct/ct.spec"), encoding: .utf8)
        let context = try String(contentsOf: Fixtures.project("programs/ct/context.json"), encoding: .utf8)
        let payload = #"{"spec":\#(LearnerTimeoutTests.Node.quoted(spec)),"context":\#(LearnerTimeoutTests.Node.quoted(context))}"#
        config = ForwardingPipelineConfig(p4info: p4info, p4DeviceConfig: Array(payload.utf8))
        conntrack = TableID(rawValue: p4info.tables.first { $0.preamble.name == "MainControlImpl.conntrack" }?.preamble.id ?? 0)
    }

    /// How many entries a wildcard read of the conntrack table on device 1 of `service` returns.
    func flowCount(_ service: P4RuntimeService) throws -> Int {
        var count = 0
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.tableEntry(TableEntry(tableId: conntrack)))])) { _ in
            count += 1
            return true
        }
        return count
    }
}
