/// One entry of a ``WildcardTable`` as the control plane reads it.
public struct WildcardEntry: Equatable, Sendable {
    /// The entry id (1-based; the `entryid` value).
    public var id: UInt32
    /// The key bytes, already masked.
    public var key: [UInt8]
    /// The mask bytes.
    public var mask: [UInt8]
    /// The priority (lower wins).
    public var priority: UInt32
    /// The action id.
    public var actionID: UInt32
    /// The action data (`actionDataSize` bytes).
    public var actionData: [UInt8]
}

extension WildcardTable {
    /// Adds an entry and returns its id. The key is stored masked. Throws `alreadyExists` when an entry with the
    /// same mask, masked key and priority exists, `resourceExhausted` when the table is full, `invalidArgument` for
    /// a key or mask that is not `keySize` bytes or action data longer than `actionDataSize`.
    @discardableResult
    public func add(key: [UInt8], mask: [UInt8], priority: UInt32, actionID: UInt32,
                    actionData: [UInt8] = []) throws(SWXRuntimeError) -> UInt32 {
        try checkMatch(key: key, mask: mask)
        try checkData(actionData)
        if let existing = find(key: key, mask: mask, priority: priority) {
            throw .alreadyExists("wildcard table: key \(hex(key)) mask \(hex(mask)) priority \(priority) is already entry \(existing)",
                                 entryID: existing)
        }
        guard count < capacity else { throw .resourceExhausted("wildcard table: full (size \(capacity))") }
        let g = groupSlot(forMask: mask)
        let id = allocateID()
        let r = record(id)
        let h: UInt32 = key.withUnsafeBytes { k in
            mask.withUnsafeBytes { m in
                let stored = r + WildcardTable.headerSize
                stored.initializeMemory(as: UInt8.self, repeating: 0, count: keyStride)
                KeyBytes.copyMasked(stored, key: k.baseAddress!, mask: m.baseAddress!, keySize)
                return KeyBytes.maskedHash(k.baseAddress!, mask: m.baseAddress!, keySize)
            }
        }
        r.storeBytes(of: priority, toByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
        r.storeBytes(of: actionID, toByteOffset: WildcardTable.actionOffset, as: UInt32.self)
        r.storeBytes(of: UInt32(g), toByteOffset: WildcardTable.groupOffset, as: UInt32.self)
        r.storeBytes(of: h, toByteOffset: WildcardTable.hashOffset, as: UInt32.self)
        writeData(actionData, to: id)
        hitTimes.set(id, 0)
        linkIntoChain(id, group: g, hash: h)
        groups[g].entries += 1
        if priority < groups[g].best {
            groups[g].best = priority
            groups[g].bestCount = 1
        } else if priority == groups[g].best {
            groups[g].bestCount += 1
        }
        count += 1
        rebuildOrder()
        return id
    }

    /// Replaces the action of live entry `entryID`. Throws `notFound` when no such entry lives.
    public func modify(entryID: UInt32, actionID: UInt32, actionData: [UInt8] = []) throws(SWXRuntimeError) {
        try checkData(actionData)
        guard isLive(entryID) else { throw .notFound("wildcard table: no entry \(entryID)") }
        record(entryID).storeBytes(of: actionID, toByteOffset: WildcardTable.actionOffset, as: UInt32.self)
        writeData(actionData, to: entryID)
    }

    /// Deletes the entry with this match; returns the id it had. Throws `notFound` when absent.
    @discardableResult
    public func delete(key: [UInt8], mask: [UInt8], priority: UInt32) throws(SWXRuntimeError) -> UInt32 {
        try checkMatch(key: key, mask: mask)
        guard let id = find(key: key, mask: mask, priority: priority) else {
            throw .notFound("wildcard table: no entry with key \(hex(key)) mask \(hex(mask)) priority \(priority)")
        }
        try delete(entryID: id)
        return id
    }

    /// Deletes live entry `entryID`. Throws `notFound` when no such entry lives.
    public func delete(entryID id: UInt32) throws(SWXRuntimeError) {
        guard isLive(id) else { throw .notFound("wildcard table: no entry \(id)") }
        let r = record(id)
        let g = Int(r.load(fromByteOffset: WildcardTable.groupOffset, as: UInt32.self))
        let h = r.load(fromByteOffset: WildcardTable.hashOffset, as: UInt32.self)
        let priority = r.load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
        unlinkFromChain(id, group: g, hash: h)
        groups[g].entries -= 1
        if groups[g].entries == 0 {
            groups[g].mask.deallocate()
            groups[g].index.deallocate()
            groupLive[g] = false
        } else if priority == groups[g].best {
            groups[g].bestCount -= 1
            if groups[g].bestCount == 0 { rescanBest(g) }
        }
        links[Int(id) - 1] = freeHead
        freeHead = id
        count -= 1
        rebuildOrder()
    }

    /// The id of the entry with this match (priority nil: the best entry with this mask and masked key), or nil.
    /// Throws `invalidArgument` for a key or mask that is not `keySize` bytes.
    public func entryID(key: [UInt8], mask: [UInt8], priority: UInt32?) throws(SWXRuntimeError) -> UInt32? {
        try checkMatch(key: key, mask: mask)
        return find(key: key, mask: mask, priority: priority)
    }

    /// Whether `entryID` names a live entry.
    public func isLive(_ entryID: UInt32) -> Bool {
        entryID >= 1 && Int(entryID) <= highWater && links[Int(entryID) - 1] == WildcardTable.liveMark
    }

    /// Live entry `entryID`, or nil.
    public func entry(_ entryID: UInt32) -> WildcardEntry? {
        guard isLive(entryID) else { return nil }
        let r = record(entryID)
        let g = Int(r.load(fromByteOffset: WildcardTable.groupOffset, as: UInt32.self))
        return WildcardEntry(
            id: entryID,
            key: Array(UnsafeRawBufferPointer(start: storedKey(entryID), count: keySize)),
            mask: Array(UnsafeRawBufferPointer(start: groups[g].mask, count: keySize)),
            priority: r.load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self),
            actionID: actionID(ofEntry: entryID),
            actionData: Array(UnsafeRawBufferPointer(start: actionData(ofEntry: entryID), count: actionDataSize)))
    }

