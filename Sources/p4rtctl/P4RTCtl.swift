import ArgumentParser

/// `p4rtctl`: the command-line client of p4rtd. Argument parsing and wiring only; the work is in P4RTClient and SWX.
@main
struct P4RTCtl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "p4rtctl",
        abstract: "Configure and inspect a p4rtd server; run SWX conformance cases.",
        discussion: """
            Exit codes: 0 success; 1 the server refused the request (its P4Runtime code and message are printed), \
            or a conformance case failed; 64 bad command-line usage; 69 the server could not be reached.
            """,
        subcommands: [PipelineCommand.self, TableCommand.self, CounterCommand.self, RegisterCommand.self,
                      MeterCommand.self, WatchCommand.self, LBCommand.self, CTCommand.self, ClassifyCommand.self, PacketCommand.self, SWXCommand.self])
}
