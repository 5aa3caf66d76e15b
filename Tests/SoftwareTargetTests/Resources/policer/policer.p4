// policer.p4: a PNA program with a direct meter on a ternary + range table (p4rtd's direct-meter test program).
// Compile with p4c-dpdk --arch pna; policer.spec is the lowering it produces, written out by hand in p4c-dpdk's
// naming (the metarray `police_meter_0` of size table size + 1, indexed by `entryid`).
#include <core.p4>
#include <pna.p4>

header ethernet_t { bit<48> dst_addr; bit<48> src_addr; bit<16> ether_type; }
header ipv4_t {
    bit<8> version_ihl; bit<8> diffserv; bit<16> total_len; bit<16> identification; bit<16> flags_frag_offset;
    bit<8> ttl; bit<8> protocol; bit<16> header_checksum; bit<32> src_addr; bit<32> dst_addr;
}
header tcp_t {
    bit<16> src_port; bit<16> dst_port; bit<32> seq_no; bit<32> ack_no; bit<8> data_offset; bit<8> flags;
    bit<16> window; bit<16> checksum; bit<16> urgent_ptr;
}
struct headers_t { ethernet_t ethernet; ipv4_t ipv4; tcp_t tcp; }
struct metadata_t { bit<32> pkt_len; }

parser MainParserImpl(packet_in pkt, out headers_t hdr, inout metadata_t meta, in pna_main_parser_input_metadata_t istd) {
    state start {
        pkt.extract(hdr.ethernet);
        transition select(hdr.ethernet.ether_type) { 0x0800: parse_ipv4; default: accept; }
    }
    state parse_ipv4 {
        pkt.extract(hdr.ipv4);
        transition select(hdr.ipv4.protocol) { 6: parse_tcp; default: accept; }
    }
    state parse_tcp { pkt.extract(hdr.tcp); transition accept; }
}

control PreControlImpl(in headers_t hdr, inout metadata_t meta, in pna_pre_input_metadata_t istd,
                       inout pna_pre_output_metadata_t ostd) { apply { } }

control MainControlImpl(inout headers_t hdr, inout metadata_t meta, in pna_main_input_metadata_t istd,
                        inout pna_main_output_metadata_t ostd) {
    DirectMeter(PNA_MeterType_t.BYTES) police_meter;

    // Colour-blind metering on the IPv4 total length; the colour is stamped into diffserv and red is dropped.
    action police(PortId_t port) {
        PNA_MeterColor_t color = police_meter.execute(PNA_MeterColor_t.GREEN, (bit<32>) hdr.ipv4.total_len);
        hdr.ipv4.diffserv = (bit<8>) color;
        if (color == PNA_MeterColor_t.RED) { drop_packet(); } else { send_to_port(port); }
    }
    action forward(PortId_t port) { send_to_port(port); }

    table police_table {
        key = { hdr.ipv4.src_addr: ternary; hdr.tcp.dst_port: range; }
        actions = { police; NoAction; }
        default_action = NoAction;
        pna_direct_meter = police_meter;
        size = 64;
    }
    table route {
        key = { hdr.ipv4.dst_addr: lpm; }
        actions = { forward; NoAction; }
        default_action = NoAction;
        size = 16;
    }
    apply {
        send_to_port((PortId_t) 1);
        if (hdr.tcp.isValid()) { route.apply(); police_table.apply(); }
    }
}

control MainDeparserImpl(packet_out pkt, in headers_t hdr, in metadata_t meta, in pna_main_output_metadata_t ostd) {
    apply { pkt.emit(hdr.ethernet); pkt.emit(hdr.ipv4); pkt.emit(hdr.tcp); }
}

PNA_NIC(MainParserImpl(), PreControlImpl(), MainControlImpl(), MainDeparserImpl()) main;
