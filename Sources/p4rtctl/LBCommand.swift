import ArgumentParser
import Foundation
import JSONCore
import P4RTClient

/// `p4rtctl lb apply|show`: the node program's service load balancer from Kubernetes objects.
struct LBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lb", abstract: "Service load balancing from Kubernetes Services and EndpointSlices.",
        subcommands: [Apply.self, Show.self])

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the node program's services, selector groups and members match Kubernetes JSON.",
            discussion: """
                Reads `kubectl get svc,endpointslices -A -o json` output (objects or List forms, any number of files; \
                `-` reads standard input), uses each service's ready endpoints (serving-and-terminating ones only when \
                none is ready), diffs against the server and writes the difference as one ROLLBACK_ON_ERROR batch. \
                Re-applying the same input writes nothing. Removed backends also lose their conntrack pins.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Kubernetes JSON files.") var files: [String]
        @Flag(help: "Compute and print the difference without writing it.") var dryRun = false

        func validate() throws { if files.isEmpty { throw ValidationError("give at least one JSON file (or - for stdin)") } }

        func run() throws {
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
            let plan = LoadBalancerPlan(objects)
            let client = try global.client()
            Progress.step("\(plan.frontends.count) frontends: reading the server's state and writing the difference…")
            let summary = try perform { () throws(P4RTClientError) in
                try LoadBalancerSync(client: client).apply(plan, dryRun: dryRun)
            }
            Progress.done()
            if global.output == .json {
                printJSON(.object(JSONObject(uniqueKeysWithValues: [
                    ("updates", .integer(Int64(summary.updates))), ("dryRun", .bool(dryRun)),
                    ("frontendsInserted", .integer(Int64(summary.frontendsInserted))),
                    ("frontendsDeleted", .integer(Int64(summary.frontendsDeleted))),
                    ("groupsInserted", .integer(Int64(summary.groupsInserted))),
                    ("groupsModified", .integer(Int64(summary.groupsModified))),
                    ("groupsDeleted", .integer(Int64(summary.groupsDeleted))),
                    ("membersInserted", .integer(Int64(summary.membersInserted))),
                    ("membersModified", .integer(Int64(summary.membersModified))),
                    ("membersDeleted", .integer(Int64(summary.membersDeleted))),
                    ("pinsDeleted", .integer(Int64(summary.pinsDeleted))),
                    ("skipped", .array((plan.skipped + summary.skipped).map { .string($0) })),
                ])), pretty: false)
                return
            }
            for line in plan.skipped + summary.skipped { print("skipped \(line)") }
            let verb = dryRun ? "would write" : "wrote"
            print("\(verb) \(summary.updates) updates: frontends +\(summary.frontendsInserted) -\(summary.frontendsDeleted), "
                  + "groups +\(summary.groupsInserted) ~\(summary.groupsModified) -\(summary.groupsDeleted), "
                  + "backends +\(summary.membersInserted) ~\(summary.membersModified) -\(summary.membersDeleted), conntrack pins -\(summary.pinsDeleted)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the services the server balances, with their backends.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let client = try global.client()
            let state = try perform { () throws(P4RTClientError) in try LoadBalancerSync(client: client).currentState() }
            let rows = state.frontends.keys.sorted().map { key -> [String] in
                let group = state.frontends[key]!
                let backends = (state.groups[group] ?? []).sorted().compactMap { state.members[$0] }
                    .map { "\(LoadBalancerState.text($0.address)):\($0.port)" }
                return ["\(LoadBalancerState.text(key.address)):\(key.port)", key.ipProtocol == 6 ? "TCP" : key.ipProtocol == 17 ? "UDP" : String(key.ipProtocol),
                        String(group), backends.joined(separator: " ")]
            }
            if global.output == .json {
                printJSON(.array(rows.map { row in .object(JSONObject(uniqueKeysWithValues: [
                    ("frontend", .string(row[0])), ("protocol", .string(row[1])), ("group", .integer(Int64(row[2]) ?? 0)),
                    ("backends", .array(row[3].split(separator: " ").map { .string(String($0)) })),
                ])) }))
                return
            }
            printTable(["FRONTEND", "PROTO", "GROUP", "BACKENDS"], rows)
        }
    }
}
