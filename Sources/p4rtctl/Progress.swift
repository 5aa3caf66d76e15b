import Foundation
import Glibc

/// Progress lines for long operations: shown on a terminal (standard error), silent when piped or redirected, so
/// scripts see only the result.
enum Progress {
    static let enabled = isatty(2) == 1

    /// Replaces the current progress line with `text`.
    static func step(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Clears the progress line.
    static func done() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