    /// Calls `body` with every live entry id in ascending order.
    public func forEachEntryID(_ body: (UInt32) -> Void) {
        for i in 0..<highWater where links[i] == WildcardTable.liveMark { body(UInt32(i + 1)) }
    }

    /// Every live entry in ascending id order.
    public func entries() -> [WildcardEntry] {
        var out: [WildcardEntry] = []
        out.reserveCapacity(count)
        forEachEntryID { id in if let e = entry(id) { out.append(e) } }
        return out
    }

    /// Number of distinct masks (the groups a lookup may probe).
    public var maskCount: Int { orderCount }

    /// An independent deep copy with the same entries and ids.
    public func copy() -> WildcardTable {
        // Re-adding entries would renumber them; copy the memory instead.
        let c = WildcardTable(validatedKeySize: keySize, actionDataSize: actionDataSize, capacity: capacity)
        c.reserveRecords(recordCapacity)
        c.records.copyMemory(from: records, byteCount: highWater * recordStride)
        c.links.update(from: links, count: highWater)
        c.freeHead = freeHead
        c.highWater = highWater
        c.count = count
        c.hitTimes.copyState(from: hitTimes, count: highWater)
        c.reserveGroups(groupCapacity)
        c.groupSlots = groupSlots
        c.groupLive = groupLive
        for g in 0..<groupSlots where groupLive[g] {
            let m = UnsafeMutableRawPointer.allocate(byteCount: keyStride, alignment: 8)
            m.copyMemory(from: groups[g].mask, byteCount: keyStride)
            (c.groups + g).initialize(to: Group(mask: m, index: groups[g].index.copy(), entries: groups[g].entries,
                                                best: groups[g].best, bestCount: groups[g].bestCount))
        }
        c.rebuildOrder()
        return c
    }

