import CIntrinsics

/// A `learner` (add-on-miss table, DPDK's `rte_swx_table_learner`), with time injected by the caller.
///
/// Organisation, as DPDK: `pow2ceil(size)` buckets of 4 keys each, the bucket chosen by the table's hash (`crc32`
/// unless the `.spec` names one) of the key with seed 0, a 32-bit signature `hash | 1` per key. `learn` installs a
/// missed key in the first free or expired slot of its bucket and fails when all 4 slots hold live keys, so the
/// physical capacity is about 4 × `size` but a hot bucket can refuse keys earlier. Entry ids are
/// `bucket * 4 + slot + 1` (0 = miss) and do not change while the entry lives.
///
/// Timeouts: 1 to 16 values in seconds; their number is rounded up to a power of two, extra profiles repeat
/// timeout 0, and a timeout id is masked with `count − 1` (DPDK). An entry matches while `expiresAt > now`;
/// expiry is lazy (the slot is reused later) unless the control plane sweeps. Differences from DPDK, on purpose:
/// time is any tick count the caller passes (nanoseconds by default) instead of the TSC, and expiry times are kept
/// to the tick instead of DPDK's 2^32-cycle granularity (about 1.6 s), so expiry happens exactly on time; a slot
/// whose expiry equals `now` counts as free (DPDK needs `now` strictly greater, which makes no difference with
/// its coarse clock but would block learning at time 0 here).
///
/// Memory (unlike DPDK, which stores 4 keys and 4 action records inside every bucket): a bucket is one 64-byte
/// line of 4 expiry times, 4 signatures and 4 record numbers; keys, action ids, timeout ids and action data live in
/// fixed-size records (8 bytes + key + action data, each padded to 8). The first ``homeSlots`` slots of a bucket
/// (2 when a record takes at most 32 bytes, 1 up to 64, else none) own *home records* in the line right after
/// the bucket's (a bucket and its home records form one 128-byte block), so the packet path fetches a bucket and
/// the records of its first slots at the same time, from the same page: two lines of separate arrays cost a
/// second address translation per lookup, which at a million entries was most of what the lookups' misses cost
/// beyond those of an exact table. The other slots draw records from a pool only when they are filled (returned
/// by `forget`, control-plane deletes and expiry sweeps; a lazily expired slot keeps its record for its next key),
/// reserved for (4 − homeSlots) × buckets records; the kernel backs only the pages used. A full learner of 5-tuple
/// flows thus costs 128 bytes per configured entry plus a pool record for the few flows in a bucket's third and
/// fourth slots. Blocks and pool records live on transparent huge pages where allowed.
///
/// For big learners the packet path splits a lookup so the executor can run other packets while memory answers:
/// ``hash(_:)`` + ``prefetch(hash:)`` (the bucket and its home records), ``prefetchCandidates(hash:now:)`` (the
/// pool records of live slots whose signature matches: usually none, so no further wait), then
/// ``lookup(_:hash:now:mailbox:)``.
///
/// Concurrency: one worker runs lookups and learns on a learner at a time; control-plane calls happen between
/// bursts. Stats are plain counters owned by that worker.
public final class Learner: @unchecked Sendable {
    /// Key size in bytes.
    public let keySize: Int
    /// Action data size in bytes (the learner's largest action).
    public let actionDataSize: Int
    /// The `.spec` size (DPDK `n_keys_max`).
    public let size: Int
    /// Number of buckets (`pow2ceil(size)`).
    public let bucketCount: Int
    /// Keys per bucket.
    public static let keysPerBucket = 4
    /// The bucket hash.
    public let hashFunction: HashFunction
    /// Clock ticks per second (timeouts are converted with it).
    public let ticksPerSecond: UInt64
    /// Packet counters.
    public internal(set) var stats: LearnerStats {
        get { counters.pointee }
        set { counters.pointee = newValue }
    }
    /// The timeout of each profile in seconds (count rounded up to a power of two).
    public internal(set) var timeouts: [UInt32]

