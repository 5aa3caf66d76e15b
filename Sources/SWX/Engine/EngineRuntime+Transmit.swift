extension EngineRuntime {
    /// Ends the packet at `tx` (or `drop` when `drop`): builds the output (emitted headers in emit order in front of
    /// the remaining payload), sends mirror clones, then sends the packet to `port`, drops it, or, when the program
    /// asked for recirculation, makes it the input of the next pass and returns true.
    @inline(__always)
    func finish<Sink: EnginePacketSink>(_ cp: UnsafePointer<EnginePacketContext>, _ st: inout EnginePacketState,
                                        port: UInt32, drop: Bool, sink: inout Sink) -> Bool {
        // The context comes by address: this function is out of line and a copy would cost more than the loads.
        let c = cp.pointee
        let buffer = c.buffer
        if drop, st.mirrorMask == 0 {
            // Nothing leaves the pipeline: skip building the output.
            dropCounts[EngineDropReason.dropInstruction.rawValue] &+= 1
            return false
        }
        guard let start = assemble(c, cursor: st.cursor, emitCount: st.emitCount) else {
            dropCounts[EngineDropReason.headroomExhausted.rawValue] &+= 1
            return false
        }
        let length = st.end &- start
        let output = UnsafeRawBufferPointer(start: buffer + start, count: length)
        var mask = st.mirrorMask
        while mask != 0 {
            let slot = mask.trailingZeroBitCount
            mask &= mask &- 1
            let session = mirrorSessions[Int(c.mirrorSlots[slot])]
            guard session.configured else { continue }
            var n = length
            if !session.fastClone, session.truncationLength > 0 { n = min(n, Int(session.truncationLength)) }
            deliver(port: session.port, UnsafeRawBufferPointer(start: output.baseAddress, count: n), sink: &sink)
        }
        if drop {
            dropCounts[EngineDropReason.dropInstruction.rawValue] &+= 1
            return false
        }
        if st.recirculate {
            guard st.passID < configuration.maximumRecirculations else {
                dropCounts[EngineDropReason.recirculationLimit.rawValue] &+= 1
                return false
            }
            guard length <= configuration.maximumPacketSize else {
                dropCounts[EngineDropReason.packetTooLarge.rawValue] &+= 1
                return false
            }
            if start != headroom { (buffer + headroom).copyMemory(from: buffer + start, byteCount: length) }
            st.cursor = headroom
            st.end = headroom &+ length
            st.valid = 0
            st.emitCount = 0
            st.mirrorMask = 0
            st.recirculate = false
            st.recirculating = true
            st.passID &+= 1
            var m = st.moved
            while m != 0 {
                let h = m.trailingZeroBitCount
                c.bases[EngineProgram.firstHeaderSlot + h] = c.headerStorage + Int(program.headerStorageOffset[h])
                c.headerSizes[h] = program.headerFixedSize[h]
                m &= m &- 1
            }
            st.moved = 0
            return true
        }
        st.transmitted = deliver(port: port, output, sink: &sink)
        return false
    }

    /// Sends `packet` to `port`; returns false (and counts a drop) when the port does not exist.
    @discardableResult
    @inline(__always)
    func deliver<Sink: EnginePacketSink>(port: UInt32, _ packet: UnsafeRawBufferPointer, sink: inout Sink) -> Bool {
        guard port < configuration.outputPorts else {
            dropCounts[EngineDropReason.invalidOutputPort.rawValue] &+= 1
            return false
        }
        portTxPackets[Int(port)] &+= 1
        portTxBytes[Int(port)] &+= UInt64(packet.count)
        sink.transmit(port: port, packet: packet)
        return true
    }

    /// Lays the emitted headers out in front of the payload and returns the output's first byte offset in the
    /// buffer, or nil when they do not fit in the headroom. Headers already in place (the longest run of emitted
    /// headers that ends exactly at the payload) are not copied; the others are copied in front of them, through
    /// the scratch buffer when a source lies inside the packet buffer and could be overwritten.
    @inline(__always)
    func assemble(_ c: EnginePacketContext, cursor: Int, emitCount: Int) -> Int? {
        let first = EngineProgram.firstHeaderSlot
        let bases = c.bases
        let buffer = c.buffer
        let headerSizes = c.headerSizes
        let emitList = c.emitList
        let scratch = c.scratch
        var pos = cursor
        var j = emitCount
        while j > 0 {
            let h = Int(emitList[j &- 1])
            let size = Int(headerSizes[h])
            if bases[first &+ h] == buffer + (pos &- size) {
                pos &-= size
                j &-= 1
            } else {
                break
            }
        }
        if j == 0 { return pos }
        var prefix = 0
        var insidePacket = false
        let bufferEnd = buffer + bufferSize
        for i in 0..<j {
            let h = Int(emitList[i])
            prefix &+= Int(headerSizes[h])
            let p = bases[first &+ h]
            if p >= buffer && p < bufferEnd { insidePacket = true }
        }
        let start = pos &- prefix
        guard start >= 0 else { return nil }
        if insidePacket {
            guard prefix <= headroom else { return nil }
            var o = 0
            for i in 0..<j {
                let h = Int(emitList[i])
                let size = Int(headerSizes[h])
                (scratch + o).copyMemory(from: bases[first &+ h], byteCount: size)
                o &+= size
            }
            (buffer + start).copyMemory(from: scratch, byteCount: prefix)
        } else {
            var o = start
            for i in 0..<j {
                let h = Int(emitList[i])
                let size = Int(headerSizes[h])
                (buffer + o).copyMemory(from: bases[first &+ h], byteCount: size)
                o &+= size
            }
        }
        return start
    }
}
