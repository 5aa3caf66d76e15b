import P4JSON
import P4Model

/// `ct timeouts get|set`: the expire-time profiles of the installed program's connection-tracking learners, with
/// the profile names its source gives them (`programs/node`: `udp`, `tcp`; `programs/ct`: `syn_sent`,
/// `established`, `closing`, `udp_unreplied`, `udp_assured`). Profiles without a name are addressed by id.
public struct ConntrackTimeouts: Sendable {
    /// The profiles of one learner table.
    public struct Table: Sendable, Hashable {
        /// The P4Info name.
        public var name: String
        /// Every profile by id, named where the program names it.
        public var profiles: [LearnerTimeouts.Profile]
    }

    /// Profile names by P4Info table name, in profile id order (the `ExpireTimeProfileId_t` constants of the P4
    /// sources: node.p4's `PIN_UDP`/`PIN_TCP`, ct.p4's `TCP_SYN_SENT`…`UDP_ASSURED`).
    public static let profileNames: [String: [String]] = [
        "MainControlImpl.ct_forward": ["udp", "tcp"],
        "MainControlImpl.ct_reverse": ["udp", "tcp"],
        "MainControlImpl.conntrack": ["syn_sent", "established", "closing", "udp_unreplied", "udp_assured"],
    ]

    let client: P4RTClient
    /// The P4Info names of the tables addressed, in P4Info order.
    public let tables: [String]

    /// Addresses `tables` (names, aliases or suffixes), or by default the program's known connection-tracking
    /// learners, or when it has none of those, every table of the program that has expire-time profiles.
    ///
    /// - Throws: `protocolViolation` naming a table the program lacks, or when no table has profiles.
    public init(client: P4RTClient, tables: [String] = []) throws(P4RTClientError) {
        self.client = client
        let index = try client.pipelineIndex()
        if !tables.isEmpty {
            var names: [String] = []
            for name in tables {
                guard let table = index.table(named: name) else {
                    throw .protocolViolation("the installed program has no table '\(name)'")
                }
                names.append(table.preamble.name)
            }
            self.tables = names
            return
        }
        let known = index.p4info.tables.map(\.preamble.name).filter { Self.profileNames[$0] != nil }
        if !known.isEmpty {
            self.tables = known
            return
        }
        var learners: [String] = []
        for table in index.p4info.tables {
            do {
                _ = try client.learnerTimeouts(table: table.preamble.name)
                learners.append(table.preamble.name)
            } catch .server(let error, _) where error.code == .invalidArgument {
                continue  // not an add-on-miss table
            }
        }
        guard !learners.isEmpty else { throw .protocolViolation("the installed program has no add-on-miss table") }
        self.tables = learners
    }

    /// Every profile of every addressed table.
    public func get() throws(P4RTClientError) -> [Table] {
        var result: [Table] = []
        for name in tables { result.append(named(name, try client.learnerTimeouts(table: name))) }
        return result
    }

    /// Parses `NAME=SECONDS` assignments (a profile name or id; seconds as an integer, optionally with an `s`,
    /// `m`, `h` or `d` suffix) against the addressed tables' profiles: a name applies to every table that has it.
    ///
    /// - Throws: naming the assignment: not `NAME=SECONDS`, a name no addressed table has (listing the names it
    ///   knows), an id beyond the profiles, zero, negative or non-numeric seconds, or a profile given twice.
    public func changes(_ assignments: [String], current: [Table]) throws(KubernetesInputError) -> [String: [LearnerTimeouts.Profile]] {
        guard !assignments.isEmpty else { throw KubernetesInputError("give at least one NAME=SECONDS") }
        var changes: [String: [LearnerTimeouts.Profile]] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw KubernetesInputError("'\(assignment)' is not NAME=SECONDS")
            }
            let name = String(assignment[..<equals])
            let seconds = try Self.seconds(String(assignment[assignment.index(after: equals)...]), in: assignment)
            var matched = false
            for table in current {
                let profile = table.profiles.first { $0.name == name } ?? Int(name).flatMap { id in
                    table.profiles.first { $0.profile == id }
                }
                guard let profile else { continue }
                matched = true
                if changes[table.name, default: []].contains(where: { $0.profile == profile.profile }) {
                    throw KubernetesInputError("'\(assignment)': profile \(profile.profile) of \(table.name) is given twice")
                }
                changes[table.name, default: []].append(.init(profile: profile.profile, seconds: seconds, name: profile.name))
            }
            if !matched {
                let known = current.map { table in
                    let names = table.profiles.compactMap(\.name)
                    return "\(table.name): \((names + ["0-\(table.profiles.count - 1)"]).joined(separator: ", "))"
                }
                throw KubernetesInputError("'\(assignment)': no profile named '\(name)' (profiles: \(known.joined(separator: "; ")))")
            }
        }
        return changes
    }

    /// Writes `changes` (from `changes(_:current:)`), one request per table that changes, and returns every table
    /// of `current` as it is afterwards.
    public func set(_ changes: [String: [LearnerTimeouts.Profile]], current: [Table]) throws(P4RTClientError) -> [Table] {
        var result: [Table] = []
        for table in current {
            if let profiles = changes[table.name] {
                result.append(named(table.name, try client.setLearnerTimeouts(table: table.name, profiles)))
            } else {
                result.append(table)
            }
        }
        return result
    }

    func named(_ table: String, _ timeouts: LearnerTimeouts) -> Table {
        let names = Self.profileNames[table] ?? []
        return Table(name: table, profiles: timeouts.timeouts.map { profile in
            var profile = profile
            profile.name = profile.profile < names.count ? names[profile.profile] : nil
            return profile
        })
    }

    static func seconds(_ text: String, in assignment: String) throws(KubernetesInputError) -> UInt32 {
        var digits = Substring(text)
        var unit: UInt64 = 1
        switch digits.last {
        case "s"?: digits.removeLast()
        case "m"?: unit = 60; digits.removeLast()
        case "h"?: unit = 3600; digits.removeLast()
        case "d"?: unit = 86400; digits.removeLast()
        default: break
        }
        if digits.hasPrefix("-") { throw KubernetesInputError("'\(assignment)': seconds cannot be negative") }
        guard let value = UInt64(digits) else {
            throw KubernetesInputError("'\(assignment)': '\(text)' is not a number of seconds (e.g. 3600, 90s, 60m, 2h, 1d)")
        }
        guard value > 0 else { throw KubernetesInputError("'\(assignment)': a profile cannot expire after 0 seconds") }
        let (total, overflow) = value.multipliedReportingOverflow(by: unit)
        guard !overflow, total <= UInt64(UInt32.max) else {
            throw KubernetesInputError("'\(assignment)': at most \(UInt32.max) seconds")
        }
        return UInt32(total)
    }
}
