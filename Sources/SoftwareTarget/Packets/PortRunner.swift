#if canImport(Glibc)
import Glibc
#endif
import Ports
import Synchronization

/// The run loop of one device: a thread that polls the device's ports and runs each received burst through the
/// pipeline, until stopped.
final class PortRunner: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let finished = Mutex(false)
    private let thread: Mutex<pthread_t?> = Mutex(nil)

    /// Starts the thread; `burst` is called with each port number and its received batch.
    init(device: SoftwareTargetDevice) {
        let context = Unmanaged.passRetained(RunContext(device: device, runner: self)).toOpaque()
        var handle = pthread_t()
        let created = pthread_create(&handle, nil, { argument in
            guard let argument else { return nil }
            let context = Unmanaged<RunContext>.fromOpaque(argument).takeRetainedValue()
            context.runner.loop(context.device)
            return nil
        }, context)
        if created == 0 {
            thread.withLock { $0 = handle }
        } else {
            Unmanaged<RunContext>.fromOpaque(context).release()
        }
    }

    /// Asks the loop to stop and waits for it.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        if let handle = thread.withLock({ value -> pthread_t? in defer { value = nil }; return value }) {
            pthread_join(handle, nil)
        }
    }

    private final class RunContext: @unchecked Sendable {
        // @unchecked: handed to exactly one thread.
        let device: SoftwareTargetDevice
        let runner: PortRunner
        init(device: SoftwareTargetDevice, runner: PortRunner) {
            self.device = device
            self.runner = runner
        }
    }

    private func loop(_ device: SoftwareTargetDevice) {
        let numbers = device.ports.keys.sorted()
        var live = numbers
        var batch = PacketBatch(capacity: device.configuration.burstSize)
        while !stopping.load(ordering: .relaxed) {
            var descriptors = live.compactMap { device.ports[$0]?.pollDescriptor }.map {
                pollfd(fd: $0, events: Int16(POLLIN), revents: 0)
            }
            let alwaysReady = live.contains { device.ports[$0]?.pollDescriptor == nil }
            _ = poll(&descriptors, nfds_t(descriptors.count), alwaysReady ? 1 : 20)
            for number in live {
                guard let port = device.ports[number] else { continue }
                do {
                    let count = try port.receive(into: &batch)
                    if count > 0 { device.runBurst(port: number, batch.packets) }
                } catch {
                    live.removeAll { $0 == number }
                }
            }
        }
    }
}
