/// One entry of an ``ExactMatchTable`` as the control plane reads it.
public struct ExactMatchEntry: Equatable, Sendable {
    /// The entry id (1-based slot; the `entryid` value).
    public var id: UInt32
    /// The key bytes.
    public var key: [UInt8]
    /// The action id.
    public var actionID: UInt32
    /// The action data (`actionDataSize` bytes).
    public var actionData: [UInt8]
}

extension ExactMatchTable {
    /// Adds an entry and returns its id. Throws `alreadyExists` when the key is present, `resourceExhausted` when
    /// the table holds `capacity` entries, `invalidArgument` when the key is not `keySize` bytes or the action data
    /// is longer than `actionDataSize` (shorter data is zero-padded).
    @discardableResult
    public func add(key: [UInt8], actionID: UInt32, actionData: [UInt8] = []) throws(SWXRuntimeError) -> UInt32 {
        try checkKey(key)
        try checkData(actionData)
        let h = key.withUnsafeBytes { hash($0.baseAddress!) }
        let existing = key.withUnsafeBytes { lookup($0.baseAddress!, hash: h) }
        if existing != 0 {
            throw .alreadyExists("exact table: key \(hex(key)) is already entry \(existing)", entryID: existing)
        }
        guard count < capacity else {
            throw .resourceExhausted("exact table: full (size \(capacity))")
        }
        let id = allocateID()
        let r = record(id)
        r.storeBytes(of: h, as: UInt32.self)
        r.storeBytes(of: actionID, toByteOffset: ExactMatchTable.actionOffset, as: UInt32.self)
        let k = keyPointer(id)
        k.initializeMemory(as: UInt8.self, repeating: 0, count: keyStride)
        key.withUnsafeBytes { k.copyMemory(from: $0.baseAddress!, byteCount: keySize) }
        writeData(actionData, to: id)
        hitTimes.set(id, 0)
        let position = index.insert(hash: h, id: id)
        copyInline(id, to: position)
        count += 1
        return id
    }

    /// Replaces the action of the entry with `key`; returns its id. Throws `notFound` when absent.
    @discardableResult
    public func modify(key: [UInt8], actionID: UInt32, actionData: [UInt8] = []) throws(SWXRuntimeError) -> UInt32 {
        let id = try entryIDOrThrow(key: key)
        try modify(entryID: id, actionID: actionID, actionData: actionData)
        return id
    }

    /// Replaces the action of live entry `entryID`. Throws `notFound` when no such entry lives.
    public func modify(entryID: UInt32, actionID: UInt32, actionData: [UInt8] = []) throws(SWXRuntimeError) {
        try checkData(actionData)
        guard isLive(entryID) else { throw .notFound("exact table: no entry \(entryID)") }
        record(entryID).storeBytes(of: actionID, toByteOffset: ExactMatchTable.actionOffset, as: UInt32.self)
        writeData(actionData, to: entryID)
        if inlineStride != 0, let position = index.position(hash: record(entryID).load(as: UInt32.self), id: entryID) {
            copyInline(entryID, to: position)
        }
    }

    /// Deletes the entry with `key`; returns the id it had. Throws `notFound` when absent.
    @discardableResult
    public func delete(key: [UInt8]) throws(SWXRuntimeError) -> UInt32 {
        let id = try entryIDOrThrow(key: key)
        try delete(entryID: id)
        return id
    }

    /// Deletes live entry `entryID`. Throws `notFound` when no such entry lives.
    public func delete(entryID: UInt32) throws(SWXRuntimeError) {
        guard isLive(entryID) else { throw .notFound("exact table: no entry \(entryID)") }
        let h = record(entryID).load(as: UInt32.self)
        index.remove(hash: h, id: entryID)
        links[Int(entryID) - 1] = freeHead
        freeHead = entryID
        count -= 1
    }

    /// Deletes every entry; ids restart at 1.
    public func removeAll() {
        index.removeAll()
        freeHead = 0
        highWater = 0
        count = 0
    }

    /// The id of the entry with `key`, or 0. Throws `invalidArgument` when the key is not `keySize` bytes.
    public func entryID(key: [UInt8]) throws(SWXRuntimeError) -> UInt32 {
        try checkKey(key)
        return key.withUnsafeBytes { lookup($0.baseAddress!) }
    }

    /// Whether `entryID` names a live entry.
    public func isLive(_ entryID: UInt32) -> Bool {
        entryID >= 1 && Int(entryID) <= highWater && links[Int(entryID) - 1] == ExactMatchTable.liveMark
    }

    /// Live entry `entryID`, or nil.
    public func entry(_ entryID: UInt32) -> ExactMatchEntry? {
        guard isLive(entryID) else { return nil }
        let k = UnsafeRawBufferPointer(start: keyPointer(entryID), count: keySize)
        let d = UnsafeRawBufferPointer(start: actionData(ofEntry: entryID), count: actionDataSize)
        return ExactMatchEntry(id: entryID, key: Array(k), actionID: actionID(ofEntry: entryID), actionData: Array(d))
    }

    /// Calls `body` with every live entry id in ascending order (a stable order across lookups and reads).
    public func forEachEntryID(_ body: (UInt32) -> Void) {
        for i in 0..<highWater where links[i] == ExactMatchTable.liveMark { body(UInt32(i + 1)) }
    }

    /// Every live entry in ascending id order.
    public func entries() -> [ExactMatchEntry] {
        var out: [ExactMatchEntry] = []
        out.reserveCapacity(count)
        forEachEntryID { id in if let e = entry(id) { out.append(e) } }
        return out
    }

    // MARK: Helpers

    /// Refreshes the copy of entry `id`'s record in index slot `position` (inline records only): the record with
    /// its hash field replaced by the id.
    private func copyInline(_ id: UInt32, to position: Int) {
        guard inlineStride != 0 else { return }
        let p = index.payload(position)
        p.copyMemory(from: record(id), byteCount: recordStride)
        p.storeBytes(of: id, as: UInt32.self)
    }

    private func allocateID() -> UInt32 {
        let id: UInt32
        if freeHead != 0 {
            id = freeHead
            freeHead = links[Int(id) - 1]
        } else {
            highWater += 1
            id = UInt32(highWater)
        }
        links[Int(id) - 1] = ExactMatchTable.liveMark
        return id
    }

    private func writeData(_ data: [UInt8], to id: UInt32) {
        let d = UnsafeMutableRawPointer(mutating: actionData(ofEntry: id))
        d.initializeMemory(as: UInt8.self, repeating: 0, count: KeyBytes.stride(actionDataSize))
        data.withUnsafeBytes { if let b = $0.baseAddress { d.copyMemory(from: b, byteCount: data.count) } }
    }

    private func entryIDOrThrow(key: [UInt8]) throws(SWXRuntimeError) -> UInt32 {
        let id = try entryID(key: key)
        guard id != 0 else { throw .notFound("exact table: no entry with key \(hex(key))") }
        return id
    }

    private func checkKey(_ key: [UInt8]) throws(SWXRuntimeError) {
        guard key.count == keySize else {
            throw .invalidArgument("exact table: key has \(key.count) bytes, the table's key has \(keySize)")
        }
    }

    private func checkData(_ data: [UInt8]) throws(SWXRuntimeError) {
        guard data.count <= actionDataSize else {
            throw .invalidArgument("exact table: action data has \(data.count) bytes, at most \(actionDataSize) fit")
        }
    }
}

/// Lowercase hex of `bytes` for messages.
func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var s = "0x"
    for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
    return s
}
