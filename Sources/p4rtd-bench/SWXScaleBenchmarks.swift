import Glibc
import SWX

/// `p4rtd-bench swx-scale`: per-packet cost must not grow with state. Runs the same traffic against an exact table
/// (and a learner) holding 10 and then 1,000,000 entries, and prints each figure and their ratio
/// (`swx-scale exact 10 entries … Mpps`, `… 1000000 entries … Mpps`, `swx-scale exact ratio 1.12`), then the memory
/// the object holds per entry (`swx-scale exact bytes-per-entry B`), taken from its real allocations.
///
/// Both runs send the same 1,000,000 distinct packet buffers in the same order (packet `i` carries flow
/// `i mod entries`), so the packet bytes stream from memory alike and the ratio measures the cost of the state
/// alone. The 5-tuple keys are 13 bytes (learner) and 16 bytes (exact table, with a zone field).
///
/// The two sizes are measured in alternation. Each figure is the best of three runs in wall time (the process's
/// CPU time was tried and rejected: under this VM it can exceed the wall time of a single-threaded run); the best
/// of the same runs in the thread's own CPU time is printed beside it, and its ratio as `cpu-ratio`.
enum SWXScaleBenchmarks {
    static let specPath = "bench/swx/scale.spec"
    static let bigEntries = 1_000_000
    /// The `size` of the table and of the learner in `specPath`.
    static let specSize = 1_048_576
    static let trafficPackets = 1_000_000

