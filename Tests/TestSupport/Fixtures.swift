import Foundation

/// Locates the project's own files and the optional `../shared/fixtures` corpus.
///
/// Tests that need the shared corpus gate themselves with `.enabled(if: Fixtures.sharedAvailable, ...)`
/// so a user's clone (which has no `../shared`) skips them with a clear message instead of failing.
public enum Fixtures {
    /// The package root, derived from this file's path (Tests/TestSupport/Fixtures.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/fixtures` beside the package, or `P4RTD_SHARED_FIXTURES` when set.
    public static let sharedRoot: URL = {
        if let env = ProcessInfo.processInfo.environment["P4RTD_SHARED_FIXTURES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
    }()

    /// True when the shared fixture corpus is present.
    public static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedRoot.path)
    }

    /// The message shown when a test is skipped for lack of the corpus (wrap it in `Comment(rawValue:)`).
    public static let sharedMissing = "skipped: ../shared/fixtures is absent (it ships beside the project, not in a clone)"

    /// A file under `../shared/fixtures`.
    public static func shared(_ relativePath: String) -> URL {
        sharedRoot.appendingPathComponent(relativePath)
    }

    /// A file of the project itself (e.g. `p4info/node.p4info.txt`).
    public static func project(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent(relativePath)
    }

    /// Every file below `directory` whose name ends with one of `suffixes`, sorted for a stable test order.
    public static func files(under directory: URL, endingWith suffixes: [String]) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where suffixes.contains(where: { url.lastPathComponent.hasSuffix($0) }) {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }
}
