import ArgumentParser
import SWX

/// `p4rtctl swx run FILE.case...`: the SWX conformance runner (docs/swx-conformance.md).
struct SWXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swx", abstract: "The software target's engine, offline.", subcommands: [Run.self])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run", abstract: "Run conformance case files; print each mismatch and the closing line `N passed, M failed`.")
        @Argument(help: "Case files (.case).") var files: [String]

        func validate() throws {
            if files.isEmpty { throw ValidationError("give at least one .case file") }
        }

        func run() throws {
            let report = ConformanceRunner.run(paths: files)
            print(report.text, terminator: "")
            if report.failed > 0 { throw ExitCode(1) }
        }
    }
}
