/// The throughput hook behind `make bench`: runs many packets of a program through the engine on in-memory
/// buffers and reports packets per second. Workloads are conformance case files: the case's control-plane
/// directives build the state (tables, registers, selectors…), its `in` packets are the traffic, cycled in order.
/// Expected outputs are not checked here (the conformance runner does that).
public enum SWXBenchmark {
    /// One measurement.
    public struct Result: Sendable, Hashable {
        /// Packets run.
        public var packets: Int
        /// Wall time in nanoseconds.
        public var nanoseconds: UInt64
        /// Output packets delivered (mirror clones included; dropped packets deliver none).
        public var outputs: Int
        /// Packets per second.
        public var packetsPerSecond: Double {
            nanoseconds == 0 ? 0 : Double(packets) * 1e9 / Double(nanoseconds)
        }
        /// Millions of packets per second.
        public var mpps: Double { packetsPerSecond / 1e6 }
    }

    /// Loads the case at `casePath`, applies its control-plane directives, then runs `packetCount` packets (the
    /// case's `in` packets over and over) in bursts of `burstSize`, timed with the monotonic clock.
    public static func run(casePath: String, packetCount: Int, burstSize: Int = 64,
                           readFile: (String) throws -> String = ConformanceFiles.readText) throws -> Result {
        let testCase = try ConformanceCase.parse(try readFile(casePath), path: casePath)
        let program = try SpecLoader.load(try readFile(testCase.specPath))
        let pipeline = try SWXPipeline(program: program, configuration: SWXPipelineConfiguration(
            inputPorts: testCase.inputPorts, outputPorts: testCase.outputPorts), clock: SWXManualClock())
        var packets: [SWXPacket] = []
        try withoutActuallyEscaping(readFile) { readFile in
            var session = ConformanceSession(testCase: testCase, readFile: readFile)
            session.pipeline = pipeline
            for directive in testCase.directives {
                if case .packetIn(let port, let bytes) = directive.kind {
                    packets.append(SWXPacket(port: port, bytes: bytes))
                } else {
                    try session.apply(directive)
                }
            }
        }
        return run(pipeline: pipeline, packets: packets, packetCount: packetCount, burstSize: burstSize)
    }

    /// Runs `packetCount` packets cycling through `packets` on `pipeline` in bursts of `burstSize`.
    public static func run(pipeline: SWXPipeline, packets: [SWXPacket], packetCount: Int,
                           burstSize: Int = 64) -> Result {
        guard !packets.isEmpty, packetCount > 0 else { return Result(packets: 0, nanoseconds: 0, outputs: 0) }
        // One contiguous buffer so the timed loop touches no Swift arrays.
        let offsets = packets.reduce(into: [0]) { $0.append($0.last! + $1.bytes.count) }
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(offsets.last!, 1), alignment: 64)
        defer { storage.deallocate() }
        for (i, p) in packets.enumerated() {
            p.bytes.withUnsafeBytes { if let b = $0.baseAddress { (storage + offsets[i]).copyMemory(from: b, byteCount: p.bytes.count) } }
        }
        let ports = packets.map(\.port)
        let clock = SWXMonotonicClock()
        var outputs = 0
        var done = 0
        var next = 0
        let burst = max(1, burstSize)
        let start = clock.nanoseconds()
        ports.withUnsafeBufferPointer { ports in
            offsets.withUnsafeBufferPointer { offsets in
                while done < packetCount {
                    let n = min(burst, packetCount - done)
                    pipeline.process(count: n, input: { i in
                        var k = next + i
                        if k >= ports.count { k %= ports.count }
                        let bytes = UnsafeRawBufferPointer(start: storage + offsets[k], count: offsets[k + 1] - offsets[k])
                        return (ports[k], bytes)
                    }, output: { _, _ in outputs += 1 })
                    next = (next + n) % ports.count
                    done += n
                }
            }
        }
        let elapsed = clock.nanoseconds() - start
        return Result(packets: packetCount, nanoseconds: elapsed, outputs: outputs)
    }
}
