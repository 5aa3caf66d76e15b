/// A conformance case file (`*.case`, see the SWX reference "swx-cases.md"): the pipeline to load, the
/// control-plane state to build, and packets with the exact output DPDK produced, or the stage at which DPDK
/// rejects the spec.
///
/// `ConformanceCase.parse(_:path:)` checks the file's structure (directives, operand counts, numbers, hex, the
/// `in` → `out`/`drop` ordering) and resolves every file path relative to the case file's directory; running
/// the case is the engine's job.
public struct ConformanceCase: Sendable, Hashable {
    /// The case file's own path, as given to `parse`.
    public var path: String
    /// The `.spec` path (from `spec FILE`), resolved relative to the case file.
    public var specPath: String
    /// The `spec` directive's line.
    public var specLine: Int
    /// Input port count (`ports IN OUT`; 1 by default).
    public var inputPorts: UInt32 = 1
    /// Output port count (4 by default); a `tx` to a port ≥ this drops.
    public var outputPorts: UInt32 = 4
    /// Every directive after `spec`, in file order, `ports` and `expect-reject` included.
    public var directives: [ConformanceDirective]

    /// Creates a case.
    public init(path: String, specPath: String, specLine: Int, inputPorts: UInt32, outputPorts: UInt32,
                directives: [ConformanceDirective]) {
        self.path = path
        self.specPath = specPath
        self.specLine = specLine
        self.inputPorts = inputPorts
        self.outputPorts = outputPorts
        self.directives = directives
    }

    /// The expected rejection, if the case is an `expect-reject` case.
    public var expectedRejection: (stage: SpecError.Stage, reason: String)? {
        for directive in directives {
            if case .expectReject(let stage, let reason) = directive.kind { return (stage, reason) }
        }
        return nil
    }

    /// The number of `in` packets.
    public var packetCount: Int {
        directives.filter {
            if case .packetIn = $0.kind { return true }
            return false
        }.count
    }
}

/// One directive of a case file, with its 1-based line.
public struct ConformanceDirective: Sendable, Hashable {
    /// The directive's line.
    public var line: Int
    /// What it says.
    public var kind: Kind

    /// Creates a directive.
    public init(line: Int, kind: Kind) {
        self.line = line
        self.kind = kind
    }

    /// The directives of the case format.
    public enum Kind: Sendable, Hashable {
        /// `ports IN OUT`.
        case ports(input: UInt32, output: UInt32)
        /// `table NAME add FILE`: add every entry line of FILE (path resolved).
        case tableAdd(table: String, file: String)
        /// `table NAME entry LINE...`: one entry in DPDK text format (the text after `entry`).
        case tableEntry(table: String, entry: String)
        /// `table NAME default ACTION [args ARG VAL ...]`: `entry` is the equivalent entry text
        /// `action ACTION ARG VAL ...`.
        case tableDefault(table: String, entry: String)
        /// `selector NAME group add ID`.
        case selectorGroupAdd(selector: String, group: UInt32)
        /// `selector NAME group ID member M weight W`.
        case selectorGroupMember(selector: String, member: SpecSelectorMember)
        /// `regwr NAME INDEX VALUE`.
        case registerWrite(regarray: String, index: UInt64, value: UInt64)
        /// `regrd NAME INDEX VALUE`: expect the cell to hold VALUE at this point.
        case registerExpect(regarray: String, index: UInt64, value: UInt64)
        /// `meter NAME profile P add cir C pir P cbs C pbs P`.
        case meterProfileAdd(meter: String, profile: String, cir: UInt64, pir: UInt64, cbs: UInt64, pbs: UInt64)
        /// `meter NAME from I to J set profile P`.
        case meterSetProfile(meter: String, from: UInt64, to: UInt64, profile: String)
        /// `learner NAME timeout ID SECONDS`.
        case learnerTimeout(learner: String, timeoutID: UInt32, seconds: UInt32)
        /// `mirror session S port P clone fast|slow truncate L`.
        case mirrorSession(session: UInt32, port: UInt32, fastClone: Bool, truncateLength: UInt32)
        /// `time SECONDS`: set the pipeline clock.
        case time(seconds: UInt64)
        /// `in PORT HEX`: inject a packet.
        case packetIn(port: UInt32, packet: [UInt8])
        /// `out PORT HEX`: an expected output of the last `in`, in emission order.
        case packetOut(port: UInt32, packet: [UInt8])
        /// `drop`: the last `in` produced no output.
        case drop
        /// `expect-reject STAGE TEXT`: loading must fail at STAGE; TEXT is for readers.
        case expectReject(stage: SpecError.Stage, reason: String)
    }
}
