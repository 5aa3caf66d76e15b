import Foundation
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget
import TestSupport

/// The policer PNA program (Resources/policer: .p4 for reference, .spec, P4Info): a ternary + range table with a
/// BYTES direct meter whose action stamps the PNA colour (RED 0, GREEN 1, YELLOW 2) into IPv4 diffserv and drops
/// red, and an LPM table without a direct meter. Loaded on a software target with a manual clock.
struct PolicerProgram {
    static let policeTable: TableID = 40_960_072
    static let route: TableID = 49_366_374
    static let police: ActionID = 23_510_624
    static let forward: ActionID = 29_683_729
    static let policeMeter: DirectMeterID = 357_984_233

    static func text(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.project("Tests/SoftwareTargetTests/Resources/policer/\(name)"), encoding: .utf8)
    }

    let service: P4RuntimeService
    let device: SoftwareTargetDevice
    let clock: ManualClock

    init(p4infoText: String? = nil, specText: String? = nil) throws {
        clock = ManualClock()
        device = try SoftwareTargetDevice(clock: clock)
        service = P4RuntimeService(clock: clock)
        try service.addDevice(id: 1, target: device)
        let info = try P4Info.decode(textFormat: p4infoText ?? Self.text("policer.p4info.txt")).p4info
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: info, p4DeviceConfig: Array((try specText ?? Self.text("policer.spec")).utf8))))
    }

    /// The police entry for sources 10.0.0.0/8 and TCP destination ports 80..90 (three engine entries: 80-87,
    /// 88-89, 90), sending conforming packets to `port`.
    static func policeEntry(port: UInt8 = 2, config: MeterConfig? = nil) -> TableEntry {
        TableEntry(tableId: policeTable,
                   match: [FieldMatch(fieldId: 1, .ternary(value: [10, 0, 0, 0], mask: [255, 0, 0, 0])),
                           FieldMatch(fieldId: 2, .range(low: [80], high: [90]))],
                   action: .action(Action(actionId: police, params: [.init(paramId: 1, value: [port])])),
                   priority: 10, meterConfig: config)
    }

    /// The key of `policeEntry` (what DirectMeterEntry and reads address).
    static var policeKey: TableEntry {
        let entry = policeEntry()
        return TableEntry(tableId: entry.tableId, match: entry.match, priority: entry.priority)
    }

    /// The program with police_table keyed by the exact source address alone (an exact, hash table in the spec).
    static func exactVariant() throws -> PolicerProgram {
        let spec = try text("policer.spec").replacingOccurrences(
            of: "\t\tm.MainControlImpl_police_table_ipv4_src_addr wildcard\n\t\tm.MainControlImpl_police_table_tcp_dst_port wildcard\n",
            with: "\t\tm.MainControlImpl_police_table_ipv4_src_addr exact\n")
        let p4info = try text("policer.p4info.txt")
            .replacingOccurrences(of: "    match_type: TERNARY\n", with: "    match_type: EXACT\n")
            .replacingOccurrences(of: "  match_fields {\n    id: 2\n    name: \"hdr.tcp.dst_port\"\n    bitwidth: 16\n    match_type: RANGE\n  }\n",
                                  with: "")
        guard spec.contains("src_addr exact"), !p4info.contains("RANGE") else {
            throw P4RuntimeError.internal("the exact variant's edits no longer apply to the policer files")
        }
        return try PolicerProgram(p4infoText: p4info, specText: spec)
    }

    func write(_ updates: [Update], atomicity: Atomicity = .continueOnError) throws {
        try service.write(WriteRequest(deviceId: 1, updates: updates, atomicity: atomicity))
    }

    func read(_ entity: Entity) throws -> [Entity] {
        var result: [Entity] = []
        try service.read(ReadRequest(deviceId: 1, entities: [entity])) { result.append($0); return true }
        return result
    }

    /// The direct meter of the police entry, with its per-colour counters.
    func policeMeterCell() throws -> DirectMeterEntry? {
        let cells = try read(Entity(.directMeterEntry(DirectMeterEntry(tableEntry: Self.policeKey,
                                                                        counterData: MeterCounterData()))))
        guard case .directMeterEntry(let cell)? = cells.first?.kind else { return nil }
        return cell
    }

    /// What a 40-byte TCP packet (IPv4 total length 40) from `src` to port `dport` becomes: the PNA colour
    /// stamped in diffserv and the output port, or nil when dropped.
    func send(src: String = "10.1.2.3", dport: UInt16 = 80) throws -> (port: UInt32, colour: UInt8)? {
        let frame = TestPackets.tcp(src: src, dst: "192.0.2.1", sport: 1234, dport: dport, flags: 0x02)
        guard let output = try device.inject(frame, port: 0).outputs.first else { return nil }
        return (output.port, output.bytes[15])
    }
}
