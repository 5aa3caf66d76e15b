import SWX

/// `p4rtd-bench swx-scale`: per-packet cost must not grow with state. Runs the same traffic against an exact table
/// (and a learner) holding 10 and then 1,000,000 entries, and prints each figure and their ratio
/// (`swx-scale exact 10 … Mpps`, `… 1000000 … Mpps`, `swx-scale exact ratio 1.12`). The traffic cycles through
/// every entry, so the big table's lookups miss the caches as real traffic over a million flows would.
enum SWXScaleBenchmarks {
    static let specPath = "bench/swx/scale.spec"

    static func frame(_ flow: UInt32) -> [UInt8] {
        var bytes: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x08, 0x00,
                              0x45, 0x00, 0x00, 0x2e, 0, 0, 0, 0, 64, 17, 0, 0]
        let source = 0x0A00_0000 | flow
        bytes += [UInt8(source >> 24), UInt8(source >> 16 & 0xff), UInt8(source >> 8 & 0xff), UInt8(source & 0xff)]
        bytes += [10, 96, 0, 1]
        return bytes + [UInt8](repeating: 0, count: 64 - bytes.count)
    }

    static func run(packets: Int) {
        guard let text = try? ConformanceFiles.readText(specPath) else {
            print("swx-scale skipped: \(specPath) is absent (run from the repository root)")
            return
        }
        for mode in ["exact", "learner"] {
            var figures: [Double] = []
            for entries in [10, 1_000_000] {
                do {
                    let pipeline = try SWXPipeline(specText: text, configuration: SWXPipelineConfiguration(inputPorts: 2, outputPorts: 4))
                    let port: UInt32 = mode == "exact" ? 0 : 1
                    if mode == "exact" {
                        var lines = ""
                        lines.reserveCapacity(entries * 48)
                        for flow in 0..<UInt32(entries) {
                            lines += "match 0x\(String(0x0A00_0000 | flow, radix: 16)) 0x0a600001 action fwd port 2\n"
                        }
                        try pipeline.importEntries(table: "flows", text: lines)
                    }
                    // Traffic: every entry in turn (1,000,000 distinct flows for the big table: no cache can hold them).
                    let traffic = (0..<UInt32(entries)).map { SWXPacket(port: port, bytes: frame($0)) }
                    if mode == "learner" {
                        // Learn every flow first (1,000,000 learned flows: all of them, then measure hits).
                        var learnedFlows = 0
                        while learnedFlows < entries {
                            let batch = (0..<min(65_536, entries - learnedFlows)).map {
                                SWXPacket(port: 1, bytes: frame(UInt32(learnedFlows + $0)))
                            }
                            _ = pipeline.process(burst: batch)
                            learnedFlows += batch.count
                        }
                    }
                    var best = 0.0
                    for _ in 0..<3 {
                        best = max(best, SWXBenchmark.run(pipeline: pipeline, packets: traffic, packetCount: packets).mpps)
                    }
                    figures.append(best)
                    print("swx-scale \(mode) \(entries) entries \(String(format: "%.2f", best)) Mpps")
                } catch {
                    print("swx-scale \(mode) \(entries) failed: \(error)")
                }
            }
            if figures.count == 2 {
                print("swx-scale \(mode) ratio \(String(format: "%.2f", figures[0] / figures[1])) (cost with 1,000,000 entries / cost with 10; goal ≤ 1.30)")
            }
        }
    }
}
