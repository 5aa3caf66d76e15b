import ArgumentParser
import Foundation
import JSONCore
import P4RTClient

/// `p4rtctl classify apply|list`: the classifier program's rules.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: "Classifier rules: QUIC connection ids and 5-tuples to ports, flow marks or drop.",
        subcommands: [Apply.self, List.self])

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply", abstract: "Make the classifier program's tables match a rule file (JSON or YAML; docs/p4rtctl.md).",
            discussion: "Writes only the difference, as one ROLLBACK_ON_ERROR batch; re-applying the same file writes nothing.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rule file (- for stdin).") var file: String
        @Flag(help: "Compute the difference without writing it.") var dryRun = false

        func run() throws {
            let bytes = file == "-" ? Array(FileHandle.standardInput.readDataToEndOfFile()) : try readFile(file)
            let rules: ClassifierRules
            do {
                rules = try ClassifierRules(try RuleDocument.parse(bytes, source: file))
            } catch {
                throw ValidationError("\(file): \(error.description)")
            }
            let client = try global.client()
            Progress.step("\(rules.rules.count) rules, \(rules.quic.count) QUIC services: reading the server's state and writing the difference…")
            let summary = try perform { () throws(P4RTClientError) in try ClassifierSync(client: client).apply(rules, dryRun: dryRun) }
            Progress.done()
            if global.output == .json {
                printJSON(.object(JSONObject(uniqueKeysWithValues: [
                    ("updates", .integer(Int64(summary.updates))), ("inserted", .integer(Int64(summary.inserted))),
                    ("modified", .integer(Int64(summary.modified))), ("deleted", .integer(Int64(summary.deleted))),
                    ("defaultChanged", .bool(summary.defaultChanged)), ("dryRun", .bool(dryRun)),
                ])), pretty: false)
                return
            }
            print("\(dryRun ? "would write" : "wrote") \(summary.updates) updates: +\(summary.inserted) ~\(summary.modified) -\(summary.deleted)"
                  + (summary.defaultChanged ? ", default rule changed" : ""))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the classifier's rules with their hit counters.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let client = try global.client()
            var rows: [[String]] = []
            var all: [JSONValue] = []
            for table in ["quic_vips", "quic_cids", "flows_exact", "flows_ternary"] {
                let answer = try perform { () throws(P4RTClientError) in
                    try client.friendly("GET", "tables/\(table)/entries", query: [("counters", "true")])
                }
                for entity in answer["entities"]?.arrayValue ?? [] {
                    guard let entry = entity["tableEntry"] else { continue }
                    all.append(entry)
                    rows.append([table, humanText(entry["match"] ?? .null), humanText(entry["priority"] ?? .null),
                                 (entry["action"]?.stringValue ?? "-") + " " + humanText(entry["params"] ?? .object(JSONObject())),
                                 humanText(entry["counterData"] ?? .null)])
                }
            }
            if global.output == .json { printJSON(.array(all)); return }
            printTable(["TABLE", "MATCH", "PRIORITY", "ACTION", "HITS"], rows)
        }
    }
}
