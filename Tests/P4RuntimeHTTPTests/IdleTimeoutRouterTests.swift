import HTTPServer
import Logging
import P4Device
import P4Model
import P4RuntimeHTTP
import P4RuntimeService
import SoftwareTarget
import Testing

/// Idle timeouts through the HTTP API in-process (p4rtd has no clock hook, so the router is driven directly): an
/// entry written with `idleTimeoutNs` over `POST /v1/write` on the software target, hit by a packet, reports the
/// time since that hit on `POST /v1/read`, on a manual clock shared by the service and the device.
struct IdleTimeoutRouterTests {
    static let spec = """
        struct ethernet_h {
        \tbit<48> dst_addr
        \tbit<48> src_addr
        \tbit<16> ethertype
        }
        struct ipv4_h {
        \tbit<8> ver_ihl
        \tbit<8> diffserv
        \tbit<16> total_len
        \tbit<16> identification
        \tbit<16> flags_offset
        \tbit<8> ttl
        \tbit<8> protocol
        \tbit<16> hdr_checksum
        \tbit<32> src_addr
        \tbit<32> dst_addr
        }
        header ethernet instanceof ethernet_h
        header ipv4 instanceof ipv4_h
        struct metadata_t {
        \tbit<32> port_in
        \tbit<32> port_out
        }
        metadata instanceof metadata_t
        struct send_arg_t {
        \tbit<32> port
        }
        action send args instanceof send_arg_t {
        \tmov m.port_out t.port
        \treturn
        }
        action drop args none {
        \tdrop
        \treturn
        }
        table flows {
        \tkey {
        \t\th.ipv4.dst_addr exact
        \t}
        \tactions {
        \t\tsend
        \t\tdrop
        \t}
        \tdefault_action drop args none
        \tsize 0x10
        }
        apply {
        \trx m.port_in
        \textract h.ethernet
        \textract h.ipv4
        \ttable flows
        \temit h.ethernet
        \temit h.ipv4
        \ttx m.port_out
        }

        """

    static let p4info = """
        pkg_info { arch: "pna" }
        tables {
          preamble { id: 33554433 name: "MainControlImpl.flows" alias: "flows" }
          match_fields { id: 1 name: "hdr.ipv4.dst_addr" bitwidth: 32 match_type: EXACT }
          action_refs { id: 16777217 }
          action_refs { id: 16777218 }
          size: 16
          idle_timeout_behavior: NOTIFY_CONTROL
        }
        actions {
          preamble { id: 16777217 name: "MainControlImpl.send" alias: "send" }
          params { id: 1 name: "port" bitwidth: 32 }
        }
        actions { preamble { id: 16777218 name: "MainControlImpl.drop" alias: "drop" } }
        """

    func post(_ router: HTTPRouter, _ path: String, _ body: String) -> (status: Int, text: String) {
        let segments = path.split(separator: "/").map(String.init)
        guard case .matched(let handler, let bound) = router.resolve(.post, segments) else { return (404, "") }
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        let response = handler(HTTPRequest(method: .post, path: path, pathSegments: segments, pathParameters: bound,
                                           headers: headers, body: Array(body.utf8)))
        guard case .bytes(let bytes) = response.body else { return (response.status, "<stream>") }
        return (response.status, String(decoding: bytes, as: UTF8.self))
    }

    @Test func timeSinceLastHitOverHTTPFollowsTraffic() throws {
        let clock = ManualClock()
        let device = try SoftwareTargetDevice(clock: clock)
        let service = P4RuntimeService(clock: clock)
        try service.addDevice(id: 1, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit,
            config: ForwardingPipelineConfig(p4info: try P4Info.decode(textFormat: Self.p4info).p4info,
                                             p4DeviceConfig: Array(Self.spec.utf8))))
        let router = P4RuntimeAPI(service: service, logger: Logger(label: "test")).makeRouter()

        // 10.0.0.1 is CgAAAQ==, port 1 is AQ==.
        let write = post(router, "/v1/write", #"{"deviceId":"1","updates":[{"type":"INSERT","entity":{"tableEntry":{"tableId":33554433,"match":[{"fieldId":1,"exact":{"value":"CgAAAQ=="}}],"action":{"action":{"actionId":16777217,"params":[{"paramId":1,"value":"AQ=="}]}},"idleTimeoutNs":"1000000000"}}}]}"#)
        #expect(write.status == 200, "\(write.text)")
        let read = #"{"deviceId":"1","entities":[{"tableEntry":{"tableId":33554433,"timeSinceLastHit":{}}}]}"#

        clock.advance(byMilliseconds: 400)
        #expect(post(router, "/v1/read", read).text.contains(#""timeSinceLastHit":{"elapsedNs":"400000000"}"#))
        var frame: [UInt8] = [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0,
                              0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 9, 10, 0, 0, 1]
        frame += [UInt8](repeating: 0, count: 60 - frame.count)
        #expect(try device.inject(frame, port: 0).outputs.map(\.port) == [1])
        clock.advance(byMilliseconds: 250)
        let after = post(router, "/v1/read", read)
        #expect(after.text.contains(#""timeSinceLastHit":{"elapsedNs":"250000000"}"#), "\(after.text)")
    }
}
