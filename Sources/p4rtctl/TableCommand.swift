import ArgumentParser
import JSONCore
import P4RTClient

/// `p4rtctl table add|modify|delete|list`, by P4Info names with human values (the friendly endpoints' syntax).
struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table", abstract: "Add, modify, delete and list table entries by name.",
        discussion: """
            Values are written as people write them: 10.0.0.1, 10.0.0.0/8 (lpm), 2001:db8::1, 00:11:22:33:44:55, \
            decimal, 0x0a, VALUE&&&MASK (ternary), LO..HI (range). Example:
              p4rtctl table add ipv4_lpm --match hdr.ipv4.dstAddr=10.0.0.0/8 --action set_nhop \\
                --param dmac=00:11:22:33:44:55 --param port=1
            """,
        subcommands: [List.self, Add.self, Modify.self, Delete.self])

    /// What an entry command takes.
    struct EntryOptions: ParsableArguments {
        @Argument(help: "The table (P4Info name or alias).") var table: String
        @Option(name: .customLong("match"), help: ArgumentHelp("A key field: FIELD=VALUE (repeat per field).", valueName: "FIELD=VALUE"))
        var matches: [String] = []
        @Option(help: "The action (P4Info name or alias).") var action: String?
        @Option(name: .customLong("param"), help: ArgumentHelp("An action parameter (repeat per parameter).", valueName: "NAME=VALUE"))
        var params: [String] = []
        @Option(help: "Entry priority (tables with ternary, range or optional fields; higher wins).") var priority: Int32?
        @Option(help: "Idle timeout in nanoseconds (tables with idle-timeout notification).") var idleTimeoutNs: Int64?

        func body(requireAction: Bool) throws -> JSONValue {
            var members: [(String, JSONValue)] = [("match", .object(JSONObject(uniqueKeysWithValues: try pairs(matches, option: "match"))))]
            if let action {
                members.append(("action", .string(action)))
                members.append(("params", .object(JSONObject(uniqueKeysWithValues: try pairs(params, option: "param")))))
            } else if requireAction {
                throw ValidationError("--action is required")
            }
            if let priority { members.append(("priority", .integer(Int64(priority)))) }
            if let idleTimeoutNs { members.append(("idleTimeoutNs", .string(String(idleTimeoutNs)))) }
            return .object(JSONObject(uniqueKeysWithValues: members))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Insert an entry.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var entry: EntryOptions
        func run() throws { try write(global, entry.table, "POST", try entry.body(requireAction: true)) }
    }

    struct Modify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "modify", abstract: "Change an entry's action (the key must exist).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var entry: EntryOptions
        func run() throws { try write(global, entry.table, "PUT", try entry.body(requireAction: true)) }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete an entry by its key (--match, --priority).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var entry: EntryOptions
        func run() throws { try write(global, entry.table, "DELETE", try entry.body(requireAction: false)) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tables, or the entries of one table.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The table; none lists every table.") var table: String?

        func run() throws {
            let client = try global.client()
            guard let table else {
                let tables = try perform { () throws(P4RTClientError) in try client.tables() }
                if global.output == .json { printJSON(tables); return }
                let rows = (tables.arrayValue ?? []).map { table -> [String] in
                    let fields = (table["matchFields"]?.arrayValue ?? []).map {
                        "\($0["name"]?.stringValue ?? "?"):\($0["matchType"]?.stringValue ?? "?")/\($0["bitwidth"]?.int64Value ?? 0)"
                    }
                    return [table["name"]?.stringValue ?? "?", String(table["size"]?.int64Value ?? 0), fields.joined(separator: " ")]
                }
                printTable(["TABLE", "SIZE", "KEY"], rows)
                return
            }
            let answer = try perform { () throws(P4RTClientError) in
                try client.friendly("GET", "tables/\(table)/entries", query: [("counters", "true")])
            }
            if global.output == .json { printJSON(answer); return }
            let rows = (answer["entities"]?.arrayValue ?? []).compactMap { $0["tableEntry"] }.map { entry -> [String] in
                [humanText(entry["match"] ?? .null), humanText(entry["priority"] ?? .null),
                 (entry["action"]?.stringValue ?? "-") + " " + humanText(entry["params"] ?? .object(JSONObject())),
                 humanText(entry["counterData"] ?? .null)]
            }
            printTable(["MATCH", "PRIORITY", "ACTION", "COUNTERS"], rows)
        }
    }
}

private func write(_ global: GlobalOptions, _ table: String, _ method: String, _ body: JSONValue) throws {
    let client = try global.client()
    _ = try perform { () throws(P4RTClientError) in try client.friendly(method, "tables/\(table)/entries", body: body) }
    if global.output == .json { print("{}") }
}
