import Foundation
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import Testing
import TestSupport

/// RECONCILE_AND_COMMIT keeps the flows a learner learned (issue 4: "keeps the forwarding state that the new
/// program can still hold"): programs/ct's conntrack, a TCP flow opened by a SYN, the pipeline pushed again.
struct ReconcileLearnedFlowTests {
    let service: P4RuntimeService
    let device: SoftwareTargetDevice
    let program: CTProgram

    init() throws {
        program = try CTProgram()
        let clock = ManualClock()
        service = P4RuntimeService(clock: clock)
        self.device = try SoftwareTargetDevice(clock: clock)
        try service.addDevice(id: 1, target: self.device)
        try push(.verifyAndCommit)
    }

    func push(_ action: SetForwardingPipelineConfigRequest.Action) throws {
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(deviceId: 1, action: action, config: program.config))
    }

    /// The client's SYN (port 0) learns the flow; the server's ACK (port 1) is then the reply direction, and
    /// without the flow it is refused (only a SYN opens a TCP flow).
    static let syn = TestPackets.tcp(src: "10.0.0.1", dst: "10.0.0.2", sport: 5001, dport: 80, flags: 0x02)
    static let reply = TestPackets.tcp(srcMAC: [2, 0, 0, 0, 0, 2], dstMAC: [2, 0, 0, 0, 0, 1], src: "10.0.0.2",
                                        dst: "10.0.0.1", sport: 80, dport: 5001, flags: 0x10)

    func learnedFlows() throws -> Int { try program.flowCount(service) }

    @Test func reconcileKeepsLearnedFlows() throws {
        #expect(try device.inject(Self.syn, port: 0).outputs.map(\.port) == [1])
        #expect(try learnedFlows() == 1)
        try push(.reconcileAndCommit)
        #expect(try learnedFlows() == 1)
        // The reply still belongs to the kept flow, so it passes.
        #expect(try device.inject(Self.reply, port: 1).outputs.map(\.port) == [0])
    }

    @Test func aFreshCommitForgetsLearnedFlows() throws {
        _ = try device.inject(Self.syn, port: 0)
        try push(.verifyAndCommit)
        #expect(try learnedFlows() == 0)
        #expect(try device.inject(Self.reply, port: 1).outputs.isEmpty)
    }
}
