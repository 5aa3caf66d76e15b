import Foundation
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import TestSupport

/// The k8s_dp program (IPDK k8s-infra-offload) loaded through the service on a software target, with helpers to
/// name its P4Info objects and program a ClusterIP service with P4Runtime entities.
struct K8sDataplane {
    let service: P4RuntimeService
    let device: SoftwareTargetDevice
    let p4info: P4Info
    let clock: ManualClock

    static let deviceId: UInt64 = 1

    /// Ports: 0 client side (NET_TO_HOST), 1 spare, 2 and 3 backends (HOST_TO_NET).
    init(deviceConfig: [UInt8]? = nil) throws {
        let p4infoText = try String(contentsOf: Fixtures.shared("swx/k8s_dp/p4Info.txt"), encoding: .utf8)
        p4info = try P4Info.decode(textFormat: p4infoText, source: "p4Info.txt").p4info
        let config = try deviceConfig ?? Array(Data(contentsOf: Fixtures.shared("swx/k8s_dp/k8s_dp.pb.bin")))
        clock = ManualClock()
        device = try SoftwareTargetDevice(
            configuration: SoftwareTargetConfiguration(portDirections: [2: 1, 3: 1]), clock: clock)
        service = P4RuntimeService(clock: clock)
        try service.addDevice(id: Self.deviceId, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: Self.deviceId, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: p4info, p4DeviceConfig: config)))
    }

    func table(_ name: String) -> TableID {
        TableID(rawValue: p4info.tables.first { $0.preamble.name == "k8s_dp_control.\(name)" }!.preamble.id)
    }

    func action(_ name: String) -> ActionID {
        ActionID(rawValue: p4info.actions.first { $0.preamble.name == "k8s_dp_control.\(name)" }!.preamble.id)
    }

    func profile(_ name: String) -> ActionProfileID {
        ActionProfileID(rawValue: p4info.actionProfiles.first { $0.preamble.name == "k8s_dp_control.\(name)" }!.preamble.id)
    }

    static func bytes(_ value: UInt64, width: Int) -> [UInt8] {
        (0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(width - 1 - $0))) }
    }

    func exact(_ values: [[UInt8]]) -> [FieldMatch] {
        values.enumerated().map { FieldMatch(fieldId: MatchFieldID(rawValue: UInt32($0 + 1)), .exact(value: $1)) }
    }

    func act(_ name: String, _ params: [[UInt8]]) -> Action {
        Action(actionId: action(name), params: params.enumerated().map {
            Action.Param(paramId: ActionParamID(rawValue: UInt32($0 + 1)), value: $1)
        })
    }

    func entry(_ table: String, _ match: [[UInt8]], _ action: TableAction) -> Entity {
        Entity(.tableEntry(TableEntry(tableId: self.table(table), match: exact(match), action: action)))
    }

    func write(_ entities: [Entity], type: UpdateType = .insert, atomicity: Atomicity = .continueOnError) throws {
        try service.write(WriteRequest(deviceId: Self.deviceId, updates: entities.map { Update(type: type, entity: $0) },
                                       atomicity: atomicity))
    }

    func read(_ entity: Entity) throws -> [Entity] {
        var result: [Entity] = []
        try service.read(ReadRequest(deviceId: Self.deviceId, entities: [entity])) { result.append($0); return true }
        return result
    }

    /// A ClusterIP service VIP:80 with two backends on ports 2 and 3, the client on port 0.
    static let vip = "10.96.0.10"
    static let client = "10.0.0.1"
    static let backends = ["10.244.1.2", "10.244.2.3"]

    /// With `oneShot`, tx_balance_tcp gets a one-shot action set instead of members and a group.
    func programClusterIP(oneShot: Bool = false) throws {
        let ip = TestPackets.ipv4
        let profile = self.profile("as_sl3_tcp")
        var entities: [Entity] = []
        for (index, backend) in Self.backends.enumerated() {
            let dnat = UInt64(index + 1)
            let snat = UInt64(index + 11)
            if !oneShot { entities.append(Entity(.actionProfileMember(ActionProfileMember(
                actionProfileId: profile, memberId: ActionProfileMemberID(rawValue: UInt32(100 + index)),
                action: act("set_default_lb_dest", [Self.bytes(dnat, width: 3)]))))) }
            entities.append(entry("write_dest_ip_table", [Self.bytes(dnat, width: 3)],
                                  .action(act("update_dst_ip", [ip(backend), Self.bytes(8080, width: 2)]))))
            entities.append(entry("set_meta_tcp", [ip(backend), Self.bytes(8080, width: 2)],
                                  .action(act("set_key_for_reverse_ct", [Self.bytes(snat, width: 3)]))))
            entities.append(entry("write_source_ip_table", [Self.bytes(snat, width: 3)],
                                  .action(act("update_src_ip", [ip(Self.vip), Self.bytes(80, width: 2)]))))
            entities.append(entry("ipv4_to_port_table", [ip(backend)],
                                  .action(act("set_dest_mac_vport", [Self.bytes(UInt64(index + 2), width: 4),
                                                                     [0x02, 0, 0, 0, 0xB0, UInt8(index)]]))))
        }
        entities.append(entry("ipv4_to_port_table", [ip(Self.client)],
                              .action(act("set_dest_mac_vport", [Self.bytes(0, width: 4), [0x02, 0, 0, 0, 0, 1]]))))
        if oneShot {
            let set = ActionProfileActionSet(actionProfileActions: (1...2).map {
                ActionProfileAction(action: act("set_default_lb_dest", [Self.bytes(UInt64($0), width: 3)]), weight: 1)
            })
            entities.append(entry("tx_balance_tcp", [ip(Self.vip), Self.bytes(80, width: 2)], .actionSet(set)))
        } else {
            entities.append(Entity(.actionProfileGroup(ActionProfileGroup(
                actionProfileId: profile, groupId: 7,
                members: [.init(memberId: 100, weight: 1), .init(memberId: 101, weight: 1)]))))
            entities.append(entry("tx_balance_tcp", [ip(Self.vip), Self.bytes(80, width: 2)], .group(7)))
        }
        try write(entities, atomicity: .rollbackOnError)
    }
}
