/// Lookup counters of one table or learner.
public struct SWXTableStatistics: Sendable, Hashable {
    /// Lookups that hit an entry.
    public var hits: UInt64
    /// Lookups that missed (and ran the default action).
    public var misses: UInt64
    /// Per action of the table's `actions` list (same order): how many lookups ran it.
    public var actionCounts: [UInt64]
}

/// Why packets were dropped, as counted by the engine.
public enum SWXDropReason: String, Sendable, Hashable, CaseIterable {
    /// The program executed `drop`.
    case dropInstruction
    /// `tx` to a port ≥ the output port count.
    case invalidOutputPort
    /// `extract` or `lookahead` past the end of the packet.
    case extractPastEnd
    /// The emitted headers did not fit in front of the payload.
    case headroomExhausted
    /// The program looped (too many backward jumps).
    case loopLimit
    /// The packet was larger than `maximumPacketSize`.
    case packetTooLarge
    /// The packet recirculated more than `maximumRecirculations` times.
    case recirculationLimit
    /// More than 128 headers were emitted.
    case emitListFull
}

/// Per-port packet and byte counters and drop counts.
public struct SWXPortStatistics: Sendable, Hashable {
    /// Received packets per input port.
    public var rxPackets: [UInt64]
    /// Received bytes per input port.
    public var rxBytes: [UInt64]
    /// Transmitted packets per output port (mirror clones included).
    public var txPackets: [UInt64]
    /// Transmitted bytes per output port.
    public var txBytes: [UInt64]
    /// Received packets per input port that left the pipeline on no port (mirror clones aside): dropped by the
    /// program, sent to a port that does not exist, or refused by the engine.
    public var dropPackets: [UInt64]
    /// Dropped packets by reason.
    public var drops: [SWXDropReason: UInt64]
    /// Total dropped packets.
    public var dropped: UInt64 { drops.values.reduce(0, +) }
}

extension SWXPipeline {
    /// Hit/miss and per-action counters of the table or learner called `name`.
    public func tableStatistics(_ name: String) throws(SWXPipelineError) -> SWXTableStatistics {
        let (stats, actions): (UnsafeMutablePointer<UInt64>, [SpecTableAction])
        if let t = program.tableIndex(named: name) {
            (stats, actions) = (runtime.tableStats + t * runtime.statsStride, program.tables[t].actions)
        } else if let l = program.learnerIndex(named: name) {
            (stats, actions) = (runtime.learnerStats + l * runtime.statsStride, program.learners[l].actions)
        } else {
            throw SWXPipelineError(.notFound, "no table or learner named \(name)")
        }
        return lock.withLock { _ in
            SWXTableStatistics(hits: stats[0], misses: stats[1], actionCounts: actions.map { stats[2 + $0.actionIndex] })
        }
    }

    /// The learner's own counters (learn, rearm, forget, expiry).
    public func learnerStatistics(_ name: String) throws(SWXPipelineError) -> LearnerStats {
        let l = try learnerIndex(name)
        return lock.withLock { _ in runtime.learners[l].stats }
    }

    /// Port counters and drop counts.
    public func portStatistics() -> SWXPortStatistics {
        lock.withLock { _ in
            let r = runtime
            let inCount = Int(configuration.inputPorts), outCount = Int(configuration.outputPorts)
            var drops: [SWXDropReason: UInt64] = [:]
            for (i, reason) in SWXDropReason.allCases.enumerated() { drops[reason] = r.dropCounts[i] }
            return SWXPortStatistics(
                rxPackets: Array(UnsafeBufferPointer(start: r.portRxPackets, count: inCount)),
                rxBytes: Array(UnsafeBufferPointer(start: r.portRxBytes, count: inCount)),
                txPackets: Array(UnsafeBufferPointer(start: r.portTxPackets, count: outCount)),
                txBytes: Array(UnsafeBufferPointer(start: r.portTxBytes, count: outCount)),
                dropPackets: Array(UnsafeBufferPointer(start: r.portDropPackets, count: inCount)),
                drops: drops)
        }
    }
}
