/// The engine's state for one compiled program: the runtime objects (tables, selectors, learners, register and
/// meter arrays, RSS keys), their packet-path descriptors, statistics, mirror sessions and the packet contexts a
/// burst interleaves.
///
/// Every property the packet path reads is a `let` pointer or object, so the executor hoists them without
/// exclusivity checks; control-plane changes write through those pointers (table swaps, default entries) while
/// no packet runs (the owning `SWXPipeline` serialises both under its lock).
final class EngineRuntime: @unchecked Sendable {
    let spec: SpecProgram
    let program: EngineProgram
    /// `program`'s first instruction, held here so an executor entry loads it once.
    let instructionBase: UnsafePointer<EngineInstruction>
    let configuration: SWXPipelineConfiguration

    // Runtime objects, indexed like the SpecProgram arrays. Tables are optional by kind.
    var exactTables: [ExactMatchTable?]
    var wildcardTables: [WildcardTable?]
    let selectors: [SelectorTable]
    let learners: [Learner]
    let registers: [RegisterArray]
    let meterProfiles: MeterProfileRegistry
    let meters: [MeterArray]
    let rssKeys: [RSSKey]

    // Packet-path descriptors.
    let tableSlots: UnsafeMutablePointer<EngineTableSlot>
    let selectorSlots: UnsafeMutablePointer<EngineSelectorSlot>
    let learnerSlots: UnsafeMutablePointer<EngineLearnerSlot>
    let registerRefs: UnsafeMutablePointer<Unmanaged<RegisterArray>>
    let meterRefs: UnsafeMutablePointer<Unmanaged<MeterArray>>
    let rssRefs: UnsafeMutablePointer<Unmanaged<RSSKey>>
    let mirrorSessions: UnsafeMutablePointer<EngineMirrorSession>
    let meterColorsArePNA: Bool

    // Statistics: per table `[hit, miss, per action id…]`, same for learners; per port packets and bytes.
    let statsStride: Int
    let tableStats: UnsafeMutablePointer<UInt64>
    let learnerStats: UnsafeMutablePointer<UInt64>
    let portRxPackets: UnsafeMutablePointer<UInt64>
    let portRxBytes: UnsafeMutablePointer<UInt64>
    let portTxPackets: UnsafeMutablePointer<UInt64>
    let portTxBytes: UnsafeMutablePointer<UInt64>
    let portDropPackets: UnsafeMutablePointer<UInt64>
    let dropCounts: UnsafeMutablePointer<UInt64>

    // The packet contexts (`lone`, context 0, runs lone packets), the registers of the packet each holds and
    // whether it holds one, and the burst bookkeeping.
    let contexts: UnsafeMutablePointer<EnginePacketContext>
    let lone: EnginePacketContext
    let contextBusy: UnsafeMutablePointer<Bool>
    let contextCount: Int
    let burst: UnsafeMutablePointer<EngineBurstState>
    /// The packets of the interleaved burst being run (``burstInputCapacity`` of them; one when bursts never
    /// interleave, since only interleaved bursts are gathered).
    let burstInputs: UnsafeMutablePointer<EngineBurstInput>
    static let burstInputCapacity = 256
    /// Whether some table or learner is big enough to prefetch and yield (decided once, from the sizes): without
    /// one, bursts run packet after packet with no switching at all.
    let interleaves: Bool
    let bufferSize: Int
    let headroom: Int
    let learnScratch: UnsafeMutableRawPointer
    let learnScratchSize: Int
    static let emitListCapacity = 128
    static let slack = 16

