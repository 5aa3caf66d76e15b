/// What a learner's packets did since the control plane last asked (``SWXPipeline/takeLearnerEvents(_:expirySlices:)``).
public struct SWXLearnerEvents: Sendable, Equatable {
    /// Entries packets learned that are still live, in id order (each once).
    public var learned: [SWXLearnerEntryRecord] = []
    /// Keys of entries that left: forgotten by packets or expired slots reused (in the order it happened), then
    /// the entries the expiry sweep freed (in id order).
    public var removed: [[UInt8]] = []
    /// Events the learner's log had no room for since the last call.
    public var lost: Int = 0

    /// No events.
    public init() {}
}

extension SWXPipeline {
    /// Buckets below which a learner's expiry sweep covers the whole learner on every call.
    public static let learnerSweepMinimumBuckets = 4096

    /// Drains learner `learner`'s event log and frees the entries of the next slice of its buckets that have
    /// expired (`1 / expirySlices` of the buckets, at least ``learnerSweepMinimumBuckets``; none while no entry
    /// holds a record), so `expirySlices` calls visit every bucket once. The cost is proportional to the events and
    /// the slice, not to the live entries. Call it between bursts (the device lock held): the log is written by
    /// the packet path without locks.
    public func takeLearnerEvents(_ learner: String, expirySlices: Int) throws(SWXPipelineError) -> SWXLearnerEvents {
        let l = try learnerIndex(learner)
        return lock.withLock { _ in
            let table = runtime.learners[l]
            let now = clock.nanoseconds()
            var events = SWXLearnerEvents()
            var learnedIDs: [UInt32] = []
            var removed: [[UInt8]] = []
            events.lost = table.events.drain { kind, id, key in
                switch kind {
                case .learned: learnedIDs.append(id)
                case .removed: removed.append(Array(key))
                }
            }
            var previous: UInt32 = 0
            for id in learnedIDs.sorted() where id != previous {
                previous = id
                guard let entry = table.entry(id, now: now) else { continue }
                events.learned.append(record(entry))
            }
            if table.population(atLeast: 1) {
                let slice = max(table.bucketCount / max(expirySlices, 1), SWXPipeline.learnerSweepMinimumBuckets)
                for entry in table.sweepExpired(now: now, bucketLimit: slice) { removed.append(entry.key) }
            }
            events.removed = removed
            return events
        }
    }

    /// The entry of learner `learner` with `key` if it is live now (one bucket probe, not a walk). Throws for an
    /// unknown learner or a key of the wrong size.
    public func learnerEntry(_ learner: String, key: [UInt8]) throws(SWXPipelineError) -> SWXLearnerEntryRecord? {
        let l = try learnerIndex(learner)
        return try lock.withLock { _ throws(SWXPipelineError) -> SWXLearnerEntryRecord? in
            let table = runtime.learners[l]
            let now = clock.nanoseconds()
            let id: UInt32
            do throws(SWXRuntimeError) { id = try table.entryID(key: key, now: now) } catch {
                throw SWXPipelineError(error, context: "learner \(learner)")
            }
            return table.entry(id, now: now).map(record)
        }
    }

    private func record(_ entry: LearnerEntry) -> SWXLearnerEntryRecord {
        SWXLearnerEntryRecord(id: entry.id, key: entry.key, action: entryAction(Int(entry.actionID), entry.actionData),
                              timeoutID: entry.timeoutID, expiresAt: entry.expiresAt)
    }
}
