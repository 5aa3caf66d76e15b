import P4Model
import SWX

/// A snapshot of the software target's counters for monitoring: per table, per learner, per port, per indexed
/// counter. No table entry is visited, so a scrape costs the same whatever the table sizes (indexed counters cost
/// one read per cell).
public struct TargetTelemetry: Sendable {
    /// One P4Info table (regular tables only; learners are in `learners`).
    public struct Table: Sendable {
        /// The P4Info name.
        public var name: String
        /// Entries the controller installed.
        public var entries: Int
        /// The spec's size.
        public var capacity: Int
        /// Lookups that hit.
        public var hits: UInt64
        /// Lookups that missed.
        public var misses: UInt64
    }

    /// One learner (add-on-miss) table.
    public struct Learner: Sendable {
        /// The P4Info name.
        public var name: String
        /// The spec's size.
        public var capacity: Int
        /// Lookups that hit / missed.
        public var hits: UInt64
        /// Lookups that missed.
        public var misses: UInt64
        /// Entries learned by the data plane.
        public var learned: UInt64
        /// Learn attempts refused (table full).
        public var refused: UInt64
        /// Entries that expired.
        public var expired: UInt64
        /// Entries forgotten by the program.
        public var forgotten: UInt64
    }

    /// One engine port.
    public struct Port: Sendable {
        /// The port number.
        public var number: UInt32
        /// Packets and bytes received.
        public var rxPackets: UInt64
        /// Bytes received.
        public var rxBytes: UInt64
        /// Packets transmitted.
        public var txPackets: UInt64
        /// Bytes transmitted.
        public var txBytes: UInt64
    }

    /// One indexed counter: its totals and its busiest cells.
    public struct Counter: Sendable {
        /// The P4Info name.
        public var name: String
        /// Sum of every cell, in packets.
        public var packets: UInt64
        /// Sum of every cell, in bytes.
        public var bytes: UInt64
        /// Non-zero cells, lowest indexes first, at most `TargetTelemetry.cellLimit` (index, packets, bytes).
        public var cells: [(index: Int, packets: UInt64, bytes: UInt64)]
    }

    /// The most cells reported per counter, which bounds the label cardinality of a scrape.
    public static let cellLimit = 64

    /// Indexed counters in P4Info order.
    public var counters: [Counter] = []
    /// Regular tables in P4Info order.
    public var tables: [Table] = []
    /// Learners in P4Info order.
    public var learners: [Learner] = []
    /// Engine ports in number order.
    public var ports: [Port] = []
    /// Packets dropped by the pipeline, by reason.
    public var drops: [(reason: String, count: UInt64)] = []
    /// Packet-in events delivered and dropped (no subscriber or full queue), packet-outs injected.
    public var packetIns: UInt64 = 0
    /// Packet-ins that found no room.
    public var packetInsDropped: UInt64 = 0
    /// Packet-outs injected.
    public var packetOuts: UInt64 = 0
}

extension SoftwareTargetDevice {
    /// The current counters; empty tables and learners before a pipeline is loaded.
    public func telemetry() -> TargetTelemetry {
        let snapshot: (Active, [TableID: Int])? = exclusive {
            guard let active else { return nil }
            return (active, active.state.entries.mapValues(\.count))
        }
        var telemetry = TargetTelemetry()
        let own = counters.withLock { $0 }
        telemetry.packetIns = own.packetIns
        telemetry.packetInsDropped = own.packetInsDropped
        telemetry.packetOuts = own.packetOuts
        guard let (active, counts) = snapshot else { return telemetry }
        let engine = active.engine
        for table in active.pipeline.schema.tables {
            guard let binding = active.pipeline.binding.tables[table.id],
                  let statistics = try? engine.tableStatistics(binding.specName) else { continue }
            switch binding.target {
            case .table:
                telemetry.tables.append(.init(name: table.name, entries: counts[table.id] ?? 0,
                                              capacity: binding.capacity, hits: statistics.hits,
                                              misses: statistics.misses))
            case .learner:
                let learner = (try? engine.learnerStatistics(binding.specName)) ?? LearnerStats()
                telemetry.learners.append(.init(name: table.name, capacity: binding.capacity, hits: statistics.hits,
                                                misses: statistics.misses, learned: learner.learnOK,
                                                refused: learner.learnFailed, expired: learner.expired,
                                                forgotten: learner.forgets))
            }
        }
        for counter in active.pipeline.schema.counters {
            guard let binding = active.pipeline.binding.externs.counters[counter.id] else { continue }
            var summary = TargetTelemetry.Counter(name: counter.name, packets: 0, bytes: 0, cells: [])
            let cells = (try? binding.cells(at: Array(0..<UInt64(max(counter.size, 0))), engine: engine)) ?? []
            for (index, cell) in cells.enumerated() {
                let packets = UInt64(bitPattern: cell.packetCount), bytes = UInt64(bitPattern: cell.byteCount)
                summary.packets &+= packets
                summary.bytes &+= bytes
                if (packets != 0 || bytes != 0) && summary.cells.count < TargetTelemetry.cellLimit {
                    summary.cells.append((index, packets, bytes))
                }
            }
            telemetry.counters.append(summary)
        }
        let ports = engine.portStatistics()
        for number in 0..<max(ports.rxPackets.count, ports.txPackets.count) {
            telemetry.ports.append(.init(
                number: UInt32(number),
                rxPackets: number < ports.rxPackets.count ? ports.rxPackets[number] : 0,
                rxBytes: number < ports.rxBytes.count ? ports.rxBytes[number] : 0,
                txPackets: number < ports.txPackets.count ? ports.txPackets[number] : 0,
                txBytes: number < ports.txBytes.count ? ports.txBytes[number] : 0))
        }
        telemetry.drops = SWXDropReason.allCases.map { ($0.rawValue, ports.drops[$0] ?? 0) }
        return telemetry
    }
}
