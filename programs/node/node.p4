// node: the kube-proxy-replacement datapath (PNA): classify, load-balance new flows, pin them in two
// add-on-miss tables (forward and reverse), DNAT/SNAT, forward to the container port. Hand-lowered to
// node.spec in p4c-dpdk style; see README.md.
#include <core.p4>
#include <dpdk/pna.p4>
#include "../include/headers.p4"

const ExpireTimeProfileId_t PIN_UDP = (ExpireTimeProfileId_t)0;   //  120 s
const ExpireTimeProfileId_t PIN_TCP = (ExpireTimeProfileId_t)1;   // 8000 s
// Buckets per service (a power of two): a new flow picks bucket hash(5-tuple) & (LB_BUCKETS - 1) of its service, and
// the control plane fills bucket i with the i mod n-th of the service's n sorted endpoints (Maglev-style table).
const bit<8> LB_BUCKETS = 64;

struct headers_t {
    ethernet_t ethernet;
    ipv4_t     ipv4;
    tcp_t      tcp;
    udp_t      udp;
}

struct main_metadata_t {
    bit<16> l4_src_port;
    bit<16> l4_dst_port;
    bit<1>  steered;           // a classify rule chose the port: skip LB, NAT and forwarding
    bit<1>  is_service;        // destination is a service VIP:port
    bit<1>  has_backend;       // a backend is known (from the pin or from the service's bucket)
    bit<1>  is_reply_lookup;   // ct_reverse is looked up with the packet's own tuple
    bit<1>  create_reverse;    // ct_forward learned a new pin: learn the reverse one too
    ExpireTimeProfileId_t timeout_id;
    bit<16> service_id;        // set_service's argument: the backends table's first key
    bit<8>  bucket;            // 5-tuple hash & (LB_BUCKETS - 1): the backends table's second key
    bit<32> backend_addr;      // backend_addr, backend_port, backend_mac: ct_forward_hit's learn arguments
    bit<16> backend_port;
    bit<48> backend_mac;
    bit<32> vip_addr;          // vip_addr, vip_port: ct_reverse_hit's learn arguments
    bit<16> vip_port;
    bit<32> rev_src_addr;      // ct_reverse key
    bit<32> rev_dst_addr;
    bit<16> rev_src_port;
    bit<16> rev_dst_port;
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
    // The flow hash that picks a service's bucket (lowered to `hash crc32`, as p4c-dpdk does for every non-jhash
    // algorithm).
    Hash<bit<8>>(PNA_HashAlgorithm_t.CRC32) lb_hash;
    // Packets and bytes (IPv4 total length) per services entry, read per entry by the control plane.
    DirectCounter<bit<32>>(PNA_CounterType_t.PACKETS_AND_BYTES) service_stats;
    InternetChecksum() ip_ck;
    InternetChecksum() l4_ck;

    action to_port(PortId_t port) { send_to_port(port); meta.steered = 1; }
    action drop_packet() { drop_packet(); }

    table classify {
        key = {
            hdr.ipv4.src_addr : ternary; hdr.ipv4.dst_addr : ternary; hdr.ipv4.protocol : ternary;
            meta.l4_src_port : ternary; meta.l4_dst_port : ternary;
        }
        actions = { to_port; drop_packet; NoAction; }
        default_action = NoAction;
        size = 1024;
    }

    action set_service(bit<16> service_id) {
        service_stats.count((bit<32>)hdr.ipv4.total_len);
        meta.service_id = service_id;
    }

    table services {
        key = { hdr.ipv4.dst_addr : exact; hdr.ipv4.protocol : exact; meta.l4_dst_port : exact; }
        actions = { set_service; NoAction; }
        const default_action = NoAction;
        pna_direct_counter = service_stats;
        size = 16384;
    }

    action dnat(bit<32> backend_addr, bit<16> backend_port, bit<48> backend_mac) {
        meta.backend_addr = backend_addr; meta.backend_port = backend_port; meta.backend_mac = backend_mac;
        meta.has_backend = 1;
    }

    // One entry per (service, bucket): 16384 services x 64 buckets.
    table backends {
        key = { meta.service_id : exact; meta.bucket : exact; }
        actions = { dnat; NoAction; }
        const default_action = NoAction;
        size = 1048576;
    }

