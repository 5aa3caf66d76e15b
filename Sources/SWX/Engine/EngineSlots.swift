/// What the `table` op needs about one regular table, as POD: where the key window is, the lookup structure
/// (held unretained; the runtime keeps it alive), the default entry and where its statistics go.
struct EngineTableSlot {
    enum Kind: UInt8 { case stub, exact, wildcard }
    var kind: Kind
    /// Whether lookups may prefetch and yield to the next packet context (an exact table whose allocation passes
    /// the interleave threshold); they do once it holds `prefetchPopulation` entries.
    var prefetches: Bool
    var prefetchPopulation: Int
    /// Whether lookups split in the interleaved burst under way: `prefetches` and the population reached, as
    /// ``EngineRuntime/interleavesNow()`` found before the burst.
    var splits = false
    var keySlot: UInt16
    var keyOffset: Int32
    var exact: Unmanaged<ExactMatchTable>?
    var wildcard: Unmanaged<WildcardTable>?
    var defaultAction: UInt32
    /// `dataSize` (+ slack) bytes owned by the runtime.
    var defaultData: UnsafeMutableRawPointer
    var dataSize: Int
    var statsOffset: Int

    /// Where a lookup's key lies for a packet whose struct base pointers are `bases`.
    @inline(__always)
    func key(_ bases: UnsafePointer<UnsafeMutableRawPointer>) -> UnsafeRawPointer {
        UnsafeRawPointer(bases[Int(keySlot)] + Int(keyOffset))
    }
}

/// What the selector op needs about one selector.
struct EngineSelectorSlot {
    var selector: Unmanaged<SelectorTable>
    var groupID: EngineField
    var memberID: EngineField
    var windowSlot: UInt16
    var windowOffset: Int32
}

/// What the learner op needs about one learner.
struct EngineLearnerSlot {
    var learner: Unmanaged<Learner>
    /// Whether lookups may prefetch and yield to the next packet context (a learner whose buckets pass the
    /// interleave threshold); they do once it holds `prefetchPopulation` records.
    var prefetches: Bool
    var prefetchPopulation: Int
    /// Whether lookups split in the interleaved burst under way: `prefetches` and the population reached, as
    /// ``EngineRuntime/interleavesNow()`` found before the burst.
    var splits = false
    var keySlot: UInt16
    var keyOffset: Int32
    var defaultAction: UInt32
    var defaultData: UnsafeMutableRawPointer
    var dataSize: Int
    var statsOffset: Int

    /// Where a lookup's key lies for a packet whose struct base pointers are `bases`.
    @inline(__always)
    func key(_ bases: UnsafePointer<UnsafeMutableRawPointer>) -> UnsafeRawPointer {
        UnsafeRawPointer(bases[Int(keySlot)] + Int(keyOffset))
    }
}

/// One mirror session (`mirror session S port P clone fast|slow truncate L`).
struct EngineMirrorSession {
    var configured: Bool = false
    var port: UInt32 = 0
    var fastClone: Bool = false
    var truncationLength: UInt32 = 0
}

/// Why the engine dropped a packet; indices into the drop counters.
enum EngineDropReason: Int, CaseIterable {
    case dropInstruction, invalidOutputPort, extractPastEnd, headroomExhausted, loopLimit, packetTooLarge,
         recirculationLimit, emitListFull
}

/// Where the executor delivers output packets (a tx or a mirror clone), in emission order.
protocol EnginePacketSink {
    /// Called once per output packet; `packet` is valid only during the call.
    mutating func transmit(port: UInt32, packet: UnsafeRawBufferPointer)
}
