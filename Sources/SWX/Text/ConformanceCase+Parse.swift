extension ConformanceCase {
    /// Parses case-file text. `path` is the case file's path; relative file names inside are resolved against
    /// its directory. Errors name the line and the directive.
    public static func parse(_ text: String, path: String) throws(SpecTextError) -> ConformanceCase {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        func resolve(_ file: Substring) -> String {
            if file.hasPrefix("/") || directory.isEmpty { return String(file) }
            return directory + "/" + file
        }
        var specPath: String?
        var specLine = 0
        var ports: (UInt32, UInt32) = (1, 4)
        var directives: [ConformanceDirective] = []
        var afterPacket = false
        var sawDrop = false
        var sawOut = false
        var number = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var tokens: [Substring] = []
            for token in rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if token.hasPrefix("#") { break }
                tokens.append(token)
            }
            guard let keyword = tokens.first else { continue }
            let line = number
            func fail(_ message: String) -> SpecTextError { SpecTextError(line: line, message: "\(keyword): "
                + "\(message)") }
            func count(_ expected: Int, _ shape: String) throws(SpecTextError) {
                if tokens.count != expected { throw fail("expected '\(shape)'") }
            }
            func number32(_ token: Substring, _ what: String) throws(SpecTextError) -> UInt32 {
                guard let value = caseNumber(token), value <= UInt64(UInt32.max) else {
                    throw fail("\(what) '\(token)' is not a 32-bit decimal or 0x number")
                }
                return UInt32(value)
            }
            func number64(_ token: Substring, _ what: String) throws(SpecTextError) -> UInt64 {
                guard let value = caseNumber(token) else {
                    throw fail("\(what) '\(token)' is not a decimal or 0x number")
                }
                return value
            }
            if keyword != "spec", specPath == nil {
                throw fail("the first directive must be 'spec FILE'")
            }
            var kind: ConformanceDirective.Kind
            switch keyword {
            case "spec":
                try count(2, "spec FILE")
                guard specPath == nil else { throw fail("'spec' may appear only once") }
                specPath = resolve(tokens[1])
                specLine = line
                continue
            case "ports":
                try count(3, "ports IN OUT")
                ports = (try number32(tokens[1], "input count"), try number32(tokens[2], "output count"))
                kind = .ports(input: ports.0, output: ports.1)
            case "table":
                guard tokens.count >= 3 else { throw fail("expected 'table NAME add|entry|default ...'") }
                let table = String(tokens[1])
                switch tokens[2] {
                case "add":
                    try count(4, "table NAME add FILE")
                    kind = .tableAdd(table: table, file: resolve(tokens[3]))
                case "entry":
                    guard tokens.count >= 4 else { throw fail("expected 'table NAME entry LINE...'") }
                    kind = .tableEntry(table: table, entry: tokens[3...].joined(separator: " "))
                case "default":
                    guard tokens.count == 4 || (tokens.count >= 5 && tokens[4] == "args") else {
                        throw fail("expected 'table NAME default ACTION [args ARG VAL ...]'")
                    }
                    let arguments = tokens.count > 5 ? " " + tokens[5...].joined(separator: " ") : ""
                    kind = .tableDefault(table: table, entry: "action \(tokens[3])" + arguments)
                default:
                    throw fail("unknown table operation '\(tokens[2])' (add, entry, default)")
                }
            case "selector":
                if tokens.count == 5, tokens[2] == "group", tokens[3] == "add" {
                    kind = .selectorGroupAdd(selector: String(tokens[1]), group: try number32(tokens[4], "group id"))
                } else if tokens.count == 8, tokens[2] == "group", tokens[4] == "member", tokens[6] == "weight" {
                    let member = SpecSelectorMember(group: try number32(tokens[3], "group id"),
                                                    member: try number32(tokens[5], "member id"),
                                                    weight: try number32(tokens[7], "weight"))
                    kind = .selectorGroupMember(selector: String(tokens[1]), member: member)
                } else {
                    throw fail("expected 'selector NAME group add ID' or 'selector NAME group ID member M weight W'")
                }
            case "regwr", "regrd":
                try count(4, "\(keyword) NAME INDEX VALUE")
                let index = try number64(tokens[2], "index")
                let value = try number64(tokens[3], "value")
                kind = keyword == "regwr" ? .registerWrite(regarray: String(tokens[1]), index: index, value: value)
                    : .registerExpect(regarray: String(tokens[1]), index: index, value: value)
            case "meter":
                if tokens.count == 13, tokens[2] == "profile", tokens[4] == "add", tokens[5] == "cir",
                   tokens[7] == "pir", tokens[9] == "cbs", tokens[11] == "pbs" {
                    kind = .meterProfileAdd(meter: String(tokens[1]), profile: String(tokens[3]),
                                            cir: try number64(tokens[6], "cir"), pir: try number64(tokens[8], "pir"),
                                            cbs: try number64(tokens[10], "cbs"), pbs: try number64(tokens[12], "pbs"))
                } else if tokens.count == 9, tokens[2] == "from", tokens[4] == "to", tokens[6] == "set",
                          tokens[7] == "profile" {
                    kind = .meterSetProfile(meter: String(tokens[1]), from: try number64(tokens[3], "from"),
                                            to: try number64(tokens[5], "to"), profile: String(tokens[8]))
                } else {
                    throw fail("expected 'meter NAME profile P add cir C pir P cbs C pbs P' or "
                        + "'meter NAME from I to J set profile P'")
                }
            case "learner":
                guard tokens.count == 5, tokens[2] == "timeout" else {
                    throw fail("expected 'learner NAME timeout ID SECONDS'")
                }
                kind = .learnerTimeout(learner: String(tokens[1]), timeoutID: try number32(tokens[3], "timeout id"),
                                       seconds: try number32(tokens[4], "seconds"))
            case "mirror":
                guard tokens.count == 9, tokens[1] == "session", tokens[3] == "port", tokens[5] == "clone",
                      tokens[6] == "fast" || tokens[6] == "slow", tokens[7] == "truncate" else {
                    throw fail("expected 'mirror session S port P clone fast|slow truncate L'")
                }
                kind = .mirrorSession(session: try number32(tokens[2], "session"),
                                      port: try number32(tokens[4], "port"),
                                      fastClone: tokens[6] == "fast", truncateLength: try number32(tokens[8], "length"))
            case "time":
                try count(2, "time SECONDS")
                kind = .time(seconds: try number64(tokens[1], "seconds"))
            case "in", "out":
                try count(3, "\(keyword) PORT HEX")
                guard let packet = hexPacket(tokens[2]) else {
                    throw fail("packet '\(tokens[2].prefix(16))...' is not an even number of hex digits")
                }
                let port = try number32(tokens[1], "port")
                if keyword == "in" {
                    kind = .packetIn(port: port, packet: packet)
                    afterPacket = true
                    sawDrop = false
                    sawOut = false
                } else {
                    guard afterPacket else { throw fail("'out' must follow an 'in'") }
                    guard !sawDrop else { throw fail("'out' after 'drop' for the same packet") }
                    sawOut = true
                    kind = .packetOut(port: port, packet: packet)
                }
            case "drop":
                try count(1, "drop")
                guard afterPacket else { throw fail("'drop' must follow an 'in'") }
                guard !sawDrop, !sawOut else { throw fail("'drop' must be the only result of its 'in'") }
                sawDrop = true
                kind = .drop
            case "expect-reject":
                guard tokens.count >= 2, let stage = SpecError.Stage(rawValue: String(tokens[1])) else {
                    throw fail("expected 'expect-reject parse|config|translate TEXT'")
                }
                kind = .expectReject(stage: stage, reason: tokens.dropFirst(2).joined(separator: " "))
            default:
                throw SpecTextError(line: line, message: "unknown directive '\(keyword)'")
            }
            directives.append(ConformanceDirective(line: line, kind: kind))
        }
        guard let specPath else { throw SpecTextError(line: 0, message: "the case has no 'spec FILE' directive") }
        let rejects = directives.filter {
            if case .expectReject = $0.kind { return true }
            return false
        }
        if let second = rejects.dropFirst().first {
            throw SpecTextError(line: second.line, message: "expect-reject: only one per case")
        }
        if let reject = rejects.first, let packet = directives.first(where: {
            switch $0.kind {
            case .packetIn, .packetOut, .drop: true
            default: false
            }
        }) {
            throw SpecTextError(line: packet.line, message: "a case with expect-reject (line \(reject.line)) has no "
                + "packets")
        }
        return ConformanceCase(path: path, specPath: specPath, specLine: specLine, inputPorts: ports.0,
                               outputPorts: ports.1, directives: directives)
    }

    /// Case-file numbers: decimal, or `0x` hex.
    static func caseNumber(_ token: Substring) -> UInt64? {
        if token.hasPrefix("0x") || token.hasPrefix("0X") {
            return token.count > 2 ? UInt64(token.dropFirst(2), radix: 16) : nil
        }
        return UInt64(token, radix: 10)
    }

    /// A packet: an even number of hex digits, no separators.
    static func hexPacket(_ token: Substring) -> [UInt8]? {
        guard !token.isEmpty, token.utf8.count % 2 == 0, !token.hasPrefix("0x"), !token.hasPrefix("0X") else {
            return nil
        }
        return CNumber.parseHexBytes(token, byteCount: token.utf8.count / 2)
    }
}
