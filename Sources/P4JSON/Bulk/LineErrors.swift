import Synchronization
import P4Model

/// The decode errors of an NDJSON body's lines, recorded concurrently by the workers that decode them; the first
/// in line order is the one reported.
final class LineErrors: Sendable {
    private let recorded = Mutex<[(index: Int, error: P4RuntimeError)]>([])

    /// Records the error of the line with 0-based non-blank index `index`.
    func record(_ error: P4RuntimeError, at index: Int) {
        recorded.withLock { $0.append((index, error)) }
    }

    /// The error of the earliest failed line, if any.
    var first: P4RuntimeError? {
        recorded.withLock { errors in errors.min { $0.index < $1.index }?.error }
    }
}