    let timeoutTicks: UnsafeMutablePointer<UInt64>
    /// The counters live outside the object so packet-path updates are plain stores, not class-property accesses.
    let counters: UnsafeMutablePointer<LearnerStats>
    let timeoutMask: UInt32
    let keyStride: Int
    let recordStride: Int
    let bucketMask: Int
    /// Bucket `i` is at `blocks + i << blockShift`; its home records follow it, from byte `bucketStride`.
    let blocks: UnsafeMutableRawPointer
    let blockMemory: TableMemory
    /// log2 of the block size: 7 (a bucket line and a line of home records), or 6 without home records.
    let blockShift: Int
    /// Pool record `r` (numbered after the home records) is at `poolRecords + (r − homeCount − 1) * recordStride`.
    let poolRecords: UnsafeMutableRawPointer
    let poolMemory: TableMemory
    /// Slots per bucket that own a home record (record `bucket * homeSlots + slot + 1`).
    let homeSlots: Int
    /// Number of home records (`bucketCount * homeSlots`); pool records are numbered after them.
    let homeCount: UInt32
    /// One bit per bucket, set while the bucket holds a record (live or lazily expired): listings visit only these.
    let occupied: UnsafeMutablePointer<UInt64>
    /// Pool state (a pointer so packet-path updates are plain stores): the highest record ever handed out (home
    /// records count as handed out), the head of the free list of pool records (threaded through the records'
    /// action id field; 0 ends it) and the records in use, home records included.
    let pool: UnsafeMutablePointer<(highWater: UInt32, freeHead: UInt32, inUse: Int)>
    /// New and removed entries since the control plane last drained them (``LearnerEventLog``).
    public let events: LearnerEventLog

    // Bucket layout: 4 expiry times, 4 signatures, 4 record numbers (0 = no record).
    static let bucketStride = 64
    static let expireOffset = 0
    static let signatureOffset = 32
    static let recordOffset = 48
    // Record layout: action id, timeout id, pad, key, action data.
    static let recordActionOffset = 0
    static let recordTimeoutIDOffset = 4
    static let recordKeyOffset = 8

    /// Creates an empty learner. Throws `invalidArgument` when a size is out of range, when there are not 1 to 16
    /// timeouts, or a timeout is 0; `resourceExhausted` beyond 2^29 buckets or when the record pool cannot be
    /// reserved. `hugePages` asks for transparent huge pages for big arrays; `eventLogCapacity` bounds the event log.
    public init(keySize: Int, actionDataSize: Int, size: Int, timeouts: [UInt32], hashFunction: HashFunction = .crc32,
                ticksPerSecond: UInt64 = 1_000_000_000, hugePages: Bool = true,
                eventLogCapacity: Int = 1 << 16) throws(SWXRuntimeError) {
        guard keySize > 0 else { throw .invalidArgument("learner: key size \(keySize) must be positive") }
        guard actionDataSize >= 0 else { throw .invalidArgument("learner: action data size \(actionDataSize) is negative") }
        guard size > 0, size <= 1 << 31 else { throw .invalidArgument("learner: size \(size) must be between 1 and 2^31") }
        guard (1...16).contains(timeouts.count) else {
            throw .invalidArgument("learner: \(timeouts.count) timeouts given, 1 to 16 are allowed")
        }
        if let i = timeouts.firstIndex(of: 0) { throw .invalidArgument("learner: timeout[\(i)] is 0 seconds") }
        guard ticksPerSecond > 0 else { throw .invalidArgument("learner: ticksPerSecond must be positive") }
        self.keySize = keySize
        self.actionDataSize = actionDataSize
        self.size = size
        self.hashFunction = hashFunction
        self.ticksPerSecond = ticksPerSecond
        bucketCount = KeyBytes.powerOfTwo(atLeast: size)
        bucketMask = bucketCount - 1
        keyStride = KeyBytes.stride(keySize)
        recordStride = Learner.recordKeyOffset + keyStride + KeyBytes.stride(actionDataSize)
        // Entry ids and record numbers are 32-bit: at most 2^29 buckets of 4 keys.
        guard bucketCount <= 1 << 29 else {
            throw .resourceExhausted("learner: \(bucketCount) buckets are too many (at most 2^29)")
        }
        homeSlots = recordStride <= 32 ? 2 : recordStride <= 64 ? 1 : 0
        homeCount = UInt32(bucketCount * homeSlots)
        let poolCapacity = bucketCount * (Learner.keysPerBucket - homeSlots)
        let poolBytes = poolCapacity * recordStride
        guard let reservation = TableMemory.reserved(byteCount: poolBytes, hugePages: hugePages) else {
            throw .resourceExhausted("learner: cannot reserve \(poolCapacity) records of \(recordStride) bytes")
        }
        poolMemory = reservation
        poolRecords = reservation.base
        blockShift = homeSlots == 0 ? 6 : 7
        blockMemory = TableMemory.zeroed(byteCount: bucketCount << blockShift, hugePages: hugePages)
        blocks = blockMemory.base
        let n = KeyBytes.powerOfTwo(atLeast: timeouts.count)
        var rounded = timeouts
        while rounded.count < n { rounded.append(timeouts[0]) }
        self.timeouts = rounded
        timeoutMask = UInt32(n - 1)
        timeoutTicks = .allocate(capacity: 16)
        timeoutTicks.initialize(repeating: 0, count: 16)
        for (i, s) in rounded.enumerated() { timeoutTicks[i] = UInt64(s) &* ticksPerSecond }
        counters = .allocate(capacity: 1)
        counters.initialize(to: LearnerStats())
        pool = .allocate(capacity: 1)
        pool.initialize(to: (homeCount, 0, 0))
        let words = Learner.occupiedWords(bucketCount: bucketCount)
        occupied = .allocate(capacity: words)
        occupied.initialize(repeating: 0, count: words)
        events = LearnerEventLog(capacity: eventLogCapacity, keySize: keySize)
    }

