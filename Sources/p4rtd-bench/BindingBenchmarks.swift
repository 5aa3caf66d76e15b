import Foundation
import P4Device
import P4Model
import P4RuntimeService
import Ports
import SoftwareTarget
import SWX

/// `p4rtd-bench binding`: what the P4Runtime binding costs on the packet path. The k8s_dp ClusterIP flow (a VIP
/// with two backends, DNAT/SNAT, flows pinned by the learners) runs (a) on a bare SWX engine programmed with the
/// equivalent entries in DPDK's table-entry text format, and (b) on a `SoftwareTargetDevice` programmed with
/// P4Runtime entities through the service, driven through the device's port path (`runReceivedBurst`: device
/// lock, pipeline, outputs transmitted on in-memory ports). Both get the same bursts of the same packets; the line
/// `binding k8s_dp engine X Mpps device Y Mpps ratio R` gives the cost ratio (goal ≤ 1.2).
enum BindingBenchmarks {
    static let folder = "../shared/fixtures/swx/k8s_dp"
    static let vip: [UInt8] = [10, 96, 0, 10]
    static let client: [UInt8] = [10, 0, 0, 1]
    static let backends: [[UInt8]] = [[10, 244, 1, 2], [10, 244, 2, 3]]
    /// Client flows (distinct source ports), each pinned to a backend by its SYN before the measurement.
    static let flowCount = 256
    static let burstSize = 32

    static func run(packets: Int) {
        let p4infoPath = folder + "/p4Info.txt", configPath = folder + "/k8s_dp.pb.bin"
        guard FileManager.default.fileExists(atPath: p4infoPath), FileManager.default.fileExists(atPath: configPath)
        else {
            print("binding k8s_dp skipped: \(folder) is absent (run from the repository root with ../shared)")
            return
        }
        do {
            let p4info = try P4Info.decode(textFormat: try String(contentsOfFile: p4infoPath, encoding: .utf8),
                                           source: "p4Info.txt").p4info
            let deviceConfig = [UInt8](try Data(contentsOf: URL(fileURLWithPath: configPath)))
            let device = try programmedDevice(p4info: p4info, deviceConfig: deviceConfig)
            let engine = try programmedEngine(specText: try PipelineSource(deviceConfig: deviceConfig).specText)
            let traffic = try BindingTraffic(engine: engine, device: device)
            var engineBest = 0.0, deviceBest = 0.0
            for _ in 0..<3 {
                engineBest = max(engineBest, traffic.runEngine(engine, packets: packets))
                deviceBest = max(deviceBest, traffic.runDevice(device, packets: packets))
            }
            let ratio = deviceBest > 0 ? engineBest / deviceBest : 0
            print("binding k8s_dp engine \(String(format: "%.2f", engineBest)) Mpps device "
                + "\(String(format: "%.2f", deviceBest)) Mpps ratio \(String(format: "%.2f", ratio)) "
                + "(cost through the device / cost on the bare engine; goal ≤ 1.20)")
        } catch {
            print("binding k8s_dp failed: \(error)")
        }
    }

    // MARK: Programming

