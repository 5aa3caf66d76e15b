import ArgumentParser
import Foundation
import JSONCore
import P4Model
import P4RTClient

/// Options every server command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The p4rtd server (default $P4RTCTL_SERVER or http://127.0.0.1:9559).", valueName: "URL"))
    var server: String?

    @Option(name: .long, help: "The device id.")
    var device: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("Election id sent with writes, when a controller session holds the primary role.", valueName: "N"))
    var electionId: UInt64?

    @Option(name: .long, help: "Output format: table (for people) or json (for scripts).")
    var output: OutputFormat = .table

    /// The client for these options.
    func client() throws -> P4RTClient {
        let text = server ?? ProcessInfo.processInfo.environment["P4RTCTL_SERVER"] ?? "http://127.0.0.1:9559"
        guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw ValidationError("--server: '\(text)' is not an http:// URL")
        }
        return P4RTClient(baseURL: url, deviceId: device, electionId: electionId.map { Uint128(high: 0, low: $0) })
    }
}

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// Runs a client call, mapping failures to the documented exit codes with the server's message on stderr.
func perform<T>(_ body: () throws(P4RTClientError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        FileHandle.standardError.write(Data(("p4rtctl: " + error.description + "\n").utf8))
        switch error {
        case .transport: throw ExitCode(69)
        case .server, .protocolViolation: throw ExitCode(1)
        }
    }
}

/// Prints a JSON value compactly, or pretty when `pretty`.
func printJSON(_ value: JSONValue, pretty: Bool = true) {
    print(String(decoding: value.serialized(pretty ? .pretty : .compact), as: UTF8.self))
}

/// Prints rows as an aligned text table.
func printTable(_ header: [String], _ rows: [[String]]) {
    var widths = header.map(\.count)
    for row in rows {
        for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { column, cell in
            column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }
    print(line(header))
    rows.forEach { print(line($0)) }
}

/// `NAME=VALUE` pairs from repeated options, in order.
func pairs(_ items: [String], option: String) throws -> [(String, JSONValue)] {
    try items.map { item in
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
            throw ValidationError("--\(option): '\(item)' is not NAME=VALUE")
        }
        return (String(item[..<equals]), .string(String(item[item.index(after: equals)...])))
    }
}

/// A short human rendering of a friendly JSON value.
func humanText(_ value: JSONValue) -> String {
    switch value {
    case .string(let text): return text
    case .integer(let number): return String(number)
    case .double(let number): return String(number)
    case .bool(let flag): return String(flag)
    case .null: return "-"
    case .array(let items): return items.map(humanText).joined(separator: ",")
    case .object(let object): return object.members.map { "\($0.key)=\(humanText($0.value))" }.joined(separator: " ")
    }
}
