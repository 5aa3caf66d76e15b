import P4Device
import P4Model

extension P4RuntimeService {
    /// Opens a stream session (one per controller connection); it is unbound until its first arbitration update.
    ///
    /// - Throws: RESOURCE_EXHAUSTED when `maxSessions` sessions are open.
    public func openSession() throws(P4RuntimeError) -> StreamSession {
        let capacity = configuration.sessionQueueCapacity
        let limit = configuration.maxSessions
        let counters = self.counters
        let session = sessionRegistry.withLock { registry -> StreamSession? in
            if registry.open.count >= limit { return nil }
            let session = StreamSession(id: registry.nextId, capacity: capacity, counters: counters)
            registry.nextId += 1
            registry.open[session.id] = session
            return session
        }
        guard let session else { throw .resourceExhausted("too many stream sessions are open (limit \(limit))") }
        return session
    }

    /// The open session with `id`, if any (for transports that address sessions by id).
    public func session(id: UInt64) -> StreamSession? { sessionRegistry.withLock { $0.open[id] } }

    /// Handles one controller message of a session's stream.
    ///
    /// Arbitration errors (P4Runtime §5.3, §16.6) are thrown and mean "terminate the stream with this status":
    /// unknown device → NOT_FOUND, device or role changed on a bound session → FAILED_PRECONDITION, election id
    /// used by another live controller of the same device and role → INVALID_ARGUMENT. Failed packet-outs and
    /// digest acknowledgements are not thrown; they are reported as `SessionEvent.streamError` on the session.
    public func handle(_ message: StreamMessageRequest, from session: StreamSession) throws(P4RuntimeError) {
        if session.isClosed { throw .failedPrecondition("\(session) is closed") }
        switch message.kind {
        case .arbitration(let update)?:
            try arbitrate(update, session: session)
        case .packet(let packet)?:
            packetOut(packet, from: session)
        case .digestAck(let ack)?:
            acknowledgeDigestList(ack, from: session)
        case .other(let any)?:
            session.enqueue(.streamError(StreamError(
                canonicalCode: .unimplemented, message: "stream message of type '\(any.typeName)' is not supported",
                details: .other(any))))
        case nil:
            throw .invalidArgument("stream message: no update is set")
        }
    }

    /// Ends a session: it leaves arbitration (if it was primary, the role has no primary until a controller sends
    /// an election id at least the highest seen, and the remaining controllers are told) and drops its events.
    public func closeSession(_ session: StreamSession) {
        guard session.markClosed() else { return }
        sessionRegistry.withLock { _ = $0.open.removeValue(forKey: session.id) }
        guard let binding = session.binding, let slot = try? slot(binding.deviceId) else { return }
        slot.arbitration.withLock { state in
            guard var role = state.roles[binding.role] else { return }
            role.sessions.removeAll { $0 === session }
            let wasPrimary = role.primary === session
            if wasPrimary { role.primary = nil }
            state.roles[binding.role] = role
            if wasPrimary {
                for other in role.sessions {
                    other.enqueue(.arbitration(advisory(for: other, role: role, name: binding.role, device: slot.id)))
                }
            }
        }
    }

    /// The primary sessions of every role of the device (each role has the full pipeline in p4rtd).
    func primarySessions(_ slot: DeviceSlot) -> [StreamSession] {
        slot.arbitration.withLock { state in
            state.roles.keys.sorted().compactMap { state.roles[$0]?.primary }
        }
    }

    private func arbitrate(_ update: MasterArbitrationUpdate, session: StreamSession) throws(P4RuntimeError) {
        let slot: DeviceSlot
        do {
            slot = try self.slot(update.deviceId)
        } catch {
            throw .notFound("arbitration: device \(update.deviceId) is not known")
        }
        let roleName = update.role?.name ?? ""
        if let role = update.role, role.id != 0, role.name.isEmpty {
            throw .invalidArgument("arbitration: role.id is deprecated and not supported; name the role instead")
        }
        if let binding = session.binding {
            if binding.deviceId != update.deviceId {
                throw .failedPrecondition(
                    "arbitration: \(session) is bound to device \(binding.deviceId); open a new stream for device \(update.deviceId)")
            }
            if binding.role != roleName {
                throw .failedPrecondition(
                    "arbitration: \(session) is bound to role '\(binding.role)'; open a new stream for role '\(roleName)'")
            }
        }
        try slot.arbitration.withLock { state throws(P4RuntimeError) in
            var role = state.roles[roleName] ?? RoleArbitration()
            if let id = update.electionId,
               role.sessions.contains(where: { $0 !== session && $0.binding?.electionId == id }) {
                throw .invalidArgument(
                    "arbitration: election id \(id) is already used by another controller of device \(slot.id) role '\(roleName)'")
            }
            let previousPrimary = role.primary
            session.setBinding(StreamSession.Binding(deviceId: update.deviceId, role: roleName,
                                                     electionId: update.electionId))
            if !role.sessions.contains(where: { $0 === session }) { role.sessions.append(session) }
            if let id = update.electionId, role.highestElectionId.map({ id >= $0 }) ?? true {
                role.highestElectionId = id
                role.primary = session
                role.roleConfig = update.role?.config
            } else if previousPrimary === session {
                role.primary = nil
            }
            state.roles[roleName] = role
            let electionHappened = role.primary !== previousPrimary || role.primary === session
            let recipients = electionHappened ? role.sessions : [session]
            for recipient in recipients {
                recipient.enqueue(.arbitration(advisory(for: recipient, role: role, name: roleName, device: slot.id)))
            }
        }
    }

    /// The arbitration advisory for `session` (P4Runtime §5.4).
    private func advisory(for session: StreamSession, role: RoleArbitration, name: String, device: UInt64)
        -> MasterArbitrationUpdate
    {
        let status: RPCStatus
        if role.primary === session {
            status = RPCStatus(code: .ok, message: "this controller is the primary")
        } else if role.primary != nil {
            status = RPCStatus(code: .alreadyExists, message: "another controller is the primary")
        } else {
            status = RPCStatus(code: .notFound, message: "there is no primary controller")
        }
        let roleMessage: Role? = name.isEmpty && role.roleConfig == nil ? nil : Role(name: name, config: role.roleConfig)
        return MasterArbitrationUpdate(deviceId: device, role: roleMessage, electionId: role.highestElectionId,
                                       status: status)
    }

    private func packetOut(_ packet: PacketOut, from session: StreamSession) {
        func report(_ error: P4RuntimeError) {
            session.enqueue(.streamError(StreamError(canonicalCode: error.code, message: error.message,
                                                     details: .packetOut(packet))))
        }
        guard let binding = session.binding, let slot = try? slot(binding.deviceId) else {
            report(.permissionDenied("packet-out: the session has not arbitrated for a device"))
            return
        }
        let isPrimary = slot.arbitration.withLock { $0.roles[binding.role]?.primary === session }
        guard isPrimary else {
            report(.permissionDenied("packet-out: only the primary controller may send packets"))
            return
        }
        guard let installed = slot.state.withLock({ $0.committed }) else {
            report(.failedPrecondition("packet-out: no forwarding pipeline is installed on device \(slot.id)"))
            return
        }
        do {
            let checked = try PacketMetadataValidator.validate(packet, schema: installed.schema.packetOut)
            try installed.device.packetOut(checked)
        } catch {
            report(error)
        }
    }
}
