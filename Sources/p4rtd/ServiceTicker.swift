import Dispatch
import P4RuntimeService

/// Runs the service's timers (idle-timeout sweeps, digest deadlines) every 100 ms on a background queue.
final class ServiceTicker: Sendable {
    private let service: P4RuntimeService
    // DispatchSource is thread-safe but not marked Sendable.
    private nonisolated(unsafe) let timer: DispatchSourceTimer

    init(service: P4RuntimeService) {
        self.service = service
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "p4rtd.ticker"))
    }

    func start() {
        let service = self.service
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100), leeway: .milliseconds(10))
        timer.setEventHandler { service.tick() }
        timer.resume()
    }

    func stop() { timer.cancel() }
}
