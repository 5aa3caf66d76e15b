import Dispatch
import P4RuntimeService

/// Runs the service's timers (idle-timeout sweeps, digest deadlines) and the target's learner sweep every 100 ms on a
/// background queue.
final class ServiceTicker: Sendable {
    private let service: P4RuntimeService
    private let extra: @Sendable () -> Void
    // DispatchSource is thread-safe but not marked Sendable.
    private nonisolated(unsafe) let timer: DispatchSourceTimer

    /// `extra` runs after each service tick (the software target's learner sweep).
    init(service: P4RuntimeService, extra: @escaping @Sendable () -> Void = {}) {
        self.service = service
        self.extra = extra
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "p4rtd.ticker"))
    }

    func start() {
        let service = self.service
        let extra = self.extra
        timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100), leeway: .milliseconds(10))
        timer.setEventHandler {
            service.tick()
            extra()
        }
        timer.resume()
    }

    func stop() { timer.cancel() }
}
