import SWX
import Testing

/// Small programs for the engine tests.
enum EngineSamples {
    /// Ethernet + a metadata struct; `body` adds declarations, `apply` is the apply block's body.
    static func spec(_ body: String = "", apply: String) -> String {
        """
        struct ethernet_h {
            bit<48> dst_addr
            bit<48> src_addr
            bit<16> ethertype
        }
        header ethernet instanceof ethernet_h
        struct metadata_t {
            bit<32> port_in
            bit<32> port_out
            bit<32> scratch
            bit<32> timeout_id
            bit<48> learned_mac
        }
        metadata instanceof metadata_t
        \(body)
        apply {
        \(apply)
        }
        """
    }

    /// An exact table on the destination MAC whose action picks the output port; misses go to port 3 (or
    /// whatever the default entry says).
    static let forwarding = spec("""
        struct port_args_t {
            bit<32> port_out
        }
        action fwd args instanceof port_args_t {
            mov m.port_out t.port_out
            return
        }
        action flood args none {
            mov m.port_out 3
            return
        }
        action drop_packet args none {
            drop
        }
        table mac {
            key {
                h.ethernet.dst_addr exact
            }
            actions {
                fwd
                flood
                drop_packet @defaultonly
            }
            default_action flood args none
            size 1024
        }
        table fixed {
            key {
                h.ethernet.src_addr exact
            }
            actions {
                flood
            }
            default_action flood args none const
            size 4
        }
        """, apply: """
            rx m.port_in
            extract h.ethernet
            table mac
            emit h.ethernet
            tx m.port_out
        """)

    /// A packet to `dst` (12 hex digits) from 66:77:88:99:aa:bb with a 4-byte payload.
    static func packet(to dst: String) -> [UInt8] {
        hexBytes(dst + "66778899aabb0800cafef00d")
    }

    /// `packet(to: dst)` with its ethertype set to `value` (where the sample programs write what they compute).
    static func packet(to dst: String, ethertype value: UInt8) -> [UInt8] {
        var bytes = packet(to: dst)
        bytes.replaceSubrange(12..<14, with: [0, value])
        return bytes
    }

    static func hexBytes(_ hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            out.append(UInt8(hex[i..<j], radix: 16) ?? 0)
            i = j
        }
        return out
    }

    static func pipeline(_ text: String, clock: any SWXClock = SWXManualClock(),
                         configuration: SWXPipelineConfiguration = SWXPipelineConfiguration()) throws -> SWXPipeline {
        try SWXPipeline(specText: text, configuration: configuration, clock: clock)
    }
}

/// The output ports of one packet's outputs (empty: dropped).
func outputPorts(_ pipeline: SWXPipeline, _ packet: [UInt8], port: UInt32 = 0) -> [UInt32] {
    pipeline.process(packet, port: port).map(\.port)
}
