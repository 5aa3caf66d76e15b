"""What each program exposes to the control plane: the P4 source's tables, actions, profiles and externs, with
the spec object each binds to. p4info_gen.py turns this into P4Info (text + JSON) and context.json; the Swift
ProgramsTests check the result against the hand-written .spec files."""

LB = {
    "name": "lb", "control": "MainControlImpl",
    "actions": [
        {"name": "NoAction", "params": []},
        {"name": "set_backend", "params": [("backend_addr", 32), ("backend_port", 16), ("backend_mac", 48),
                                            ("service_id", 14)]},
    ],
    "tables": [
        {"name": "services", "size": 16384, "default": "NoAction", "const_default": True,
         "key": [("hdr.ipv4.dst_addr", 32, "exact", "m.MainControlImpl_services_ipv4_dst_addr"),
                 ("hdr.ipv4.protocol", 8, "exact", "m.MainControlImpl_services_ipv4_protocol"),
                 ("meta.l4_dst_port", 16, "exact", "m.MainControlImpl_services_local_metadata_l4_dst_port")],
         "actions": [("set_backend", "any"), ("NoAction", "any")],
         "selector": {"profile": "backends", "size": 16384, "members": 1024,
                      "actions": [("set_backend", "any"), ("NoAction", "any")]}},
    ],
    "counters": [{"name": "service_stats", "unit": "BOTH", "size": 16384}],
}

CT = {
    "name": "ct", "control": "MainControlImpl", "port_type": True,
    "actions": [
        {"name": "NoAction", "params": []},
        {"name": "set_zone", "params": [("zone", 16)]},
        {"name": "ct_flow_hit", "params": [("orig_is_lo", 1)]},
        {"name": "ct_flow_miss", "params": []},
    ],
    "tables": [
        {"name": "zones", "size": 256, "default": "set_zone",
         "key": [("istd.input_port", 32, "exact", "m.pna_main_input_metadata_input_port", "PortId_t")],
         "actions": [("set_zone", "any")]},
        {"name": "conntrack", "size": 1048576, "default": "ct_flow_miss", "const_default": True, "add_on_miss": True,
         "key": [("meta.zone", 16, "exact", "m.MainControlImpl_conntrack_local_metadata_zone"),
                 ("meta.addr_lo", 32, "exact", "m.MainControlImpl_conntrack_local_metadata_addr_lo"),
                 ("meta.addr_hi", 32, "exact", "m.MainControlImpl_conntrack_local_metadata_addr_hi"),
                 ("hdr.ipv4.protocol", 8, "exact", "m.MainControlImpl_conntrack_ipv4_protocol"),
                 ("meta.port_lo", 16, "exact", "m.MainControlImpl_conntrack_local_metadata_port_lo"),
                 ("meta.port_hi", 16, "exact", "m.MainControlImpl_conntrack_local_metadata_port_hi")],
         "actions": [("ct_flow_hit", "tableonly"), ("ct_flow_miss", "defaultonly")]},
    ],
    "direct_counters": [{"name": "flow_stats", "unit": "BOTH", "table": "conntrack"}],
    "counters": [{"name": "ct_events", "unit": "PACKETS", "size": 4}],
}

PORT = ("port", 32, "PortId_t")
CLASSIFIER_ACTIONS = [("to_port", "any"), ("mark_to_port", "any"), ("drop_packet", "any")]

