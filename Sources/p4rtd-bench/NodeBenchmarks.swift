import Foundation
import SWX

/// `p4rtd-bench node`: the node datapath (programs/node/node.spec) on one core, in-memory packets, as `make run`
/// serves it. Prints
/// - `node established N Mpps`: 10,000 services and 100,000 pinned flows, traffic cycling over the flows;
/// - `node new-flows N Mpps`: every packet a flow never seen (each pins a forward and a reverse entry), learned
///   into the slots of flows that expired, as on a node that has been running;
/// - `node new-flows-fresh N Mpps`: the same on a just-loaded pipeline, which also pays the first touch of the
///   learners' memory (page faults; a one-time cost of loading a pipeline);
/// - `node services-ratio R`: per-packet cost with 10,000 services over the cost with 10 (10,000 flows each time);
/// - `node flows-ratio R`: per-packet cost with 1,000,000 pinned flows over the cost with 10 (10 services).
/// The two figures of each ratio are measured in alternation, each the best of three runs.
/// Goals: ≥ 3 Mpps established, ≥ 1 Mpps new flows, ratios ≤ 1.3.
/// `p4rtd-bench node PACKETS PART` runs one part (`Part`), for profiling; `hot` and `new-hot` (10 services, so
/// everything but the learners stays in cache) run only when asked for.
///
/// Rates are packets per CPU second of the benchmark thread (`CLOCK_THREAD_CPUTIME_ID`), so a machine shared with
/// other work still measures what one core does; the wall-clock rate is printed alongside.
///
/// State: services 10.96.x.y:80/TCP, each with 10 distinct backends (service s owns backends 10s+1…10s+10, so
/// 10,000 services have 100,000 backends) spread over its 64 buckets as `lb apply` fills them (bucket i → endpoint
/// i mod 10); backends 10.244.x.y:8080 (10.245.x.y past 65,535), the first 1,000 local (forwarded to container
/// ports 1–7), the others remote (uplink); clients 11.x.y.z:40000 on the uplink (port 0). Checksums in the test frames are zero: the
/// program updates them incrementally and never checks them, so the cost is the same.
enum NodeBenchmarks {
    static let specPath = "programs/node/node.spec"
    static let endpointsPerService = 10
    static let bucketsPerService = 64
    /// Backends on this node (forwarded to container ports); the others are remote pods reached over the uplink
    /// (the `forward` default), as on a real node, whose `forward` table (16,384) holds only local pods.
    static let localPods = 1_000

    static func vip(_ service: Int) -> UInt32 { 0x0A60_0000 | UInt32(service + 1) }
    static func backend(_ index: Int) -> UInt32 { 0x0AF4_0000 &+ UInt32(index) }
    static func client(_ flow: Int) -> UInt32 { 0x0B00_0000 | UInt32(flow & 0xFF_FFFF) }