    // MARK: Chains and groups

    /// The slot of the live group with exactly this mask, creating it when absent.
    private func groupSlot(forMask mask: [UInt8]) -> Int {
        if let g = existingGroup(mask) { return g }
        var slot = groupLive.firstIndex(of: false) ?? -1
        if slot < 0 {
            if groupSlots == groupCapacity { reserveGroups(groupCapacity * 2) }
            slot = groupSlots
            groupSlots += 1
            groupLive.append(true)
        } else {
            groupLive[slot] = true
        }
        let m = UnsafeMutableRawPointer.allocate(byteCount: keyStride, alignment: 8)
        m.initializeMemory(as: UInt8.self, repeating: 0, count: keyStride)
        mask.withUnsafeBytes { m.copyMemory(from: $0.baseAddress!, byteCount: keySize) }
        (groups + slot).initialize(to: Group(mask: m, index: SlotIndex(slotCount: 8), entries: 0, best: .max, bestCount: 0))
        return slot
    }

    private func existingGroup(_ mask: [UInt8]) -> Int? {
        mask.withUnsafeBytes { m in
            for g in 0..<groupSlots where groupLive[g] && KeyBytes.equal(groups[g].mask, m.baseAddress!, keySize) {
                return g
            }
            return nil
        }
    }

    /// The id of the chain head for the masked key of `key` in group `g`, or 0.
    private func chainHead(group g: Int, key: UnsafeRawPointer, hash h: UInt32) -> UInt32 {
        let index = groups[g].index
        var i = Int(h) & index.mask
        while true {
            let s = index.slots[i]
            if s == 0 { return 0 }
            if UInt32(truncatingIfNeeded: s >> 32) == h {
                let id = UInt32(truncatingIfNeeded: s)
                if KeyBytes.equalMasked(stored: storedKey(id), key: key, mask: groups[g].mask, keySize) { return id }
            }
            i = (i &+ 1) & index.mask
        }
    }

    func find(key: [UInt8], mask: [UInt8], priority: UInt32?) -> UInt32? {
        guard let g = existingGroup(mask) else { return nil }
        let head: UInt32 = key.withUnsafeBytes { k in
            chainHead(group: g, key: k.baseAddress!, hash: KeyBytes.maskedHash(k.baseAddress!, mask: groups[g].mask, keySize))
        }
        guard head != 0 else { return nil }
        guard let priority else { return head }
        var id = head
        while id != 0 {
            let p = record(id).load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
            if p == priority { return id }
            if p > priority { return nil }
            id = record(id).load(fromByteOffset: WildcardTable.nextOffset, as: UInt32.self)
        }
        return nil
    }

