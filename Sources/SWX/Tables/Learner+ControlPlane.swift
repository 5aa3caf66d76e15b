extension Learner {
    /// Changes the timeout of profile `id` (`rte_swx_ctl_pipeline_learner_timeout_set`); entries already armed
    /// keep their expiry time. Throws `invalidArgument` for an id ≥ the profile count or 0 seconds.
    public func setTimeout(id: Int, seconds: UInt32) throws(SWXRuntimeError) {
        guard id >= 0, id < timeouts.count else {
            throw .invalidArgument("learner: timeout id \(id) is out of range (\(timeouts.count) profiles)")
        }
        guard seconds > 0 else { throw .invalidArgument("learner: timeout \(id) cannot be 0 seconds") }
        timeouts[id] = seconds
        timeoutTicks[id] = UInt64(seconds) &* ticksPerSecond
    }

    /// Adds an entry from the control plane (an extension: DPDK cannot) as a packet's `learn` would, at time `now`;
    /// returns its id. Throws `alreadyExists` when the key is live, `resourceExhausted` when its bucket is full,
    /// `invalidArgument` for sizes that do not fit. Does not touch the packet counters.
    @discardableResult
    public func add(key: [UInt8], actionID: UInt32, actionData: [UInt8] = [], timeoutID: UInt32,
                    now: UInt64) throws(SWXRuntimeError) -> UInt32 {
        try checkKey(key)
        guard actionData.count <= actionDataSize else {
            throw .invalidArgument("learner: action data has \(actionData.count) bytes, at most \(actionDataSize) fit")
        }
        // Only the expired count is kept: the packet counters describe packets, not control-plane calls.
        let saved = stats
        defer {
            let expired = stats.expired
            stats = saved
            stats.expired = expired
        }
        let data = actionData + [UInt8](repeating: 0, count: actionDataSize - actionData.count)
        var mailbox = LearnerMailbox()
        let existing = key.withUnsafeBytes { lookup($0.baseAddress!, now: now, mailbox: &mailbox) }
        if existing != 0 {
            throw .alreadyExists("learner: key \(hex(key)) is already entry \(existing)", entryID: existing)
        }
        // The mailbox points into `key`; learn while that buffer is pinned.
        let ok = key.withUnsafeBytes { k in
            mailbox.key = k.baseAddress
            return data.withUnsafeBytes { learn(mailbox: &mailbox, actionID: actionID, actionData: $0.baseAddress, timeoutID: timeoutID) }
        }
        guard ok else {
            throw .resourceExhausted("learner: bucket \(mailbox.bucket) of key \(hex(key)) is full (4 live keys)")
        }
        let id = UInt32(mailbox.bucket * 4 + mailbox.position + 1)
        // The event log reports what packets did; the caller knows what it added (an expired key whose slot this
        // took stays logged).
        events.retractLearned(id: id)
        return id
    }

    /// Deletes the live entry with `key` (an extension: DPDK cannot); returns the id it had. Throws `notFound`.
    @discardableResult
    public func delete(key: [UInt8], now: UInt64) throws(SWXRuntimeError) -> UInt32 {
        let id = try entryID(key: key, now: now)
        guard id != 0 else { throw .notFound("learner: no live entry with key \(hex(key))") }
        let (b, i) = location(id)
        free(b, i)
        return id
    }

    /// The id of the live entry with `key` at `now`, or 0. Does not touch the packet counters.
    public func entryID(key: [UInt8], now: UInt64) throws(SWXRuntimeError) -> UInt32 {
        try checkKey(key)
        let saved = stats
        defer { stats = saved }
        var mailbox = LearnerMailbox()
        return key.withUnsafeBytes { lookup($0.baseAddress!, now: now, mailbox: &mailbox) }
    }

    /// Entry `id` if it is live at `now`.
    public func entry(_ id: UInt32, now: UInt64) -> LearnerEntry? {
        guard id >= 1, Int(id) <= bucketCount * 4 else { return nil }
        let (b, i) = location(id)
        let expiresAt = expiry(b, i)
        guard expiresAt > now else { return nil }
        return makeEntry(id, b, i, expiresAt)
    }

    /// Frees the entries of the next `bucketLimit` buckets (from a cursor that wraps around) that have expired by
    /// `now` and returns them (ascending id within the slice), counting them in `stats.expired`. Called once per
    /// control-plane tick, a full pass over the learner takes `bucketCount / bucketLimit` ticks.
    public func sweepExpired(now: UInt64, bucketLimit: Int) -> [LearnerEntry] {
        var out: [LearnerEntry] = []
        var bi = events.header.pointee.expiryCursor % bucketCount
        for _ in 0..<min(max(bucketLimit, 0), bucketCount) {
            sweepExpired(bucket: bi, now: now, into: &out)
            bi = (bi + 1) & bucketMask
        }
        events.header.pointee.expiryCursor = bi
        stats.expired &+= UInt64(out.count)
        return out.sorted { $0.id < $1.id }
    }

    /// Every entry live at `now`, in ascending id order.
    public func entries(now: UInt64) -> [LearnerEntry] {
        entries(now: now) { _, _ in true }
    }

    /// The entries live at `now` whose action `selected` accepts (its id and borrowed action data), in ascending
    /// id order; only those are copied out, so a selective listing of a big learner allocates little.
    public func entries(now: UInt64, where selected: (_ actionID: UInt32, _ actionData: UnsafeRawBufferPointer) -> Bool)
        -> [LearnerEntry] {
        var out: [LearnerEntry] = []
        // Only buckets holding a record are visited, so a sparsely filled learner lists quickly (a 1M-entry learner
        // is 64 MB of buckets but 128 kB of occupancy bits).
        forEachOccupiedBucket { bi in
            let b = bucket(bi)
            for i in 0..<4 {
                let expiresAt = expiry(b, i)
                guard expiresAt > now else { continue }
                let id = UInt32(bi * 4 + i + 1)
                let data = UnsafeRawBufferPointer(start: actionData(ofEntry: id), count: actionDataSize)
                if selected(actionID(ofEntry: id), data) { out.append(makeEntry(id, b, i, expiresAt)) }
            }
        }
        return out
    }

    /// Frees every entry that has expired by `now` and returns them (ascending id), counting them in
    /// `stats.expired`; the control plane uses this to report expired flows. Entries freed here are not counted
    /// again when their slot is reused.
    public func sweepExpired(now: UInt64) -> [LearnerEntry] {
        var out: [LearnerEntry] = []
        forEachOccupiedBucket { sweepExpired(bucket: $0, now: now, into: &out) }
        stats.expired &+= UInt64(out.count)
        return out
    }

    /// Frees the entries of bucket `bi` that have expired by `now`, appending them to `out` in slot order.
    private func sweepExpired(bucket bi: Int, now: UInt64, into out: inout [LearnerEntry]) {
        let b = bucket(bi)
        for i in 0..<4 {
            let expiresAt = expiry(b, i)
            if expiresAt != 0 && expiresAt <= now {
                out.append(makeEntry(UInt32(bi * 4 + i + 1), b, i, expiresAt))
                free(b, i)
            }
        }
    }

    /// Deletes every entry and zeroes the counters.
    public func removeAll() {
        // Only buckets holding a record hold entries (others keep at most stale signatures, unread while their
        // expiry is 0): zeroing just those leaves the pages no entry touched unbacked.
        forEachOccupiedBucket { bi in KeyBytes.zero(bucket(bi), Learner.bucketStride) }
        pool.pointee = (homeCount, 0, 0)
        occupied.initialize(repeating: 0, count: occupiedWords)
        stats = LearnerStats()
        events.clear()
    }

    /// Zeroes the packet counters.
    public func resetStats() { stats = LearnerStats() }

    private func makeEntry(_ id: UInt32, _ b: UnsafeMutableRawPointer, _ i: Int, _ expiry: UInt64) -> LearnerEntry {
        let r = entryRecord(id)
        return LearnerEntry(
            id: id,
            key: Array(UnsafeRawBufferPointer(start: r + Learner.recordKeyOffset, count: keySize)),
            actionID: actionID(ofEntry: id),
            actionData: Array(UnsafeRawBufferPointer(start: actionData(ofEntry: id), count: actionDataSize)),
            timeoutID: r.load(fromByteOffset: Learner.recordTimeoutIDOffset, as: UInt8.self),
            expiresAt: expiry)
    }

    private func checkKey(_ key: [UInt8]) throws(SWXRuntimeError) {
        guard key.count == keySize else {
            throw .invalidArgument("learner: key has \(key.count) bytes, the learner's key has \(keySize)")
        }
    }
}