    init(spec: SpecProgram, configuration: SWXPipelineConfiguration) throws(SWXPipelineError) {
        self.spec = spec
        self.configuration = configuration
        var compiler = EngineCompiler(program: spec)
        let program = try compiler.compile()
        self.program = program
        instructionBase = UnsafePointer(program.instructions.baseAddress!)
        meterColorsArePNA = spec.meterColorEncoding == .pna
        let actionCount = spec.actions.count
        statsStride = 2 + actionCount

        // A lookup touches about two cache lines of a big object (index slot or bucket, then the record): past
        // this many entries their lines no longer fit the interleave budget and lookups are split.
        let populationThreshold = max(1, configuration.interleaveThresholdBytes / 128)

        // Tables.
        var exact: [ExactMatchTable?] = []
        var wildcard: [WildcardTable?] = []
        tableSlots = .allocate(capacity: max(spec.tables.count, 1))
        for table in spec.tables {
            let dataSize = table.actions.map { spec.actionDataSize(ofAction: $0.actionIndex) }.max() ?? 0
            let defaultData = EngineRuntime.allocateZeroed(dataSize)
            EngineRuntime.store(table.defaultAction.actionData, into: defaultData)
            var slot = EngineTableSlot(kind: .stub, prefetches: false, prefetchPopulation: populationThreshold, keySlot: 0, keyOffset: 0, exact: nil, wildcard: nil,
                                       defaultAction: UInt32(table.defaultAction.actionIndex),
                                       defaultData: defaultData, dataSize: dataSize,
                                       statsOffset: table.index * statsStride)
            var e: ExactMatchTable?
            var w: WildcardTable?
            if let window = table.keyWindow {
                slot.keySlot = UInt16(EngineRuntime.slot(of: window.source, headerCount: spec.headers.count))
                slot.keyOffset = Int32(window.byteOffset)
                do {
                    switch table.kind {
                    case .exact:
                        let f: HashFunction = table.hashFunction == .jhash ? .jhash : .crc32
                        e = try ExactMatchTable(keySize: window.byteCount, actionDataSize: dataSize,
                                                capacity: max(table.size, 1), hashFunction: f,
                                                hugePages: configuration.hugePages)
                        slot.kind = .exact
                        slot.prefetches = configuration.packetContexts > 1
                            && e!.memoryFootprint >= configuration.interleaveThresholdBytes
                        slot.exact = Unmanaged.passUnretained(e!)
                    case .wildcard:
                        w = try WildcardTable(keySize: window.byteCount, actionDataSize: dataSize,
                                              capacity: max(table.size, 1))
                        slot.kind = .wildcard
                        slot.wildcard = Unmanaged.passUnretained(w!)
                    case .stub:
                        break
                    }
                } catch {
                    throw SWXPipelineError(error, context: "table \(table.name)")
                }
            }
            exact.append(e)
            wildcard.append(w)
            (tableSlots + table.index).initialize(to: slot)
        }
        exactTables = exact
        wildcardTables = wildcard

        // Selectors.
        var selectorObjects: [SelectorTable] = []
        selectorSlots = .allocate(capacity: max(spec.selectors.count, 1))
        let compilerView = EngineCompiler(program: spec)
        for s in spec.selectors {
            let selector: SelectorTable
            let gid: EngineField, mid: EngineField
            do {
                selector = try SelectorTable(selectorSize: s.selectorWindow.byteCount, selectorMask: s.selectorWindow.mask,
                                             groupCount: s.groupCountMax, membersPerGroup: s.membersPerGroupMax)
                gid = try compilerView.field(s.groupID)
                mid = try compilerView.field(s.memberID)
            } catch let error as SWXRuntimeError {
                throw SWXPipelineError(error, context: "selector \(s.name)")
            } catch let error as SWXPipelineError {
                throw SWXPipelineError(error.code, "selector \(s.name): \(error.message)")
            } catch {
                throw SWXPipelineError(.invalidArgument, "selector \(s.name): \(error)")
            }
            selectorObjects.append(selector)
            (selectorSlots + s.index).initialize(to: EngineSelectorSlot(
                selector: Unmanaged.passUnretained(selector), groupID: gid, memberID: mid,
                windowSlot: UInt16(EngineRuntime.slot(of: s.selectorWindow.source, headerCount: spec.headers.count)),
                windowOffset: Int32(s.selectorWindow.byteOffset)))
        }
        selectors = selectorObjects

        // Learners.
        var learnerObjects: [Learner] = []
        learnerSlots = .allocate(capacity: max(spec.learners.count, 1))
        var learnMax = 0
        for l in spec.learners {
            let dataSize = l.actions.map { spec.actionDataSize(ofAction: $0.actionIndex) }.max() ?? 0
            learnMax = max(learnMax, dataSize)
            let learner: Learner
            do {
                learner = try Learner(keySize: l.keyWindow.byteCount, actionDataSize: dataSize, size: max(l.size, 1),
                                      timeouts: l.timeouts, hashFunction: l.hashFunction == .jhash ? .jhash : .crc32,
                                      ticksPerSecond: 1_000_000_000, hugePages: configuration.hugePages,
                                      eventLogCapacity: configuration.learnerEventLogCapacity)
            } catch {
                throw SWXPipelineError(error, context: "learner \(l.name)")
            }
            learnerObjects.append(learner)
            let defaultData = EngineRuntime.allocateZeroed(dataSize)
            EngineRuntime.store(l.defaultAction.actionData, into: defaultData)
            (learnerSlots + l.index).initialize(to: EngineLearnerSlot(
                learner: Unmanaged.passUnretained(learner),
                prefetches: configuration.packetContexts > 1
                    && learner.bucketBytes >= configuration.interleaveThresholdBytes,
                prefetchPopulation: populationThreshold,
                keySlot: UInt16(EngineRuntime.slot(of: l.keyWindow.source, headerCount: spec.headers.count)),
                keyOffset: Int32(l.keyWindow.byteOffset), defaultAction: UInt32(l.defaultAction.actionIndex),
                defaultData: defaultData, dataSize: dataSize, statsOffset: l.index * statsStride))
        }
        learners = learnerObjects
        learnScratchSize = learnMax
        learnScratch = EngineRuntime.allocateZeroed(learnMax)

        // Register arrays, meters, rss.
        var regs: [RegisterArray] = []
        for r in spec.registerArrays {
            do { regs.append(try RegisterArray(size: UInt64(r.size), initialValue: r.initialValue)) } catch {
                throw SWXPipelineError(error, context: "regarray \(r.name)")
            }
        }
        registers = regs
        registerRefs = .allocate(capacity: max(regs.count, 1))
        for (i, r) in regs.enumerated() { (registerRefs + i).initialize(to: Unmanaged.passUnretained(r)) }
        meterProfiles = MeterProfileRegistry(ticksPerSecond: 1_000_000_000)
        var meterObjects: [MeterArray] = []
        for m in spec.meterArrays {
            do { meterObjects.append(try MeterArray(size: UInt64(m.size), profiles: meterProfiles)) } catch {
                throw SWXPipelineError(error, context: "metarray \(m.name)")
            }
        }
        meters = meterObjects
        meterRefs = .allocate(capacity: max(meterObjects.count, 1))
        for (i, m) in meterObjects.enumerated() { (meterRefs + i).initialize(to: Unmanaged.passUnretained(m)) }
        rssKeys = spec.rssObjects.map { _ in RSSKey() }
        rssRefs = .allocate(capacity: max(rssKeys.count, 1))
        for (i, k) in rssKeys.enumerated() { (rssRefs + i).initialize(to: Unmanaged.passUnretained(k)) }
        mirrorSessions = .allocate(capacity: configuration.mirrorSessions)
        mirrorSessions.initialize(repeating: EngineMirrorSession(), count: configuration.mirrorSessions)

        // Statistics.
        tableStats = EngineRuntime.counters(max(spec.tables.count, 1) * statsStride)
        learnerStats = EngineRuntime.counters(max(spec.learners.count, 1) * statsStride)
        portRxPackets = EngineRuntime.counters(Int(configuration.inputPorts))
        portRxBytes = EngineRuntime.counters(Int(configuration.inputPorts))
        portTxPackets = EngineRuntime.counters(Int(configuration.outputPorts))
        portTxBytes = EngineRuntime.counters(Int(configuration.outputPorts))
        portDropPackets = EngineRuntime.counters(Int(configuration.inputPorts))
        dropCounts = EngineRuntime.counters(EngineDropReason.allCases.count)

        // Packet contexts: one, or `packetContexts` when some object is big enough to interleave on.
        let headerBytes = (0..<program.headerCount).reduce(0) { $0 + Int(program.headerMaximumSize[$1]) }
        headroom = (max(256, 2 * headerBytes) + 63) & ~63
        bufferSize = headroom + configuration.maximumPacketSize + 64
        let tablePointers = tableSlots, learnerPointers = learnerSlots
        let big = (0..<spec.tables.count).contains { tablePointers[$0].prefetches }
            || (0..<spec.learners.count).contains { learnerPointers[$0].prefetches }
        interleaves = big
        contextCount = big ? configuration.packetContexts : 1
        contexts = .allocate(capacity: contextCount)
        for i in 0..<contextCount {
            (contexts + i).initialize(to: EnginePacketContext.allocate(
                program: program, headroom: headroom, bufferSize: bufferSize, mirrorSlots: configuration.mirrorSlots))
        }
        lone = contexts[0]
        contextBusy = .allocate(capacity: contextCount)
        contextBusy.initialize(repeating: false, count: contextCount)
        burst = .allocate(capacity: 1)
        burst.initialize(to: EngineBurstState())
        let inputs = big ? EngineRuntime.burstInputCapacity : 1
        burstInputs = .allocate(capacity: inputs)
        burstInputs.initialize(repeating: EngineBurstInput(bytes: nil, length: 0, port: 0), count: inputs)
    }

