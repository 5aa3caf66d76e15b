import Foundation
import SWX

/// `p4rtd-bench swx`: the engine on the programs and packets of the DPDK SWX reference measurement, one line per
/// program: `swx <program> <Mpps> Mpps` (best of three runs, one core, in-memory packets, release build).
enum SWXBenchmarks {
    /// The reference programs, with DPDK SWX's interpreted-mode figure on this machine kind (Mpps).
    static let programs: [(name: String, casePath: String, dpdkMpps: Double)] = [
        ("l2fwd", "bench/swx/l2fwd.case", 14.4),
        ("l2fwd_macswp", "../shared/fixtures/swx/dpdk-examples/l2fwd_macswp.case", 10.8),
        ("vxlan", "../shared/fixtures/swx/dpdk-examples/vxlan.case", 6.4),
        ("hash_func", "../shared/fixtures/swx/dpdk-examples/hash_func.case", 7.8),
        ("learner", "../shared/fixtures/swx/dpdk-examples/learner.case", 8.5),
        ("varbit", "../shared/fixtures/swx/dpdk-examples/varbit.case", 8.3),
        ("pna-example-tcp-connection-tracking",
         "../shared/fixtures/swx/pna-example-tcp-connection-tracking/pna-example-tcp-connection-tracking.case", 3.7),
    ]

    static func run(packets: Int) {
        for program in programs {
            guard FileManager.default.fileExists(atPath: program.casePath) else {
                print("swx \(program.name) skipped: \(program.casePath) is absent")
                continue
            }
            do {
                var best = 0.0
                for _ in 0..<3 {
                    best = max(best, try SWXBenchmark.run(casePath: program.casePath, packetCount: packets).mpps)
                }
                let ratio = best / program.dpdkMpps
                print("swx \(program.name) \(String(format: "%.2f", best)) Mpps (DPDK SWX \(program.dpdkMpps), \(String(format: "%.2f", ratio))x)")
            } catch {
                print("swx \(program.name) failed: \(error)")
            }
        }
    }
}
