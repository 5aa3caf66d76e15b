import ArgumentParser
import Foundation
import JSONCore
import P4JSON
import P4RTClient

/// `p4rtctl ct timeouts get|set`: the expire-time profiles of the connection-tracking learners (like
/// `sysctl net.netfilter.nf_conntrack_*_timeout`).
struct TimeoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeouts", abstract: "Expire-time profiles of the connection-tracking tables.",
        subcommands: [GetProfiles.self, SetProfiles.self])

    struct Tables: ParsableArguments {
        @Option(name: .customLong("table"), help: ArgumentHelp(
            "An add-on-miss table (repeatable; default: the program's connection-tracking tables).", valueName: "NAME"))
        var tables: [String] = []
    }

    struct GetProfiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get", abstract: "Print every profile: table, id, name, seconds.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Tables

        func run() throws {
            let client = try global.client()
            let tables = try perform { () throws(P4RTClientError) in
                try ConntrackTimeouts(client: client, tables: selection.tables).get()
            }
            TimeoutsCommand.print(tables, output: global.output)
        }
    }

    struct SetProfiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set profiles by name or id, e.g. `tcp=3600` or `established=2h`.",
            discussion: """
                Each NAME=SECONDS sets that profile in every addressed table that has it (the node program's pins \
                share `udp` and `tcp` between ct_forward and ct_reverse). Seconds take an optional s, m, h or d \
                suffix and must be at least 1. Flows already tracked keep their expiry until their next packet.
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Tables
        @Argument(help: ArgumentHelp("Profiles to set.", valueName: "NAME=SECONDS")) var assignments: [String] = []

        func validate() throws {
            if assignments.isEmpty { throw ValidationError("give at least one NAME=SECONDS (e.g. tcp=3600)") }
        }

        func run() throws {
            let client = try global.client()
            let (timeouts, current) = try perform { () throws(P4RTClientError) in
                let timeouts = try ConntrackTimeouts(client: client, tables: selection.tables)
                return (timeouts, try timeouts.get())
            }
            let changes: [String: [LearnerTimeouts.Profile]]
            do { changes = try timeouts.changes(assignments, current: current) } catch {
                throw ValidationError(error.description)
            }
            let tables = try perform { () throws(P4RTClientError) in try timeouts.set(changes, current: current) }
            TimeoutsCommand.print(tables, output: global.output)
        }
    }

    static func print(_ tables: [ConntrackTimeouts.Table], output: OutputFormat) {
        if output == .json {
            printJSON(.array(tables.map { LearnerTimeouts(table: $0.name, timeouts: $0.profiles).json }))
            return
        }
        printTable(["TABLE", "PROFILE", "NAME", "SECONDS"], tables.flatMap { table in
            table.profiles.map { [table.name, String($0.profile), $0.name ?? "-", String($0.seconds)] }
        })
    }
}
