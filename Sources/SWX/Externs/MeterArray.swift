/// Packet and byte counts of one meter, per output colour (indexed by `MeterColor.rawValue`).
public struct MeterStats: Equatable, Sendable {
    /// Packets per colour: green, yellow, red.
    public var packets: [UInt64]
    /// Bytes per colour: green, yellow, red.
    public var bytes: [UInt64]

    /// Zero counts.
    public init(packets: [UInt64] = [0, 0, 0], bytes: [UInt64] = [0, 0, 0]) {
        self.packets = packets
        self.bytes = bytes
    }
}

/// A `metarray`: colour-aware RFC 2698 trTCM meters exactly as DPDK's `meter` instruction runs them
/// (`rte_meter_trtcm_color_aware_check` with the pipeline's colour mask and per-colour stats).
///
/// - The size is rounded up to a power of two and the packet-path index is masked with `size - 1`.
/// - A meter with no profile always answers GREEN (DPDK's default profile with colour mask GREEN), and its
///   traffic is counted as green.
/// - Setting a profile (or resetting) restarts the meter: both buckets full, time = `now`, stats zero.
/// - Time is injected: `now` is in the ticks of the profile registry's clock (nanoseconds by default); the
///   bucket arithmetic is DPDK's integer arithmetic on those ticks.
///
/// Concurrency: one thread meters a given array at a time; profile changes happen between bursts.
public final class MeterArray: @unchecked Sendable {
    struct State {
        var timeTC: UInt64 = 0
        var timeTP: UInt64 = 0
        var tc: UInt64 = 0
        var tp: UInt64 = 0
        var cbs: UInt64 = 0
        var pbs: UInt64 = 0
        var cirPeriod: UInt64 = 1
        var cirBytes: UInt64 = 0
        var pirPeriod: UInt64 = 1
        var pirBytes: UInt64 = 0
        var colorMask: UInt32 = 0
        var greenPackets: UInt64 = 0
        var yellowPackets: UInt64 = 0
        var redPackets: UInt64 = 0
        var greenBytes: UInt64 = 0
        var yellowBytes: UInt64 = 0
        var redBytes: UInt64 = 0
    }

    /// Number of meters (the `.spec` size rounded up to a power of two).
    public let size: Int
    /// The profiles the meters refer to.
    public let profiles: MeterProfileRegistry
    let meters: UnsafeMutablePointer<State>
    let indexMask: UInt64
    /// The profile name of each meter (control plane only; nil = no profile).
    var profileNames: [String?]

    /// Creates `size` unconfigured meters. Throws when `size` is 0 or above 2^31.
    public init(size: UInt64, profiles: MeterProfileRegistry) throws(SWXRuntimeError) {
        guard size > 0, size <= 1 << 31 else {
            throw .invalidArgument("metarray: size \(size) must be between 1 and 2^31")
        }
        let n = KeyBytes.powerOfTwo(atLeast: Int(size))
        self.size = n
        self.profiles = profiles
        meters = .allocate(capacity: n)
        meters.initialize(repeating: State(), count: n)
        indexMask = UInt64(n - 1)
        profileNames = Array(repeating: nil, count: n)
    }

    deinit {
        for case let name? in profileNames { profiles.release(name) }
        meters.deallocate()
    }

    // MARK: Packet path

    /// The `meter` instruction: meters a packet of `length` bytes with input colour `colorIn` (values other than
    /// 1 = yellow and 2 = red count as green, as in DPDK) at time `now` on meter `index & (size - 1)`, updates
    /// the stats and returns the output colour.
    @inline(__always)
    public func execute(index: UInt64, length: UInt32, colorIn: UInt64, now: UInt64) -> MeterColor {
        let m = meters + Int(index & indexMask)
        var color: UInt32 = 0
        if m.pointee.colorMask != 0 {
            color = Self.check(m, now: now, length: UInt64(length), colorIn: UInt32(truncatingIfNeeded: colorIn))
        }
        switch color {
        case 1:
            m.pointee.yellowPackets &+= 1
            m.pointee.yellowBytes &+= UInt64(length)
            return .yellow
        case 2:
            m.pointee.redPackets &+= 1
            m.pointee.redBytes &+= UInt64(length)
            return .red
        default:
            m.pointee.greenPackets &+= 1
            m.pointee.greenBytes &+= UInt64(length)
            return .green
        }
    }

