import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget

/// A small PSA-style program written for these tests: an LPM route table (size 4), an ACL with range, optional
/// and ternary fields, a table keyed by a 9-bit port widened to 32 bits in the spec, and a register.
enum SmallProgram {
    static let route: TableID = 0x0200_0001
    static let acl: TableID = 0x0200_0002
    static let vrfTable: TableID = 0x0200_0003
    static let send: ActionID = 0x0100_0001
    static let noAction: ActionID = 0x0100_0002
    static let setVrf: ActionID = 0x0100_0003
    static let hits: RegisterID = 0x1600_0001
    static let aclCounter: DirectCounterID = 0x1300_0001
    static let policer: MeterID = 0x1400_0001

    static func spec(routeActions: String = "send\n\t\tNoAction", aclAction: String = "send_1",
                     extraActions: String = "") -> String {
        """
        struct ethernet_t {
        \tbit<48> dstAddr
        \tbit<48> srcAddr
        \tbit<16> etherType
        }
        struct ipv4_t {
        \tbit<8> version_ihl
        \tbit<8> diffserv
        \tbit<16> totalLen
        \tbit<16> identification
        \tbit<16> flags_fragOffset
        \tbit<8> ttl
        \tbit<8> protocol
        \tbit<16> hdrChecksum
        \tbit<32> srcAddr
        \tbit<32> dstAddr
        }
        struct send_arg_t {
        \tbit<32> port
        }
        struct set_vrf_arg_t {
        \tbit<16> vrf
        }
        struct metadata_t {
        \tbit<32> in_port
        \tbit<32> out_port
        \tbit<16> vrf
        \tbit<32> idx
        \tbit<32> color
        }
        metadata instanceof metadata_t
        header ethernet instanceof ethernet_t
        header ipv4 instanceof ipv4_t
        regarray hits_0 size 0x8 initval 0
        regarray acl_counter_0 size 0x41 initval 0
        metarray policer_0 size 0x4
        action NoAction args none {
        \treturn
        }
        action send args instanceof send_arg_t {
        \tmov m.out_port t.port
        \treturn
        }
        action send_1 args instanceof send_arg_t {
        \tmov m.out_port t.port
        \tentryid m.idx
        \tregadd acl_counter_0 m.idx 1
        \treturn
        }
        action set_vrf args instanceof set_vrf_arg_t {
        \tmov m.vrf t.vrf
        \treturn
        }
        \(extraActions)
        table route {
        \tkey {
        \t\th.ipv4.dstAddr lpm
        \t}
        \tactions {
        \t\t\(routeActions)
        \t}
        \tdefault_action NoAction args none
        \tsize 0x4
        }
        table acl {
        \tkey {
        \t\th.ipv4.diffserv wildcard
        \t\th.ipv4.protocol wildcard
        \t\th.ipv4.srcAddr wildcard
        \t}
        \tactions {
        \t\t\(aclAction)
        \t\tNoAction
        \t}
        \tdefault_action NoAction args none
        \tsize 0x40
        }
        table vrf_table {
        \tkey {
        \t\tm.in_port exact
        \t}
        \tactions {
        \t\tset_vrf
        \t\tNoAction
        \t}
        \tdefault_action NoAction args none
        \tsize 0x10
        }
        apply {
        \trx m.in_port
        \tmov m.out_port 0xF
        \tregadd hits_0 m.in_port 1
        \textract h.ethernet
        \textract h.ipv4
        \ttable vrf_table
        \tmov h.ipv4.identification m.vrf
        \ttable route
        \ttable acl
        \tmeter policer_0 m.in_port h.ipv4.totalLen 0x0 m.color
        \tjmpeq LABEL_DROP m.color 0x2
        \temit h.ethernet
        \temit h.ipv4
        \ttx m.out_port
        \tLABEL_DROP : drop
        }

        """
    }

