/// One packet context (DPDK's pipeline "thread"): the struct buffers a packet runs against (action data,
/// metadata, header storage, extern mailboxes and the struct base pointers over them), its packet buffer with
/// headroom, the emit list and mirror slots. The runtime keeps `packetContexts` of them so a burst can switch to
/// the next packet while one waits for memory; the registers of the packet each holds (``state``) sit right
/// before its base pointers, in the same allocation.
///
/// Immutable plain pointers, allocated by ``allocate(program:headroom:bufferSize:mirrorSlots:)`` and freed by
/// ``deallocate()``: the executor takes a context by value, and the lone-packet path reads context 0 from a `let`
/// of the runtime, so the compiler keeps the pointers in registers across packets.
struct EnginePacketContext {
    let bases: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// Zeroed data that `t.` points at until a lookup points it at the matched entry's (or the default) data.
    let actionData: UnsafeMutableRawPointer
    let metadata: UnsafeMutableRawPointer
    let headerStorage: UnsafeMutableRawPointer
    let headerSizes: UnsafeMutablePointer<Int32>
    let mailboxes: UnsafeMutablePointer<UnsafeMutableRawPointer>
    let mailboxCount: Int
    let buffer: UnsafeMutableRawPointer
    let scratch: UnsafeMutableRawPointer
    let emitList: UnsafeMutablePointer<Int32>
    let mirrorSlots: UnsafeMutablePointer<UInt32>

    /// Bytes before `bases` that hold the packet's registers in an interleaved burst. One allocation for both, so
    /// the interleaved executor addresses the registers from the base pointer it holds anyway (a register freed
    /// in its dispatch loop; the lone path keeps its registers in a local).
    static let stateBytes = (MemoryLayout<EnginePacketState>.stride + 63) & ~63

    /// The registers of the packet this context holds in an interleaved burst, `stateBytes` before `bases`.
    @inline(__always)
    static func state(beforeBases bases: UnsafeMutablePointer<UnsafeMutableRawPointer>)
        -> UnsafeMutablePointer<EnginePacketState> {
        (UnsafeMutableRawPointer(bases) - stateBytes).assumingMemoryBound(to: EnginePacketState.self)
    }

    /// The registers of the packet this context holds in an interleaved burst.
    var state: UnsafeMutablePointer<EnginePacketState> { EnginePacketContext.state(beforeBases: bases) }

    /// A fresh context for `program`: zeroed structs, header bases pointing at their storage.
    static func allocate(program: EngineProgram, headroom: Int, bufferSize: Int, mirrorSlots: Int) -> EnginePacketContext {
        let mailboxCount = program.mailboxSizes.count
        let mailboxes = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: max(mailboxCount, 1))
        for (i, size) in program.mailboxSizes.enumerated() { (mailboxes + i).initialize(to: EngineRuntime.allocateZeroed(size)) }
        let front = UnsafeMutableRawPointer.allocate(byteCount: stateBytes + program.slotCount * 8, alignment: 64)
        front.initializeMemory(as: EnginePacketState.self, repeating: EnginePacketState(), count: 1)
        let c = EnginePacketContext(
            bases: (front + stateBytes).bindMemory(to: UnsafeMutableRawPointer.self, capacity: program.slotCount),
            actionData: EngineRuntime.allocateZeroed(program.actionDataCapacity),
            metadata: EngineRuntime.allocateZeroed(program.metadataSize),
            headerStorage: EngineRuntime.allocateZeroed(program.headerStorageSize),
            headerSizes: .allocate(capacity: max(program.headerCount, 1)),
            mailboxes: mailboxes, mailboxCount: mailboxCount,
            buffer: EngineRuntime.allocateZeroed(bufferSize),
            scratch: EngineRuntime.allocateZeroed(headroom),
            emitList: .allocate(capacity: EngineRuntime.emitListCapacity),
            mirrorSlots: .allocate(capacity: mirrorSlots))
        c.headerSizes.initialize(from: program.headerFixedSize, count: program.headerCount)
        c.emitList.initialize(repeating: 0, count: EngineRuntime.emitListCapacity)
        c.mirrorSlots.initialize(repeating: 0, count: mirrorSlots)
        c.bases[EngineProgram.actionDataSlot] = c.actionData
        c.bases[EngineProgram.metadataSlot] = c.metadata
        c.bases[EngineProgram.constantsSlot] = program.constants
        for h in 0..<program.headerCount {
            c.bases[EngineProgram.firstHeaderSlot + h] = c.headerStorage + Int(program.headerStorageOffset[h])
        }
        for i in 0..<mailboxCount { c.bases[EngineProgram.firstHeaderSlot + program.headerCount + i] = mailboxes[i] }
        return c
    }

    /// Frees every buffer of the context.
    func deallocate() {
        for i in 0..<mailboxCount { mailboxes[i].deallocate() }
        mailboxes.deallocate()
        (UnsafeMutableRawPointer(bases) - EnginePacketContext.stateBytes).deallocate()
        for p in [actionData, metadata, headerStorage, buffer, scratch] { p.deallocate() }
        headerSizes.deallocate()
        emitList.deallocate()
        mirrorSlots.deallocate()
    }
}

/// Burst bookkeeping the executor reads: how many contexts the running burst uses and the oldest packet still in
/// flight (a packet transmits only when it is the oldest, so outputs leave in packet order).
struct EngineBurstState {
    var contextsInUse = 1
    var oldestSequence = 0
}