    deinit {
        counters.deallocate()
        timeoutTicks.deallocate()
        pool.deallocate()
        occupied.deallocate()
        events.release()
        blockMemory.release()
        poolMemory.release()
    }

    // MARK: Packet path

    /// The bucket hash of the `keySize` bytes at `key`.
    @inline(__always)
    public func hash(_ key: UnsafeRawPointer) -> UInt32 { hashFunction.hash(key, count: keySize, seed: 0) }

    /// Step 1 of a split lookup: the hash of the key at `key`, with its bucket and home records prefetched.
    @inline(__always)
    public func hashAndPrefetch(_ key: UnsafeRawPointer) -> UInt32 {
        let h = hash(key)
        prefetch(hash: h)
        return h
    }

    /// Whether at least `entries` records are in use (live entries plus lazily expired ones not yet reused): the
    /// packet path splits lookups only once the flows outgrow the caches.
    @inline(__always)
    public func population(atLeast entries: Int) -> Bool { pool.pointee.inUse >= entries }

    /// Prefetches the bucket a lookup with `hash` reads first and the line of its home records.
    @inline(__always)
    public func prefetch(hash: UInt32) {
        let b = bucket(Int(hash) & bucketMask)
        p4rt_prefetch(b)
        if homeSlots != 0 { p4rt_prefetch(b + Learner.bucketStride) }
    }

    /// Prefetches the pool record of every slot of `hash`'s bucket that is live at `now` and carries its signature
    /// (home records came with the bucket); returns whether there was any: if not, the lookup can go on at once.
    /// The bucket should be in cache already.
    @inline(__always)
    public func prefetchCandidates(hash: UInt32, now: UInt64) -> Bool {
        let b = bucket(Int(hash) & bucketMask)
        // Most buckets hold at most two flows: with two home slots, one load says whether the others hold records.
        if homeSlots == 2, KeyBytes.load64(b + (Learner.recordOffset &+ 8)) == 0 { return false }
        let sig = hash | 1
        var found = false
        // Slots below homeSlots only ever hold their home records; a slot without a record is empty. (A while
        // loop: a range with a variable start costs a bounds check and more per iteration.)
        var i = homeSlots
        while i < Learner.keysPerBucket {
            let r = recordNumber(b, i)
            if r != 0, expiry(b, i) > now,
               signature(b, i) == sig {
                p4rt_prefetch(poolRecord(r))
                found = true
            }
            i &+= 1
        }
        return found
    }

