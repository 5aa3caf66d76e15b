// p4rtd-bench: the engine benchmarks of `make bench` (the HTTP ones are bench/http_bench.py).
// Usage: p4rtd-bench swx|swx-scale|binding|node [PACKETS]   (run from the repository root; default 5,000,000 packets per run)
//        p4rtd-bench node PACKETS established|new-flows|services|flows|hot|new-hot   (one part, for profiling)
//        p4rtd-bench idle [ENTRIES]                        (default 1,000,000 entries with idle timeouts)
//        p4rtd-bench learner-events [FLOWS]                (default 1,000,000 pinned flows)
//        p4rtd-bench write-batch [UPDATES]                 (default 100,000 learner inserts; services: 16,384)
let arguments = CommandLine.arguments.dropFirst()
let count = arguments.dropFirst().first.flatMap { Int($0) }
let packets = count ?? 5_000_000
switch arguments.first {
case "swx":
    SWXBenchmarks.run(packets: packets)
case "swx-scale":
    SWXScaleBenchmarks.run(packets: packets)
case "binding":
    BindingBenchmarks.run(packets: packets)
case "node":
    let part = arguments.dropFirst(2).first.flatMap(NodeBenchmarks.Part.init(rawValue:))
    if let name = arguments.dropFirst(2).first, part == nil {
        print("p4rtd-bench node: no part named \(name); parts: \(NodeBenchmarks.Part.allCases.map(\.rawValue).joined(separator: ", "))")
    } else {
        NodeBenchmarks.run(packets: packets, only: part)
    }
case "idle":
    IdleBenchmarks.run(entries: count ?? 1_000_000)
case "learner-events":
    LearnerEventBenchmarks.run(flows: count ?? 1_000_000)
case "write-batch":
    WriteBatchBenchmarks.run(updates: count ?? 100_000)
default:
    print("usage: p4rtd-bench swx|swx-scale|binding [PACKETS] | node [PACKETS [PART]] | idle [ENTRIES] | learner-events [FLOWS] | write-batch [UPDATES]")
}