    /// Chains are ordered by (priority, id), so the head is the best entry for its masked key.
    @inline(__always)
    private func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
        let pa = record(a).load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
        let pb = record(b).load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
        return pa < pb || (pa == pb && a < b)
    }

    private func setNext(_ id: UInt32, _ next: UInt32) {
        record(id).storeBytes(of: next, toByteOffset: WildcardTable.nextOffset, as: UInt32.self)
    }

    private func next(_ id: UInt32) -> UInt32 {
        record(id).load(fromByteOffset: WildcardTable.nextOffset, as: UInt32.self)
    }

    private func linkIntoChain(_ id: UInt32, group g: Int, hash h: UInt32) {
        let head = chainHead(group: g, key: storedKey(id), hash: h)
        if head == 0 {
            setNext(id, 0)
            if (groups[g].index.count + 1) * 2 > groups[g].index.slotCount { groups[g].index.grow() }
            groups[g].index.insert(hash: h, id: id)
        } else if precedes(id, head) {
            setNext(id, head)
            groups[g].index.replace(hash: h, old: head, new: id)
        } else {
            var prev = head
            while next(prev) != 0 && precedes(next(prev), id) { prev = next(prev) }
            setNext(id, next(prev))
            setNext(prev, id)
        }
    }

    private func unlinkFromChain(_ id: UInt32, group g: Int, hash h: UInt32) {
        let head = chainHead(group: g, key: storedKey(id), hash: h)
        if head == id {
            let n = next(id)
            if n == 0 { groups[g].index.remove(hash: h, id: id) } else { groups[g].index.replace(hash: h, old: id, new: n) }
        } else {
            var prev = head
            while prev != 0 && next(prev) != id { prev = next(prev) }
            if prev != 0 { setNext(prev, next(id)) }
        }
    }

    /// Recomputes the best priority of group `g` from its chain heads (each head is its chain's best).
    private func rescanBest(_ g: Int) {
        var best = UInt32.max
        var bestCount = 0
        let index = groups[g].index
        for i in 0..<index.slotCount where index.slots[i] != 0 {
            var id = UInt32(truncatingIfNeeded: index.slots[i])
            while id != 0 {
                let p = record(id).load(fromByteOffset: WildcardTable.priorityOffset, as: UInt32.self)
                if p < best { best = p; bestCount = 1 } else if p == best { bestCount += 1 } else { break }
                id = next(id)
            }
        }
        groups[g].best = best
        groups[g].bestCount = bestCount
    }

    func rebuildOrder() {
        var live: [Int32] = []
        for g in 0..<groupSlots where groupLive[g] { live.append(Int32(g)) }
        live.sort { a, b in
            let ga = groups[Int(a)].best, gb = groups[Int(b)].best
            return ga < gb || (ga == gb && a < b)
        }
        for (i, g) in live.enumerated() { order[i] = g }
        orderCount = live.count
    }

    // MARK: Storage

    private func allocateID() -> UInt32 {
        let id: UInt32
        if freeHead != 0 {
            id = freeHead
            freeHead = links[Int(id) - 1]
        } else {
            if highWater == recordCapacity { reserveRecords(min(capacity, recordCapacity * 2)) }
            highWater += 1
            id = UInt32(highWater)
        }
        links[Int(id) - 1] = WildcardTable.liveMark
        return id
    }

    func reserveRecords(_ n: Int) {
        guard n > recordCapacity else { return }
        let r = UnsafeMutableRawPointer.allocate(byteCount: n * recordStride + TableMemory.slack, alignment: 64)
        r.copyMemory(from: records, byteCount: highWater * recordStride)
        records.deallocate()
        records = r
        let l = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
        l.update(from: links, count: highWater)
        links.deallocate()
        links = l
        recordCapacity = n
        hitTimes.grow(to: n)
    }

    func reserveGroups(_ n: Int) {
        guard n > groupCapacity else { return }
        let g = UnsafeMutablePointer<Group>.allocate(capacity: n)
        g.moveInitialize(from: groups, count: groupSlots)
        groups.deallocate()
        groups = g
        order.deallocate()
        order = .allocate(capacity: n)
        groupCapacity = n
    }

    private func writeData(_ data: [UInt8], to id: UInt32) {
        let d = UnsafeMutableRawPointer(mutating: actionData(ofEntry: id))
        d.initializeMemory(as: UInt8.self, repeating: 0, count: KeyBytes.stride(actionDataSize))
        data.withUnsafeBytes { if let b = $0.baseAddress { d.copyMemory(from: b, byteCount: data.count) } }
    }

    private func checkMatch(key: [UInt8], mask: [UInt8]) throws(SWXRuntimeError) {
        guard key.count == keySize, mask.count == keySize else {
            throw .invalidArgument("wildcard table: key has \(key.count) bytes and mask \(mask.count), the table's key has \(keySize)")
        }
    }

    private func checkData(_ data: [UInt8]) throws(SWXRuntimeError) {
        guard data.count <= actionDataSize else {
            throw .invalidArgument("wildcard table: action data has \(data.count) bytes, at most \(actionDataSize) fit")
        }
    }
}
