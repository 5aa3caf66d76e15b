extension EngineMove {
    /// This move and `next` (run right after it) as one move, or nil when they do not pair.
    ///
    /// The pair reads both sources before it writes either destination, so `next` must not read what this move
    /// writes (`aliasing` says which structs may share memory).
    func paired(with next: EngineMove, aliasing: EngineSlotAliasing) -> EngineMove? {
        let wider: EngineMoveKind
        switch (kind, next.kind) {
        case (.copy8, .copy8): wider = .copy16
        case (.copy16, .copy16): wider = .copy32
        case (.copy32, .copy32): wider = .copy64
        case (.swap16, .swap16): wider = .swapPair16
        case (.swap32, .swap32): wider = .swapPair32
        default: return nil
        }
        let size = Int32(destination.bitWidth / 8)
        guard next.destination.slot == destination.slot, next.destination.offset == destination.offset + size,
              next.source.slot == source.slot, next.source.offset == source.offset + size else { return nil }
        guard !aliasing.mayOverlap(destination.slot, destination.offset, size,
                                   next.source.slot, next.source.offset, size) else { return nil }
        let width = 2 * destination.bitWidth
        return EngineMove(
            destination: EngineField(slot: Int(destination.slot), byteOffset: Int(destination.offset), bitWidth: width,
                                     bigEndian: destination.isBigEndian),
            source: EngineField(slot: Int(source.slot), byteOffset: Int(source.offset), bitWidth: width,
                                bigEndian: source.isBigEndian),
            kind: wider)
    }
}