    /// A 64-byte Ethernet/IPv4/UDP frame of flow `flow` (source address 10.0.0.0 + flow).
    static func frame(_ flow: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00,
                              0x45, 0x00, 0x00, 0x32, 0, 0, 0, 0, 64, 17, 0, 0]
        let source = 0x0A00_0000 | flow
        bytes += [UInt8(source >> 24), UInt8(source >> 16 & 0xff), UInt8(source >> 8 & 0xff), UInt8(source & 0xff)]
        bytes += [10, 96, 0, 1]
        bytes += [0x12, 0x34, 0x00, 0x35, 0x00, 0x1e, 0x00, 0x00]
        return bytes + [UInt8](repeating: 0, count: 64 - bytes.count)
    }

    /// `AnonHugePages` of /proc/self/smaps_rollup in kB, where readable.
    static func anonymousHugePages() -> Int? {
        guard let f = fopen("/proc/self/smaps_rollup", "r") else { return nil }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), f) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("AnonHugePages:") {
                return Int(text.dropFirst("AnonHugePages:".count).split(separator: " ").first ?? "")
            }
        }
        return nil
    }

    /// The comma-separated values of environment variable `name`, if set.
    static func environment(_ name: String) -> [String]? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value).split(separator: ",").map(String.init)
    }

    static func run(packets: Int) {
        guard var text = try? ConformanceFiles.readText(specPath) else {
            print("swx-scale skipped: \(specPath) is absent (run from the repository root)")
            return
        }
        // Variants for profiling and comparison: SWX_SCALE_MODES=exact|learner, SWX_SCALE_ENTRIES=10|1000000,
        // SWX_SCALE_CONTEXTS=K (packet contexts, default 8), SWX_SCALE_HUGEPAGES=0 (ordinary pages),
        // SWX_SCALE_FLOWS=F (the traffic cycles over the first F entries only: a big object with hot lookups),
        // SWX_SCALE_SIZE=N (the table and the learner sized for N keys instead of `specSize`: the same entries over
        // another span of memory, with SWX_SCALE_ENTRIES below N).
        if let size = environment("SWX_SCALE_SIZE")?.first.flatMap({ Int($0) }), size > 0 {
            text = text.replacing("size \(specSize)", with: "size \(size)")
        }
        let modes = environment("SWX_SCALE_MODES") ?? ["exact", "learner"]
        let sizes = environment("SWX_SCALE_ENTRIES")?.compactMap { Int($0) } ?? [10, bigEntries]
        var configuration = SWXPipelineConfiguration(inputPorts: 2, outputPorts: 4)
        if let k = environment("SWX_SCALE_CONTEXTS")?.first.flatMap({ Int($0) }) { configuration.packetContexts = max(1, min(k, 64)) }
        if environment("SWX_SCALE_HUGEPAGES")?.first == "0" { configuration.hugePages = false }
        // SWX_SCALE_INTERLEAVE=always splits lookups and interleaves packets even with 10 entries, which separates
        // the cost of interleaving from the cost of the misses it hides.
        if environment("SWX_SCALE_INTERLEAVE")?.first == "always" { configuration.interleaveThresholdBytes = 128 }
        // SWX_SCALE_RUNS=N: best of N runs instead of 3 (more on a loaded machine).
        let runs = max(1, environment("SWX_SCALE_RUNS")?.first.flatMap { Int($0) } ?? 3)
        print("swx-scale configuration: \(configuration.packetContexts) packet contexts, huge pages \(configuration.hugePages ? "wanted" : "off")")
        for mode in modes {
            // Both sizes are set up first, then measured in alternation (10, big, 10, big, …): the host's load
            // drifts over minutes on a shared machine, and alternating makes each pair of runs see the same drift,
            // so the ratio measures the state rather than the neighbours.
            var setups: [(entries: Int, pipeline: SWXPipeline, traffic: [SWXPacket])] = []
            for entries in sizes {
                do {
                    let pipeline = try prepare(mode: mode, entries: entries, text: text, configuration: configuration)
                    let port: UInt32 = mode == "exact" ? 0 : 1
                    let flows = min(environment("SWX_SCALE_FLOWS")?.first.flatMap { Int($0) } ?? entries, entries)
                    let traffic = (0..<trafficPackets).map {
                        SWXPacket(port: port, bytes: frame(UInt32($0 % max(flows, 1))))
                    }
                    setups.append((entries, pipeline, traffic))
                } catch {
                    print("swx-scale \(mode) \(entries) failed: \(error)")
                }
            }
            var best = [Double](repeating: 0, count: setups.count)
            var bestCPU = [Double](repeating: 0, count: setups.count)
            for _ in 0..<runs {
                for (index, setup) in setups.enumerated() {
                    let cpuStart = BenchSupport.threadCPUNanoseconds()
                    let result = SWXBenchmark.run(pipeline: setup.pipeline, packets: setup.traffic, packetCount: packets)
                    let cpu = BenchSupport.threadCPUNanoseconds() - cpuStart
                    best[index] = max(best[index], result.mpps)
                    if cpu > 0 { bestCPU[index] = max(bestCPU[index], Double(result.packets) * 1e3 / Double(cpu)) }
                }
            }
            for (index, setup) in setups.enumerated() {
                print("swx-scale \(mode) \(setup.entries) entries \(String(format: "%.2f", best[index])) Mpps "
                    + "(\(String(format: "%.2f", bestCPU[index])) Mpps of thread CPU time)")
                guard setup.entries == bigEntries else { continue }
                if let huge = anonymousHugePages() {
                    print("swx-scale \(mode) AnonHugePages \(huge) kB (the process's memory on transparent huge pages)")
                }
                do {
                    let memory = mode == "exact"
                        ? try setup.pipeline.memoryFootprint(ofTable: "flows")
                        : try setup.pipeline.memoryFootprint(ofLearner: "learned")
                    let perEntry = Double(memory.bytes) / Double(setup.entries)
                    let beyond = perEntry - Double(memory.keySize + memory.actionDataSize)
                    print("swx-scale \(mode) bytes-per-entry \(String(format: "%.1f", perEntry)) B "
                        + "(\(String(format: "%.1f", beyond)) B beyond the \(memory.keySize)-byte key and "
                        + "\(memory.actionDataSize)-byte action data; \(memory.bytes) bytes for \(setup.entries) entries, "
                        + "size \(memory.capacity))")
                } catch {
                    print("swx-scale \(mode) bytes-per-entry failed: \(error)")
                }
            }
            if setups.count == 2 {
                print("swx-scale \(mode) ratio \(String(format: "%.2f", best[0] / best[1])) (cost with \(setups[1].entries) "
                    + "entries / cost with \(setups[0].entries); goal ≤ 1.30)")
                if bestCPU[1] > 0 {
                    print("swx-scale \(mode) cpu-ratio \(String(format: "%.2f", bestCPU[0] / bestCPU[1])) (the same in thread CPU time)")
                }
            }
        }
    }

    /// A pipeline of `mode` holding `entries` entries: imported into the exact table, or learned by traffic.
    static func prepare(mode: String, entries: Int, text: String, configuration: SWXPipelineConfiguration) throws -> SWXPipeline {
        let pipeline = try SWXPipeline(specText: text, configuration: configuration)
        if mode == "exact" {
            var lines = ""
            lines.reserveCapacity(entries * 64)
            for flow in 0..<UInt32(entries) {
                lines += "match 0x\(String(0x0A00_0000 | flow, radix: 16)) 0x0a600001 0x1234 0x35 0x11 0x0 action fwd port 2\n"
            }
            try pipeline.importEntries(table: "flows", text: lines)
        } else {
            var learned = 0
            while learned < entries {
                let batch = (0..<min(65_536, entries - learned)).map {
                    SWXPacket(port: 1, bytes: frame(UInt32(learned + $0)))
                }
                _ = pipeline.process(burst: batch)
                learned += batch.count
            }
        }
        return pipeline
    }
}
