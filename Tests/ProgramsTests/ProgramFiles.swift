import Foundation

/// Locates the shipped programs (`programs/`) and their P4Info (`p4info/`) from this source file.
enum ProgramFiles {
    /// The program names, in the order the docs present them.
    static let names = ["lb", "ct", "classifier", "node"]

    /// The package root.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads a file under the package root as UTF-8 text.
    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }
}
