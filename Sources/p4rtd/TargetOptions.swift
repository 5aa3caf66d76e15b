import P4RuntimeHTTP
import ArgumentParser
import JSONCore
import P4Model
import Ports
import SoftwareTarget

/// The software target's command-line settings: ports, packet I/O ports, PNA directions, start-up program.
struct TargetOptions: ParsableArguments {
    @Option(name: .customLong("port"), help: ArgumentHelp(
        "A data-plane port: N=SPEC with SPEC one of \(PortSpec.syntax). Repeatable. Without any, ports 0-7 are in-memory ports.",
        valueName: "N=SPEC"))
    var ports: [String] = []

    @Option(name: .long, help: "Inject P4Runtime PacketOut packets on this port (as if received there).")
    var packetOutPort: UInt32?

    @Option(name: .long, help: "Packets the program sends to this port become P4Runtime PacketIn events.")
    var controllerPort: UInt32?

    @Option(name: .customLong("direction"), help: ArgumentHelp(
        "PNA direction of a port for the program's 'direction' register: N=host-to-net or N=net-to-host (default). Repeatable.",
        valueName: "N=DIR"))
    var directions: [String] = []

    @Option(name: .long, help: ArgumentHelp("Load this DPDK .spec at start (with --p4info).", valueName: "FILE"))
    var spec: String?

    @Option(name: .long, help: ArgumentHelp("The context.json binding --spec to the P4Info.", valueName: "FILE"))
    var context: String?

    @Option(name: .long, help: ArgumentHelp(
        "Load this device config at start (with --p4info): IPDK .pb.bin, JSON {\\\"spec\\\": …} or .spec text.",
        valueName: "FILE"))
    var deviceConfig: String?

    func validate() throws {
        _ = try configuration()
        if spec != nil && deviceConfig != nil { throw ValidationError("give --spec or --device-config, not both") }
        if context != nil && spec == nil { throw ValidationError("--context needs --spec") }
    }

    /// The target configuration these options describe.
    func configuration() throws -> SoftwareTargetConfiguration {
        var parsed: [(number: UInt32, spec: PortSpec)] = []
        for text in ports {
            guard let equals = text.firstIndex(of: "="), let number = UInt32(text[..<equals]) else {
                throw ValidationError("--port '\(text)': expected N=SPEC, e.g. 0=memory or 1=tap:p4p1")
            }
            if parsed.contains(where: { $0.number == number }) { throw ValidationError("--port: port \(number) given twice") }
            do { parsed.append((number, try PortSpec(parsing: String(text[text.index(after: equals)...])))) } catch {
                throw ValidationError("--port '\(text)': \(error)")
            }
        }
        var directionMap: [UInt32: UInt64] = [:]
        for text in directions {
            let parts = text.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let number = UInt32(parts[0]) else {
                throw ValidationError("--direction '\(text)': expected N=host-to-net or N=net-to-host")
            }
            switch parts[1].lowercased() {
            case "host-to-net", "host_to_net", "1": directionMap[number] = 1
            case "net-to-host", "net_to_host", "0": directionMap[number] = 0
            default: throw ValidationError("--direction '\(text)': direction must be host-to-net or net-to-host")
            }
        }
        let defaults = SoftwareTargetConfiguration()
        return SoftwareTargetConfiguration(
            ports: parsed.isEmpty ? defaults.ports : parsed, packetOutPort: packetOutPort, controllerPort: controllerPort,
            portDirections: directionMap)
    }

    /// The device config to load at start, if any.
    func startupDeviceConfig() throws(P4RuntimeError) -> [UInt8]? {
        if let deviceConfig { return try StartupPipeline.readFile(deviceConfig) }
        guard let spec else { return nil }
        let specText = String(decoding: try StartupPipeline.readFile(spec), as: UTF8.self)
        var members: [(String, JSONValue)] = [("spec", .string(specText))]
        if let context {
            members.append(("context", .string(String(decoding: try StartupPipeline.readFile(context), as: UTF8.self))))
        }
        return JSONValue.object(JSONObject(uniqueKeysWithValues: members)).serialized()
    }
}

