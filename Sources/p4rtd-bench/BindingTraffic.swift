#if canImport(Glibc)
import Glibc
#endif
import P4Model
import Ports
import SoftwareTarget
import SWX

/// The measured k8s_dp traffic of `p4rtd-bench binding`: for every client flow, the client's next packet to the
/// VIP (port 0, pinned flow) and the chosen backend's reply (port 2 or 3, SNATed back), grouped into bursts of one
/// input port each, as a port's receive would give them. Built by sending each flow's SYN through both pipelines
/// and checking that they answer alike.
final class BindingTraffic {
    struct Burst {
        var port: UInt32
        var start: Int
        var count: Int
    }

    struct Mismatch: Error, CustomStringConvertible {
        var description: String
    }

    let storage: UnsafeMutableRawPointer
    let refs: UnsafeMutableBufferPointer<PacketRef>
    let bursts: [Burst]

    init(engine: SWXPipeline, device: SoftwareTargetDevice) throws {
        typealias B = BindingBenchmarks
        var byPort: [UInt32: [[UInt8]]] = [:]
        for flow in 0..<B.flowCount {
            let sport = UInt16(20_000 + flow)
            let syn = Self.tcp(src: B.client, dst: B.vip, sport: sport, dport: 80, flags: 0x02)
            let out = try Self.same(syn, port: 0, engine: engine, device: device)
            guard out.count == 1, out[0].bytes.count >= 34 else {
                throw Mismatch(description: "flow \(flow): the SYN to the VIP gave \(out.count) outputs, not one")
            }
            let backend = Array(out[0].bytes[30..<34])
            byPort[0, default: []].append(Self.tcp(src: B.client, dst: B.vip, sport: sport, dport: 80, flags: 0x10))
            byPort[out[0].port, default: []].append(Self.tcp(src: backend, dst: B.client, sport: 8080, dport: sport,
                                                             flags: 0x10))
        }
        var frames: [(port: UInt32, bytes: [UInt8])] = []
        var bursts: [Burst] = []
        for port in byPort.keys.sorted() {
            let list = byPort[port] ?? []
            var start = 0
            while start < list.count {
                let count = min(B.burstSize, list.count - start)
                bursts.append(Burst(port: port, start: frames.count, count: count))
                for frame in list[start..<start + count] {
                    _ = try Self.same(frame, port: port, engine: engine, device: device)
                    frames.append((port, frame))
                }
                start += count
            }
        }
        let total = frames.reduce(0) { $0 + $1.bytes.count }
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(total, 1), alignment: 64)
        let refs = UnsafeMutableBufferPointer<PacketRef>.allocate(capacity: frames.count)
        var offset = 0
        for (index, frame) in frames.enumerated() {
            frame.bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { (storage + offset).copyMemory(from: base, byteCount: source.count) }
            }
            refs[index] = PacketRef(data: storage + offset, length: frame.bytes.count)
            offset += frame.bytes.count
        }
        self.storage = storage
        self.refs = refs
        self.bursts = bursts
    }

    deinit {
        refs.deallocate()
        storage.deallocate()
    }

    /// Runs `packets` packets (whole bursts, cycling) on the bare engine; Mpps.
    func runEngine(_ engine: SWXPipeline, packets: Int) -> Double {
        var outputs = 0
        return timed(packets) { burst in
            let refs = self.refs
            engine.process(count: burst.count, input: { index in
                let ref = refs[burst.start + index]
                return (burst.port, UnsafeRawBufferPointer(start: ref.data, count: ref.length))
            }, output: { _, _ in outputs &+= 1 })
        }
    }

    /// Runs `packets` packets (whole bursts, cycling) through the device's port path; Mpps.
    func runDevice(_ device: SoftwareTargetDevice, packets: Int) -> Double {
        timed(packets) { burst in
            device.runReceivedBurst(port: burst.port,
                                    UnsafeMutableBufferPointer(rebasing: self.refs[burst.start..<burst.start + burst.count]))
        }
    }

    /// Runs whole bursts until `packets` packets ran; Mpps of this thread's CPU time (the machine is shared, and
    /// wall time would count the time other processes hold the core).
    private func timed(_ packets: Int, _ body: (Burst) -> Void) -> Double {
        var done = 0
        var next = 0
        let start = BenchSupport.threadCPUNanoseconds()
        while done < packets {
            let burst = bursts[next]
            body(burst)
            done += burst.count
            next = next + 1 == bursts.count ? 0 : next + 1
        }
        let elapsed = BenchSupport.threadCPUNanoseconds() - start
        return elapsed == 0 ? 0 : Double(done) * 1e3 / Double(elapsed)
    }

    /// Sends `frame` through both and returns the outputs, throwing when they differ.
    static func same(_ frame: [UInt8], port: UInt32, engine: SWXPipeline, device: SoftwareTargetDevice) throws
        -> [SWXPacket]
    {
        let direct = engine.process(frame, port: port)
        let bound = try device.inject(frame, port: port).outputs
        guard direct == bound else {
            throw Mismatch(description: "the engine and the device disagree on a packet from port \(port): "
                + "\(direct.map { "\($0.port):\(hex($0.bytes))" }) vs \(bound.map { "\($0.port):\(hex($0.bytes))" })")
        }
        return direct
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// An Ethernet/IPv4/TCP frame with correct checksums.
    static func tcp(src: [UInt8], dst: [UInt8], sport: UInt16, dport: UInt16, flags: UInt8) -> [UInt8] {
        func sum(_ bytes: [UInt8]) -> UInt16 {
            var total: UInt32 = 0
            for i in stride(from: 0, to: bytes.count, by: 2) { total += UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1]) }
            while total > 0xFFFF { total = (total & 0xFFFF) + (total >> 16) }
            return ~UInt16(total)
        }
        var ip: [UInt8] = [0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0] + src + dst
        let ipSum = sum(ip)
        ip[10] = UInt8(ipSum >> 8)
        ip[11] = UInt8(ipSum & 0xFF)
        var tcp: [UInt8] = [UInt8(sport >> 8), UInt8(sport & 0xFF), UInt8(dport >> 8), UInt8(dport & 0xFF),
                            0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags, 0xFF, 0xFF, 0, 0, 0, 0]
        let tcpSum = sum(src + dst + [0, 6, 0, 20] + tcp)
        tcp[16] = UInt8(tcpSum >> 8)
        tcp[17] = UInt8(tcpSum & 0xFF)
        return [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0] + ip + tcp
    }
}