    /// Looks up the `keySize` bytes at `key` at time `now`; returns the entry id (0 on a miss) and fills
    /// `mailbox` for a later `learn`/`rearm`/`forget`. Counts a hit or a miss. `hash` must be ``hash(_:)`` of the key.
    @inline(__always)
    public func lookup(_ key: UnsafeRawPointer, hash: UInt32, now: UInt64, mailbox: inout LearnerMailbox) -> UInt32 {
        let bi = Int(hash) & bucketMask
        let b = bucket(bi)
        let sig = hash | 1
        mailbox.bucket = bi
        mailbox.signature = sig
        mailbox.key = key
        mailbox.time = now
        for i in 0..<Learner.keysPerBucket {
            if expiry(b, i) > now,
               signature(b, i) == sig,
               KeyBytes.equal(slotRecord(b, i)
                                + Learner.recordKeyOffset, key, keySize) {
                mailbox.hit = true
                mailbox.position = i
                counters.pointee.hits &+= 1
                return UInt32(truncatingIfNeeded: bi &* 4 &+ i &+ 1)
            }
        }
        mailbox.hit = false
        counters.pointee.misses &+= 1
        return 0
    }

    /// ``lookup(_:hash:now:mailbox:)`` with the hash computed here.
    @inline(__always)
    public func lookup(_ key: UnsafeRawPointer, now: UInt64, mailbox: inout LearnerMailbox) -> UInt32 {
        lookup(key, hash: hash(key), now: now, mailbox: &mailbox)
    }

    /// The `learn` instruction: after a miss, installs the looked-up key in the first free or expired slot of its
    /// bucket; after a hit, overwrites the hit entry's action, data and timeout. `actionData` points at
    /// `actionDataSize` bytes (nil: zeros); `timeoutID` is masked to the profile count. Uses the lookup time.
    /// Returns false, and counts a failure, when the bucket has no room.
    @discardableResult
    @inline(__always)
    public func learn(mailbox: inout LearnerMailbox, actionID: UInt32, actionData: UnsafeRawPointer?, timeoutID: UInt32) -> Bool {
        guard let key = mailbox.key else {
            counters.pointee.learnFailed &+= 1
            return false
        }
        let tid = Int(timeoutID & timeoutMask)
        let expiresAt = mailbox.time &+ timeoutTicks[tid]
        let b = bucket(mailbox.bucket)
        if mailbox.hit {
            install(b, mailbox.position, expiry: expiresAt, timeoutID: tid, actionID: actionID, actionData: actionData)
            counters.pointee.learnOK &+= 1
            return true
        }
        for i in 0..<Learner.keysPerBucket {
            let old = expiry(b, i)
            if old <= mailbox.time {
                var r = recordNumber(b, i)
                if old != 0 {
                    counters.pointee.expired &+= 1
                    events.log(.removed, id: UInt32(truncatingIfNeeded: mailbox.bucket &* 4 &+ i &+ 1),
                               key: slotRecord(b, i) + Learner.recordKeyOffset)
                }
                if r == 0 {
                    // A bucket holds at most 4 records and the pool has 4 − homeSlots per bucket: this never runs dry.
                    r = i < homeSlots ? homeRecord(bucket: mailbox.bucket, slot: i) : allocateRecord()
                    setRecordNumber(b, i, r)
                    occupied[mailbox.bucket &>> 6] |= 1 &<< UInt64(mailbox.bucket & 63)
                }
                setSignature(b, i, mailbox.signature)
                KeyBytes.copy(slotRecord(b, i) + Learner.recordKeyOffset, key, keySize)
                install(b, i, expiry: expiresAt, timeoutID: tid, actionID: actionID, actionData: actionData)
                events.log(.learned, id: UInt32(truncatingIfNeeded: mailbox.bucket &* 4 &+ i &+ 1), key: nil)
                mailbox.hit = true
                mailbox.position = i
                counters.pointee.learnOK &+= 1
                return true
            }
        }
        counters.pointee.learnFailed &+= 1
        return false
    }

    /// The `rearm` instruction: restarts the hit entry's timer with its current timeout (no-op after a miss).
    @inline(__always)
    public func rearm(mailbox: LearnerMailbox) {
        counters.pointee.rearms &+= 1
        guard mailbox.hit else { return }
        let b = bucket(mailbox.bucket)
        let r = slotRecord(b, mailbox.position)
        let tid = Int(KeyBytes.load8(r + Learner.recordTimeoutIDOffset))
        setExpiry(b, mailbox.position, mailbox.time &+ timeoutTicks[tid])
    }

