import P4Device
import P4Model

/// Receives a device's events and routes them to the primaries' sessions (whose queues are bounded and never
/// block) or into the digest buffers.
final class SlotEventSink: DeviceEventSink {
    private weak let service: P4RuntimeService?
    private weak let slot: DeviceSlot?

    init(service: P4RuntimeService, slot: DeviceSlot) {
        self.service = service
        self.slot = slot
    }

    func deliver(_ event: DeviceEvent) -> Bool {
        guard let service, let slot else { return false }
        switch event {
        case .packetIn(let packet):
            return service.broadcast(.packetIn(packet), on: slot)
        case .digest(let id, let data):
            return service.bufferDigest(id, data, on: slot)
        case .entriesLearned(let table, let entries):
            return service.broadcast(.entriesLearned(table, entries), on: slot)
        case .entriesRemoved(let table, let entries):
            return service.broadcast(.entriesRemoved(table, entries), on: slot)
        case .eventsLost(let count):
            let primaries = service.primarySessions(slot)
            for session in primaries { session.recordLost(count) }
            return !primaries.isEmpty
        }
    }
}

extension P4RuntimeService {
    /// Points the new device's events at this slot and detaches the previous device.
    func attachEvents(_ slot: DeviceSlot, to device: any P4Device, replacing previous: (any P4Device)?) {
        if let previous, previous !== device { previous.setEventSink(nil) }
        device.setEventSink(SlotEventSink(service: self, slot: slot))
    }

    /// Queues `event` for every primary of the device; false when some queue dropped it or nobody listens.
    @discardableResult
    func broadcast(_ event: SessionEvent, on slot: DeviceSlot) -> Bool {
        var delivered = true
        let primaries = primarySessions(slot)
        if primaries.isEmpty { return false }
        for session in primaries where !session.enqueue(event) { delivered = false }
        return delivered
    }
}
