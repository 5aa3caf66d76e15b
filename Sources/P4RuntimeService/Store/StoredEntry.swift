import P4Model

/// One table entry as the controller wrote it (canonical; data-plane volatile fields removed), with its key and
/// its idle-timeout timer.
struct StoredEntry: Sendable {
    /// The canonical entry: fields sorted by id, shortest bytestrings; no counter data, meter config or
    /// time-since-last-hit (those live on the device).
    var entry: TableEntry
    /// The encoded key.
    let key: EntryKey
    /// When the idle timer was last armed (insertion, a change of `idle_timeout_ns`, or a notification), in
    /// monotonic ns.
    var armedAt: UInt64
    /// When the entry was inserted (monotonic ns): the reference of `time_since_last_hit` until a first hit.
    let insertedAt: UInt64
}
