import P4Model

/// A small, valid P4Info touching every object kind, for decoding, validation and lookup tests.
enum SampleP4Info {
    static let text = """
        pkg_info {
          name: "sample"
          version: "1.0"
          doc { brief: "A sample" description: "Every kind of object" }
          annotations: "@pkg"
          arch: "pna"
          organization: "p4rtd"
          contact: "nobody@example.com"
          url: "https://example.com"
          platform_properties { multicast_group_table_size: 16 }
        }
        tables {
          preamble { id: 0x02000001 name: "ingress.ipv4_lpm" alias: "ipv4_lpm" }
          match_fields { id: 1 name: "hdr.ipv4.dst_addr" bitwidth: 32 match_type: LPM }
          action_refs { id: 0x01000001 }
          action_refs { id: 0x01000002 scope: DEFAULT_ONLY annotations: "@defaultonly" }
          initial_default_action { action_id: 0x01000002 }
          direct_resource_ids: 0x13000001
          direct_resource_ids: 0x15000001
          size: 1024
          idle_timeout_behavior: NOTIFY_CONTROL
        }
        tables {
          preamble { id: 0x02000002 name: "ingress.acl" alias: "acl" }
          match_fields { id: 1 name: "port" bitwidth: 32 match_type: OPTIONAL type_name { name: "PortId_t" } }
          match_fields { id: 2 name: "proto" bitwidth: 8 match_type: TERNARY }
          match_fields { id: 3 name: "dport" bitwidth: 16 match_type: RANGE }
          action_refs { id: 0x01000001 scope: TABLE_ONLY }
          action_refs { id: 0x01000002 }
          const_default_action_id: 0x01000002
          size: 64
        }
        tables {
          preamble { id: 0x02000003 name: "egress.lb" alias: "lb" }
          match_fields { id: 1 name: "flow" bitwidth: 16 match_type: EXACT }
          match_fields { id: 2 name: "hash" bitwidth: 16 other_match_type: "selector" }
          action_refs { id: 0x01000001 }
          implementation_id: 0x11000001
          size: 128
        }
        actions {
          preamble { id: 0x01000001 name: "ingress.forward" alias: "forward" }
          params { id: 1 name: "port" bitwidth: 32 type_name { name: "PortId_t" } }
          params { id: 2 name: "mac" bitwidth: 48 }
        }
        actions { preamble { id: 0x01000002 name: "NoAction" alias: "NoAction" } }
        action_profiles {
          preamble { id: 0x11000001 name: "egress.selector" alias: "selector" }
          table_ids: 0x02000003
          with_selector: true
          size: 256
          max_group_size: 16
          sum_of_members { max_member_weight: 4 }
        }
        counters {
          preamble { id: 0x12000001 name: "ingress.port_counter" alias: "port_counter" }
          spec { unit: BOTH }
          size: 512
        }
        direct_counters {
          preamble { id: 0x13000001 name: "ingress.lpm_counter" alias: "lpm_counter" }
          spec { unit: PACKETS }
          direct_table_id: 0x02000001
        }
        meters {
          preamble { id: 0x14000001 name: "ingress.port_meter" alias: "port_meter" }
          spec { unit: BYTES type: SINGLE_RATE_THREE_COLOR }
          size: 512
        }
        direct_meters {
          preamble { id: 0x15000001 name: "ingress.lpm_meter" alias: "lpm_meter" }
          spec { unit: PACKETS }
          direct_table_id: 0x02000001
        }
        controller_packet_metadata {
          preamble { id: 0x04000001 name: "packet_in" alias: "packet_in" annotations: "@controller_header(\\"packet_in\\")" }
          metadata { id: 1 name: "ingress_port" bitwidth: 32 type_name { name: "PortId_t" } }
          metadata { id: 2 name: "reason" bitwidth: 8 }
        }
        controller_packet_metadata {
          preamble { id: 0x04000002 name: "packet_out" alias: "packet_out" }
          metadata { id: 1 name: "egress_port" bitwidth: 32 }
        }
        value_sets {
          preamble { id: 0x03000001 name: "parser.tpids" alias: "tpids" }
          match { id: 1 bitwidth: 16 match_type: EXACT }
          size: 4
        }
        registers {
          preamble { id: 0x16000001 name: "ingress.flows" alias: "flows" }
          type_spec { struct { name: "flow_t" } }
          size: 1024
        }
        digests {
          preamble { id: 0x17000001 name: "ingress.learn" alias: "learn" }
          type_spec { tuple { members { bitstring { bit { bitwidth: 48 } } } members { bool {} } } }
        }
        externs {
          extern_type_id: 0x81
          extern_type_name: "Hash"
          instances {
            preamble { id: 0x81000001 name: "ingress.hash" alias: "hash" }
            info { [type.googleapis.com/p4.config.v1.PkgInfo] { name: "opaque" } }
          }
        }
        type_info {
          structs {
            key: "flow_t"
            value {
              members { name: "packets" type_spec { bitstring { bit { bitwidth: 32 } } } }
              members { name: "color" type_spec { serializable_enum { name: "Color" } } }
              members { name: "kind" type_spec { enum { name: "Kind" } } }
            }
          }
          headers {
            key: "eth_t"
            value { members { name: "dst" type_spec { bit { bitwidth: 48 } } } }
          }
          header_unions {
            key: "u_t"
            value { members { name: "eth" header { name: "eth_t" } } }
          }
          enums { key: "Kind" value { members { name: "A" } members { name: "B" } } }
          serializable_enums {
            key: "Color"
            value { underlying_type { bitwidth: 2 } members { name: "GREEN" value: "\\000" } members { name: "RED" value: "\\002" } }
          }
          error { members: "NoError" members: "PacketTooShort" }
          new_types {
            key: "PortId_t"
            value { translated_type { uri: "p4.org/pna/v1/PortId_t" sdn_bitwidth: 32 } }
          }
          new_types {
            key: "Name_t"
            value { translated_type { uri: "example/name" sdn_string {} } }
          }
        }
        """

    /// The sample decoded (it is valid, so this cannot fail in a passing test run).
    static func p4info() throws -> P4Info { try P4Info(textFormat: text) }
}
