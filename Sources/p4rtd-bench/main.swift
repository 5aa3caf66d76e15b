// p4rtd-bench: the engine benchmarks of `make bench` (the HTTP ones are bench/http_bench.py).
// Usage: p4rtd-bench swx|swx-scale [PACKETS]   (run from the repository root; default 5,000,000 packets per run)
//        p4rtd-bench idle [ENTRIES]            (default 1,000,000 entries with idle timeouts)
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "swx":
    let packets = arguments.dropFirst().first.flatMap { Int($0) } ?? 5_000_000
    SWXBenchmarks.run(packets: packets)
case "swx-scale":
    let packets = arguments.dropFirst().first.flatMap { Int($0) } ?? 5_000_000
    SWXScaleBenchmarks.run(packets: packets)
case "idle":
    IdleBenchmarks.run(entries: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000)
default:
    print("usage: p4rtd-bench swx|swx-scale [PACKETS] | idle [ENTRIES]")
}