CLASSIFIER = {
    "name": "classifier", "control": "MainControlImpl", "port_type": True,
    "actions": [
        {"name": "NoAction", "params": []},
        {"name": "to_port", "params": [PORT]},
        {"name": "mark_to_port", "params": [PORT, ("mark", 32)]},
        {"name": "drop_packet", "params": []},
        {"name": "quic_vip", "params": [("short_cid_len", 5)]},
    ],
    "tables": [
        {"name": "quic_vips", "size": 256, "default": "NoAction", "const_default": True,
         "key": [("hdr.ipv4.dst_addr", 32, "exact", ""), ("hdr.udp.dst_port", 16, "exact", "")],
         "actions": [("quic_vip", "any"), ("NoAction", "any")]},
        {"name": "quic_cids", "size": 4096, "default": "NoAction", "const_default": True,
         "key": [("hdr.ipv4.dst_addr", 32, "exact", ""), ("hdr.udp.dst_port", 16, "exact", ""),
                 ("meta.cid_len", 8, "exact", ""), ("hdr.quic_dcid.dcid", 160, "ternary", "")],
         "actions": CLASSIFIER_ACTIONS + [("NoAction", "any")]},
        {"name": "flows_exact", "size": 1024, "default": "NoAction", "const_default": True,
         "key": [("meta.src_addr", 32, "exact", ""), ("meta.dst_addr", 32, "exact", ""),
                 ("meta.protocol", 8, "exact", ""), ("meta.l4_src_port", 16, "exact", ""),
                 ("meta.l4_dst_port", 16, "exact", "")],
         "actions": CLASSIFIER_ACTIONS + [("NoAction", "any")],
         "spec_actions": {"to_port": "to_port_1", "mark_to_port": "mark_to_port_1", "drop_packet": "drop_packet_1",
                          "NoAction": "NoAction_1"}},
        {"name": "flows_ternary", "size": 1024, "default": "to_port",
         "key": [("meta.src_addr", 32, "ternary", ""), ("meta.dst_addr", 32, "ternary", ""),
                 ("meta.protocol", 8, "ternary", ""), ("meta.l4_src_port", 16, "ternary", ""),
                 ("meta.l4_dst_port", 16, "ternary", "")],
         "actions": CLASSIFIER_ACTIONS,
         "spec_actions": {"to_port": "to_port_2", "mark_to_port": "mark_to_port_2", "drop_packet": "drop_packet_2"}},
    ],
    "direct_counters": [{"name": "exact_hits", "unit": "BOTH", "table": "flows_exact"}],
    "counters": [{"name": "rule_hits", "unit": "PACKETS", "size": 4}],
}

FIVE_TUPLE = [("hdr.ipv4.src_addr", 32), ("hdr.ipv4.dst_addr", 32), ("hdr.ipv4.protocol", 8),
              ("meta.l4_src_port", 16), ("meta.l4_dst_port", 16)]
REVERSE_TUPLE = [("meta.rev_src_addr", 32), ("meta.rev_dst_addr", 32), ("hdr.ipv4.protocol", 8),
                 ("meta.rev_src_port", 16), ("meta.rev_dst_port", 16)]

NODE = {
    "name": "node", "control": "MainControlImpl", "port_type": True,
    "actions": [
        {"name": "NoAction", "params": []},
        {"name": "drop_packet", "params": []},
        {"name": "to_port", "params": [PORT]},
        {"name": "set_service", "params": [("service_id", 16)]},
        {"name": "dnat", "params": [("backend_addr", 32), ("backend_port", 16), ("backend_mac", 48)]},
        {"name": "ct_forward_hit", "params": [("backend_addr", 32), ("backend_port", 16), ("backend_mac", 48)]},
        {"name": "ct_forward_miss", "params": []},
        {"name": "ct_reverse_hit", "params": [("vip_addr", 32), ("vip_port", 16)]},
        {"name": "ct_reverse_miss", "params": []},
        {"name": "set_out_port", "params": [PORT]},
    ],
    "tables": [
        {"name": "classify", "size": 1024, "default": "NoAction",
         "key": [(n, w, "ternary", "") for n, w in FIVE_TUPLE],
         "actions": [("to_port", "any"), ("drop_packet", "any"), ("NoAction", "any")]},
        {"name": "services", "size": 16384, "default": "NoAction", "const_default": True,
         "key": [("hdr.ipv4.dst_addr", 32, "exact", ""), ("hdr.ipv4.protocol", 8, "exact", ""),
                 ("meta.l4_dst_port", 16, "exact", "")],
         "actions": [("set_service", "any"), ("NoAction", "any")]},
        {"name": "backends", "size": 1048576, "default": "NoAction", "const_default": True,
         "key": [("meta.service_id", 16, "exact", ""), ("meta.bucket", 8, "exact", "")],
         "actions": [("dnat", "any"), ("NoAction", "any")]},
        {"name": "ct_forward", "size": 1048576, "default": "ct_forward_miss", "const_default": True, "add_on_miss": True,
         "key": [(n, w, "exact", "") for n, w in FIVE_TUPLE],
         "actions": [("ct_forward_hit", "tableonly"), ("ct_forward_miss", "defaultonly")]},
        {"name": "ct_reverse", "size": 1048576, "default": "ct_reverse_miss", "const_default": True, "add_on_miss": True,
         "key": [(n, w, "exact", "") for n, w in REVERSE_TUPLE],
         "actions": [("ct_reverse_hit", "tableonly"), ("ct_reverse_miss", "defaultonly")]},
        {"name": "forward", "size": 16384, "default": "set_out_port",
         "key": [("hdr.ipv4.dst_addr", 32, "exact", "")],
         "actions": [("set_out_port", "any")]},
    ],
    "direct_counters": [{"name": "service_stats", "unit": "BOTH", "table": "services"}],
}

PROGRAMS = [LB, CT, CLASSIFIER, NODE]
