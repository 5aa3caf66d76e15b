/// One live learner entry as the control plane reads it.
public struct SWXLearnerEntryRecord: Sendable, Hashable {
    /// The entry id (the `entryid` value).
    public var id: UInt32
    /// The key bytes over the learner's key window.
    public var key: [UInt8]
    /// The action and its data.
    public var action: SpecEntryAction
    /// The timeout profile id.
    public var timeoutID: UInt8
    /// When the entry stops matching, in clock nanoseconds.
    public var expiresAt: UInt64
}

extension SWXPipeline {
    // MARK: Selectors

    /// Replaces the members of group `group` of selector `selector` (DPDK `group_set`; order matters, see
    /// `SelectorTable`). An empty list empties the group.
    public func setSelectorGroup(_ selector: String, group: UInt32, members: [SelectorMember]) throws(SWXPipelineError) {
        let s = try selectorIndex(selector)
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.selectors[s].setGroup(group, members: members) } catch {
                throw SWXPipelineError(error, context: "selector \(selector)")
            }
        }
    }

    /// Appends a member to group `group` (creating the group's member list if needed).
    public func addSelectorMember(_ selector: String, group: UInt32, member: SelectorMember) throws(SWXPipelineError) {
        let current = try selectorGroupMembers(selector, group: group)
        try setSelectorGroup(selector, group: group, members: current + [member])
    }

    /// Reads DPDK's group-member text (`group G member M [weight W]` lines, as `selector S group member add FILE`
    /// takes) and appends each member to its group, groups in the order they first appear. Nothing changes when a
    /// line is malformed or a group would be invalid.
    public func importSelectorMembers(_ selector: String, text: String) throws(SWXPipelineError) {
        let s = try selectorIndex(selector)
        let lines: [SpecSelectorMember]
        do { lines = try SpecSelectorMember.parseAll(text) } catch {
            throw SWXPipelineError(.invalidArgument, "selector \(selector): \(error)")
        }
        try lock.withLock { _ throws(SWXPipelineError) in
            let table = runtime.selectors[s]
            var order: [UInt32] = []
            var members: [UInt32: [SelectorMember]] = [:]
            for line in lines {
                if members[line.group] == nil {
                    order.append(line.group)
                    members[line.group] = table.members(ofGroup: line.group) ?? []
                }
                members[line.group]?.append(SelectorMember(memberID: line.member, weight: line.weight))
            }
            let staging = table.copy()
            do throws(SWXRuntimeError) {
                for g in order { try staging.setGroup(g, members: members[g] ?? []) }
                for g in order { try table.setGroup(g, members: members[g] ?? []) }
            } catch {
                throw SWXPipelineError(error, context: "selector \(selector)")
            }
        }
    }

    /// Checks that `group` is a valid group id of `selector` (every group exists, initially empty, as in DPDK).
    public func addSelectorGroup(_ selector: String, group: UInt32) throws(SWXPipelineError) {
        let s = try selectorIndex(selector)
        guard Int(group) < runtime.selectors[s].groupCount else {
            throw SWXPipelineError(.resourceExhausted, "selector \(selector): group \(group) is beyond n_groups_max "
                + "\(runtime.selectors[s].groupCount)")
        }
    }

    /// The members of a group, in selection order (empty for a group never set).
    public func selectorGroupMembers(_ selector: String, group: UInt32) throws(SWXPipelineError) -> [SelectorMember] {
        let s = try selectorIndex(selector)
        return lock.withLock { _ in runtime.selectors[s].members(ofGroup: group) ?? [] }
    }

    // MARK: Learners

    /// The live entries of learner `learner` at the clock's current time, in id order.
    public func learnerEntries(_ learner: String) throws(SWXPipelineError) -> [SWXLearnerEntryRecord] {
        try learnerEntries(learner) { _, _ in true }
    }

    /// The live entries of learner `learner` whose action `selected` accepts (the spec action id and the action
    /// data, borrowed; called under the pipeline's lock, so it must be quick), in entry id order.
    public func learnerEntries(
        _ learner: String, where selected: (_ action: Int, _ actionData: UnsafeRawBufferPointer) -> Bool
    ) throws(SWXPipelineError) -> [SWXLearnerEntryRecord] {
        let l = try learnerIndex(learner)
        return lock.withLock { _ in
            runtime.learners[l].entries(now: clock.nanoseconds()) { selected(Int($0), $1) }.map {
                SWXLearnerEntryRecord(id: $0.id, key: $0.key, action: entryAction(Int($0.actionID), $0.actionData),
                                      timeoutID: $0.timeoutID, expiresAt: $0.expiresAt)
            }
        }
    }

    /// Adds an entry to learner `learner` as the data plane's `learn` would (an extension; DPDK cannot), starting
    /// its timer now; returns its id.
    @discardableResult
    public func addLearnerEntry(_ learner: String, key: [UInt8], action: SpecEntryAction,
                                timeoutID: UInt32) throws(SWXPipelineError) -> UInt32 {
        let l = try learnerIndex(learner)
        guard let position = program.learners[l].actionPosition(of: action.actionIndex),
              program.learners[l].actions[position].scope.allowsEntries else {
            throw SWXPipelineError(.invalidArgument, "learner \(learner): action id \(action.actionIndex) is not "
                + "allowed for entries")
        }
        guard action.actionData.count == program.actionDataSize(ofAction: action.actionIndex) else {
            throw SWXPipelineError(.invalidArgument, "learner \(learner): wrong action data size")
        }
        return try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) {
                return try runtime.learners[l].add(key: key, actionID: UInt32(action.actionIndex),
                                                   actionData: action.actionData, timeoutID: timeoutID,
                                                   now: clock.nanoseconds())
            } catch {
                throw SWXPipelineError(error, context: "learner \(learner)")
            }
        }
    }

    /// Deletes the live entry with `key` from learner `learner`.
    public func deleteLearnerEntry(_ learner: String, key: [UInt8]) throws(SWXPipelineError) {
        let l = try learnerIndex(learner)
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { _ = try runtime.learners[l].delete(key: key, now: clock.nanoseconds()) } catch {
                throw SWXPipelineError(error, context: "learner \(learner)")
            }
        }
    }

    /// Sets timeout profile `timeoutID` of learner `learner` to `seconds`; armed entries keep their expiry.
    public func setLearnerTimeout(_ learner: String, timeoutID: Int, seconds: UInt32) throws(SWXPipelineError) {
        let l = try learnerIndex(learner)
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.learners[l].setTimeout(id: timeoutID, seconds: seconds) } catch {
                throw SWXPipelineError(error, context: "learner \(learner)")
            }
        }
    }

    /// Sets the default entry of learner `learner`. Throws `failedPrecondition` when it is `const`.
    public func setLearnerDefault(_ learner: String, action: SpecEntryAction) throws(SWXPipelineError) {
        let l = try learnerIndex(learner)
        let spec = program.learners[l]
        guard !spec.defaultAction.isConst else {
            throw SWXPipelineError(.failedPrecondition, "learner \(learner): the default action is const")
        }
        guard let position = spec.actionPosition(of: action.actionIndex), spec.actions[position].scope.allowsDefault,
              action.actionData.count == program.actionDataSize(ofAction: action.actionIndex) else {
            throw SWXPipelineError(.invalidArgument, "learner \(learner): action id \(action.actionIndex) with "
                + "\(action.actionData.count) data bytes is not a valid default")
        }
        lock.withLock { _ in
            let slot = runtime.learnerSlots + l
            EngineRuntime.setData(action.actionData, at: slot.pointee.defaultData, size: slot.pointee.dataSize)
            slot.pointee.defaultAction = UInt32(action.actionIndex)
        }
    }

    // MARK: Registers

    /// Cell `index` of register array `name`.
    public func readRegister(_ name: String, index: UInt64) throws(SWXPipelineError) -> UInt64 {
        let r = try registerIndex(name)
        return try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { return try runtime.registers[r].value(at: index) } catch {
                throw SWXPipelineError(error, context: "regarray \(name)")
            }
        }
    }

    /// Sets cell `index` of register array `name`.
    public func writeRegister(_ name: String, index: UInt64, value: UInt64) throws(SWXPipelineError) {
        let r = try registerIndex(name)
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.registers[r].setValue(value, at: index) } catch {
                throw SWXPipelineError(error, context: "regarray \(name)")
            }
        }
    }

    // MARK: Meters

    /// Adds meter profile `name` (pipeline-wide).
    public func addMeterProfile(_ name: String, parameters: MeterProfileParameters) throws(SWXPipelineError) {
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.meterProfiles.add(name: name, parameters: parameters) } catch {
                throw SWXPipelineError(error, context: "")
            }
        }
    }

    /// Deletes meter profile `name`; fails while meters use it.
    public func deleteMeterProfile(_ name: String) throws(SWXPipelineError) {
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.meterProfiles.delete(name: name) } catch { throw SWXPipelineError(error, context: "") }
        }
    }

    /// Assigns profile `profile` to meters `indices` of meter array `metarray`, restarting them now.
    public func setMeterProfile(_ metarray: String, indices: ClosedRange<UInt64>,
                                profile: String) throws(SWXPipelineError) {
        let m = try meterIndex(metarray)
        try lock.withLock { _ throws(SWXPipelineError) in
            let now = clock.nanoseconds()
            do throws(SWXRuntimeError) {
                for i in indices { try runtime.meters[m].setProfile(named: profile, at: i, now: now) }
            } catch {
                throw SWXPipelineError(error, context: "metarray \(metarray)")
            }
        }
    }

    /// Returns meter `index` of `metarray` to the unconfigured (always green) state.
    public func resetMeter(_ metarray: String, index: UInt64) throws(SWXPipelineError) {
        let m = try meterIndex(metarray)
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.meters[m].reset(at: index) } catch {
                throw SWXPipelineError(error, context: "metarray \(metarray)")
            }
        }
    }

    /// Per-colour packet and byte counts of meter `index` of `metarray`.
    public func meterStatistics(_ metarray: String, index: UInt64) throws(SWXPipelineError) -> MeterStats {
        let m = try meterIndex(metarray)
        return try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { return try runtime.meters[m].stats(at: index) } catch {
                throw SWXPipelineError(error, context: "metarray \(metarray)")
            }
        }
    }

    // MARK: Mirror sessions and RSS

    /// Configures mirror session `session`: clones go to `port`, cut to `truncationLength` bytes for slow clones
    /// (0 keeps the whole packet; fast clones are never cut, as in DPDK).
    public func setMirrorSession(_ session: UInt32, port: UInt32, fastClone: Bool,
                                 truncationLength: UInt32) throws(SWXPipelineError) {
        guard Int(session) < configuration.mirrorSessions else {
            throw SWXPipelineError(.invalidArgument, "mirror session \(session) is out of range "
                + "(\(configuration.mirrorSessions) sessions)")
        }
        guard port < configuration.outputPorts else {
            throw SWXPipelineError(.invalidArgument, "mirror session \(session): port \(port) does not exist "
                + "(\(configuration.outputPorts) output ports)")
        }
        lock.withLock { _ in
            runtime.mirrorSessions[Int(session)] = EngineMirrorSession(configured: true, port: port,
                                                                        fastClone: fastClone,
                                                                        truncationLength: truncationLength)
        }
    }

    /// Sets the key of rss object `name` (at least 4 bytes).
    public func setRSSKey(_ name: String, key: [UInt8]) throws(SWXPipelineError) {
        guard let r = program.rssObjectIndex(named: name) else {
            throw SWXPipelineError(.notFound, "no rss object named \(name)")
        }
        try lock.withLock { _ throws(SWXPipelineError) in
            do throws(SWXRuntimeError) { try runtime.rssKeys[r].setKey(key) } catch { throw SWXPipelineError(error, context: "rss \(name)") }
        }
    }

    // MARK: Name lookup

    func selectorIndex(_ name: String) throws(SWXPipelineError) -> Int {
        guard let i = program.selectorIndex(named: name) else { throw SWXPipelineError(.notFound, "no selector named \(name)") }
        return i
    }

    func learnerIndex(_ name: String) throws(SWXPipelineError) -> Int {
        guard let i = program.learnerIndex(named: name) else { throw SWXPipelineError(.notFound, "no learner named \(name)") }
        return i
    }

    func registerIndex(_ name: String) throws(SWXPipelineError) -> Int {
        guard let i = program.registerArrayIndex(named: name) else {
            throw SWXPipelineError(.notFound, "no regarray named \(name)")
        }
        return i
    }

    func meterIndex(_ name: String) throws(SWXPipelineError) -> Int {
        guard let i = program.meterArrayIndex(named: name) else {
            throw SWXPipelineError(.notFound, "no metarray named \(name)")
        }
        return i
    }
}
