/// The open stream sessions of a service.
struct SessionRegistry: Sendable {
    var nextId: UInt64 = 1
    var open: [UInt64: StreamSession] = [:]
}
