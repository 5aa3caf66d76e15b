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
    /// Runs `count` packets, `input(i)` giving packet `i` (valid until this call returns), at time `now` (clock
    /// nanoseconds), delivering every output (mirror clones first, then the packet) to `sink` in packet order. The
    /// packets are gathered (``EngineBurstInput``) in chunks of ``burstInputCapacity``; a chunk interleaves when
    /// some big object holds enough entries (``interleavesNow()``), else its packets run one after another.
    @inline(__always)
    func run<Sink: EnginePacketSink>(count: Int, input: (Int) -> (port: UInt32, bytes: UnsafeRawBufferPointer),
                                     now: UInt64, sink: inout Sink) {
        var done = 0
        while done < count {
            let n = min(count - done, EngineRuntime.burstInputCapacity)
            let interleave = n > 1 && interleavesNow()
            // One call site of `input`, so that it is inlined as the lone path needs.
            for j in 0..<n {
                let packet = input(done + j)
                let bytes = packet.bytes.baseAddress, length = packet.bytes.count
                if interleave {
                    burstInputs[j] = EngineBurstInput(bytes: bytes, length: length, port: packet.port)
                } else {
                    run(port: packet.port, bytes: bytes, length: length, now: now, sink: &sink)
                }
            }
            if interleave { runGathered(count: n, now: now, sink: &sink) }
            done += n
        }
    }

    /// Runs one packet (`length` bytes at `bytes`) received on `port` to completion, delivering its outputs to
    /// `sink`. This is the whole packet path of pipelines without big objects (the executor is inlined here); a
    /// split lookup just resumes at once.
    @inline(__always)
    func run<Sink: EnginePacketSink>(port: UInt32, bytes: UnsafeRawPointer?, length: Int, now: UInt64,
                                     sink: inout Sink) {
        var st = EnginePacketState()
        let c = lone
        guard admit(c, port: port, bytes: bytes, length: length, sequence: 0, state: &st) else { return }
        while execute(UnsafePointer(contexts), bases: c.bases, &st, ordered: false, now: now, sink: &sink) {}
        complete(c, st, ordered: false)
    }

    /// Runs the `count` packets gathered in ``burstInputs``, interleaving up to `packetContexts` of them.
    ///
    /// The slice switch is kept cheap because every big-table packet switches at least once: the executor is
    /// inlined here (this function is the interleaved path's own copy; the lone-packet path has another), so a
    /// slice costs no call and the burst's constants stay loaded; the registers stay in the context's slot the
    /// whole time; and the later steps of a split lookup (prefetching the candidate records, then the lookup
    /// itself) run here without entering the executor, which resumes the packet at the action's first op.
    @inline(never)
    func runGathered<Sink: EnginePacketSink>(count: Int, now: UInt64, sink: inout Sink) {
        let k = min(contextCount, count)
        burst.pointee = EngineBurstState(contextsInUse: k, oldestSequence: 0)
        var next = 0
        var active = 0
        var i = 0
        while next < count || active > 0 {
            let mbases = contexts[i].bases
            let st = EnginePacketContext.state(beforeBases: mbases)
            if contextBusy[i] {
                if st.pointee.phase == 1 {
                    st.pointee.phase = 2
                    // Candidates prefetched: come back once the other contexts have had their turn.
                    if advanceSplitLookup(st, now: now) {
                        i = i &+ 1 == k ? 0 : i &+ 1
                        continue
                    }
                }
                // A lookup ready to finish resumes its packet at the action (a packet waiting to transmit, in
                // phase 0, resumes at its `tx`).
                if st.pointee.phase == 2 { finishSplitLookup(st, bases: mbases, now: now) }
            } else {
                // Admit the next packet and run it to its first yield (one dropped on arrival leaves the context
                // free for the packet after it, at the loop's top).
                if next == count {
                    i = i &+ 1 == k ? 0 : i &+ 1
                    continue
                }
                let packet = burstInputs + next
                st.pointee.reset()
                let admitted = admit(contexts[i], port: packet.pointee.port, bytes: packet.pointee.bytes,
                                     length: packet.pointee.length, sequence: next, state: &st.pointee)
                next &+= 1
                if !admitted { continue }
                active &+= 1
                contextBusy[i] = true
            }
            if !execute(UnsafePointer(contexts + i), bases: mbases, &st.pointee, ordered: true, now: now, sink: &sink) {
                complete(contexts[i], st.pointee, ordered: true)
                contextBusy[i] = false
                active &-= 1
                // Refill this context at once so every context keeps a packet in flight.
                if next < count { continue }
            }
            i = i &+ 1 == k ? 0 : i &+ 1
        }
    }

    /// Whether a burst should interleave now: some big table or learner holds enough entries to miss the caches.
    /// Checked before each chunk of a burst (entries change between bursts, or by learning within one), which also
    /// decides for each object whether its lookups split during the chunk (`splits`).
    func interleavesNow() -> Bool {
        guard interleaves else { return false }
        var any = false
        for t in 0..<spec.tables.count where tableSlots[t].prefetches {
            let big = tableSlots[t].exact.unsafelyUnwrapped._withUnsafeGuaranteedRef {
                $0.population(atLeast: tableSlots[t].prefetchPopulation)
            }
            tableSlots[t].splits = big
            any = any || big
        }
        for l in 0..<spec.learners.count where learnerSlots[l].prefetches {
            let big = learnerSlots[l].learner._withUnsafeGuaranteedRef {
                $0.population(atLeast: learnerSlots[l].prefetchPopulation)
            }
            learnerSlots[l].splits = big
            any = any || big
        }
        return any
    }

    /// Counts the packet (`length` bytes at `bytes`) and loads it into context `c`, setting up its registers in
    /// `st`; returns false (the packet is dropped and counted) when it is too large.
    @inline(__always)
    func admit(_ c: EnginePacketContext, port: UInt32, bytes: UnsafeRawPointer?, length: Int, sequence: Int,
               state st: inout EnginePacketState) -> Bool {
        let inPort = Int(port) < Int(configuration.inputPorts) ? port : configuration.inputPorts - 1
        portRxPackets[Int(inPort)] &+= 1
        portRxBytes[Int(inPort)] &+= UInt64(length)
        guard length <= configuration.maximumPacketSize else {
            dropCounts[EngineDropReason.packetTooLarge.rawValue] &+= 1
            portDropPackets[Int(inPort)] &+= 1
            return false
        }
        if let base = bytes, length > 0 {
            KeyBytes.copyBlock(c.buffer + headroom, base, length)
        }
        st.cursor = headroom
        st.end = headroom + length
        st.inputPort = port
        st.budget = EngineRuntime.backwardJumpBudget
        st.sequence = sequence
        KeyBytes.zeroBlock(c.metadata, program.metadataSize)
        return true
    }

    /// Ends the packet of context `c` (final registers `st`): counts a drop when nothing was sent and returns the
    /// context's headers to their storage. The caller marks the context free.
    @inline(__always)
    func complete(_ c: EnginePacketContext, _ st: borrowing EnginePacketState, ordered: Bool) {
        if !st.transmitted {
            let inPort = Int(st.inputPort) < Int(configuration.inputPorts) ? st.inputPort : configuration.inputPorts - 1
            portDropPackets[Int(inPort)] &+= 1
        }
        resetHeaders(c, st.moved)
        // Every packet before the oldest has ended, so the next one is the best guess for the new oldest; the guess
        // never runs ahead of the truth (see isOldest), it only costs a rescan when that packet ended already.
        if ordered, st.sequence == burst.pointee.oldestSequence { burst.pointee.oldestSequence = st.sequence &+ 1 }
    }

    /// Points every header of `c` moved by extract/lookahead back at its storage, restores sizes and zeroes storage.
    @inline(__always)
    func resetHeaders(_ c: EnginePacketContext, _ moved: UInt64) {
        var m = moved
        while m != 0 {
            let h = m.trailingZeroBitCount
            c.bases[EngineProgram.firstHeaderSlot + h] = c.headerStorage + Int(program.headerStorageOffset[h])
            c.headerSizes[h] = program.headerFixedSize[h]
            m &= m &- 1
        }
        KeyBytes.zeroBlock(c.headerStorage, program.headerStorageSize)
    }

    /// Whether `sequence` is the oldest packet in flight, refreshing the cached oldest. The cache is never above
    /// the true oldest, so a packet whose sequence equals it is the oldest and needs no rescan; this runs only
    /// when packets ended out of order or a younger packet reached `tx` first.
    /// The asking packet is running, so its context may not be marked busy yet (a packet that has not yielded
    /// keeps its registers in a local): it is counted by `sequence` itself.
    @inline(never)
    func isOldest(_ sequence: Int) -> Bool {
        var oldest = sequence
        for j in 0..<burst.pointee.contextsInUse where contextBusy[j] {
            oldest = min(oldest, contexts[j].state.pointee.sequence)
        }
        burst.pointee.oldestSequence = oldest
        return sequence == oldest
    }
}