    static func bytes(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(width - 1 - $0))) }
    }

    /// A software target (in-memory ports 0-3, backends on 2 and 3 HOST_TO_NET) running k8s_dp, with the
    /// ClusterIP service written as P4Runtime entities through the service.
    static func programmedDevice(p4info: P4Info, deviceConfig: [UInt8]) throws -> SoftwareTargetDevice {
        let clock = ManualClock()
        let device = try SoftwareTargetDevice(
            configuration: SoftwareTargetConfiguration(ports: (0..<4).map { ($0, PortSpec.memory) },
                                                       burstSize: burstSize, portDirections: [2: 1, 3: 1]),
            clock: clock)
        let service = try BenchSupport.service(device: device, clock: clock, p4info: p4info, deviceConfig: deviceConfig)
        func id(_ list: [(name: String, id: UInt32)], _ name: String) throws -> UInt32 {
            guard let found = list.first(where: { $0.name == "k8s_dp_control.\(name)" }) else {
                throw P4RuntimeError.notFound("k8s_dp P4Info has no \(name)")
            }
            return found.id
        }
        let tables = p4info.tables.map { ($0.preamble.name, $0.preamble.id) }
        let actions = p4info.actions.map { ($0.preamble.name, $0.preamble.id) }
        let profile = ActionProfileID(rawValue: try id(p4info.actionProfiles.map { ($0.preamble.name, $0.preamble.id) },
                                                       "as_sl3_tcp"))
        func act(_ name: String, _ params: [[UInt8]]) throws -> Action {
            Action(actionId: ActionID(rawValue: try id(actions, name)), params: params.enumerated().map {
                Action.Param(paramId: ActionParamID(rawValue: UInt32($0 + 1)), value: $1)
            })
        }
        func entry(_ table: String, _ match: [[UInt8]], _ action: TableAction) throws -> Entity {
            Entity(.tableEntry(TableEntry(
                tableId: TableID(rawValue: try id(tables, table)),
                match: match.enumerated().map { FieldMatch(fieldId: MatchFieldID(rawValue: UInt32($0 + 1)), .exact(value: $1)) },
                action: action)))
        }
        var entities: [Entity] = []
        for (index, backend) in backends.enumerated() {
            let dnat = UInt64(index + 1), snat = UInt64(index + 11)
            entities.append(Entity(.actionProfileMember(ActionProfileMember(
                actionProfileId: profile, memberId: ActionProfileMemberID(rawValue: UInt32(100 + index)),
                action: try act("set_default_lb_dest", [bytes(dnat, width: 3)])))))
            entities.append(try entry("write_dest_ip_table", [bytes(dnat, width: 3)],
                                      .action(try act("update_dst_ip", [backend, bytes(8080, width: 2)]))))
            entities.append(try entry("set_meta_tcp", [backend, bytes(8080, width: 2)],
                                      .action(try act("set_key_for_reverse_ct", [bytes(snat, width: 3)]))))
            entities.append(try entry("write_source_ip_table", [bytes(snat, width: 3)],
                                      .action(try act("update_src_ip", [vip, bytes(80, width: 2)]))))
            entities.append(try entry("ipv4_to_port_table", [backend],
                                      .action(try act("set_dest_mac_vport", [bytes(UInt64(index + 2), width: 4),
                                                                             [0x02, 0, 0, 0, 0xB0, UInt8(index)]]))))
        }
        entities.append(try entry("ipv4_to_port_table", [client],
                                  .action(try act("set_dest_mac_vport", [bytes(0, width: 4), [0x02, 0, 0, 0, 0, 1]]))))
        entities.append(Entity(.actionProfileGroup(ActionProfileGroup(
            actionProfileId: profile, groupId: 7, members: [.init(memberId: 100, weight: 1), .init(memberId: 101, weight: 1)]))))
        entities.append(try entry("tx_balance_tcp", [vip, bytes(80, width: 2)], .group(7)))
        try service.write(WriteRequest(deviceId: 1, updates: entities.map { Update(type: .insert, entity: $0) },
                                       atomicity: .rollbackOnError))
        return device
    }

    /// A bare engine running the same spec with the same entries in DPDK's table-entry text format (members 1
    /// and 2 in selector group 0, as the binding's dense ids also are).
    static func programmedEngine(specText: String) throws -> SWXPipeline {
        let engine = try SWXPipeline(program: try SpecLoader.load(specText),
                                     configuration: SWXPipelineConfiguration(inputPorts: 4, outputPorts: 4),
                                     clock: SWXManualClock(nanoseconds: 1_000_000_000))
        try engine.writeRegister("direction", index: 2, value: 1)
        try engine.writeRegister("direction", index: 3, value: 1)
        func hex(_ bytes: [UInt8]) -> String { "0x" + bytes.map { String(format: "%02x", $0) }.joined() }
        for (index, backend) in backends.enumerated() {
            let dnat = index + 1, snat = index + 11
            try engine.importEntries(table: "as_sl3_tcp", text: "match 0x\(dnat) action set_default_lb_dest ptr 0x\(dnat)\n")
            try engine.importEntries(table: "write_dest_ip_table",
                                     text: "match 0x\(dnat) action update_dst_ip new_ip \(hex(backend)) new_port 0x1f90\n")
            try engine.importEntries(table: "set_meta_tcp",
                                     text: "match \(hex(backend)) 0x1f90 action set_key_for_reverse_ct ptr 0x\(String(snat, radix: 16))\n")
            try engine.importEntries(table: "write_source_ip_table",
                                     text: "match 0x\(String(snat, radix: 16)) action update_src_ip new_ip \(hex(vip)) new_port 0x50\n")
            try engine.importEntries(table: "ipv4_to_port_table",
                                     text: "match \(hex(backend)) action set_dest_mac_vport p 0x\(index + 2) new_dmac 0x02000000b00\(index)\n")
        }
        try engine.importEntries(table: "ipv4_to_port_table",
                                 text: "match \(hex(client)) action set_dest_mac_vport p 0x0 new_dmac 0x020000000001\n")
        try engine.setSelectorGroup("as_sl3_tcp_sel", group: 0, members: [SelectorMember(memberID: 1, weight: 1),
                                                                          SelectorMember(memberID: 2, weight: 1)])
        try engine.importEntries(table: "tx_balance_tcp", text: "match \(hex(vip)) 0x50 action tx_balance_tcp_set_group_id group_id 0x0\n")
        return engine
    }
}
