import Foundation
import Glibc

/// A real `p4rtd` process for end-to-end tests: started on an ephemeral port, ready once it printed its ready line,
/// stopped with SIGTERM.
public final class P4RTDProcess {
    /// A failure to start or stop the server.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The built executable (`P4RTD_BIN`, else `.build/debug/p4rtd` of this package).
    public static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["P4RTD_BIN"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return Fixtures.packageRoot.appendingPathComponent(".build/debug/p4rtd")
    }

    /// True when the executable exists (tests skip with `executableMissing` otherwise).
    public static var available: Bool { FileManager.default.isExecutableFile(atPath: executable.path) }

    /// Why end-to-end tests were skipped.
    public static let executableMissing = "skipped: p4rtd is not built (run `swift build` first, or set P4RTD_BIN)"

    public let process = Process()
    /// The port the server listens on.
    public private(set) var port: UInt16 = 0
    private let output = Pipe()
    private let errors = Pipe()

    /// Starts `p4rtd --listen 127.0.0.1:0 ARGS…` and waits (up to `timeout`) for its ready line.
    public init(arguments: [String] = [], timeout: TimeInterval = 20) throws {
        process.executableURL = Self.executable
        process.arguments = ["--listen", "127.0.0.1:0"] + arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        let handle = output.fileHandleForReading
        while !text.contains("\n") {
            guard Date() < deadline, process.isRunning else {
                let stderr = String(decoding: errors.fileHandleForReading.availableDataNonBlocking(), as: UTF8.self)
                process.terminate()
                throw Failure(description: "p4rtd did not become ready: stdout '\(text)' stderr '\(stderr)'")
            }
            let data = handle.availableData
            if data.isEmpty { continue }
            text += String(decoding: data, as: UTF8.self)
        }
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        guard line.hasPrefix("p4rtd listening on http://127.0.0.1:"),
              let port = UInt16(line.split(separator: ":").last ?? "") else {
            throw Failure(description: "unexpected ready line '\(line)'")
        }
        self.port = port
        readyLine = line
    }

    /// The first line the server printed.
    public private(set) var readyLine = ""

    /// A new raw client connected to the server.
    public func client(timeoutSeconds: Int = 10) throws -> RawHTTPClient {
        try RawHTTPClient(port: port, timeoutSeconds: timeoutSeconds)
    }

    /// Sends SIGTERM and waits for the exit; returns the exit status.
    @discardableResult
    public func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    /// What the server wrote to standard error so far.
    public func standardError() -> String {
        String(decoding: errors.fileHandleForReading.availableDataNonBlocking(), as: UTF8.self)
    }

    deinit { stop() }
}

extension FileHandle {
    /// The bytes readable right now, without blocking.
    func availableDataNonBlocking() -> Data {
        let descriptor = fileDescriptor
        let flags = fcntl(descriptor, F_GETFL)
        _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(descriptor, F_SETFL, flags) }
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }
}
