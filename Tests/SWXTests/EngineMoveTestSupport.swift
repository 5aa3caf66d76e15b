@testable import SWX

extension EngineRuntime {
    /// Runs `mov destination source` of kind `kind` as the executor does: the general path (read the source as a
    /// number, write it in the destination's store kind: the `mov` opcode), or ``EngineMoveKind/perform(to:from:)``
    /// (the opcode of each fast kind).
    static func move(_ bases: UnsafePointer<UnsafeMutableRawPointer>, _ kind: EngineMoveKind,
                     _ destination: EngineField, _ source: EngineField) {
        if kind == .general {
            destination.write(bases, source.read(bases))
        } else {
            kind.perform(to: destination.address(bases), from: UnsafeRawPointer(source.address(bases)))
        }
    }
}
