// ct: connection tracking with an add-on-miss learner (PNA). Hand-lowered to ct.spec in p4c-dpdk style; see
// README.md for the expire-time profiles and what the counters mean.
#include <core.p4>
#include <dpdk/pna.p4>
#include "../include/headers.p4"

// Expire-time profile ids: the learner's timeout list in ct.spec is 60 8000 10 30 120 (padded to 8 with 60).
const ExpireTimeProfileId_t TCP_SYN_SENT    = (ExpireTimeProfileId_t)0;   //   60 s
const ExpireTimeProfileId_t TCP_ESTABLISHED = (ExpireTimeProfileId_t)1;   // 8000 s
const ExpireTimeProfileId_t TCP_CLOSING     = (ExpireTimeProfileId_t)2;   //   10 s
const ExpireTimeProfileId_t UDP_UNREPLIED   = (ExpireTimeProfileId_t)3;   //   30 s
const ExpireTimeProfileId_t UDP_ASSURED     = (ExpireTimeProfileId_t)4;   //  120 s

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    tcp_t      tcp;
    udp_t      udp;
}

struct main_metadata_t {
    bit<16> zone;
    bit<32> addr_lo;        // the canonical key: (zone, lower address, higher address, protocol, ports)
    bit<32> addr_hi;
    bit<16> port_lo;
    bit<16> port_hi;
    bit<16> l4_src_port;
    bit<16> l4_dst_port;
    bit<1>  orig_is_lo;     // the packet's source is the "lo" side of the key
    bit<1>  is_tcp_syn;
}

parser MainParserImpl(packet_in pkt, out headers_t hdr, inout main_metadata_t meta,
                      in pna_main_parser_input_metadata_t istd) {
    state start {
        pkt.extract(hdr.ethernet);
        transition select(hdr.ethernet.ether_type) { ETHERTYPE_IPV4: parse_ipv4; default: accept; }
    }
    state parse_ipv4 {
        pkt.extract(hdr.ipv4);
        transition select(hdr.ipv4.protocol) { IP_PROTO_TCP: parse_tcp; IP_PROTO_UDP: parse_udp; default: accept; }
    }
    state parse_tcp { pkt.extract(hdr.tcp); transition accept; }
    state parse_udp { pkt.extract(hdr.udp); transition accept; }
}

control PreControlImpl(in headers_t hdr, inout main_metadata_t meta, in pna_pre_input_metadata_t istd,
                       inout pna_pre_output_metadata_t ostd) {
    apply { }
}

control MainControlImpl(inout headers_t hdr, inout main_metadata_t meta, in pna_main_input_metadata_t istd,
                        inout pna_main_output_metadata_t ostd) {
    ExpireTimeProfileId_t timeout_id;
    // [0] flows learned, [1] invalid packets dropped (TCP non-SYN without a flow), [2] reply-direction packets.
    Counter<bit<32>, bit<2>>(4, PNA_CounterType_t.PACKETS) ct_events;
    DirectCounter<bit<32>>(PNA_CounterType_t.PACKETS_AND_BYTES) flow_stats;

    action set_zone(bit<16> zone) { meta.zone = zone; }

    table zones {
        key = { istd.input_port : exact; }
        actions = { set_zone; }
        default_action = set_zone(0);
        size = 256;
    }

    action ct_flow_hit(bit<1> orig_is_lo) {
        flow_stats.count((bit<32>)hdr.ipv4.total_len);
        if (meta.orig_is_lo != orig_is_lo) {
            ct_events.count(2);
            if (hdr.udp.isValid()) {
                set_entry_expire_time(UDP_ASSURED);   // a reply was seen
            } else {
                set_entry_expire_time(timeout_id);
            }
        } else if (hdr.udp.isValid()) {
            restart_expire_timer();                   // keeps "assured" once assured
        } else {
            set_entry_expire_time(timeout_id);
        }
    }

    action ct_flow_miss() {
        flow_stats.count((bit<32>)hdr.ipv4.total_len);   // entry index 0: the default entry
        if (hdr.tcp.isValid() && meta.is_tcp_syn == 0) {
            ct_events.count(1);
            drop_packet();                            // only a SYN opens a TCP flow
        } else {
            add_entry(action_name = "ct_flow_hit", action_params = { meta.orig_is_lo },
                      expire_time_profile_id = timeout_id);
            ct_events.count(0);
        }
    }

    table conntrack {
        key = {
            meta.zone         : exact;
            meta.addr_lo      : exact;
            meta.addr_hi      : exact;
            hdr.ipv4.protocol : exact;
            meta.port_lo      : exact;
            meta.port_hi      : exact;
        }
        actions = { @tableonly ct_flow_hit; @defaultonly ct_flow_miss; }
        const default_action = ct_flow_miss;
        add_on_miss = true;
        pna_direct_counter = flow_stats;
        idle_timeout_with_auto_delete = true;
        size = 1048576;
    }

    apply {
        send_to_port((PortId_t)((bit<32>)istd.input_port ^ 1));   // bump in the wire: port 0 <-> port 1
        zones.apply();
        meta.is_tcp_syn = 0;
        if (hdr.tcp.isValid()) {
            meta.l4_src_port = hdr.tcp.src_port;
            meta.l4_dst_port = hdr.tcp.dst_port;
            if ((hdr.tcp.flags & (TCP_FIN | TCP_RST)) != 0) {
                timeout_id = TCP_CLOSING;
            } else if ((hdr.tcp.flags & TCP_SYN) != 0) {
                timeout_id = TCP_SYN_SENT;
                meta.is_tcp_syn = 1;
            } else {
                timeout_id = TCP_ESTABLISHED;
            }
        } else if (hdr.udp.isValid()) {
            meta.l4_src_port = hdr.udp.src_port;
            meta.l4_dst_port = hdr.udp.dst_port;
            timeout_id = UDP_UNREPLIED;
        } else {
            return;
        }
        // Both directions share one key: order the endpoints.
        if (hdr.ipv4.src_addr < hdr.ipv4.dst_addr ||
            (hdr.ipv4.src_addr == hdr.ipv4.dst_addr && meta.l4_src_port <= meta.l4_dst_port)) {
            meta.addr_lo = hdr.ipv4.src_addr; meta.addr_hi = hdr.ipv4.dst_addr;
            meta.port_lo = meta.l4_src_port;  meta.port_hi = meta.l4_dst_port;
            meta.orig_is_lo = 1;
        } else {
            meta.addr_lo = hdr.ipv4.dst_addr; meta.addr_hi = hdr.ipv4.src_addr;
            meta.port_lo = meta.l4_dst_port;  meta.port_hi = meta.l4_src_port;
            meta.orig_is_lo = 0;
        }
        conntrack.apply();
    }
}

control MainDeparserImpl(packet_out pkt, in headers_t hdr, in main_metadata_t meta,
                         in pna_main_output_metadata_t ostd) {
    apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.ipv4); pkt.emit(hdr.tcp); pkt.emit(hdr.udp); }
}

PNA_NIC(MainParserImpl(), PreControlImpl(), MainControlImpl(), MainDeparserImpl()) main;
