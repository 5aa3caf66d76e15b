// The steps of a split lookup (step 1 in the executor, steps 2 and 3 in the burst driver, which then resumes the
// packet at the action's first op instead of dispatching the table op again), and the end of a lookup that the
// executor (for a lookup that does not split) and step 3 share.

extension EngineRuntime {
    /// The entry of exact table `slot` whose key is at `key` (`hash` its hash): id (0 on a miss), action and action
    /// data (the default's on a miss). A hit is recorded at `now`.
    @inline(__always)
    func exactResult(_ slot: UnsafeMutablePointer<EngineTableSlot>, key: UnsafeRawPointer, hash: UInt32,
                     now: UInt64) -> (id: UInt32, action: UInt32, data: UnsafeRawPointer) {
        var result = (id: UInt32(0), action: slot.pointee.defaultAction,
                      data: UnsafeRawPointer(slot.pointee.defaultData))
        slot.pointee.exact.unsafelyUnwrapped._withUnsafeGuaranteedRef { t in
            let found = t.find(key, hash: hash)
            if found.id != 0 {
                result = (found.id, KeyBytes.load32(found.record + ExactMatchTable.actionOffset),
                          found.record + t.actionDataOffset)
                t.recordHit(found.id, now: now)
            }
        }
        return result
    }

    /// The entry of learner `slot` whose key is at `key` (`hash` its hash): id (0 on a miss), action and action
    /// data (the default's on a miss). The lookup leaves what `learn`, `rearm` and `forget` need in `mailbox`.
    @inline(__always)
    func learnerResult(_ slot: UnsafeMutablePointer<EngineLearnerSlot>, key: UnsafeRawPointer, hash: UInt32,
                       now: UInt64, mailbox: inout LearnerMailbox)
        -> (id: UInt32, action: UInt32, data: UnsafeRawPointer) {
        slot.pointee.learner._withUnsafeGuaranteedRef { t in
            let id = t.lookup(key, hash: hash, now: now, mailbox: &mailbox)
            if id == 0 { return (0, slot.pointee.defaultAction, UnsafeRawPointer(slot.pointee.defaultData)) }
            return (id, t.actionID(ofEntry: id), t.actionData(ofEntry: id))
        }
    }

    /// Ends the lookup of the table or learner op at `op` with `result`: the action reads its arguments where they
    /// are (in the entry or the default data, as in DPDK: read-only to actions, and records change only between
    /// bursts), the registers and the statistics at `stats` record the result, and `return` comes back to the op
    /// after `op`. Returns the action's first op.
    @inline(__always)
    func enterAction(_ st: inout EnginePacketState, bases mbases: UnsafeMutablePointer<UnsafeMutableRawPointer>,
                     op: UnsafePointer<EngineInstruction>, stats: UnsafeMutablePointer<UInt64>,
                     result: (id: UInt32, action: UInt32, data: UnsafeRawPointer)) -> UnsafePointer<EngineInstruction> {
        mbases[EngineProgram.actionDataSlot] = UnsafeMutableRawPointer(mutating: result.data)
        st.hit = result.id != 0
        st.action = result.action
        st.entryID = result.id
        stats[result.id != 0 ? 0 : 1] &+= 1
        stats[2 &+ Int(result.action)] &+= 1
        st.returnOp = op + 1
        return program.actionEntry[Int(result.action)]
    }

    /// Step 1 of a split lookup at `op` on `object` (see ``EnginePacketState/lookupObject``): records the key's
    /// `hash` (its index slot or bucket prefetched by the caller) and where the packet stands. The packet then
    /// yields; the burst driver runs step 2 (``advanceSplitLookup(_:now:)``, skipped when `middleStep` is false:
    /// a table with records inlined in its index) and step 3 (``finishSplitLookup(_:bases:now:)``).
    @inline(__always)
    func startSplitLookup(_ st: inout EnginePacketState, _ op: UnsafePointer<EngineInstruction>, object: Int32,
                          middleStep: Bool, hash: UInt32) {
        st.lookupHash = hash
        st.lookupObject = object
        st.phase = middleStep ? 1 : 2
        st.resumeOp = op
    }

    /// Step 2 of the split lookup context state `st` is in (hashed, index slot or bucket prefetched and, by now,
    /// in cache): prefetches the candidate records; returns whether there were any (else the lookup can finish at
    /// once, a miss needing no record).
    @inline(__always)
    func advanceSplitLookup(_ st: UnsafeMutablePointer<EnginePacketState>, now: UInt64) -> Bool {
        let object = Int(st.pointee.lookupObject)
        let hash = st.pointee.lookupHash
        if object >= 0 {
            // (A table with records inlined in its index never gets here: step 1 brought the record too.)
            return tableSlots[object].exact.unsafelyUnwrapped._withUnsafeGuaranteedRef {
                $0.prefetchCandidates(hash: hash)
            }
        }
        return learnerSlots[~object].learner._withUnsafeGuaranteedRef { $0.prefetchCandidates(hash: hash, now: now) }
    }

    /// Step 3 of the split lookup context state `st` waits in (everything in cache by now): looks up with the hash
    /// of step 1, as if the packet had run alone from here, and points the packet at the action's first op.
    @inline(__always)
    func finishSplitLookup(_ st: UnsafeMutablePointer<EnginePacketState>,
                           bases mbases: UnsafeMutablePointer<UnsafeMutableRawPointer>, now: UInt64) {
        let op = st.pointee.resumeOp.unsafelyUnwrapped
        let object = Int(st.pointee.lookupObject)
        let hash = st.pointee.lookupHash
        st.pointee.phase = 0
        if object >= 0 {
            let slot = tableSlots + object
            let key = slot.pointee.key(UnsafePointer(mbases))
            let result = exactResult(slot, key: key, hash: hash, now: now)
            st.pointee.resumeOp = enterAction(&st.pointee, bases: mbases, op: op,
                                              stats: tableStats + slot.pointee.statsOffset, result: result)
        } else {
            let slot = learnerSlots + ~object
            let key = slot.pointee.key(UnsafePointer(mbases))
            let result = learnerResult(slot, key: key, hash: hash, now: now, mailbox: &st.pointee.mailbox)
            st.pointee.learner = ~object
            st.pointee.resumeOp = enterAction(&st.pointee, bases: mbases, op: op,
                                              stats: learnerStats + slot.pointee.statsOffset, result: result)
        }
    }
}