    /// `rearm m.TIMEOUT_ID`: switches the hit entry to timeout `timeoutID` (masked) and restarts its timer.
    @inline(__always)
    public func rearm(mailbox: LearnerMailbox, timeoutID: UInt32) {
        counters.pointee.rearms &+= 1
        guard mailbox.hit else { return }
        let b = bucket(mailbox.bucket)
        let r = slotRecord(b, mailbox.position)
        let tid = Int(timeoutID & timeoutMask)
        KeyBytes.store8(r + Learner.recordTimeoutIDOffset, UInt8(tid))
        setExpiry(b, mailbox.position, mailbox.time &+ timeoutTicks[tid])
    }

    /// The `forget` instruction: deletes the hit entry at once (no-op after a miss).
    @inline(__always)
    public func forget(mailbox: inout LearnerMailbox) {
        counters.pointee.forgets &+= 1
        guard mailbox.hit else { return }
        events.log(.removed, id: UInt32(truncatingIfNeeded: mailbox.bucket &* 4 &+ mailbox.position &+ 1),
                   key: entryRecord(UInt32(truncatingIfNeeded: mailbox.bucket &* 4 &+ mailbox.position &+ 1)) + Learner.recordKeyOffset)
        free(bucket(mailbox.bucket), mailbox.position)
        mailbox.hit = false
    }

    /// The action id of live entry `id`.
    @inline(__always)
    public func actionID(ofEntry id: UInt32) -> UInt32 { actionID(ofRecord: entryRecord(id)) }

    /// The action data of live entry `id` (`actionDataSize` bytes), valid until the entry changes.
    @inline(__always)
    public func actionData(ofEntry id: UInt32) -> UnsafeRawPointer { actionData(ofRecord: entryRecord(id)) }

    /// The action id held by record `r`.
    @inline(__always)
    func actionID(ofRecord r: UnsafeMutableRawPointer) -> UInt32 {
        KeyBytes.load32(r + Learner.recordActionOffset)
    }

    /// The action data held by record `r` (`actionDataSize` bytes).
    @inline(__always)
    func actionData(ofRecord r: UnsafeMutableRawPointer) -> UnsafeRawPointer {
        UnsafeRawPointer(r + Learner.recordKeyOffset + keyStride)
    }

    // MARK: Layout

    @inline(__always)
    func bucket(_ index: Int) -> UnsafeMutableRawPointer { blocks + index &<< blockShift }

    /// The index of bucket `b`.
    @inline(__always)
    func bucketIndex(_ b: UnsafeMutableRawPointer) -> Int { (b - blocks) &>> blockShift }

    /// The record of slot `i` of bucket `b`, which holds one: its home record, in the line after the bucket, or
    /// the pool record the slot names.
    @inline(__always)
    func slotRecord(_ b: UnsafeMutableRawPointer, _ i: Int) -> UnsafeMutableRawPointer {
        i < homeSlots ? b + (Learner.bucketStride &+ i &* recordStride) : poolRecord(recordNumber(b, i))
    }

    /// Pool record `r` (> `homeCount`).
    @inline(__always)
    func poolRecord(_ r: UInt32) -> UnsafeMutableRawPointer {
        poolRecords + (Int(r) &- 1 &- Int(homeCount)) &* recordStride
    }

    /// Slot `i` of bucket `b`: its expiry time (0 = empty), signature and record number (0 = none).
    @inline(__always)
    func expiry(_ b: UnsafeMutableRawPointer, _ i: Int) -> UInt64 { KeyBytes.load64(b + (Learner.expireOffset &+ 8 &* i)) }
    @inline(__always)
    func setExpiry(_ b: UnsafeMutableRawPointer, _ i: Int, _ v: UInt64) {
        KeyBytes.store64(b + (Learner.expireOffset &+ 8 &* i), v)
    }
    @inline(__always)
    func signature(_ b: UnsafeMutableRawPointer, _ i: Int) -> UInt32 {
        KeyBytes.load32(b + (Learner.signatureOffset &+ 4 &* i))
    }
    @inline(__always)
    func setSignature(_ b: UnsafeMutableRawPointer, _ i: Int, _ v: UInt32) {
        KeyBytes.store32(b + (Learner.signatureOffset &+ 4 &* i), v)
    }
    @inline(__always)
    func recordNumber(_ b: UnsafeMutableRawPointer, _ i: Int) -> UInt32 {
        KeyBytes.load32(b + (Learner.recordOffset &+ 4 &* i))
    }
    @inline(__always)
    func setRecordNumber(_ b: UnsafeMutableRawPointer, _ i: Int, _ v: UInt32) {
        KeyBytes.store32(b + (Learner.recordOffset &+ 4 &* i), v)
    }

