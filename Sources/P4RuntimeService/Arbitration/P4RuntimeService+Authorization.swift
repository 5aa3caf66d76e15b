import P4Device
import P4Model

extension P4RuntimeService {
    /// The request-level checks of Write and SetForwardingPipelineConfig after the device lookup: the role must
    /// be known (NOT_FOUND) and the caller must be primary for it (PERMISSION_DENIED).
    ///
    /// A request without an election id is accepted while no controller holds the primary role for the device and
    /// role, and refused once one does (p4rtd's rule for controllers that do not arbitrate).
    func authorize(_ slot: DeviceSlot, role: String, electionId: Uint128?) throws(P4RuntimeError) {
        try slot.arbitration.withLock { state throws(P4RuntimeError) in
            guard let arbitration = state.roles[role] else {
                throw .notFound("role '\(role)' is not known on device \(slot.id): no controller arbitrated for it")
            }
            let primaryId = arbitration.primaryElectionId
            switch (electionId, primaryId) {
            case (nil, nil):
                return
            case (nil, let primary?):
                throw .permissionDenied(
                    "device \(slot.id) role '\(role)': a primary controller (election id \(primary)) holds the role; the request carries no election id")
            case (let id?, nil):
                throw .permissionDenied(
                    "device \(slot.id) role '\(role)': election id \(id) is not primary (there is no primary)")
            case (let id?, let primary?):
                if id != primary {
                    throw .permissionDenied(
                        "device \(slot.id) role '\(role)': election id \(id) is not primary (the primary has \(primary))")
                }
            }
        }
    }

    /// NOT_FOUND unless `role` is known on the device (reads have no arbitration, only this check).
    func requireKnownRole(_ slot: DeviceSlot, _ role: String) throws(P4RuntimeError) {
        let known = slot.arbitration.withLock { $0.isKnown(role) }
        if !known { throw .notFound("role '\(role)' is not known on device \(slot.id): no controller arbitrated for it") }
    }
}
