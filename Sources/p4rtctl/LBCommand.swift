import ArgumentParser
import Foundation
import JSONCore
import P4Model
import P4RTClient

/// `p4rtctl lb apply|show`: the node program's service load balancer from Kubernetes objects.
struct LBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lb", abstract: "Service load balancing from Kubernetes Services and EndpointSlices.",
        subcommands: [Apply.self, Show.self])

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply", abstract: "Make the node program's services and service buckets match Kubernetes JSON.",
            discussion: """
                Reads `kubectl get svc,endpointslices -A -o json` output (objects or List forms, any number of files; \
                `-` reads standard input), uses each service's ready endpoints (serving-and-terminating ones only when \
                none is ready), fills each service's 64 buckets from its sorted endpoints (bucket i -> endpoint i mod n; \
                on a change only the buckets whose endpoint changes are rewritten; a service with more than 64 \
                endpoints uses the first 64), diffs against the server and writes the difference as one \
                ROLLBACK_ON_ERROR batch. Re-applying the same input writes nothing. Removed backends also lose their \
                conntrack pins (those of the frontend they left).

                With --partial, only the frontends on the virtual IPs of the given Services are reconciled and every \
                other frontend stays as it is: give the Services that changed with all their EndpointSlices \
                (`kubectl get svc NAME -n NS -o json` and `kubectl get endpointslices -n NS -l \
                kubernetes.io/service-name=NAME -o json`). A Service given without a usable endpoint loses its \
                frontends; that is how a deleted Service is removed (give its last object, without slices).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Kubernetes JSON files.") var files: [String]
        @Flag(help: "Compute and print the difference without writing it.") var dryRun = false
        @Flag(help: "Reconcile only the frontends of the given Services; leave every other frontend as it is.") var partial = false
        @Flag(help: "Print where the time went (parse, plan, bind, read, diff, pins, write) on standard error.") var verbose = false

        func validate() throws { if files.isEmpty { throw ValidationError("give at least one JSON file (or - for stdin)") } }

        func run() throws {
            let clock = ContinuousClock()
            var mark = clock.now
            var phases: [(String, Duration)] = []
            func phase(_ name: String) {
                phases.append((name, clock.now - mark))
                mark = clock.now
            }
            var objects = KubernetesObjects()
            Progress.step("reading \(files.count) file(s)…")
            for file in files {
                let bytes = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : try readFile(file)
                do {
                    try objects.add(json: bytes, source: file == "-" ? "stdin" : file)
                } catch {
                    throw ValidationError(error.description)
                }
            }
            phase("parse")
            let plan = LoadBalancerPlan(objects)
            phase("plan")
            let client = try global.client()
            Progress.step("\(plan.frontends.count) frontends: reading the server's state and writing the difference…")
            let sync = try perform { () throws(P4RTClientError) in try LoadBalancerSync(client: client) }
            phase("bind")
            let summary = try perform { () throws(P4RTClientError) in
                try sync.apply(plan, dryRun: dryRun, partial: partial)
            }
            Progress.done()
            if verbose {
                let seconds = phases.map { ($0.0, Double($0.1.components.seconds) + Double($0.1.components.attoseconds) / 1e18) }
                    + summary.phases.map { ($0.name, $0.seconds) }
                let text = seconds.map { "\($0.0) \(String(format: "%.1f", $0.1 * 1000)) ms" }.joined(separator: ", ")
                FileHandle.standardError.write(Data("p4rtctl: lb apply: \(text)\n".utf8))
            }
            if global.output == .json {
                printJSON(.object(JSONObject(uniqueKeysWithValues: [
                    ("updates", .integer(Int64(summary.updates))), ("dryRun", .bool(dryRun)),
                    ("frontendsInserted", .integer(Int64(summary.frontendsInserted))),
                    ("frontendsDeleted", .integer(Int64(summary.frontendsDeleted))),
                    ("bucketsInserted", .integer(Int64(summary.bucketsInserted))),
                    ("bucketsModified", .integer(Int64(summary.bucketsModified))),
                    ("bucketsDeleted", .integer(Int64(summary.bucketsDeleted))),
                    ("pinsDeleted", .integer(Int64(summary.pinsDeleted))),
                    ("skipped", .array((plan.skipped + summary.skipped).map { .string($0) })),
                    ("limited", .array(summary.limited.map { .string($0) })),
                ])), pretty: false)
                return
            }
            for line in plan.skipped + summary.skipped { print("skipped \(line)") }
            for line in summary.limited { print("limited \(line)") }
            let verb = dryRun ? "would write" : "wrote"
            print("\(verb) \(summary.updates) updates: frontends +\(summary.frontendsInserted) -\(summary.frontendsDeleted), "
                  + "buckets +\(summary.bucketsInserted) ~\(summary.bucketsModified) -\(summary.bucketsDeleted), "
                  + "conntrack pins -\(summary.pinsDeleted)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "List the services the server balances, with their backends and, when the program counts them, packets and bytes.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let client = try global.client()
            let (state, unit) = try perform { () throws(P4RTClientError) in
                let sync = try LoadBalancerSync(client: client)
                return (try sync.currentState(counters: true), sync.serviceCounterUnit)
            }
            let packets = unit.map { $0 != .bytes } ?? false
            let bytes = unit.map { $0 != .packets } ?? false
            struct Row {
                var frontend: String, proto: String, service: UInt16, backends: [String], counter: CounterData?
            }
            let rows = state.services.keys.sorted().map { key -> Row in
                let backends = state.backends(of: key).map { "\(LoadBalancerState.text($0.address)):\($0.port)" }
                let proto = key.ipProtocol == 6 ? "TCP" : key.ipProtocol == 17 ? "UDP" : String(key.ipProtocol)
                return Row(frontend: "\(LoadBalancerState.text(key.address)):\(key.port)", proto: proto, service: state.services[key] ?? 0,
                           backends: backends, counter: state.counters[key])
            }
            if global.output == .json {
                printJSON(.array(rows.map { row in
                    var members: [(String, JSONValue)] = [
                        ("frontend", .string(row.frontend)), ("protocol", .string(row.proto)),
                        ("service", .integer(Int64(row.service))), ("backends", .array(row.backends.map { .string($0) })),
                    ]
                    if packets { members.append(("packets", .integer(row.counter?.packetCount ?? 0))) }
                    if bytes { members.append(("bytes", .integer(row.counter?.byteCount ?? 0))) }
                    return .object(JSONObject(uniqueKeysWithValues: members))
                }))
                return
            }
            let header = ["FRONTEND", "PROTO", "SERVICE"] + (packets ? ["PACKETS"] : []) + (bytes ? ["BYTES"] : []) + ["BACKENDS"]
            printTable(header, rows.map { row in
                [row.frontend, row.proto, String(row.service)]
                    + (packets ? [String(row.counter?.packetCount ?? 0)] : [])
                    + (bytes ? [String(row.counter?.byteCount ?? 0)] : [])
                    + [row.backends.joined(separator: " ")]
            })
        }
    }
}
