/// Runs conformance case files (`*.case`, see docs/swx-conformance.md) against the engine: loads the spec, builds
/// the control-plane state the case describes, injects its packets and compares every output byte for byte.
///
/// Each check counts once: every `in` packet (its outputs as a whole), every `regrd`, and the load of an
/// `expect-reject` case. A case that cannot be set up (unreadable file, a control-plane error) counts one
/// failure at the failing directive and stops there.
public enum ConformanceRunner {
    /// Runs every case file in `paths`, in order. `readFile` reads a file's text (the default reads from disk).
    public static func run(paths: [String],
                           readFile: (String) throws -> String = ConformanceFiles.readText) -> ConformanceReport {
        var report = ConformanceReport()
        for path in paths {
            report.append(run(path: path, readFile: readFile))
        }
        return report
    }

    /// Runs one case file.
    public static func run(path: String,
                           readFile: (String) throws -> String = ConformanceFiles.readText) -> ConformanceReport {
        let text: String
        do { text = try readFile(path) } catch {
            return ConformanceReport(failure: "\(path): cannot read the case file: \(error)")
        }
        let parsed: ConformanceCase
        do { parsed = try ConformanceCase.parse(text, path: path) } catch {
            return ConformanceReport(failure: "\(path): \(error)")
        }
        return run(parsed, readFile: readFile)
    }

    /// Runs a parsed case.
    public static func run(_ testCase: ConformanceCase,
                           readFile: (String) throws -> String = ConformanceFiles.readText) -> ConformanceReport {
        withoutActuallyEscaping(readFile) { readFile in
            var session = ConformanceSession(testCase: testCase, readFile: readFile)
            session.run()
            return session.report
        }
    }
}

/// The outcome of running one or more cases: one line per mismatch and the check counts.
public struct ConformanceReport: Sendable, Hashable {
    /// Checks that passed.
    public var passed = 0
    /// Checks that failed.
    public var failed = 0
    /// One line per failure: the case path, the packet index or line, and what differs.
    public var failures: [String] = []

    /// An empty report.
    public init() {}

    init(failure: String) {
        failed = 1
        failures = [failure]
    }

    /// Adds another report's counts and lines.
    public mutating func append(_ other: ConformanceReport) {
        passed += other.passed
        failed += other.failed
        failures += other.failures
    }

    /// `"N passed, M failed"`.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    /// Every failure line followed by the summary line, as the command prints it.
    public var text: String { (failures + [summary]).joined(separator: "\n") + "\n" }
}
