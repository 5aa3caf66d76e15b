import Glibc
import P4Device
import P4Model
import P4RuntimeService
import SoftwareTarget

/// What several benchmarks share: the clocks they time with and a service running a program on a software target.
enum BenchSupport {
    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), in nanoseconds: what one core spent, even on a
    /// machine shared with other work.
    static func threadCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// Monotonic wall time (`CLOCK_MONOTONIC`), in nanoseconds.
    static func wallNanoseconds() -> UInt64 { SystemClock().monotonicNanoseconds() }

    /// A service on `clock` with `device` as device 1, running the program `p4info` + `deviceConfig`
    /// (VERIFY_AND_COMMIT).
    static func service(device: SoftwareTargetDevice, clock: ManualClock, p4info: P4Info, deviceConfig: [UInt8])
        throws -> P4RuntimeService
    {
        let service = P4RuntimeService(clock: clock)
        try service.addDevice(id: 1, target: device)
        try service.setForwardingPipelineConfig(SetForwardingPipelineConfigRequest(
            deviceId: 1, action: .verifyAndCommit, config: ForwardingPipelineConfig(p4info: p4info, p4DeviceConfig: deviceConfig)))
        return service
    }
}
