import ArgumentParser
import Foundation
import JSONCore
import P4RTClient

/// `p4rtctl ct list|delete|events`: the node program's connection tracking, like the `conntrack` tool.
struct CTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ct", abstract: "Connection tracking of the node program (like conntrack -L / -D / -E).",
        subcommands: [List.self, Delete.self, Events.self, TimeoutsCommand.self])

    struct Filters: ParsableArguments {
        @Option(help: "Only flows with this address at either end or as the translated address.") var address: String?
        @Option(help: "Only flows with this port at either end or as the translated port.") var port: UInt16?
        @Option(name: .customLong("protocol"), help: "tcp, udp, icmp or a number.") var ipProtocol: String?

        func filter() throws -> FlowFilter {
            do { return try FlowFilter(address: address, port: port, ipProtocol: ipProtocol) } catch { throw ValidationError(error.description) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List tracked flows (forward and reverse pins) with their state, idle time, time left and counters.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: Filters

        func run() throws {
            let filter = try filters.filter()
            let client = try global.client()
            let flows = try perform { () throws(P4RTClientError) in try ConnectionTracking(client: client).list(filter) }
            if global.output == .json {
                printJSON(.array(flows.map { flow in
                    var members: [(String, JSONValue)] = [
                        ("direction", .string(flow.direction)), ("protocol", .string(flow.protocolName)),
                        ("src", .string(LoadBalancerState.text(flow.source))), ("dst", .string(LoadBalancerState.text(flow.destination))),
                        ("sport", .integer(Int64(flow.sourcePort))), ("dport", .integer(Int64(flow.destinationPort))),
                        (flow.direction == "forward" ? "backend" : "vip",
                         .string("\(LoadBalancerState.text(flow.translatedAddress)):\(flow.translatedPort)")),
                    ]
                    if let idle = flow.idleNanoseconds { members.append(("idleNs", .string(String(idle)))) }
                    if let state = flow.state { members.append(("state", .string(state))) }
                    if let left = flow.remainingNanoseconds { members.append(("timeoutNs", .string(String(left)))) }
                    if let counters = flow.counters {
                        members.append(("packets", .string(String(counters.packetCount))))
                        members.append(("bytes", .string(String(counters.byteCount))))
                    }
                    return .object(JSONObject(uniqueKeysWithValues: members))
                }))
                return
            }
            flows.forEach { print($0.line) }
            FileHandle.standardError.write(Data("p4rtctl: \(flows.count) flow entries have been shown.\n".utf8))
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete the tracked flows that match the filters (at least one filter).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: Filters

        func validate() throws {
            if filters.address == nil && filters.port == nil && filters.ipProtocol == nil {
                throw ValidationError("give --address, --port or --protocol (deleting every flow needs an explicit filter)")
            }
        }

        func run() throws {
            let filter = try filters.filter()
            let client = try global.client()
            let count = try perform { () throws(P4RTClientError) in try ConnectionTracking(client: client).delete(filter) }
            if global.output == .json { print("{\"deleted\":\(count)}"); return }
            print("\(count) flow entries have been deleted.")
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events", abstract: "Print flows as the data plane learns and forgets them (like conntrack -E).",
            discussion: "Prints the stream's learnedFlow events (new, removed) as they arrive; Ctrl-C ends it.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Stop after this many events (0: until interrupted).") var count: Int = 0

        func run() throws {
            var arguments = ["--count", String(count), "--only", "learnedFlow", "--output", global.output.rawValue, "--device", String(global.device)]
            if let server = global.server { arguments += ["--server", server] }
            if let election = global.electionId { arguments += ["--election-id", String(election)] }
            let watch = try WatchCommand.parse(arguments)
            try watch.run()
        }
    }
}
