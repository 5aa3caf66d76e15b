import P4Model

/// A small P4Info for friendly-form tests: an LPM table, a table with every other match kind, an action selector,
/// counters, meters and a register of struct type.
enum SampleP4Info {
    static let text = """
        pkg_info { arch: "pna" }
        tables {
          preamble { id: 33554433 name: "ingress.ipv4_lpm" alias: "ipv4_lpm" }
          match_fields { id: 1 name: "hdr.ipv4.dstAddr" bitwidth: 32 match_type: LPM }
          action_refs { id: 16777217 }
          action_refs { id: 16777218 }
          direct_resource_ids: 318767105
          size: 1024
          idle_timeout_behavior: NOTIFY_CONTROL
        }
        tables {
          preamble { id: 33554434 name: "ingress.acl" alias: "acl" }
          match_fields { id: 1 name: "hdr.ethernet.etherType" bitwidth: 16 match_type: TERNARY }
          match_fields { id: 2 name: "meta.l4_port" bitwidth: 16 match_type: RANGE }
          match_fields { id: 3 name: "hdr.ipv6.srcAddr" bitwidth: 128 match_type: OPTIONAL }
          match_fields { id: 4 name: "hdr.ethernet.dstAddr" bitwidth: 48 match_type: EXACT }
          match_fields { id: 5 name: "hdr.ipv4.srcAddr" bitwidth: 32 match_type: TERNARY }
          action_refs { id: 16777218 }
          size: 128
        }
        tables {
          preamble { id: 33554435 name: "ingress.ecmp" alias: "ecmp" }
          match_fields { id: 1 name: "meta.flow" bitwidth: 8 match_type: EXACT }
          action_refs { id: 16777217 }
          implementation_id: 285212673
          size: 64
        }
        actions {
          preamble { id: 16777217 name: "ingress.set_nhop" alias: "set_nhop" }
          params { id: 1 name: "port" bitwidth: 32 }
          params { id: 2 name: "dmac" bitwidth: 48 }
        }
        actions { preamble { id: 16777218 name: "ingress.drop" alias: "drop" } }
        action_profiles {
          preamble { id: 285212673 name: "ingress.selector" alias: "selector" }
          table_ids: 33554435
          with_selector: true
          size: 128
          max_group_size: 8
        }
        counters {
          preamble { id: 302000001 name: "ingress.pkts" alias: "pkts" }
          spec { unit: BOTH }
          size: 64
        }
        direct_counters {
          preamble { id: 318767105 name: "ingress.lpm_hits" alias: "lpm_hits" }
          spec { unit: PACKETS }
          direct_table_id: 33554433
        }
        meters {
          preamble { id: 335544321 name: "ingress.rate" alias: "rate" }
          spec { unit: BYTES }
          size: 16
        }
        registers {
          preamble { id: 369098753 name: "ingress.flows" alias: "flows" }
          type_spec { struct { name: "flow_t" } }
          size: 8
        }
        type_info {
          structs {
            key: "flow_t"
            value {
              members { name: "seen" type_spec { bool {} } }
              members { name: "bytes" type_spec { bitstring { bit { bitwidth: 64 } } } }
              members { name: "peer" type_spec { bitstring { bit { bitwidth: 32 } } } }
            }
          }
        }
        """

    static func index() throws -> P4InfoIndex { try P4InfoIndex(textFormat: text) }
}
