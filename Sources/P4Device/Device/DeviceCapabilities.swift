import P4Model

/// What a device (with its current pipeline) can do. The service answers UNIMPLEMENTED for anything not listed,
/// never a silent success.
public struct DeviceCapabilities: Sendable, Hashable {
    /// Entity kinds a device may support.
    public struct EntityKinds: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public let rawValue: UInt32
        /// Creates a set from raw bits.
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// `TableEntry` (including default entries).
        public static let tableEntry = EntityKinds(rawValue: 1 << 0)
        /// `ActionProfileMember` and `ActionProfileGroup` programming (one-shot is always supported).
        public static let actionProfileMemberAndGroup = EntityKinds(rawValue: 1 << 1)
        /// `CounterEntry`.
        public static let counterEntry = EntityKinds(rawValue: 1 << 2)
        /// `DirectCounterEntry` and `TableEntry.counter_data`.
        public static let directCounterEntry = EntityKinds(rawValue: 1 << 3)
        /// `MeterEntry`.
        public static let meterEntry = EntityKinds(rawValue: 1 << 4)
        /// `DirectMeterEntry` and `TableEntry.meter_config`.
        public static let directMeterEntry = EntityKinds(rawValue: 1 << 5)
        /// `RegisterEntry`.
        public static let registerEntry = EntityKinds(rawValue: 1 << 6)
        /// `ValueSetEntry`.
        public static let valueSetEntry = EntityKinds(rawValue: 1 << 7)
        /// `DigestEntry`.
        public static let digestEntry = EntityKinds(rawValue: 1 << 8)
        /// `PacketReplicationEngineEntry` (multicast groups and clone sessions).
        public static let packetReplicationEngineEntry = EntityKinds(rawValue: 1 << 9)
        /// Per-colour counters of meters (`meter_counter_data`, `MeterEntry.counter_data`).
        public static let meterCounterData = EntityKinds(rawValue: 1 << 10)
        /// `ExternEntry`.
        public static let externEntry = EntityKinds(rawValue: 1 << 11)

        /// Every kind.
        public static let all = EntityKinds(rawValue: (1 << 12) - 1)
    }

    /// Supported entity kinds.
    public var entities: EntityKinds
    /// Supported `WriteRequest.atomicity` modes (CONTINUE_ON_ERROR is required and always present).
    public var atomicityModes: [Atomicity]
    /// True when `RECONCILE_AND_COMMIT` can keep forwarding state.
    public var reconcileAndCommit: Bool
    /// True when the device reports per-entry last-hit times (idle timeouts then follow traffic); false when entries
    /// are never hit (idle timeouts fire after their TTL).
    public var reportsEntryHits: Bool
    /// True when the device can send and receive packets.
    public var packetIO: Bool
    /// True when groups may mix different actions.
    public var mixedActionGroups: Bool
    /// A short target description for `space` fields and logs (`"p4rtd-info-only"`, `"swx-pna"`).
    public var targetName: String

    /// Creates a capability description.
    public init(
        entities: EntityKinds, atomicityModes: [Atomicity] = [.continueOnError], reconcileAndCommit: Bool = false,
        reportsEntryHits: Bool = false, packetIO: Bool = false, mixedActionGroups: Bool = true, targetName: String
    ) {
        self.entities = entities
        self.atomicityModes = atomicityModes.contains(.continueOnError) ? atomicityModes
            : [.continueOnError] + atomicityModes
        self.reconcileAndCommit = reconcileAndCommit
        self.reportsEntryHits = reportsEntryHits
        self.packetIO = packetIO
        self.mixedActionGroups = mixedActionGroups
        self.targetName = targetName
    }

    /// True when `mode` is supported.
    public func supports(_ mode: Atomicity) -> Bool { atomicityModes.contains(mode) }
}
