/// The run loop. A lone packet runs to completion in context 0. A burst runs packet after packet the same way
/// unless the program has a big table or learner (``EngineRuntime/interleaves``); then it round-robins up to
/// `packetContexts` packets as DPDK's pipeline threads do: a split lookup hashes its key, prefetches, and yields to
/// the next context, and is resumed when its context comes round again, by which time the memory has answered.
///
/// Order: a packet transmits only once every earlier packet of the burst has ended, so outputs (mirror clones,
/// then the packet) leave in packet order whatever the interleaving; a packet that ends without output does not
/// wait. State changes (tables, learners, registers, meters) happen in execution order, which for packets on the
/// same path is packet order at each yield point (round robin is FIFO), as in DPDK.
extension EngineRuntime {
    /// Runs one packet received on `port` to completion at time `now` (nanoseconds), delivering its outputs
    /// (mirror clones first, then the packet) to `sink`.
    @inline(__always)
    func run<Sink: EnginePacketSink>(port: UInt32, packet: UnsafeRawBufferPointer, now: UInt64, sink: inout Sink) {
        burst.pointee = EngineBurstState(contextsInUse: 1, oldestSequence: 0)
        runAlone(contexts, port: port, packet: packet, sequence: 0, now: now, sink: &sink)
    }

    /// Runs `count` packets, `input(i)` giving packet `i` (valid until the next call), at time `now`, delivering
    /// every output to `sink` in packet order.
    @inline(__always)
    func run<Sink: EnginePacketSink>(count: Int, input: (Int) -> (port: UInt32, bytes: UnsafeRawBufferPointer),
                                     now: UInt64, sink: inout Sink) {
        guard interleaves, count > 1 else {
            burst.pointee = EngineBurstState(contextsInUse: 1, oldestSequence: 0)
            for i in 0..<count {
                let packet = input(i)
                runAlone(contexts, port: packet.port, packet: packet.bytes, sequence: i, now: now, sink: &sink)
            }
            return
        }
        let k = min(contextCount, count)
        burst.pointee = EngineBurstState(contextsInUse: k, oldestSequence: 0)
        var next = 0
        var active = 0
        var i = 0
        while next < count || active > 0 {
            let c = contexts + i
            if !c.pointee.busy {
                // Admit the next packet (skipping any dropped on arrival) and run it to its first yield.
                while next < count, !c.pointee.busy {
                    let packet = input(next)
                    admit(c, port: packet.port, packet: packet.bytes, sequence: next)
                    next &+= 1
                }
                if c.pointee.busy { active &+= 1 }
            }
            if c.pointee.busy {
                var st = c.pointee.state
                if execute(c, &st, now: now, sink: &sink) {
                    c.pointee.state = st
                } else {
                    complete(c, st)
                    active &-= 1
                    // Refill this context at once so every context keeps a packet in flight.
                    if next < count { continue }
                }
            }
            i &+= 1
            if i == k { i = 0 }
        }
    }

    /// Runs one packet in context `c`, resuming it until it ends.
    @inline(__always)
    func runAlone<Sink: EnginePacketSink>(_ c: UnsafeMutablePointer<EnginePacketContext>, port: UInt32,
                                          packet: UnsafeRawBufferPointer, sequence: Int, now: UInt64, sink: inout Sink) {
        admit(c, port: port, packet: packet, sequence: sequence)
        guard c.pointee.busy else { return }
        var st = c.pointee.state
        while execute(c, &st, now: now, sink: &sink) {}
        complete(c, st)
    }

    /// Counts the packet and loads it into context `c` (which becomes busy), or drops it when it is too large.
    @inline(__always)
    func admit(_ c: UnsafeMutablePointer<EnginePacketContext>, port: UInt32, packet: UnsafeRawBufferPointer, sequence: Int) {
        let inPort = Int(port) < Int(configuration.inputPorts) ? port : configuration.inputPorts - 1
        portRxPackets[Int(inPort)] &+= 1
        portRxBytes[Int(inPort)] &+= UInt64(packet.count)
        guard packet.count <= configuration.maximumPacketSize else {
            dropCounts[EngineDropReason.packetTooLarge.rawValue] &+= 1
            portDropPackets[Int(inPort)] &+= 1
            return
        }
        if let base = packet.baseAddress, packet.count > 0 {
            (c.pointee.buffer + headroom).copyMemory(from: base, byteCount: packet.count)
        }
        var st = EnginePacketState()
        st.cursor = headroom
        st.end = headroom + packet.count
        st.inputPort = port
        st.budget = EngineRuntime.backwardJumpBudget
        st.sequence = sequence
        c.pointee.metadata.initializeMemory(as: UInt8.self, repeating: 0, count: program.metadataSize)
        c.pointee.state = st
        c.pointee.busy = true
    }

    /// Ends the packet of context `c` (final registers `st`): counts a drop when nothing was sent and returns the
    /// context's headers to their storage.
    @inline(__always)
    func complete(_ c: UnsafeMutablePointer<EnginePacketContext>, _ st: EnginePacketState) {
        if !st.transmitted {
            let inPort = Int(st.inputPort) < Int(configuration.inputPorts) ? st.inputPort : configuration.inputPorts - 1
            portDropPackets[Int(inPort)] &+= 1
        }
        resetHeaders(c, st.moved)
        c.pointee.busy = false
        // Every packet before the oldest has ended, so the next one is the best guess for the new oldest; the guess
        // never runs ahead of the truth (see isOldest), it only costs a rescan when that packet ended already.
        if st.sequence == burst.pointee.oldestSequence { burst.pointee.oldestSequence = st.sequence &+ 1 }
    }

    /// Points every header of `c` moved by extract/lookahead back at its storage, restores sizes and zeroes storage.
    @inline(__always)
    func resetHeaders(_ c: UnsafeMutablePointer<EnginePacketContext>, _ moved: UInt64) {
        var m = moved
        while m != 0 {
            let h = m.trailingZeroBitCount
            c.pointee.bases[EngineProgram.firstHeaderSlot + h] = c.pointee.headerStorage + Int(program.headerStorageOffset[h])
            c.pointee.headerSizes[h] = program.headerFixedSize[h]
            m &= m &- 1
        }
        c.pointee.headerStorage.initializeMemory(as: UInt8.self, repeating: 0, count: program.headerStorageSize)
    }

    /// Whether `sequence` is the oldest packet in flight, refreshing the cached oldest. The cache is never above
    /// the true oldest, so a packet whose sequence equals it is the oldest and needs no rescan; this runs only
    /// when packets ended out of order or a younger packet reached `tx` first.
    @inline(never)
    func isOldest(_ sequence: Int) -> Bool {
        var oldest = Int.max
        for j in 0..<burst.pointee.contextsInUse where contexts[j].busy {
            oldest = min(oldest, contexts[j].state.sequence)
        }
        burst.pointee.oldestSequence = oldest
        return sequence == oldest
    }
}
