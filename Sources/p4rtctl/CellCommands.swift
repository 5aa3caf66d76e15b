import ArgumentParser
import JSONCore
import P4RTClient

/// Reads the cells of a counter, meter or register, all of them or one index.
private func readCells(_ global: GlobalOptions, collection: String, name: String, index: UInt64?, kind: String,
                       columns: [String], cells: (JSONValue) -> [String]) throws {
    let client = try global.client()
    let path = index.map { "\(collection)/\(name)/\($0)" } ?? "\(collection)/\(name)"
    let answer = try perform { () throws(P4RTClientError) in try client.friendly("GET", path) }
    if global.output == .json { printJSON(answer); return }
    let rows = (answer["entities"]?.arrayValue ?? []).compactMap { $0[kind] }.map { entry in
        [humanText(entry["index"] ?? .integer(0))] + cells(entry)
    }
    printTable(["INDEX"] + columns, rows)
}

/// Writes one cell (or all, without an index).
private func writeCell(_ global: GlobalOptions, collection: String, name: String, index: UInt64?, body: JSONValue) throws {
    let client = try global.client()
    let path = index.map { "\(collection)/\(name)/\($0)" } ?? "\(collection)/\(name)"
    _ = try perform { () throws(P4RTClientError) in try client.friendly("PUT", path, body: body) }
    if global.output == .json { print("{}") }
}

/// `p4rtctl counter read`.
struct CounterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "counter", abstract: "Read indexed counters.", subcommands: [Read.self])

    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "read", abstract: "Read one counter cell, or every cell without an index.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The counter (P4Info name or alias).") var name: String
        @Argument(help: "The cell; none reads every cell.") var index: UInt64?
        func run() throws {
            try readCells(global, collection: "counters", name: name, index: index, kind: "counterEntry",
                          columns: ["PACKETS", "BYTES"]) { entry in
                [entry["data"]?["packetCount"]?.stringValue ?? "0", entry["data"]?["byteCount"]?.stringValue ?? "0"]
            }
        }
    }
}

/// `p4rtctl register read|write`.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "register", abstract: "Read and write registers.", subcommands: [Read.self, Write.self])

    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "read", abstract: "Read one register cell, or every cell without an index.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The register (P4Info name or alias).") var name: String
        @Argument(help: "The cell; none reads every cell.") var index: UInt64?
        func run() throws {
            try readCells(global, collection: "registers", name: name, index: index, kind: "registerEntry", columns: ["VALUE"]) { entry in
                [humanText(entry["value"] ?? entry["data"] ?? .null)]
            }
        }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "write", abstract: "Write one register cell (or every cell with --all).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The register (P4Info name or alias).") var name: String
        @Argument(help: "The cell.") var index: UInt64?
        @Argument(help: "The value (decimal, 0x…, or an address).") var value: String
        func run() throws {
            try writeCell(global, collection: "registers", name: name, index: index, body: .object(JSONObject(uniqueKeysWithValues: [("value", .string(value))])))
        }
    }
}

/// `p4rtctl meter set|read`.
struct MeterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meter", abstract: "Configure and read meters.", subcommands: [Set.self, Read.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Configure a meter cell (trTCM rates per second and bursts, in the meter's unit).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meter (P4Info name or alias).") var name: String
        @Argument(help: "The cell; none configures every cell.") var index: UInt64?
        @Option(help: "Committed rate.") var cir: UInt64
        @Option(help: "Committed burst.") var cburst: UInt64
        @Option(help: "Peak rate.") var pir: UInt64
        @Option(help: "Peak burst.") var pburst: UInt64
        func run() throws {
            let config: [(String, JSONValue)] = [("cir", .string(String(cir))), ("cburst", .string(String(cburst))),
                                                 ("pir", .string(String(pir))), ("pburst", .string(String(pburst)))]
            try writeCell(global, collection: "meters", name: name, index: index,
                          body: .object(JSONObject(uniqueKeysWithValues: [("config", .object(JSONObject(uniqueKeysWithValues: config)))])))
        }
    }

    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "read", abstract: "Read meter configurations.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meter (P4Info name or alias).") var name: String
        @Argument(help: "The cell; none reads every cell.") var index: UInt64?
        func run() throws {
            try readCells(global, collection: "meters", name: name, index: index, kind: "meterEntry", columns: ["CONFIG"]) { entry in
                [humanText(entry["config"] ?? .null)]
            }
        }
    }
}