    /// 64-bit words of occupancy bits (one bit per bucket).
    var occupiedWords: Int { Learner.occupiedWords(bucketCount: bucketCount) }
    static func occupiedWords(bucketCount: Int) -> Int { (bucketCount + 63) / 64 }

    @inline(__always)
    func location(_ id: UInt32) -> (UnsafeMutableRawPointer, Int) {
        let slot = Int(id) &- 1
        return (bucket(slot >> 2), slot & 3)
    }

    /// The record of entry `id`, whose slot holds one.
    @inline(__always)
    func entryRecord(_ id: UInt32) -> UnsafeMutableRawPointer {
        let (b, i) = location(id)
        return slotRecord(b, i)
    }

    @inline(__always)
    func install(_ b: UnsafeMutableRawPointer, _ i: Int, expiry: UInt64, timeoutID: Int, actionID: UInt32, actionData: UnsafeRawPointer?) {
        setExpiry(b, i, expiry)
        let r = slotRecord(b, i)
        KeyBytes.store32(r + Learner.recordActionOffset, actionID)
        KeyBytes.store8(r + Learner.recordTimeoutIDOffset, UInt8(timeoutID))
        if actionDataSize > 0 {
            let data = UnsafeMutableRawPointer(mutating: self.actionData(ofRecord: r))
            if let actionData {
                KeyBytes.copy(data, actionData, actionDataSize)
            } else {
                KeyBytes.zero(data, actionDataSize)
            }
        }
    }

    /// The home record of slot `slot` (< `homeSlots`) of bucket `bi`, counted as in use.
    @inline(__always)
    func homeRecord(bucket bi: Int, slot: Int) -> UInt32 {
        pool.pointee.inUse &+= 1
        return UInt32(truncatingIfNeeded: bi &* homeSlots &+ slot &+ 1)
    }

    /// A free pool record number: the last one returned, else the next never used.
    @inline(__always)
    func allocateRecord() -> UInt32 {
        pool.pointee.inUse &+= 1
        let head = pool.pointee.freeHead
        if head != 0 {
            pool.pointee.freeHead = KeyBytes.load32(poolRecord(head) + Learner.recordActionOffset)
            return head
        }
        pool.pointee.highWater &+= 1
        return pool.pointee.highWater
    }

    /// Empties slot `i` of bucket `b` and releases its record (a pool record goes back to the pool).
    @inline(__always)
    func free(_ b: UnsafeMutableRawPointer, _ i: Int) {
        setExpiry(b, i, 0)
        let r = recordNumber(b, i)
        guard r != 0 else { return }
        setRecordNumber(b, i, 0)
        if r > homeCount {
            KeyBytes.store32(poolRecord(r) + Learner.recordActionOffset, pool.pointee.freeHead)
            pool.pointee.freeHead = r
        }
        pool.pointee.inUse &-= 1
        // The record fields are the 16 bytes at recordOffset: all zero once the bucket holds no record.
        if KeyBytes.load64(b + Learner.recordOffset)
            | KeyBytes.load64(b + (Learner.recordOffset + 8)) == 0 {
            let bi = bucketIndex(b)
            occupied[bi &>> 6] &= ~(1 &<< UInt64(bi & 63))
        }
    }

    /// Calls `body` with the index of every bucket holding a record, in ascending order.
    func forEachOccupiedBucket(_ body: (Int) -> Void) {
        for w in 0..<occupiedWords {
            var bits = occupied[w]
            while bits != 0 {
                body(w &* 64 &+ bits.trailingZeroBitCount)
                bits &= bits &- 1
            }
        }
    }
}
