import P4Device
import P4Model

/// The canonical control-plane state of one device for one pipeline: what the controller wrote, for read-write
/// symmetry. A value type: a reader copies it under the lock (cheap, copy-on-write) and iterates without the lock;
/// a ROLLBACK_ON_ERROR batch keeps the copy it started from and restores it on failure.
struct ControlPlaneStore: Sendable {
    let schema: PipelineSchema
    /// Tables in schema order.
    var tables: [TableStore]
    var profiles: [ActionProfileID: ProfileStore] = [:]
    var valueSets: [ValueSetID: [ValueSetMember]] = [:]
    var digests: [DigestID: DigestEntry.Config] = [:]
    var multicastGroups: [MulticastGroupID: MulticastGroupEntry] = [:]
    var cloneSessions: [CloneSessionID: CloneSessionEntry] = [:]
    /// Per table (schema order), its all-EXACT key layout, or nil when the key has other kinds of fields.
    let exactKeyLayouts: [ExactKeyLayout?]

    init(schema: PipelineSchema) {
        self.schema = schema
        self.tables = Array(repeating: TableStore(), count: schema.tables.count)
        self.exactKeyLayouts = schema.tables.map { ExactKeyLayout($0.fields) }
        for id in schema.actionProfileOrder { profiles[id] = ProfileStore() }
    }
}
