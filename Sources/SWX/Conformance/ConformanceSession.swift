/// The state of one case while it runs: the pipeline, its manual clock and the report.
struct ConformanceSession {
    let testCase: ConformanceCase
    let readFile: (String) throws -> String
    var report = ConformanceReport()
    var pipeline: SWXPipeline?
    let clock = SWXManualClock()
    var packetIndex = 0

    init(testCase: ConformanceCase, readFile: @escaping (String) throws -> String) {
        self.testCase = testCase
        self.readFile = readFile
    }

    var name: String { testCase.path }

    mutating func fail(_ message: String) {
        report.failed += 1
        report.failures.append("\(name): \(message)")
    }

    mutating func run() {
        let specText: String
        do { specText = try readFile(testCase.specPath) } catch {
            fail("line \(testCase.specLine): cannot read \(testCase.specPath): \(error)")
            return
        }
        let program: SpecProgram
        do {
            program = try SpecLoader.load(specText)
        } catch {
            if let expected = testCase.expectedRejection {
                if error.stage == expected.stage {
                    report.passed += 1
                } else {
                    fail("expected rejection at stage \(expected.stage.rawValue), got \(error)")
                }
            } else {
                fail("the spec does not load: \(error)")
            }
            return
        }
        if let expected = testCase.expectedRejection {
            fail("expected rejection at stage \(expected.stage.rawValue), but the spec loaded")
            return
        }
        let configuration = SWXPipelineConfiguration(inputPorts: testCase.inputPorts, outputPorts: testCase.outputPorts)
        do {
            pipeline = try SWXPipeline(program: program, configuration: configuration, clock: clock)
        } catch {
            fail("the engine refuses the program: \(error)")
            return
        }
        let directives = testCase.directives
        var i = 0
        while i < directives.count {
            let directive = directives[i]
            if case .packetIn(let port, let bytes) = directive.kind {
                var expected: [SWXPacket] = []
                var j = i + 1
                scan: while j < directives.count {
                    switch directives[j].kind {
                    case .packetOut(let p, let b): expected.append(SWXPacket(port: p, bytes: b))
                    case .drop: break
                    default: break scan
                    }
                    j += 1
                }
                check(packet: bytes, port: port, expected: expected, line: directive.line)
                i = j
                continue
            }
            do {
                try apply(directive)
            } catch {
                fail("line \(directive.line): \(error)")
                return
            }
            i += 1
        }
    }

    mutating func check(packet: [UInt8], port: UInt32, expected: [SWXPacket], line: Int) {
        let index = packetIndex
        packetIndex += 1
        guard let pipeline else { return }
        let actual = pipeline.process(packet, port: port)
        var problems: [String] = []
        for k in 0..<max(actual.count, expected.count) {
            guard k < actual.count else {
                problems.append("output \(k) missing (expected port \(expected[k].port), \(expected[k].bytes.count) bytes)")
                continue
            }
            guard k < expected.count else {
                problems.append("unexpected output \(k) on port \(actual[k].port) (\(actual[k].bytes.count) bytes)")
                continue
            }
            let a = actual[k], e = expected[k]
            if a.port != e.port { problems.append("output \(k): port \(a.port), expected \(e.port)") }
            if a.bytes != e.bytes {
                let n = min(a.bytes.count, e.bytes.count)
                let offset = (0..<n).first { a.bytes[$0] != e.bytes[$0] } ?? n
                problems.append("output \(k): first differing byte at offset \(offset) (got \(a.bytes.count) bytes, "
                    + "expected \(e.bytes.count))")
            }
        }
        if expected.isEmpty, !actual.isEmpty { problems = ["expected a drop, got \(actual.count) output(s)"] + problems }
        if problems.isEmpty {
            report.passed += 1
        } else {
            fail("packet \(index) (line \(line)): " + problems.joined(separator: "; "))
        }
    }

    mutating func apply(_ directive: ConformanceDirective) throws {
        guard let pipeline else { return }
        switch directive.kind {
        case .ports, .expectReject, .packetIn, .packetOut, .drop:
            break
        case .tableAdd(let table, let file):
            try pipeline.stage(table: table, .addOrModify, entriesText: try readFile(file))
            try pipeline.commit()
        case .tableEntry(let table, let entry):
            try pipeline.stage(table: table, .addOrModify, entriesText: entry)
            try pipeline.commit()
        case .tableDefault(let table, let entry):
            if let l = pipeline.program.learnerIndex(named: table) {
                guard let parsed = try SpecEntryText.parse(entry[...], for: .learner(l), in: pipeline.program,
                                                           purpose: .defaultEntry), let action = parsed.action else {
                    throw SWXPipelineError(.invalidArgument, "learner \(table): no default action given")
                }
                try pipeline.setLearnerDefault(table, action: action)
            } else {
                try pipeline.stageDefault(table: table, text: entry)
                try pipeline.commit()
            }
        case .selectorGroupAdd(let selector, let group):
            try pipeline.addSelectorGroup(selector, group: group)
        case .selectorGroupMember(let selector, let member):
            try pipeline.addSelectorMember(selector, group: member.group,
                                           member: SelectorMember(memberID: member.member, weight: member.weight))
        case .registerWrite(let name, let index, let value):
            try pipeline.writeRegister(name, index: index, value: value)
        case .registerExpect(let name, let index, let value):
            let actual = try pipeline.readRegister(name, index: index)
            if actual == value {
                report.passed += 1
            } else {
                fail("line \(directive.line): regrd \(name)[\(index)] is \(actual), expected \(value)")
            }
        case .meterProfileAdd(let meter, let profile, let cir, let pir, let cbs, let pbs):
            guard pipeline.program.meterArrayIndex(named: meter) != nil else {
                throw SWXPipelineError(.notFound, "no metarray named \(meter)")
            }
            try pipeline.addMeterProfile(profile, parameters: MeterProfileParameters(cir: cir, pir: pir, cbs: cbs,
                                                                                     pbs: pbs))
        case .meterSetProfile(let meter, let from, let to, let profile):
            guard from <= to else { throw SWXPipelineError(.invalidArgument, "meter range \(from)..\(to) is empty") }
            try pipeline.setMeterProfile(meter, indices: from...to, profile: profile)
        case .learnerTimeout(let learner, let id, let seconds):
            try pipeline.setLearnerTimeout(learner, timeoutID: Int(id), seconds: seconds)
        case .mirrorSession(let session, let port, let fast, let truncate):
            try pipeline.setMirrorSession(session, port: port, fastClone: fast, truncationLength: truncate)
        case .time(let seconds):
            clock.set(seconds: seconds)
        }
    }
}
