import Foundation
import SWX

/// `p4rtd-bench learner-events [FLOWS]`: the control-plane cost of learned-flow events on the node program (two
/// learners of 1,048,576 flows), as p4rtd's 100 ms ticker pays it (`SoftwareTargetDevice.sweepLearners` drains
/// each learner's event log and sweeps a tenth of its buckets for expiry through
/// `SWXPipeline.takeLearnerEvents`; the device adds only the lock and the conversion of the events). Prints
/// - `learner-events idle S% of a core`: no flows;
/// - `learner-events live S% of a core`: FLOWS pinned flows (default 1,000,000; each pins a forward and a reverse
///   entry), no new traffic, the first drain (the flows' own events) excluded and printed apart;
/// - `learner-events full-walk S% of a core`: one walk of both learners' live entries per tick, what the sweep did
///   before the event log.
/// Shares are CPU time of the benchmark thread per tick over the 100 ms tick. Goals: idle < 1%, live < 5%.
enum LearnerEventBenchmarks {
    static let tickNanoseconds = 100_000_000.0
    static let learners = ["ct_forward", "ct_reverse"]

    static func run(flows: Int) {
        do {
            let text = try String(contentsOfFile: NodeBenchmarks.specPath, encoding: .utf8)
            let idle = try NodeBenchmarks.pipeline(text: text, services: 100)
            print("learner-events idle \(share(perTick(idle, ticks: 100))) of a core")

            let live = try NodeBenchmarks.pipeline(text: text, services: 100)
            NodeBenchmarks.pin(live, NodeBenchmarks.traffic(flows: flows, services: 100))
            let pinned = learners.map { (try? live.learnerStatistics($0).learnOK) ?? 0 }
            let (first, events) = drain(live)
            print("learner-events first-drain \(format(first / 1e6)) ms CPU for \(events.learned) new-flow events, "
                + "\(events.lost) lost (\(pinned.map(String.init).joined(separator: " + ")) flows learned)")
            print("learner-events live \(share(perTick(live, ticks: 100))) of a core with \(flows) flows")
            let t0 = BenchSupport.threadCPUNanoseconds()
            let walked = learners.reduce(0) { $0 + ((try? live.learnerEntries($1).count) ?? 0) }
            let walk = Double(BenchSupport.threadCPUNanoseconds() - t0)
            print("learner-events full-walk \(share(walk)) of a core (\(walked) live entries, the previous sweep's walk alone)")
        } catch {
            print("learner-events: \(error)")
        }
    }

    /// CPU nanoseconds of one drain of both learners, and what it reported.
    static func drain(_ pipeline: SWXPipeline) -> (Double, (learned: Int, removed: Int, lost: Int)) {
        let t0 = BenchSupport.threadCPUNanoseconds()
        var learned = 0, removed = 0, lost = 0
        for learner in learners {
            guard let events = try? pipeline.takeLearnerEvents(learner, expirySlices: 10) else { continue }
            learned += events.learned.count
            removed += events.removed.count
            lost += events.lost
        }
        return (Double(BenchSupport.threadCPUNanoseconds() - t0), (learned, removed, lost))
    }

    /// Mean CPU nanoseconds per tick over `ticks` ticks with no traffic.
    static func perTick(_ pipeline: SWXPipeline, ticks: Int) -> Double {
        var total = 0.0
        for _ in 0..<ticks { total += drain(pipeline).0 }
        return total / Double(ticks)
    }

    static func share(_ nanoseconds: Double) -> String {
        "\(format(nanoseconds / tickNanoseconds * 100))% (\(format(nanoseconds / 1000)) µs per 100 ms tick)"
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
