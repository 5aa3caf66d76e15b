import Foundation

/// Runs outside programs that tests need (the Python interpreter named by `P4RTD_PYTHON`, the `ip` tool) to
/// completion.
public enum ChildProcess {
    /// The executable file named by the environment variable `variable`; nil when it is unset, empty, or names no
    /// executable file.
    public static func executable(fromEnvironment variable: String) -> String? {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty,
            FileManager.default.isExecutableFile(atPath: path)
        else { return nil }
        return path
    }

    /// Runs `executable` with `arguments` (in `environment`, else this process's) and waits until it exits; returns
    /// its exit status and its standard output and error combined.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
        -> (status: Int32, output: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
