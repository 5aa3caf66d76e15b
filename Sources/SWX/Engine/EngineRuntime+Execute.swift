// The packet path: one function runs one packet over the compiled ops until it ends or yields. It is one piece on
// purpose (a single `switch` in one loop, with its state in locals) because that is what keeps the interpreter
// free of calls, reference counting and exclusivity checks (swift-notes §5, §8.1).

/// The per-packet registers of the executor. They live in the packet's context between slices of execution
/// (`resumeOp` and the lookup phase say where to resume) and in a local while it runs.
struct EnginePacketState {
    // Word fields first, then 32-bit, then byte fields: no padding holes, so initialising the lone path's
    // registers merges into a few wide stores.
    var cursor = 0
    var end = 0
    var valid: UInt64 = 0
    var moved: UInt64 = 0
    var emitCount = 0
    /// The op after the table or learner whose action is running (where its `return` goes).
    var returnOp: UnsafePointer<EngineInstruction>?
    var learner = -1
    var budget = 0
    /// Where execution resumes after a yield (nil: at the first op).
    var resumeOp: UnsafePointer<EngineInstruction>?
    /// The packet's position in its burst; outputs leave in this order.
    var sequence = 0
    var mailbox = LearnerMailbox()
    var mirrorMask: UInt32 = 0
    var passID: UInt32 = 0
    var action: UInt32 = 0
    var entryID: UInt32 = 0
    var inputPort: UInt32 = 0
    /// The key hash computed in step 1.
    var lookupHash: UInt32 = 0
    /// The object of the split lookup under way: an exact table's index, or `~learner` (negative), so the burst
    /// driver can run step 2 without re-entering the executor.
    var lookupObject: Int32 = 0
    var recirculate = false
    var recirculating = false
    var hit = false
    var transmitted = false
    /// The step of a split lookup on a big table or learner at `resumeOp`: 0 = not started, 1 = hashed and the
    /// bucket prefetched, 2 = candidate records prefetched (or none to prefetch: records inlined in the index).
    var phase: UInt8 = 0

    /// Readies a context's registers for a new packet in an interleaved burst. What
    /// ``EngineRuntime/admit(_:port:bytes:length:sequence:state:)`` sets (position, length, port, budget,
    /// sequence) and what is always written before it is read (the return op and the lookup under way, by the
    /// table or learner op; the mailbox, by the learner lookup that `learn`, `rearm` and `forget` need first) is
    /// left alone: assigning a fresh `EnginePacketState()` cost a store per field.
    @inline(__always)
    mutating func reset() {
        valid = 0
        moved = 0
        emitCount = 0
        learner = -1
        resumeOp = nil
        mirrorMask = 0
        passID = 0
        action = 0
        entryID = 0
        recirculate = false
        recirculating = false
        hit = false
        transmitted = false
        phase = 0
    }
}

extension EngineRuntime {
    /// The backward jumps one packet may take before it is dropped as looping.
    static let backwardJumpBudget = 1 << 20