    deinit {
        for t in 0..<spec.tables.count { tableSlots[t].defaultData.deallocate() }
        for l in 0..<spec.learners.count { learnerSlots[l].defaultData.deallocate() }
        tableSlots.deallocate()
        selectorSlots.deallocate()
        learnerSlots.deallocate()
        registerRefs.deallocate()
        meterRefs.deallocate()
        rssRefs.deallocate()
        mirrorSessions.deallocate()
        for p in [tableStats, learnerStats, portRxPackets, portRxBytes, portTxPackets, portTxBytes, portDropPackets, dropCounts] {
            p.deallocate()
        }
        for i in 0..<contextCount { contexts[i].deallocate() }
        contexts.deallocate()
        contextBusy.deallocate()
        burst.deallocate()
        burstInputs.deallocate()
        learnScratch.deallocate()
    }

    /// The struct slot of a key source.
    static func slot(of source: SpecKeySource, headerCount: Int) -> Int {
        switch source {
        case .metadata: EngineProgram.metadataSlot
        case .header(let h): EngineProgram.firstHeaderSlot + h
        }
    }

    /// `size` zeroed bytes plus the slack every struct buffer carries for 8-byte field loads.
    static func allocateZeroed(_ size: Int) -> UnsafeMutableRawPointer {
        let n = max(size, 0) + slack
        let p = UnsafeMutableRawPointer.allocate(byteCount: n, alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: n)
        return p
    }

    static func counters(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
        return p
    }

    static func store(_ bytes: [UInt8], into p: UnsafeMutableRawPointer) {
        bytes.withUnsafeBytes { if let b = $0.baseAddress { p.copyMemory(from: b, byteCount: bytes.count) } }
    }
}
