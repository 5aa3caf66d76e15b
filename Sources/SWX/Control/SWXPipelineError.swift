/// Why the engine refused a program or a control-plane request. `code` lines up with the canonical status the
/// service reports; `message` names the offending object, entry or line.
public struct SWXPipelineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// Malformed or out-of-range input (bad entry text, wrong key size, index past the end…).
        case invalidArgument
        /// No such table, entry, group, profile or session.
        case notFound
        /// The entry (or profile) exists already.
        case alreadyExists
        /// No room: table, bucket or group full.
        case resourceExhausted
        /// Conflicts with the current state (a `const` default entry, a profile in use…).
        case failedPrecondition
        /// The program uses something this engine does not run (extern calls).
        case unimplemented
    }

    /// The kind of failure.
    public var code: Code
    /// What is wrong, naming the item.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `"code: message"`.
    public var description: String { "\(code.rawValue): \(message)" }

    /// The same failure reported by a runtime object, prefixed with `context`.
    init(_ error: SWXRuntimeError, context: String) {
        let code: Code = switch error {
        case .invalidArgument: .invalidArgument
        case .resourceExhausted: .resourceExhausted
        case .alreadyExists: .alreadyExists
        case .notFound: .notFound
        case .failedPrecondition: .failedPrecondition
        }
        self.init(code, context.isEmpty ? error.message : "\(context): \(error.message)")
    }
}