    action ct_forward_hit(bit<32> backend_addr, bit<16> backend_port, bit<48> backend_mac) {
        // The pinned backend wins over this packet's bucket: load balancing applies to new flows only.
        meta.backend_addr = backend_addr; meta.backend_port = backend_port; meta.backend_mac = backend_mac;
        meta.has_backend = 1;
        restart_expire_timer();
    }

    action ct_forward_miss() {
        if (meta.is_service == 1 && meta.has_backend == 1) {
            add_entry(action_name = "ct_forward_hit",
                      action_params = { meta.backend_addr, meta.backend_port, meta.backend_mac },
                      expire_time_profile_id = meta.timeout_id);
            meta.create_reverse = 1;
        }
    }

    table ct_forward {
        key = {
            hdr.ipv4.src_addr : exact; hdr.ipv4.dst_addr : exact; hdr.ipv4.protocol : exact;
            meta.l4_src_port : exact; meta.l4_dst_port : exact;
        }
        actions = { @tableonly ct_forward_hit; @defaultonly ct_forward_miss; }
        const default_action = ct_forward_miss;
        add_on_miss = true;
        idle_timeout_with_auto_delete = true;
        size = 1048576;
    }

    action ct_reverse_hit(bit<32> vip_addr, bit<16> vip_port) {
        restart_expire_timer();
        if (meta.is_reply_lookup == 1) {          // a reply from the backend: SNAT back to the VIP
            ip_ck.clear();
            l4_ck.clear();
            ip_ck.subtract(hdr.ipv4.header_checksum);
            ip_ck.subtract(hdr.ipv4.src_addr);
            if (hdr.tcp.isValid()) {
                l4_ck.subtract(hdr.tcp.checksum); l4_ck.subtract(hdr.ipv4.src_addr); l4_ck.subtract(hdr.tcp.src_port);
                hdr.tcp.src_port = vip_port;
            } else if (hdr.udp.isValid()) {
                l4_ck.subtract(hdr.udp.checksum); l4_ck.subtract(hdr.ipv4.src_addr); l4_ck.subtract(hdr.udp.src_port);
                hdr.udp.src_port = vip_port;
            }
            hdr.ipv4.src_addr = vip_addr;
            ip_ck.add(hdr.ipv4.src_addr);
            hdr.ipv4.header_checksum = ip_ck.get();
            if (hdr.tcp.isValid()) {
                l4_ck.add(hdr.ipv4.src_addr); l4_ck.add(hdr.tcp.src_port);
                hdr.tcp.checksum = l4_ck.get();
            } else if (hdr.udp.isValid() && hdr.udp.checksum != 0) {
                l4_ck.add(hdr.ipv4.src_addr); l4_ck.add(hdr.udp.src_port);
                hdr.udp.checksum = l4_ck.get();
            }
        }
    }

    action ct_reverse_miss() {
        if (meta.create_reverse == 1) {
            add_entry(action_name = "ct_reverse_hit", action_params = { meta.vip_addr, meta.vip_port },
                      expire_time_profile_id = meta.timeout_id);
        }
    }

    table ct_reverse {
        key = {
            meta.rev_src_addr : exact; meta.rev_dst_addr : exact; hdr.ipv4.protocol : exact;
            meta.rev_src_port : exact; meta.rev_dst_port : exact;
        }
        actions = { @tableonly ct_reverse_hit; @defaultonly ct_reverse_miss; }
        const default_action = ct_reverse_miss;
        add_on_miss = true;
        idle_timeout_with_auto_delete = true;
        size = 1048576;
    }

    action set_out_port(PortId_t port) { send_to_port(port); }

    table forward {
        key = { hdr.ipv4.dst_addr : exact; }
        actions = { set_out_port; }
        default_action = set_out_port((PortId_t)0);   // unknown destinations leave on the uplink
        size = 16384;
    }