/// The software target as the HTTP adapter's packet injector.
struct TargetInjector: PacketInjector {
    let device: SoftwareTargetDevice
    func injectPacket(_ packet: [UInt8], port: UInt32) throws(P4RuntimeError) -> [(port: UInt32, bytes: [UInt8])] {
        try device.inject(packet, port: port).outputs.map { ($0.port, $0.bytes) }
    }
}

/// The software target's counters as Prometheus families on `/metrics`.
struct TargetMetrics: MetricsContributor {
    let device: SoftwareTargetDevice

    func writeMetrics(to writer: inout PrometheusWriter) {
        let telemetry = device.telemetry()
        func family(_ name: String, _ type: String, _ help: String, _ samples: [([(String, String)], UInt64)]) {
            writer.family(name, type: type, help: help)
            for (labels, value) in samples { writer.sample(name, labels, value) }
        }
        let tables = telemetry.tables
        family("p4rtd_table_entries", "gauge", "Entries the controller installed, per table.",
               tables.map { ([("table", $0.name)], UInt64($0.entries)) })
        family("p4rtd_table_capacity", "gauge", "Table size in the spec.",
               tables.map { ([("table", $0.name)], UInt64($0.capacity)) }
                   + telemetry.learners.map { ([("table", $0.name)], UInt64($0.capacity)) })
        family("p4rtd_table_hits_total", "counter", "Lookups that hit an entry.",
               tables.map { ([("table", $0.name)], $0.hits) } + telemetry.learners.map { ([("table", $0.name)], $0.hits) })
        family("p4rtd_table_misses_total", "counter", "Lookups that missed.",
               tables.map { ([("table", $0.name)], $0.misses) }
                   + telemetry.learners.map { ([("table", $0.name)], $0.misses) })
        family("p4rtd_learner_learned_total", "counter", "Entries learned by the data plane (add-on-miss).",
               telemetry.learners.map { ([("table", $0.name)], $0.learned) })
        family("p4rtd_learner_expired_total", "counter", "Learned entries that expired.",
               telemetry.learners.map { ([("table", $0.name)], $0.expired) })
        family("p4rtd_learner_refused_total", "counter", "Learn attempts refused because the table was full.",
               telemetry.learners.map { ([("table", $0.name)], $0.refused) })
        let counters = telemetry.counters
        family("p4rtd_counter_packets_total", "counter", "Indexed counter totals (every cell) in packets.",
               counters.map { ([("counter", $0.name)], $0.packets) })
        family("p4rtd_counter_bytes_total", "counter", "Indexed counter totals (every cell) in bytes.",
               counters.map { ([("counter", $0.name)], $0.bytes) })
        family("p4rtd_counter_cell_packets_total", "counter",
               "Non-zero indexed counter cells in packets, at most \(TargetTelemetry.cellLimit) per counter.",
               counters.flatMap { counter in
                   counter.cells.map { ([("counter", counter.name), ("index", "\($0.index)")], $0.packets) }
               })
        let ports = telemetry.ports
        family("p4rtd_port_rx_packets_total", "counter", "Packets received by the pipeline, per port.",
               ports.map { ([("port", "\($0.number)")], $0.rxPackets) })
        family("p4rtd_port_rx_bytes_total", "counter", "Bytes received by the pipeline, per port.",
               ports.map { ([("port", "\($0.number)")], $0.rxBytes) })
        family("p4rtd_port_tx_packets_total", "counter", "Packets transmitted by the pipeline, per port.",
               ports.map { ([("port", "\($0.number)")], $0.txPackets) })
        family("p4rtd_port_tx_bytes_total", "counter", "Bytes transmitted by the pipeline, per port.",
               ports.map { ([("port", "\($0.number)")], $0.txBytes) })
        family("p4rtd_pipeline_drops_total", "counter", "Packets the pipeline dropped, by reason.",
               telemetry.drops.map { ([("reason", $0.reason)], $0.count) })
        family("p4rtd_packet_in_total", "counter", "Packets sent to the controller port that became PacketIn events.",
               [([], telemetry.packetIns)])
        family("p4rtd_packet_out_total", "counter", "PacketOut packets injected.", [([], telemetry.packetOuts)])
    }
}
