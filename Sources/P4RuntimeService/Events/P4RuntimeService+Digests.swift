import P4Device
import P4Model

extension P4RuntimeService {
    /// Buffers one digest message per P4Runtime §9.8: dropped when the digest is not enabled or the message is
    /// already buffered or sent-and-unacknowledged; sent at once when the list is full or `max_timeout_ns` is 0.
    func bufferDigest(_ id: DigestID, _ data: P4Data, on slot: DeviceSlot) -> Bool {
        let now = clock.monotonicNanoseconds()
        let ready: DigestList? = slot.digests.withLock { state in
            guard var buffer = state.buffers[id] else {
                state.droppedDisabled += 1
                return nil
            }
            if let until = buffer.suppressedUntil[data], until > now { return nil }
            if buffer.pendingSet.contains(data) { return nil }
            if buffer.pending.isEmpty { buffer.firstBufferedAt = now }
            buffer.pending.append(data)
            buffer.pendingSet.insert(data)
            var list: DigestList?
            let config = buffer.config
            if config.maxTimeoutNs == 0 || (config.maxListSize > 0 && buffer.pending.count >= Int(config.maxListSize)) {
                list = takeList(id, &buffer, &state.nextListId, now: now)
            }
            state.buffers[id] = buffer
            return list
        }
        if let ready { return broadcast(.digestList(ready), on: slot) }
        return true
    }

    /// Sends the lists whose `max_timeout_ns` elapsed and ends expired duplicate suppression.
    func flushDigests(on slot: DeviceSlot) {
        let now = clock.monotonicNanoseconds()
        let lists: [DigestList] = slot.digests.withLock { state in
            var lists: [DigestList] = []
            for id in state.buffers.keys.sorted() {
                guard var buffer = state.buffers[id] else { continue }
                buffer.suppressedUntil = buffer.suppressedUntil.filter { $0.value > now }
                if !buffer.pending.isEmpty && now &- buffer.firstBufferedAt >= UInt64(max(0, buffer.config.maxTimeoutNs)) {
                    lists.append(takeList(id, &buffer, &state.nextListId, now: now))
                }
                state.buffers[id] = buffer
            }
            return lists
        }
        for list in lists { broadcast(.digestList(list), on: slot) }
    }

    /// Makes digest buffering follow `configs` (the enabled digests after a write): new digests start buffering,
    /// changed ones keep their pending messages under the new config, disabled ones are dropped.
    func syncDigestBuffers(_ configs: [DigestID: DigestEntry.Config], on slot: DeviceSlot) {
        slot.digests.withLock { state in
            for id in Array(state.buffers.keys) where configs[id] == nil { state.buffers[id] = nil }
            for (id, config) in configs {
                var buffer = state.buffers[id] ?? DigestState.Buffer(config: config)
                buffer.config = config
                state.buffers[id] = buffer
            }
        }
    }

    /// Forgets every digest configuration and buffer (a new pipeline was committed).
    func resetDigests(_ slot: DeviceSlot) {
        slot.digests.withLock { $0 = DigestState() }
    }

    /// Handles a `DigestListAck`: ends suppression of the list's messages. An unknown digest id is reported as a
    /// StreamError INVALID_ARGUMENT on the session.
    func acknowledgeDigestList(_ ack: DigestListAck, from session: StreamSession) {
        guard let binding = session.binding, let slot = try? slot(binding.deviceId) else {
            session.enqueue(.streamError(StreamError(
                canonicalCode: .failedPrecondition, message: "digest ack: the session has not arbitrated for a device",
                details: .digestListAck(ack))))
            return
        }
        let known = slot.digests.withLock { state -> Bool in
            guard var buffer = state.buffers[ack.digestId] else { return false }
            if let messages = buffer.unackedLists.removeValue(forKey: ack.listId) {
                for message in messages { buffer.suppressedUntil[message] = nil }
            }
            state.buffers[ack.digestId] = buffer
            return true
        }
        if !known {
            session.enqueue(.streamError(StreamError(
                canonicalCode: .invalidArgument,
                message: "digest ack: digest \(ack.digestId) is not enabled on device \(slot.id)",
                details: .digestListAck(ack))))
        }
    }

    private func takeList(_ id: DigestID, _ buffer: inout DigestState.Buffer, _ nextListId: inout UInt64, now: UInt64)
        -> DigestList
    {
        let listId = nextListId
        nextListId += 1
        let messages = buffer.pending
        buffer.pending = []
        buffer.pendingSet = []
        if buffer.config.ackTimeoutNs > 0 {
            let until = now &+ UInt64(buffer.config.ackTimeoutNs)
            for message in messages { buffer.suppressedUntil[message] = until }
            buffer.unackedLists[listId] = messages
            // Lists never acknowledged are forgotten with their suppression window.
            if buffer.unackedLists.count > 4096, let oldest = buffer.unackedLists.keys.min() {
                buffer.unackedLists[oldest] = nil
            }
        }
        return DigestList(digestId: id, listId: listId, data: messages, timestamp: clock.epochNanoseconds())
    }
}
