/// The parameters of an RFC 2698 trTCM profile as DPDK's control plane takes them (`rte_meter_trtcm_params`):
/// rates in bytes per second, burst sizes in bytes.
public struct MeterProfileParameters: Equatable, Hashable, Sendable {
    /// Committed information rate, bytes/s.
    public var cir: UInt64
    /// Peak information rate, bytes/s.
    public var pir: UInt64
    /// Committed burst size, bytes.
    public var cbs: UInt64
    /// Peak burst size, bytes.
    public var pbs: UInt64

    /// The four parameters.
    public init(cir: UInt64, pir: UInt64, cbs: UInt64, pbs: UInt64) {
        self.cir = cir
        self.pir = pir
        self.cbs = cbs
        self.pbs = pbs
    }
}

/// A configured trTCM profile: the parameters plus the token-bucket periods DPDK derives from them
/// (`rte_meter_trtcm_profile_config`), for a clock of `ticksPerSecond` ticks (DPDK uses the TSC frequency; p4rtd
/// injects nanoseconds, so 10^9).
public struct MeterProfile: Equatable, Sendable {
    /// The parameters the profile was made from.
    public let parameters: MeterProfileParameters
    /// Ticks between two refills of the committed bucket.
    public let cirPeriod: UInt64
    /// Bytes added to the committed bucket per refill.
    public let cirBytesPerPeriod: UInt64
    /// Ticks between two refills of the peak bucket.
    public let pirPeriod: UInt64
    /// Bytes added to the peak bucket per refill.
    public let pirBytesPerPeriod: UInt64

    /// DPDK's minimum bucket period in ticks (`RTE_METER_TB_PERIOD_MIN`).
    public static let minimumPeriod: UInt64 = 100

    /// Derives the profile. Throws `invalidArgument`, as DPDK returns EINVAL, when a rate or burst is 0 or
    /// `pir < cir`, and also when a rate is so far above the clock that no period can represent it.
    public init(_ parameters: MeterProfileParameters, ticksPerSecond: UInt64 = 1_000_000_000) throws(SWXRuntimeError) {
        let p = parameters
        guard p.cir > 0, p.pir > 0, p.pir >= p.cir, p.cbs > 0, p.pbs > 0 else {
            throw .invalidArgument("meter profile: cir \(p.cir), pir \(p.pir), cbs \(p.cbs), pbs \(p.pbs): "
                + "rates and bursts must be positive and pir ≥ cir")
        }
        self.parameters = p
        (cirPeriod, cirBytesPerPeriod) = try MeterProfile.tokenBucket(hz: ticksPerSecond, rate: p.cir)
        (pirPeriod, pirBytesPerPeriod) = try MeterProfile.tokenBucket(hz: ticksPerSecond, rate: p.pir)
    }

    /// `rte_meter_get_tb_params`: one byte per `hz / rate` ticks when that period is at least 100 ticks,
    /// otherwise `ceil(100 / period)` bytes per `hz * bytes / rate` ticks (integer division).
    static func tokenBucket(hz: UInt64, rate: UInt64) throws(SWXRuntimeError) -> (period: UInt64, bytes: UInt64) {
        let period = Double(hz) / Double(rate)
        if period >= Double(minimumPeriod) {
            return (UInt64(period), 1)
        }
        let bytesDouble = (Double(minimumPeriod) / period).rounded(.up)
        guard let bytes = UInt64(exactly: bytesDouble) else {
            throw .invalidArgument("meter profile: rate \(rate) bytes/s is too high for a \(hz) Hz clock")
        }
        let (product, overflow) = hz.multipliedReportingOverflow(by: bytes)
        let ticks = product / rate
        guard !overflow, ticks > 0 else {
            throw .invalidArgument("meter profile: rate \(rate) bytes/s is too high for a \(hz) Hz clock")
        }
        return (ticks, bytes)
    }
}