    /// `rte_meter_trtcm_color_aware_check`.
    @inline(__always)
    static func check(_ m: UnsafeMutablePointer<State>, now: UInt64, length: UInt64, colorIn: UInt32) -> UInt32 {
        let periodsC = (now &- m.pointee.timeTC) / m.pointee.cirPeriod
        let periodsP = (now &- m.pointee.timeTP) / m.pointee.pirPeriod
        m.pointee.timeTC &+= periodsC &* m.pointee.cirPeriod
        m.pointee.timeTP &+= periodsP &* m.pointee.pirPeriod
        let tc = min(m.pointee.tc &+ periodsC &* m.pointee.cirBytes, m.pointee.cbs)
        let tp = min(m.pointee.tp &+ periodsP &* m.pointee.pirBytes, m.pointee.pbs)
        if colorIn == 2 || tp < length {
            m.pointee.tc = tc
            m.pointee.tp = tp
            return 2
        }
        if colorIn == 1 || tc < length {
            m.pointee.tc = tc
            m.pointee.tp = tp &- length
            return 1
        }
        m.pointee.tc = tc &- length
        m.pointee.tp = tp &- length
        return 0
    }

    // MARK: Control plane

    /// Configures meter `index` with profile `name` and restarts it at `now` (`rte_swx_ctl_meter_set`).
    /// Throws `invalidArgument` for an index ≥ `size`, `notFound` for an unknown profile.
    public func setProfile(named name: String, at index: UInt64, now: UInt64) throws(SWXRuntimeError) {
        try check(index)
        guard let profile = profiles.profile(named: name) else {
            throw .notFound("metarray: meter profile \(name) does not exist")
        }
        profiles.retain(name)
        if let old = profileNames[Int(index)] { profiles.release(old) }
        profileNames[Int(index)] = name
        var s = State()
        s.timeTC = now
        s.timeTP = now
        s.tc = profile.parameters.cbs
        s.tp = profile.parameters.pbs
        s.cbs = profile.parameters.cbs
        s.pbs = profile.parameters.pbs
        s.cirPeriod = profile.cirPeriod
        s.cirBytes = profile.cirBytesPerPeriod
        s.pirPeriod = profile.pirPeriod
        s.pirBytes = profile.pirBytesPerPeriod
        s.colorMask = 3
        meters[Int(index)] = s
    }

    /// Returns meter `index` to the unconfigured state (always green) with zero stats (`rte_swx_ctl_meter_reset`).
    public func reset(at index: UInt64) throws(SWXRuntimeError) {
        try check(index)
        if let old = profileNames[Int(index)] { profiles.release(old) }
        profileNames[Int(index)] = nil
        meters[Int(index)] = State()
    }

    /// The profile name of meter `index`, nil when unconfigured.
    public func profileName(at index: UInt64) throws(SWXRuntimeError) -> String? {
        try check(index)
        return profileNames[Int(index)]
    }

    /// The per-colour stats of meter `index`.
    public func stats(at index: UInt64) throws(SWXRuntimeError) -> MeterStats {
        try check(index)
        let s = meters[Int(index)]
        return MeterStats(packets: [s.greenPackets, s.yellowPackets, s.redPackets],
                          bytes: [s.greenBytes, s.yellowBytes, s.redBytes])
    }

    private func check(_ index: UInt64) throws(SWXRuntimeError) {
        guard index < UInt64(size) else {
            throw .invalidArgument("metarray: index \(index) is out of range (size \(size))")
        }
    }
}
