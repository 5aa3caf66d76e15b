// lb: kube-proxy-style service load balancer (PNA). Hand-lowered to lb.spec in p4c-dpdk style; see README.md.
#include <core.p4>
#include <dpdk/pna.p4>
#include "../include/headers.p4"

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    tcp_t      tcp;
    udp_t      udp;
}

struct main_metadata_t {
    bit<16> l4_src_port;
    bit<16> l4_dst_port;
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
    // Per-service packets and bytes (IPv4 total length), indexed by the backend member's service_id.
    Counter<bit<32>, bit<14>>(16384, PNA_CounterType_t.PACKETS_AND_BYTES) service_stats;
    // 16384 groups (one per service: 10,000 services fit), 2^10 member slots per group (p4c-dpdk: size ->
    // n_groups_max, 2^outputWidth -> n_members_per_group_max).
    ActionSelector(PNA_HashAlgorithm_t.CRC32, 16384, 10) backends;
    // Two checksum states (cksum_state.state_0 and state_1 in the spec): IPv4 header and L4 pseudo-header.
    InternetChecksum() ip_ck;
    InternetChecksum() l4_ck;

    action set_backend(bit<32> backend_addr, bit<16> backend_port, bit<48> backend_mac, bit<14> service_id) {
        service_stats.count(service_id, (bit<32>)hdr.ipv4.total_len);
        hdr.ethernet.dst_addr = backend_mac;
        ip_ck.clear();
        l4_ck.clear();
        ip_ck.subtract(hdr.ipv4.header_checksum);
        ip_ck.subtract(hdr.ipv4.dst_addr);
        if (hdr.tcp.isValid()) {
            l4_ck.subtract(hdr.tcp.checksum);
            l4_ck.subtract(hdr.ipv4.dst_addr);
            l4_ck.subtract(hdr.tcp.dst_port);
            hdr.tcp.dst_port = backend_port;
        } else if (hdr.udp.isValid()) {
            l4_ck.subtract(hdr.udp.checksum);
            l4_ck.subtract(hdr.ipv4.dst_addr);
            l4_ck.subtract(hdr.udp.dst_port);
            hdr.udp.dst_port = backend_port;
        }
        hdr.ipv4.dst_addr = backend_addr;
        ip_ck.add(hdr.ipv4.dst_addr);
        hdr.ipv4.header_checksum = ip_ck.get();
        if (hdr.tcp.isValid()) {
            l4_ck.add(hdr.ipv4.dst_addr);
            l4_ck.add(hdr.tcp.dst_port);
            hdr.tcp.checksum = l4_ck.get();
        } else if (hdr.udp.isValid() && hdr.udp.checksum != 0) {   // 0 means "no UDP checksum": keep it 0
            l4_ck.add(hdr.ipv4.dst_addr);
            l4_ck.add(hdr.udp.dst_port);
            hdr.udp.checksum = l4_ck.get();
        }
    }

    table services {
        key = {
            hdr.ipv4.dst_addr : exact;
            hdr.ipv4.protocol : exact;
            meta.l4_dst_port  : exact;
            hdr.ipv4.src_addr : selector;
            meta.l4_src_port  : selector;
        }
        actions = { set_backend; NoAction; }
        const default_action = NoAction;
        pna_implementation = backends;
        size = 16384;
    }

    apply {
        // lb alone is a bump in the wire: port 0 <-> port 1.
        send_to_port((PortId_t)((bit<32>)istd.input_port ^ 1));
        if (hdr.tcp.isValid()) {
            meta.l4_src_port = hdr.tcp.src_port;
            meta.l4_dst_port = hdr.tcp.dst_port;
        } else if (hdr.udp.isValid()) {
            meta.l4_src_port = hdr.udp.src_port;
            meta.l4_dst_port = hdr.udp.dst_port;
        } else {
            return;
        }
        services.apply();
    }
}

control MainDeparserImpl(packet_out pkt, in headers_t hdr, in main_metadata_t meta,
                         in pna_main_output_metadata_t ostd) {
    apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.ipv4); pkt.emit(hdr.tcp); pkt.emit(hdr.udp); }
}

PNA_NIC(MainParserImpl(), PreControlImpl(), MainControlImpl(), MainDeparserImpl()) main;