    /// A 64-byte TCP ACK from `client(flow)`:40000 to `vip(service)`:80.
    static func frame(flow: Int, service: Int) -> SWXPacket {
        var b: [UInt8] = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x02, 0x08, 0x00,
                          0x45, 0x00, 0x00, 0x32, 0, 0, 0x40, 0, 64, 6, 0, 0]
        for a in [client(flow), vip(service)] {
            b += [UInt8(a >> 24), UInt8(a >> 16 & 0xFF), UInt8(a >> 8 & 0xFF), UInt8(a & 0xFF)]
        }
        b += [0x9C, 0x40, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 1, 0x50, 0x10, 0xFF, 0xFF, 0, 0, 0, 0]
        return SWXPacket(port: 0, bytes: b + [UInt8](repeating: 0, count: 64 - b.count))
    }

    static func hex(_ value: UInt32) -> String { "0x" + String(value, radix: 16) }

    /// A node pipeline with `services` services (each 10 distinct backends over 64 buckets) and the backends'
    /// forwarding entries.
    static func pipeline(text: String, services: Int, clock: any SWXClock = SWXMonotonicClock()) throws -> SWXPipeline {
        let pipeline = try SWXPipeline(specText: text, configuration: SWXPipelineConfiguration(inputPorts: 1, outputPorts: 8), clock: clock)
        var buckets = "", forward = "", frontends = ""
        buckets.reserveCapacity(services * bucketsPerService * 96)
        for s in 0..<services {
            for k in 0..<endpointsPerService where s * endpointsPerService + k < localPods {
                let index = 1 + s * endpointsPerService + k
                forward += "match \(hex(backend(index))) action set_out_port port \(1 + index % 7)\n"
            }
            for bucket in 0..<bucketsPerService {
                let index = 1 + s * endpointsPerService + bucket % endpointsPerService
                buckets += "match \(s + 1) \(bucket) action dnat backend_addr \(hex(backend(index))) backend_port 8080 "
                    + "backend_mac 0x0242\(String(format: "%08x", backend(index)))\n"
            }
            frontends += "match \(hex(vip(s))) 0x6 80 action set_service service_id \(s + 1)\n"
        }
        try pipeline.importEntries(table: "forward", text: forward)
        try pipeline.importEntries(table: "backends", text: buckets)
        try pipeline.importEntries(table: "services", text: frontends)
        return pipeline
    }

    /// Traffic of `flows` flows spread round-robin over `services` services.
    static func traffic(flows: Int, services: Int, firstFlow: Int = 0) -> [SWXPacket] {
        (firstFlow..<firstFlow + flows).map { frame(flow: $0, service: $0 % services) }
    }

    /// Sends every packet once (pins each flow), in bursts of 64.
    static func pin(_ pipeline: SWXPipeline, _ packets: [SWXPacket]) {
        var i = 0
        while i < packets.count {
            let end = min(i + 64, packets.count)
            _ = pipeline.process(burst: Array(packets[i..<end]))
            i = end
        }
    }

    /// A pipeline of `services` services with `flows` flows pinned, and the traffic that cycles over them.
    static func pinned(text: String, services: Int, flows: Int) throws -> (SWXPipeline, [SWXPacket]) {
        let pipeline = try pipeline(text: text, services: services)
        let traffic = traffic(flows: flows, services: services)
        pin(pipeline, traffic)
        return (pipeline, traffic)
    }

    /// Best of three runs of `packets` packets cycling over `flows` pinned flows of `services` services.
    static func established(text: String, services: Int, flows: Int, packets: Int) throws -> Rate {
        let (pipeline, traffic) = try pinned(text: text, services: services, flows: flows)
        var best = Rate()
        for _ in 0..<3 { best = best.better(measure(pipeline, traffic, packets: packets)) }
        return best
    }

    /// The best of three runs of each of two set-ups, measured in alternation (a, b, a, b, …): the machine's load
    /// drifts over minutes on a shared host, and alternating lets both figures of a ratio see the same drift
    /// (as `swx-scale` does).
    static func alternating(_ a: (SWXPipeline, [SWXPacket]), _ b: (SWXPipeline, [SWXPacket]),
                            packets: Int) -> (Rate, Rate) {
        var bestA = Rate(), bestB = Rate()
        for _ in 0..<3 {
            bestA = bestA.better(measure(a.0, a.1, packets: packets))
            bestB = bestB.better(measure(b.0, b.1, packets: packets))
        }
        return (bestA, bestB)
    }

    /// Best of three runs, each on a fresh pipeline, of `flows` packets that are all new flows. `recycled`:
    /// first `flows` other flows are learned and left to expire (the clock moves past the longest timeout), so
    /// the run learns into slots and records that expired flows held, as on a node that has been running; else
    /// the pipeline is just loaded and the run also pays the first touch of the learners' memory (page faults
    /// that zero it, slow in a virtual machine), a one-time cost of a new pipeline.
    static func newFlows(text: String, services: Int, flows: Int, recycled: Bool = true) throws -> Rate {
        var best = Rate()
        let traffic = traffic(flows: flows, services: services)
        for _ in 0..<3 {
            let clock = SWXManualClock(nanoseconds: 1_000_000_000)
            let pipeline = try pipeline(text: text, services: services, clock: clock)
            if recycled {
                pin(pipeline, NodeBenchmarks.traffic(flows: flows, services: services, firstFlow: 1 << 22))
                clock.advance(nanoseconds: pastEveryTimeout(pipeline))
            }
            let rate = measure(pipeline, traffic, packets: flows)
            let forward = (try? pipeline.learnerEntries("ct_forward").count) ?? 0
            let reverse = (try? pipeline.learnerEntries("ct_reverse").count) ?? 0
            guard forward >= flows * 99 / 100, reverse >= flows * 99 / 100 else {
                print("node new-flows: only \(forward) forward and \(reverse) reverse pins for \(flows) flows")
                return Rate()
            }
            best = best.better(rate)
        }
        return best
    }

    /// Nanoseconds past every expire-time profile of the program's learners.
    static func pastEveryTimeout(_ pipeline: SWXPipeline) -> UInt64 {
        let longest = pipeline.program.learners.flatMap(\.timeouts).max() ?? 0
        return (UInt64(longest) + 1) * 1_000_000_000
    }

    /// Packets per second of CPU time and of wall time (millions).
    struct Rate {
        var cpu = 0.0
        var wall = 0.0
        func better(_ other: Rate) -> Rate { other.cpu > cpu ? other : self }
        var text: String { "\(format(cpu)) Mpps (wall \(format(wall)))" }
    }

    /// Runs `packets` packets cycling over `traffic` in bursts of 64 from one contiguous buffer. Never inlined:
    /// `bench/instructions.sh --established` counts the instructions of this function's calls.
    @inline(never)
    static func measure(_ pipeline: SWXPipeline, _ traffic: [SWXPacket], packets: Int) -> Rate {
        let size = 64
        let storage = UnsafeMutableRawPointer.allocate(byteCount: traffic.count * size, alignment: 64)
        defer { storage.deallocate() }
        for (i, p) in traffic.enumerated() {
            p.bytes.withUnsafeBytes { (storage + i * size).copyMemory(from: $0.baseAddress!, byteCount: min(size, $0.count)) }
        }
        var done = 0, next = 0, outputs = 0
        let cpu0 = BenchSupport.threadCPUNanoseconds(), wall0 = BenchSupport.wallNanoseconds()
        while done < packets {
            let n = min(64, packets - done)
            pipeline.process(count: n, input: { i in
                var k = next + i
                if k >= traffic.count { k %= traffic.count }
                return (0, UnsafeRawBufferPointer(start: storage + k * size, count: size))
            }, output: { _, _ in outputs += 1 })
            next = (next + n) % traffic.count
            done += n
        }
        let cpu = BenchSupport.threadCPUNanoseconds() - cpu0, wall = BenchSupport.wallNanoseconds() - wall0
        if outputs != packets { print("node: \(packets - outputs) of \(packets) packets were dropped") }
        return Rate(cpu: Double(packets) * 1e3 / Double(max(cpu, 1)), wall: Double(packets) * 1e3 / Double(max(wall, 1)))
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }

    /// The parts `run` measures; `p4rtd-bench node PACKETS PART` runs one (for profiling).
    enum Part: String, CaseIterable {
        case established, newFlows = "new-flows", services, flows
        /// 10 services and 10 flows, everything in cache: the pure compute cost (not part of a full run).
        case hot
        /// New flows to 10 services: the learning path with the fewest misses (not part of a full run).
        case newHot = "new-hot"
    }

    static func run(packets: Int, only: Part? = nil) {
        let parts = only.map { [$0] } ?? [.established, .newFlows, .services, .flows]
        guard let text = try? ConformanceFiles.readText(specPath) else {
            print("node skipped: \(specPath) is absent (run from the repository root)")
            return
        }
        do {
            for part in parts {
                switch part {
                case .established:
                    let rate = try established(text: text, services: 10_000, flows: 100_000, packets: packets)
                    print("node established \(rate.text) (10000 services, 100000 flows; goal ≥ 3)")
                case .newFlows:
                    let flows = min(packets, 500_000)
                    let new = try newFlows(text: text, services: 10_000, flows: flows)
                    print("node new-flows \(new.text) (10000 services, \(flows) new flows into expired flows' slots; goal ≥ 1)")
                    let fresh = try newFlows(text: text, services: 10_000, flows: flows, recycled: false)
                    print("node new-flows-fresh \(fresh.text) (the same on a just-loaded pipeline: first touch of learner memory)")
                case .services: try servicesRatio(text: text, packets: packets)
                case .flows: try flowsRatio(text: text, packets: packets)
                case .hot:
                    let rate = try established(text: text, services: 10, flows: 10, packets: packets)
                    print("node hot \(rate.text) (10 services, 10 flows)")
                case .newHot:
                    let flows = min(packets, 500_000)
                    print("node new-hot \(try newFlows(text: text, services: 10, flows: flows).text) (10 services, \(flows) new flows)")
                }
            }
        } catch {
            print("node failed: \(error)")
        }
    }

    static func servicesRatio(text: String, packets: Int) throws {
        let (fewServices, manyServices) = alternating(try pinned(text: text, services: 10, flows: 10_000),
                                                      try pinned(text: text, services: 10_000, flows: 10_000),
                                                      packets: packets)
        print("node services 10: \(fewServices.text), 10000: \(manyServices.text) (10000 flows)")
        print("node services-ratio \(format(fewServices.cpu / manyServices.cpu)) (goal ≤ 1.30)")
    }

    static func flowsRatio(text: String, packets: Int) throws {
        let (fewFlows, manyFlows) = alternating(try pinned(text: text, services: 10, flows: 10),
                                                try pinned(text: text, services: 10, flows: 1_000_000),
                                                packets: packets)
        print("node flows 10: \(fewFlows.text), 1000000: \(manyFlows.text) (10 services)")
        print("node flows-ratio \(format(fewFlows.cpu / manyFlows.cpu)) (goal ≤ 1.30)")
    }
}
