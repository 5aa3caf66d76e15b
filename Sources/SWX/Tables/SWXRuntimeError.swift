/// Why a control-plane operation on a runtime object (table, selector, learner, register or meter array, RSS key)
/// was refused. Each case carries a message naming the object and the offending value; the cases line up with the
/// canonical codes the service reports (INVALID_ARGUMENT, RESOURCE_EXHAUSTED, ALREADY_EXISTS, NOT_FOUND,
/// FAILED_PRECONDITION). Packet-path operations never throw.
public enum SWXRuntimeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter or value is malformed or out of range (wrong key size, index past the end, zero weight…).
    case invalidArgument(String)
    /// The object has no room for the entry (table size reached, learner bucket full, group weights too large).
    case resourceExhausted(String)
    /// An entry with the same match already exists; `entryID` is its id.
    case alreadyExists(String, entryID: UInt32)
    /// No entry, profile or group matches.
    case notFound(String)
    /// The operation conflicts with the current state (e.g. deleting a meter profile that meters still use).
    case failedPrecondition(String)

    /// The message, without the case name.
    public var message: String {
        switch self {
        case .invalidArgument(let m), .resourceExhausted(let m), .notFound(let m), .failedPrecondition(let m): m
        case .alreadyExists(let m, _): m
        }
    }

    public var description: String { message }
}