    apply {
        send_to_port((PortId_t)0);
        meta.steered = 0; meta.is_service = 0; meta.has_backend = 0; meta.is_reply_lookup = 0;
        meta.create_reverse = 0; meta.l4_src_port = 0; meta.l4_dst_port = 0;
        if (!hdr.ipv4.isValid()) { return; }
        meta.timeout_id = PIN_UDP;
        if (hdr.tcp.isValid()) {
            meta.l4_src_port = hdr.tcp.src_port; meta.l4_dst_port = hdr.tcp.dst_port; meta.timeout_id = PIN_TCP;
        } else if (hdr.udp.isValid()) {
            meta.l4_src_port = hdr.udp.src_port; meta.l4_dst_port = hdr.udp.dst_port;
        }
        classify.apply();
        if (meta.steered == 1) { return; }
        if (hdr.tcp.isValid() || hdr.udp.isValid()) {
            if (services.apply().hit) {
                meta.is_service = 1;
                meta.vip_addr = hdr.ipv4.dst_addr;
                meta.vip_port = meta.l4_dst_port;
                meta.bucket = lb_hash.get_hash({ hdr.ipv4.src_addr, hdr.ipv4.dst_addr, hdr.ipv4.protocol,
                                                 meta.l4_src_port, meta.l4_dst_port }) & (LB_BUCKETS - 1);
                backends.apply();
            }
            ct_forward.apply();
            if (meta.has_backend == 1) {              // forward direction: key the reverse pin by the reply tuple
                meta.rev_src_addr = meta.backend_addr; meta.rev_dst_addr = hdr.ipv4.src_addr;
                meta.rev_src_port = meta.backend_port; meta.rev_dst_port = meta.l4_src_port;
            } else {                                  // maybe a reply: look it up as it is
                meta.is_reply_lookup = 1;
                meta.rev_src_addr = hdr.ipv4.src_addr; meta.rev_dst_addr = hdr.ipv4.dst_addr;
                meta.rev_src_port = meta.l4_src_port;  meta.rev_dst_port = meta.l4_dst_port;
            }
            // A pinned TCP flow's forward packets skip ct_reverse (one learner lookup per packet in either
            // direction): the reverse pin is learned with the forward one and refreshed by the replies it translates,
            // and TCP always answers data with ACKs. UDP forward packets keep refreshing it: replies may be rare.
            if (meta.has_backend == 0 || meta.create_reverse == 1 || hdr.udp.isValid()) {
                ct_reverse.apply();
            }
            if (meta.has_backend == 1) {              // DNAT to the backend
                hdr.ethernet.dst_addr = meta.backend_mac;
                ip_ck.clear();
                l4_ck.clear();
                ip_ck.subtract(hdr.ipv4.header_checksum);
                ip_ck.subtract(hdr.ipv4.dst_addr);
                if (hdr.tcp.isValid()) {
                    l4_ck.subtract(hdr.tcp.checksum); l4_ck.subtract(hdr.ipv4.dst_addr); l4_ck.subtract(hdr.tcp.dst_port);
                    hdr.tcp.dst_port = meta.backend_port;
                } else {
                    l4_ck.subtract(hdr.udp.checksum); l4_ck.subtract(hdr.ipv4.dst_addr); l4_ck.subtract(hdr.udp.dst_port);
                    hdr.udp.dst_port = meta.backend_port;
                }
                hdr.ipv4.dst_addr = meta.backend_addr;
                ip_ck.add(hdr.ipv4.dst_addr);
                hdr.ipv4.header_checksum = ip_ck.get();
                if (hdr.tcp.isValid()) {
                    l4_ck.add(hdr.ipv4.dst_addr); l4_ck.add(hdr.tcp.dst_port);
                    hdr.tcp.checksum = l4_ck.get();
                } else if (hdr.udp.checksum != 0) {
                    l4_ck.add(hdr.ipv4.dst_addr); l4_ck.add(hdr.udp.dst_port);
                    hdr.udp.checksum = l4_ck.get();
                }
            }
        }
        forward.apply();
    }
}

control MainDeparserImpl(packet_out pkt, in headers_t hdr, in main_metadata_t meta,
                         in pna_main_output_metadata_t ostd) {
    apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.ipv4); pkt.emit(hdr.tcp); pkt.emit(hdr.udp); }
}

PNA_NIC(MainParserImpl(), PreControlImpl(), MainControlImpl(), MainDeparserImpl()) main;
