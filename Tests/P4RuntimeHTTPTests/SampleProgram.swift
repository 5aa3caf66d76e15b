import Foundation

/// A small P4Info (v1model-style LPM route table, a ternary ACL with a direct counter, an indexed counter) written to
/// a temporary file, so the end-to-end tests need nothing outside the repository.
enum SampleProgram {
    static let p4infoText = """
        pkg_info { arch: "v1model" }
        tables {
          preamble { id: 33554433 name: "ingress.ipv4_lpm" alias: "ipv4_lpm" }
          match_fields { id: 1 name: "hdr.ipv4.dstAddr" bitwidth: 32 match_type: LPM }
          action_refs { id: 16777217 }
          action_refs { id: 16777218 }
          size: 1024
        }
        tables {
          preamble { id: 33554434 name: "ingress.acl" alias: "acl" }
          match_fields { id: 1 name: "hdr.ipv4.srcAddr" bitwidth: 32 match_type: TERNARY }
          match_fields { id: 2 name: "hdr.tcp.dstPort" bitwidth: 16 match_type: RANGE }
          action_refs { id: 16777218 }
          action_refs { id: 16777219 annotations: "@defaultonly" scope: DEFAULT_ONLY }
          direct_resource_ids: 318767105
          size: 16
        }
        actions { preamble { id: 16777217 name: "ingress.set_nhop" alias: "set_nhop" }
          params { id: 1 name: "dmac" bitwidth: 48 } params { id: 2 name: "port" bitwidth: 9 } }
        actions { preamble { id: 16777218 name: "ingress.drop" alias: "drop" } }
        actions { preamble { id: 16777219 name: "NoAction" alias: "NoAction" } }
        counters { preamble { id: 302055425 name: "ingress.port_packets" alias: "port_packets" }
          spec { unit: BOTH } size: 8 }
        direct_counters { preamble { id: 318767105 name: "ingress.acl_counter" alias: "acl_counter" }
          spec { unit: PACKETS } direct_table_id: 33554434 }
        """

    /// Writes the P4Info to a fresh temporary file and returns its path.
    static func writeP4Info() throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("p4rtd-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).p4info.txt")
        try p4infoText.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// An INSERT of 10.0.0.0/8 → set_nhop(00:11:22:33:44:55, 1) as canonical P4Runtime JSON.
    static let insertRoute = """
        {"deviceId":"1","updates":[{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,\
        "match":[{"fieldId":1,"lpm":{"value":"CgAAAA==","prefixLen":8}}],"action":{"action":{"actionId":16777217,\
        "params":[{"paramId":1,"value":"ABEiM0RV"},{"paramId":2,"value":"AQ=="}]}}}}}]}
        """
}