    /// Runs the packet held by context `cp` (base pointers `mbases`, passed in so an interleaved burst's registers
    /// `st`, which sit right before them, are addressed from the same pointer) from `st.resumeOp` at time `now`
    /// until it ends (returns false) or yields (returns true, with `st.resumeOp` and `st.phase` saying where to
    /// resume): a split lookup on a big table or learner yields after its first step (the burst driver runs the
    /// others), and a `tx` yields while an older packet of the burst is in flight so that outputs leave in packet
    /// order. `ordered` is false when the packet runs alone (no older packet can be in flight): the `tx` check and
    /// the split vanish.
    @inline(__always)
    func execute<Sink: EnginePacketSink>(_ cp: UnsafePointer<EnginePacketContext>,
                                         bases mbases: UnsafeMutablePointer<UnsafeMutableRawPointer>,
                                         _ st: inout EnginePacketState,
                                         ordered: Bool, now: UInt64, sink: inout Sink) -> Bool {
        // Context pointers other than the bases are read where used: loading them all here cost a dozen
        // instructions (and spills) at every entry, three times per packet in an interleaved burst.
        let ops = instructionBase
        let bases = UnsafePointer(mbases)
        let firstHeader = EngineProgram.firstHeaderSlot
        // The current op as a pointer, not an index: dispatch then needs no scaling (3 instructions per op).
        var op = st.resumeOp ?? ops
        while true {
            switch op.pointee.code {
            case .rx:
                let f = op.pointee.f
                if st.recirculating {
                    st.recirculating = false
                } else {
                    f.write(bases, UInt64(st.inputPort))
                }
                op += 1
            case .tx:
                let f = op.pointee.f
                if ordered, st.sequence != burst.pointee.oldestSequence, !isOldest(st.sequence) {
                    st.resumeOp = op
                    return true
                }
                let p = f.read(bases)
                if finish(cp, &st, port: p > UInt64(UInt32.max) ? UInt32.max : UInt32(p), drop: false, sink: &sink) {
                    op = ops
                    continue
                }
                return false
            case .txImmediate:
                let p = UInt32(bitPattern: op.pointee.a)
                if ordered, st.sequence != burst.pointee.oldestSequence, !isOldest(st.sequence) {
                    st.resumeOp = op
                    return true
                }
                if finish(cp, &st, port: p, drop: false, sink: &sink) {
                    op = ops
                    continue
                }
                return false
            case .drop:
                if ordered, st.mirrorMask != 0, st.sequence != burst.pointee.oldestSequence, !isOldest(st.sequence) {
                    st.resumeOp = op
                    return true
                }
                _ = finish(cp, &st, port: 0, drop: true, sink: &sink)
                return false
            case .mirror:
                let slotField = op.pointee.f, sessionField = op.pointee.g
                let slot = Int(slotField.read(bases) & UInt64(configuration.mirrorSlots &- 1))
                let session = sessionField.read(bases) & UInt64(configuration.mirrorSessions &- 1)
                cp.pointee.mirrorSlots[slot] = UInt32(session)
                st.mirrorMask |= 1 &<< UInt32(slot)
                op += 1
            case .recirculate:
                st.recirculate = true
                op += 1
            case .recircid:
                let f = op.pointee.f
                f.write(bases, UInt64(st.passID))
                op += 1

            case .extract:
                let h = op.pointee.a, size = op.pointee.b
                let next = st.cursor &+ Int(size)
                guard next <= st.end else {
                    dropCounts[EngineDropReason.extractPastEnd.rawValue] &+= 1
                    return false
                }
                mbases[firstHeader &+ Int(h)] = cp.pointee.buffer + st.cursor
                let bit: UInt64 = 1 &<< UInt64(h)
                st.valid |= bit
                st.moved |= bit
                st.cursor = next
                op += 1
            case .extract2:
                let h1 = op.pointee.a, s1 = op.pointee.b, h2 = op.pointee.c, s2 = Int32(op.pointee.aux)
                let middle = st.cursor &+ Int(s1)
                let next = middle &+ Int(s2)
                guard next <= st.end else {
                    dropCounts[EngineDropReason.extractPastEnd.rawValue] &+= 1
                    return false
                }
                mbases[firstHeader &+ Int(h1)] = cp.pointee.buffer + st.cursor
                mbases[firstHeader &+ Int(h2)] = cp.pointee.buffer + middle
                let bits: UInt64 = (1 &<< UInt64(h1)) | (1 &<< UInt64(h2))
                st.valid |= bits
                st.moved |= bits
                st.cursor = next
                op += 2
            case .extractVarbit:
                let h = op.pointee.a, fixed = op.pointee.b, maximumExtra = op.pointee.c, lengthField = op.pointee.f
                let extra = lengthField.read(bases)
                let next = st.cursor &+ Int(fixed) &+ Int(truncatingIfNeeded: min(extra, UInt64(Int32.max)))
                guard extra <= UInt64(maximumExtra), next <= st.end else {
                    dropCounts[EngineDropReason.extractPastEnd.rawValue] &+= 1
                    return false
                }
                mbases[firstHeader &+ Int(h)] = cp.pointee.buffer + st.cursor
                cp.pointee.headerSizes[Int(h)] = fixed &+ Int32(extra)
                let bit: UInt64 = 1 &<< UInt64(h)
                st.valid |= bit
                st.moved |= bit
                st.cursor = next
                op += 1
            case .lookahead:
                let h = op.pointee.a, size = op.pointee.b
                guard st.cursor &+ Int(size) <= st.end else {
                    dropCounts[EngineDropReason.extractPastEnd.rawValue] &+= 1
                    return false
                }
                mbases[firstHeader &+ Int(h)] = cp.pointee.buffer + st.cursor
                let bit: UInt64 = 1 &<< UInt64(h)
                st.valid |= bit
                st.moved |= bit
                op += 1
            case .emit:
                let h = op.pointee.a
                if st.valid & (1 &<< UInt64(h)) != 0 {
                    guard st.emitCount < EngineRuntime.emitListCapacity else {
                        dropCounts[EngineDropReason.emitListFull.rawValue] &+= 1
                        return false
                    }
                    cp.pointee.emitList[st.emitCount] = h
                    st.emitCount &+= 1
                }
                op += 1
            case .emit2:
                let h1 = op.pointee.a, h2 = op.pointee.b
                if st.valid & (1 &<< UInt64(h1)) != 0 {
                    guard st.emitCount < EngineRuntime.emitListCapacity else {
                        dropCounts[EngineDropReason.emitListFull.rawValue] &+= 1
                        return false
                    }
                    cp.pointee.emitList[st.emitCount] = h1
                    st.emitCount &+= 1
                }
                if st.valid & (1 &<< UInt64(h2)) != 0 {
                    guard st.emitCount < EngineRuntime.emitListCapacity else {
                        dropCounts[EngineDropReason.emitListFull.rawValue] &+= 1
                        return false
                    }
                    cp.pointee.emitList[st.emitCount] = h2
                    st.emitCount &+= 1
                }
                op += 2
            case .validate:
                let h = op.pointee.a
                let bit: UInt64 = 1 &<< UInt64(h)
                if st.valid & bit == 0 {
                    mbases[firstHeader &+ Int(h)] = cp.pointee.headerStorage + Int(program.headerStorageOffset[Int(h)])
                    st.valid |= bit
                }
                op += 1
            case .invalidate:
                let h = op.pointee.a
                st.valid &= ~(1 &<< UInt64(h))
                op += 1

            case .mov:
                op.pointee.f.write(bases, op.pointee.g.read(bases))
                op += 1
            // One opcode per fast kind, the kind a constant: `perform` folds to its one load and store.
            case .movCopy8:
                EngineMoveKind.copy8.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movCopy16:
                EngineMoveKind.copy16.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movCopy32:
                EngineMoveKind.copy32.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movCopy64:
                EngineMoveKind.copy64.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movSwap16:
                EngineMoveKind.swap16.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movSwap32:
                EngineMoveKind.swap32.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movSwap64:
                EngineMoveKind.swap64.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movSwapPair16:
                EngineMoveKind.swapPair16.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movSwapPair32:
                EngineMoveKind.swapPair32.perform(to: op.pointee.f.address(bases), from: op.pointee.g.address(bases))
                op += 1
            case .movImmediate:
                op.pointee.f.write(bases, op.pointee.immediate)
                op += 1
            case .movImmediate8:
                KeyBytes.store8(op.pointee.f.address(bases), UInt8(truncatingIfNeeded: op.pointee.immediate))
                op += 1
            case .movImmediate16:
                KeyBytes.store16(op.pointee.f.address(bases), UInt16(truncatingIfNeeded: op.pointee.immediate))
                op += 1
            case .movImmediate32:
                KeyBytes.store32(op.pointee.f.address(bases), UInt32(truncatingIfNeeded: op.pointee.immediate))
                op += 1
            case .movImmediate64:
                KeyBytes.store64(op.pointee.f.address(bases), op.pointee.immediate)
                op += 1
            case .movBytes:
                let (d, s) = program.byteMoves[Int(op.pointee.a)]
                EngineRuntime.moveBytes(bases, d, s)
                op += 1
            case .alu:
                let d = op.pointee.f, s = op.pointee.g, kind = op.pointee.alu
                d.write(bases, kind.apply(d.read(bases), s.read(bases)))
                op += 1
            case .aluImmediate:
                let d = op.pointee.f
                d.write(bases, op.pointee.alu.apply(d.read(bases), op.pointee.immediate))
                op += 1
            case .ckaddField:
                let s = op.pointee.f
                Checksum.addField(checksum: op.pointee.bytes.address(bases), field: s.address(bases),
                                  bitWidth: s.bitWidth)
                op += 1
            case .ckaddHeader:
                let c = op.pointee.bytes, h = Int32(op.pointee.aux)
                Checksum.addHeader(checksum: c.address(bases),
                                   header: UnsafeRawPointer(bases[firstHeader &+ Int(h)]),
                                   byteCount: Int(cp.pointee.headerSizes[Int(h)]))
                op += 1
            case .cksubField:
                let s = op.pointee.f
                Checksum.subtractField(checksum: op.pointee.bytes.address(bases), field: s.address(bases),
                                       bitWidth: s.bitWidth)
                op += 1
            // The same with a constant width: the field load folds to one plain load.
            case .ckaddField16:
                Checksum.addField(checksum: op.pointee.bytes.address(bases), field: op.pointee.f.address(bases),
                                  bitWidth: 16)
                op += 1
            case .ckaddField32:
                Checksum.addField(checksum: op.pointee.bytes.address(bases), field: op.pointee.f.address(bases),
                                  bitWidth: 32)
                op += 1
            case .cksubField16:
                Checksum.subtractField(checksum: op.pointee.bytes.address(bases), field: op.pointee.f.address(bases),
                                       bitWidth: 16)
                op += 1
            case .cksubField32:
                Checksum.subtractField(checksum: op.pointee.bytes.address(bases), field: op.pointee.f.address(bases),
                                       bitWidth: 32)
                op += 1
            case .hash:
                let function = op.pointee.hashFunction, d = op.pointee.f, s = op.pointee.bytes
                let h = function.hash(UnsafeRawPointer(s.address(bases)), count: Int(s.count), seed: 0)
                d.write(bases, UInt64(h))
                op += 1
            case .rss:
                let r = Int32(op.pointee.aux), d = op.pointee.f, s = op.pointee.bytes
                let h = rssRefs[Int(r)]._withUnsafeGuaranteedRef {
                    $0.hash(UnsafeRawPointer(s.address(bases)), byteCount: Int(s.count))
                }
                d.write(bases, UInt64(h))
                op += 1

            case .table:
                let t = op.pointee.a
                let slot = tableSlots + Int(t)
                let key = slot.pointee.key(bases)
                var result = (id: UInt32(0), action: slot.pointee.defaultAction,
                              data: UnsafeRawPointer(slot.pointee.defaultData))
                switch slot.pointee.kind {
                case .exact:
                    let table = slot.pointee.exact.unsafelyUnwrapped
                    if ordered, slot.pointee.splits {
                        // Split lookup (a big table in an interleaved burst; a lone packet has nothing to overlap
                        // with, so it looks up at once): hash, prefetch and yield; the burst driver finishes it.
                        let (h, middle) = table._withUnsafeGuaranteedRef {
                            ($0.hashAndPrefetch(key), !$0.inlinesRecords)
                        }
                        startSplitLookup(&st, op, object: Int32(t), middleStep: middle, hash: h)
                        return true
                    }
                    let h = table._withUnsafeGuaranteedRef { $0.hash(key) }
                    result = exactResult(slot, key: key, hash: h, now: now)
                case .wildcard:
                    slot.pointee.wildcard.unsafelyUnwrapped._withUnsafeGuaranteedRef { table in
                        let id = table.lookup(key)
                        if id != 0 {
                            result = (id, table.actionID(ofEntry: id), table.actionData(ofEntry: id))
                            table.recordHit(id, now: now)
                        }
                    }
                case .stub:
                    break
                }
                op = enterAction(&st, bases: mbases, op: op, stats: tableStats + slot.pointee.statsOffset,
                                 result: result)
            case .selector:
                let s = op.pointee.a
                let slot = selectorSlots + Int(s)
                let group = UInt32(truncatingIfNeeded: slot.pointee.groupID.read(bases))
                let window = UnsafeRawPointer(bases[Int(slot.pointee.windowSlot)] + Int(slot.pointee.windowOffset))
                let member = slot.pointee.selector._withUnsafeGuaranteedRef { $0.select(groupID: group, selector: window) }
                slot.pointee.memberID.write(bases, UInt64(member))
                op += 1
            case .learner:
                let l = op.pointee.a
                let slot = learnerSlots + Int(l)
                let key = slot.pointee.key(bases)
                let learner = slot.pointee.learner
                if ordered, slot.pointee.splits {
                    // Split lookup (a big learner), as for big tables: bucket, then candidate records. A `learn` by
                    // an earlier packet of the burst that completed meanwhile is seen, as in DPDK (its lookup
                    // compares keys only after its own yield).
                    let h = learner._withUnsafeGuaranteedRef { $0.hashAndPrefetch(key) }
                    startSplitLookup(&st, op, object: ~Int32(l), middleStep: true, hash: h)
                    return true
                }
                let h = learner._withUnsafeGuaranteedRef { $0.hash(key) }
                let result = learnerResult(slot, key: key, hash: h, now: now, mailbox: &st.mailbox)
                st.learner = Int(l)
                op = enterAction(&st, bases: mbases, op: op, stats: learnerStats + slot.pointee.statsOffset,
                                 result: result)
            case .learn:
                let action = op.pointee.a, argumentsOffset = op.pointee.b, timeout = op.pointee.f
                if st.learner >= 0 {
                    let slot = learnerSlots + st.learner
                    let scratch = learnScratch
                    // The arguments, then zeros up to the learner's data size (plain moves: a few bytes).
                    let size = slot.pointee.dataSize
                    let n = argumentsOffset >= 0 ? min(program.actionDataSize[Int(action)], size) : 0
                    KeyBytes.copy(scratch, cp.pointee.metadata + Int(max(argumentsOffset, 0)), n)
                    KeyBytes.zero(scratch + n, size &- n)
                    let tid = UInt32(truncatingIfNeeded: timeout.read(bases))
                    slot.pointee.learner._withUnsafeGuaranteedRef {
                        _ = $0.learn(mailbox: &st.mailbox, actionID: UInt32(action), actionData: scratch, timeoutID: tid)
                    }
                }
                op += 1
            case .rearm:
                if st.learner >= 0 {
                    learnerSlots[st.learner].learner._withUnsafeGuaranteedRef { $0.rearm(mailbox: st.mailbox) }
                }
                op += 1
            case .rearmWith:
                let f = op.pointee.f
                if st.learner >= 0 {
                    let tid = UInt32(truncatingIfNeeded: f.read(bases))
                    learnerSlots[st.learner].learner._withUnsafeGuaranteedRef {
                        $0.rearm(mailbox: st.mailbox, timeoutID: tid)
                    }
                }
                op += 1
            case .forget:
                if st.learner >= 0 {
                    learnerSlots[st.learner].learner._withUnsafeGuaranteedRef { $0.forget(mailbox: &st.mailbox) }
                }
                op += 1
            case .entryid:
                let f = op.pointee.f
                f.write(bases, UInt64(st.entryID))
                op += 1

            case .regrd:
                let d = op.pointee.f, r = op.pointee.a, i = op.pointee.g
                let index = i.read(bases)
                d.write(bases, registerRefs[Int(r)]._withUnsafeGuaranteedRef { $0.read(index) })
                op += 1
            case .regwr:
                let r = op.pointee.a, i = op.pointee.f, v = op.pointee.g
                let index = i.read(bases), value = v.read(bases)
                registerRefs[Int(r)]._withUnsafeGuaranteedRef { $0.write(index, value) }
                op += 1
            case .regadd:
                let r = op.pointee.a, i = op.pointee.f, v = op.pointee.g
                let index = i.read(bases), value = v.read(bases)
                registerRefs[Int(r)]._withUnsafeGuaranteedRef { $0.add(index, value) }
                op += 1
            case .meter:
                let k = op.pointee.a
                let m = program.meterOperands[Int(k)]
                let index = m.index.read(bases)
                let length = UInt32(truncatingIfNeeded: min(m.length.read(bases), UInt64(UInt32.max)))
                var colorIn = m.colorIn.read(bases)
                if meterColorsArePNA { colorIn = SpecMeterColorEncoding.pna.toDPDK(colorIn) }
                let color = meterRefs[Int(m.array)]._withUnsafeGuaranteedRef {
                    $0.execute(index: index, length: length, colorIn: colorIn, now: now)
                }
                var out = UInt64(color.rawValue)
                if meterColorsArePNA { out = SpecMeterColorEncoding.pna.fromDPDK(out) }
                m.colorOut.write(bases, out)
                op += 1
            case .nop:
                op += 1

            case .jmp:
                let t = op.pointee.a
                guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                op = target
            case .jmpValid:
                let t = op.pointee.a, h = op.pointee.b
                if st.valid & (1 &<< UInt64(h)) != 0 {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpInvalid:
                let t = op.pointee.a, h = op.pointee.b
                if st.valid & (1 &<< UInt64(h)) == 0 {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpHit:
                let t = op.pointee.a
                if st.hit {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpMiss:
                let t = op.pointee.a
                if !st.hit {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpAction:
                let t = op.pointee.a, a = op.pointee.b
                if st.action == UInt32(a) {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpNotAction:
                let t = op.pointee.a, a = op.pointee.b
                if st.action != UInt32(a) {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpCompare:
                let t = op.pointee.a, a = op.pointee.f, b = op.pointee.g, kind = op.pointee.comparison
                if kind.holds(a.read(bases), b.read(bases)) {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpCompareImmediate:
                let t = op.pointee.a
                if op.pointee.comparison.holds(op.pointee.f.read(bases), op.pointee.immediate) {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpEqualImmediate:
                let t = op.pointee.a
                if op.pointee.f.read(bases) == op.pointee.immediate {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .jmpNotEqualImmediate:
                let t = op.pointee.a
                if op.pointee.f.read(bases) != op.pointee.immediate {
                    guard let target = jump(&st, to: ops + Int(t), from: op) else { return false }
                    op = target
                } else { op += 1 }
            case .return:
                op = st.returnOp.unsafelyUnwrapped
            }
        }
    }

    /// Accounts a jump from `op` to `target` and returns `target`; backward jumps spend the packet's budget. Returns
    /// nil (and counts a drop) when it is spent.
    @inline(__always)
    func jump(_ st: inout EnginePacketState, to target: UnsafePointer<EngineInstruction>,
              from op: UnsafePointer<EngineInstruction>) -> UnsafePointer<EngineInstruction>? {
        if target > op { return target }
        st.budget &-= 1
        if st.budget > 0 { return target }
        dropCounts[EngineDropReason.loopLimit.rawValue] &+= 1
        return nil
    }

    /// `mov` between network-order byte strings: right-aligned, zero-padding or dropping leading bytes.
    @inline(__always)
    static func moveBytes(_ bases: UnsafePointer<UnsafeMutableRawPointer>, _ d: EngineBytes, _ s: EngineBytes) {
        let dst = d.address(bases)
        let src = UnsafeRawPointer(s.address(bases))
        let dn = Int(d.count), sn = Int(s.count)
        if dn > sn {
            dst.initializeMemory(as: UInt8.self, repeating: 0, count: dn &- sn)
            (dst + (dn &- sn)).copyMemory(from: src, byteCount: sn)
        } else {
            dst.copyMemory(from: src + (sn &- dn), byteCount: dn)
        }
    }
}