    static let p4info = """
        pkg_info { arch: "psa" }
        tables {
          preamble { id: 33554433 name: "ingress.route" alias: "route" }
          match_fields { id: 1 name: "hdr.ipv4.dstAddr" bitwidth: 32 match_type: LPM }
          action_refs { id: 16777217 }
          action_refs { id: 16777218 }
          size: 4
        }
        tables {
          preamble { id: 33554434 name: "ingress.acl" alias: "acl" }
          match_fields { id: 1 name: "hdr.ipv4.diffserv" bitwidth: 8 match_type: RANGE }
          match_fields { id: 2 name: "hdr.ipv4.protocol" bitwidth: 8 match_type: OPTIONAL }
          match_fields { id: 3 name: "hdr.ipv4.srcAddr" bitwidth: 32 match_type: TERNARY }
          action_refs { id: 16777217 }
          action_refs { id: 16777218 }
          direct_resource_ids: 318767105
          size: 64
        }
        tables {
          preamble { id: 33554435 name: "ingress.vrf_table" alias: "vrf_table" }
          match_fields { id: 1 name: "meta.in_port" bitwidth: 9 match_type: EXACT }
          action_refs { id: 16777219 }
          action_refs { id: 16777218 }
          size: 16
        }
        actions {
          preamble { id: 16777217 name: "ingress.send" alias: "send" }
          params { id: 1 name: "port" bitwidth: 32 }
        }
        actions { preamble { id: 16777218 name: "NoAction" alias: "NoAction" } }
        actions {
          preamble { id: 16777219 name: "ingress.set_vrf" alias: "set_vrf" }
          params { id: 1 name: "vrf" bitwidth: 12 }
        }
        direct_counters {
          preamble { id: 318767105 name: "ingress.acl_counter" alias: "acl_counter" }
          spec { unit: PACKETS }
          direct_table_id: 33554434
        }
        meters {
          preamble { id: 335544321 name: "ingress.policer" alias: "policer" }
          spec { unit: BYTES }
          size: 4
        }
        registers {
          preamble { id: 369098753 name: "ingress.hits" alias: "hits" }
          type_spec { bitstring { bit { bitwidth: 32 } } }
          size: 8
        }
        """

    /// A service with one software target running the program (or `spec`).
    static func load(spec: String = SmallProgram.spec(), p4infoText: String = SmallProgram.p4info) throws
        -> (P4RuntimeService, SoftwareTargetDevice)
    {
        let device = try SoftwareTargetDevice()
        let service = P4RuntimeService(clock: ManualClock())
        try service.addDevice(id: 1, target: device)
        let info = try P4Info.decode(textFormat: p4infoText).p4info
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: info, p4DeviceConfig: Array(spec.utf8))))
        return (service, device)
    }

    /// Pushes the program again with RECONCILE_AND_COMMIT.
    static func reconcile(_ service: P4RuntimeService) throws {
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .reconcileAndCommit,
            config: ForwardingPipelineConfig(p4info: try P4Info.decode(textFormat: p4info).p4info,
                                             p4DeviceConfig: Array(spec().utf8))))
    }

    /// Configures cell `index` of meter `policer` with `config` (a MODIFY of its MeterEntry).
    static func police(_ service: P4RuntimeService, index: Int64, _ config: MeterConfig) throws {
        try service.write(WriteRequest(deviceId: 1, updates: [Update(type: .modify, entity: Entity(.meterEntry(
            MeterEntry(meterId: policer, index: .init(index), config: config))))]))
    }

    /// The meter cells the service returns for `query` (one cell, or every cell when it has no index).
    static func meterCells(_ service: P4RuntimeService, _ query: MeterEntry) throws -> [MeterEntry] {
        var cells: [MeterEntry] = []
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.meterEntry(query))])) {
            if case .meterEntry(let cell)? = $0.kind { cells.append(cell) }
            return true
        }
        return cells
    }

    /// Cell `index` of register `hits` as the service reads it (nil when the read returns no register cell).
    static func hitsCell(_ service: P4RuntimeService, index: Int64) throws -> P4Data? {
        var cells: [Entity] = []
        try service.read(ReadRequest(deviceId: 1, entities: [Entity(.registerEntry(RegisterEntry(registerId: hits,
                                                                                                  index: .init(index))))])) {
            cells.append($0)
            return true
        }
        guard case .registerEntry(let cell)? = cells.first?.kind else { return nil }
        return cell.data
    }
}
