// classifier: steering by QUIC connection id, exact and ternary 5-tuple rules (PNA). Hand-lowered to
// classifier.spec in p4c-dpdk style; see README.md for the flow-mark shim and the QUIC rules.
#include <core.p4>
#include <dpdk/pna.p4>
#include "../include/headers.p4"

header quic_hdr_t  { bit<8> flags; }                      // first byte: 1 = long header (0x80), fixed bit 0x40
header quic_long_t { bit<32> version; bit<8> dcid_len; }  // long header only
header quic_dcid_t { bit<160> dcid; }                     // a 20-byte window starting at the DCID
header flow_mark_t { bit<32> mark; bit<16> ether_type; }  // shim inserted after the MAC addresses

struct headers_t {
    ethernet_t  ethernet;
    flow_mark_t flow_mark;
    ipv4_t      ipv4;
    tcp_t       tcp;
    udp_t       udp;
    quic_hdr_t  quic_hdr;
    quic_long_t quic_long;
    quic_dcid_t quic_dcid;
}

struct main_metadata_t {
    bit<32> src_addr;
    bit<32> dst_addr;
    bit<8>  protocol;
    bit<16> l4_src_port;
    bit<16> l4_dst_port;
    bit<8>  cid_len;
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
    state parse_udp {
        pkt.extract(hdr.udp);
        // The CID window needs 1 + 20 payload bytes (short header); shorter datagrams are not CID-classified.
        transition select(hdr.udp.length) { 0 .. 28: accept; default: parse_quic; }
    }
    state parse_quic {
        pkt.extract(hdr.quic_hdr);
        transition select(hdr.quic_hdr.flags[7:7], hdr.quic_hdr.flags[6:6]) {
            (1, _): parse_quic_long;
            (0, 1): parse_quic_dcid;
            default: accept;                          // fixed bit clear: not QUIC
        }
    }
    state parse_quic_long {
        transition select(hdr.udp.length) { 0 .. 33: accept; default: parse_quic_long_fields; }
    }
    state parse_quic_long_fields { pkt.extract(hdr.quic_long); transition parse_quic_dcid; }
    state parse_quic_dcid { pkt.extract(hdr.quic_dcid); transition accept; }
}

control PreControlImpl(in headers_t hdr, inout main_metadata_t meta, in pna_pre_input_metadata_t istd,
                       inout pna_pre_output_metadata_t ostd) {
    apply { }
}

control MainControlImpl(inout headers_t hdr, inout main_metadata_t meta, in pna_main_input_metadata_t istd,
                        inout pna_main_output_metadata_t ostd) {
    // [0] QUIC CID rule, [1] exact rule, [2] ternary rule, [3] default rule (drops are not counted: drop ends
    // the packet inside the action).
    Counter<bit<32>, bit<2>>(4, PNA_CounterType_t.PACKETS) rule_hits;
    DirectCounter<bit<32>>(PNA_CounterType_t.PACKETS_AND_BYTES) exact_hits;

    action to_port(PortId_t port) { send_to_port(port); }
    action mark_to_port(PortId_t port, bit<32> mark) {
        hdr.flow_mark.setValid();
        hdr.flow_mark.mark = mark;
        hdr.flow_mark.ether_type = hdr.ethernet.ether_type;
        hdr.ethernet.ether_type = ETHERTYPE_FLOW_MARK;
        send_to_port(port);
    }
    action drop_packet() { drop_packet(); }
    action quic_vip(bit<5> short_cid_len) { meta.cid_len = (bit<8>)short_cid_len; }

    table quic_vips {
        key = { hdr.ipv4.dst_addr : exact; hdr.udp.dst_port : exact; }
        actions = { quic_vip; NoAction; }
        const default_action = NoAction;
        size = 256;
    }

    table quic_cids {
        key = {
            hdr.ipv4.dst_addr  : exact;
            hdr.udp.dst_port   : exact;
            meta.cid_len       : exact;
            hdr.quic_dcid.dcid : ternary;   // mask = the first cid_len bytes
        }
        actions = { to_port; mark_to_port; drop_packet; NoAction; }
        const default_action = NoAction;
        size = 4096;
    }

    table flows_exact {
        key = {
            meta.src_addr : exact; meta.dst_addr : exact; meta.protocol : exact;
            meta.l4_src_port : exact; meta.l4_dst_port : exact;
        }
        actions = { to_port; mark_to_port; drop_packet; NoAction; }
        const default_action = NoAction;
        pna_direct_counter = exact_hits;   // p4c copies the actions as *_1 with the count added
        size = 1024;
    }

    table flows_ternary {
        key = {
            meta.src_addr : ternary; meta.dst_addr : ternary; meta.protocol : ternary;
            meta.l4_src_port : ternary; meta.l4_dst_port : ternary;
        }
        actions = { to_port; mark_to_port; drop_packet; }
        default_action = to_port((PortId_t)0);   // the default rule
        size = 1024;
    }

    apply {
        send_to_port((PortId_t)0);
        meta.cid_len = 0;
        meta.src_addr = 0; meta.dst_addr = 0; meta.protocol = 0; meta.l4_src_port = 0; meta.l4_dst_port = 0;
        if (hdr.ipv4.isValid()) {
            meta.src_addr = hdr.ipv4.src_addr;
            meta.dst_addr = hdr.ipv4.dst_addr;
            meta.protocol = hdr.ipv4.protocol;
            if (hdr.tcp.isValid()) {
                meta.l4_src_port = hdr.tcp.src_port;
                meta.l4_dst_port = hdr.tcp.dst_port;
            } else if (hdr.udp.isValid()) {
                meta.l4_src_port = hdr.udp.src_port;
                meta.l4_dst_port = hdr.udp.dst_port;
                if (hdr.quic_dcid.isValid() && quic_vips.apply().hit) {
                    if (hdr.quic_long.isValid()) { meta.cid_len = hdr.quic_long.dcid_len; }
                    if (meta.cid_len != 0 && quic_cids.apply().hit) {
                        rule_hits.count(0);
                        return;
                    }
                }
            }
            if (flows_exact.apply().hit) {
                rule_hits.count(1);
                return;
            }
        }
        if (flows_ternary.apply().hit) {
            rule_hits.count(2);
        } else {
            rule_hits.count(3);
        }
    }
}

control MainDeparserImpl(packet_out pkt, in headers_t hdr, in main_metadata_t meta,
                         in pna_main_output_metadata_t ostd) {
    apply {
        pkt.emit(hdr.ethernet); pkt.emit(hdr.flow_mark); pkt.emit(hdr.ipv4); pkt.emit(hdr.tcp); pkt.emit(hdr.udp);
        pkt.emit(hdr.quic_hdr); pkt.emit(hdr.quic_long); pkt.emit(hdr.quic_dcid);
    }
}

PNA_NIC(MainParserImpl(), PreControlImpl(), MainControlImpl(), MainDeparserImpl()) main;
