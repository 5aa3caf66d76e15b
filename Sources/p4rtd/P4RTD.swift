import ArgumentParser
import Glibc
import HTTPServer
import Logging
import P4JSON
import P4Model
import P4RuntimeHTTP
import P4RuntimeService
import SoftwareTarget

/// `p4rtd`: the P4Runtime server over HTTP/JSON. Argument parsing and wiring only.
@main
struct P4RTD: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "p4rtd",
        abstract: "P4Runtime control-plane server speaking HTTP/JSON.",
        discussion: """
            Serves P4Runtime's Write, Read, SetForwardingPipelineConfig, GetForwardingPipelineConfig, Capabilities \
            and the stream channel as HTTP/JSON (see docs/api.md), and Prometheus metrics on /metrics. \
            Prints one line "p4rtd listening on http://HOST:PORT" when it is ready; stops cleanly on SIGINT or SIGTERM.

            With --p4info alone, the device holds the full control-plane state of the P4Info with no data plane \
            (the P4Info-only device). With --spec or --device-config too, or when a SetForwardingPipelineConfig \
            carries a device config, the program runs on the software target (DPDK SWX .spec engine) with the \
            ports given by --port; POST /v1/packets/{port} injects a packet on an in-memory port and answers what \
            the pipeline emitted.
            """)

    @Option(name: .long, help: ArgumentHelp("Address to listen on. Port 0 picks a free port.", valueName: "HOST:PORT"))
    var listen = "127.0.0.1:9559"

    @Option(name: .long, help: ArgumentHelp("Load this P4Info (text format or JSON) at start.", valueName: "FILE"))
    var p4info: String?

    @Option(name: .long, help: "The device id of the device p4rtd hosts.")
    var deviceId: UInt64 = 1

    @Option(name: .long, help: "The largest request body accepted, in bytes (larger ones get 413).")
    var maxBody: Int = 256 << 20

    @Option(name: .long, help: "HTTP worker threads (1 = one epoll thread, the fastest on small machines).")
    var threads: Int = 1

    @Option(name: .long, help: "Seconds between keep-alive comments on /v1/stream (how fast a vanished controller is noticed).")
    var streamKeepalive: Int = 10

    @Option(name: .long, help: "Seconds a connection may stay idle or a request may take to arrive.")
    var connectionTimeout: Int = 30

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    @OptionGroup(title: "Software target")
    var target: TargetOptions

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level: '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        _ = try ListenAddress(parsing: listen)
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        guard maxBody >= 1024 else { throw ValidationError("--max-body must be at least 1024 bytes") }
        guard streamKeepalive >= 1 else { throw ValidationError("--stream-keepalive must be at least 1 second") }
        guard connectionTimeout >= 1 else { throw ValidationError("--connection-timeout must be at least 1 second") }
        if (target.spec != nil || target.deviceConfig != nil) && p4info == nil {
            throw ValidationError("--spec and --device-config need --p4info")
        }
    }

    /// Hosts the device and loads the start-up pipeline; returns the error instead of throwing it (a typed-throws
    /// catch inside `run` crashes swiftc 6.3.1's ownership verifier).
    func prepare(_ service: P4RuntimeService, device: SoftwareTargetDevice, logger: Logger) -> P4RuntimeError? {
        do throws(P4RuntimeError) {
            try service.addDevice(id: deviceId, target: device)
            if let p4info {
                let deviceConfig = try target.startupDeviceConfig() ?? []
                try service.setForwardingPipelineConfig(
                    try StartupPipeline.request(p4infoPath: p4info, deviceId: deviceId, deviceConfig: deviceConfig))
                logger.info("pipeline loaded", metadata: ["p4info": "\(p4info)", "device": "\(deviceId)"])
            }
            return nil
        } catch {
            return error
        }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        LoggingSystem.bootstrap { label in LogfmtLogHandler(label: label, level: level) }
        let logger = Logger(label: "p4rtd")
        let address = try ListenAddress(parsing: listen)

        // Signals are blocked before any thread starts, so every thread inherits the mask and only sigwait sees them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)

        MallocTuning.setTopPad(64 << 20)
        let service = P4RuntimeService()
        let device: SoftwareTargetDevice
        do { device = try SoftwareTargetDevice(configuration: try target.configuration()) } catch {
            throw ValidationError("cannot open the ports: \(error)")
        }
        if let failure = prepare(service, device: device, logger: logger) {
            throw ValidationError("cannot load the pipeline: \(failure.code.name): \(failure.message)")
        }
        device.startRunLoop()

        let api = P4RuntimeAPI(
            service: service,
            configuration: APIConfiguration(defaultDeviceId: deviceId, streamKeepAlive: .seconds(streamKeepalive),
                                            packetInjector: TargetInjector(device: device),
                                            metricsContributors: [TargetMetrics(device: device)]),
            logger: logger)
        let server = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: address.host, port: address.port, threading: threads == 1 ? .singleThread : .threadPool(threads),
                connectionTimeout: .seconds(connectionTimeout), maxBodyBytes: maxBody,
                errorRenderer: P4RuntimeAPI.errorRenderer),
            router: api.makeRouter())
        let port: UInt16
        do {
            port = try server.start()
        } catch {
            throw ValidationError("cannot listen on \(listen): \(error)")
        }
        let ticker = ServiceTicker(service: service, extra: { device.sweepLearners() })
        ticker.start()
        print("p4rtd listening on http://\(address.urlHost):\(port)")
        fflush(nil)

        var received: Int32 = 0
        sigwait(&signals, &received)
        logger.notice("stopping", metadata: ["signal": "\(received)"])
        ticker.stop()
        api.closeStreams()
        server.stop()
        device.stopRunLoop()
    }
}
