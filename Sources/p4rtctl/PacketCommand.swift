import ArgumentParser
import JSONCore
import P4RTClient

/// `p4rtctl packet send PORT HEX`: inject a packet on an in-memory port of the software target and print what the
/// pipeline emitted on each port (`POST /v1/packets/{port}`).
struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet", abstract: "Drive the software target's data plane.", subcommands: [Send.self])

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send", abstract: "Inject a packet (hex) on an in-memory port; print the packets that came out, one per line.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The input port.") var port: UInt32
        @Argument(help: "The packet as hex (colons and spaces ignored).") var hex: String

        func run() throws {
            let client = try global.client()
            let answer = try perform { () throws(P4RTClientError) in
                try client.friendly("POST", "packets/\(port)", body: .object(JSONObject(uniqueKeysWithValues: [("hex", .string(hex))])))
            }
            if global.output == .json { printJSON(answer, pretty: false); return }
            let outputs = answer["outputs"]?.arrayValue ?? []
            if outputs.isEmpty { print("dropped (no output)") }
            for output in outputs {
                print("port \(output["port"]?.int64Value ?? -1) \(output["hex"]?.stringValue ?? "")")
            }
        }
    }
}
